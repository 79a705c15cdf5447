package io.bedrockbinding.ai;

import io.micrometer.observation.tck.TestObservationRegistry;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The application of the Spring AI tests: the starter's auto-configuration on an
 * in-process LocalBedrock, Spring AI's own auto-configurations on top, and a test
 * observation registry that records every observation.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class SpringAiTestApplication {

	@Bean
	TestObservationRegistry observationRegistry() {
		return TestObservationRegistry.create();
	}

}
