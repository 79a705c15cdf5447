package io.bedrockbinding.sample;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The bedrock-binding sample: {@code POST /api/chat}, {@code GET /api/models} and
 * {@code /actuator/bedrockbindings}. The {@code local} profile (the default) runs on an
 * in-process LocalBedrock; {@code dev}, {@code staging} and {@code prod} call AWS.
 */
@SpringBootApplication
public class SampleApplication {

	public static void main(String[] args) {
		SpringApplication.run(SampleApplication.class, args);
	}

}
