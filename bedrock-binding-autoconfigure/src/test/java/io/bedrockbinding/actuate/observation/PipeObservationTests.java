package io.bedrockbinding.actuate.observation;

import io.bedrockbinding.actuate.ActuatorTestApplication;
import io.bedrockbinding.emulator.Fault;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.registry.BindingRegistry;
import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Pipe calls through the auto-configured pipe factory against LocalBedrock are observed:
 * one {@code bedrock.pipe} observation per call, low-cardinality key values only, and
 * token counters.
 */
@SpringBootTest(classes = { ActuatorTestApplication.class, PipeObservationTests.ObservationConfiguration.class },
		webEnvironment = WebEnvironment.NONE,
		properties = { ActuatorTestApplication.CONFIG, "bedrock.binding.inference-file.enabled=false" })
class PipeObservationTests {

	static final LocalBedrock bedrock = LocalBedrock.builder().build().start();

	@Autowired
	BedrockPipeFactory pipes;

	@Autowired
	BindingRegistry registry;

	@Autowired
	TestObservationRegistry observations;

	@Autowired
	MeterRegistry meters;

	@DynamicPropertySource
	static void bedrock(DynamicPropertyRegistry registry) {
		registry.add("bedrock.binding.endpoint", () -> bedrock.endpoint().toString());
	}

	@AfterAll
	static void stop() {
		bedrock.close();
	}

	@BeforeEach
	void reset() {
		this.observations.clear();
		bedrock.reset();
	}

	@Test
	void successfulCallIsObservedWithLowCardinalityKeyValues() {
		double inputBefore = tokens("amazon.nova-micro-v1:0", "input");
		double outputBefore = tokens("amazon.nova-micro-v1:0", "output");
		PipeResult result = this.pipes.pipe("amazon.nova-micro-v1:0").execute("Hello");
		assertThat(this.observations).hasNumberOfObservationsWithNameEqualTo("bedrock.pipe", 1)
			.hasObservationWithNameEqualTo("bedrock.pipe")
			.that()
			.hasBeenStarted()
			.hasBeenStopped()
			.hasContextualNameEqualTo("bedrock amazon.nova-micro-v1:0")
			.hasLowCardinalityKeyValue("model", "amazon.nova-micro-v1:0")
			.hasLowCardinalityKeyValue("target.kind", "DIRECT")
			.hasLowCardinalityKeyValue("region", "us-east-1")
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("error.code", "none")
			.hasLowCardinalityKeyValue("targets.tried", "1")
			.doesNotHaveError()
			.hasKeyValuesCount(6);
		assertThat(result.usage().inputTokens()).isPositive();
		assertThat(result.usage().outputTokens()).isPositive();
		assertThat(tokens("amazon.nova-micro-v1:0", "input") - inputBefore).isEqualTo(result.usage().inputTokens());
		assertThat(tokens("amazon.nova-micro-v1:0", "output") - outputBefore).isEqualTo(result.usage().outputTokens());
	}

	@Test
	void failedCallIsObservedWithErrorCode() {
		bedrock.faults().failNext(1, Fault.ACCESS_DENIED);
		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> this.pipes.pipe("amazon.nova-pro-v1:0").execute("Hello"));
		assertThat(failure).isNotNull();
		assertThat(failure.errorCode()).isEqualTo("AccessDeniedException");
		assertThat(this.observations).hasObservationWithNameEqualTo("bedrock.pipe")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("model", "amazon.nova-pro-v1:0")
			.hasLowCardinalityKeyValue("target.kind", "SYSTEM_PROFILE")
			.hasLowCardinalityKeyValue("outcome", "ERROR")
			.hasLowCardinalityKeyValue("error.code", "AccessDeniedException")
			.hasError(failure);
	}

	@Test
	void arnTargetPutsNoArnOrAccountIntoKeyValues() {
		String arn = bedrock.createApplicationProfile("tests", "amazon.nova-lite-v1:0", "us-west-2");
		this.registry.bind("amazon.nova-lite-v1:0", arn);
		try {
			this.pipes.pipe("amazon.nova-lite-v1:0").execute("Hello");
		}
		finally {
			this.registry.unbind("amazon.nova-lite-v1:0", false);
		}
		assertThat(this.observations).hasObservationWithNameEqualTo("bedrock.pipe")
			.that()
			.hasLowCardinalityKeyValue("target.kind", "APPLICATION_PROFILE_ARN")
			.hasLowCardinalityKeyValue("region", "us-west-2")
			.satisfies((context) -> assertThat(context.getAllKeyValues()).extracting(KeyValue::getValue)
				.noneMatch((value) -> value.contains("arn:") || value.contains(bedrock.accountId())));
		assertThat(this.meters.getMeters()).flatExtracting((meter) -> meter.getId().getTags())
			.noneMatch((tag) -> tag.getValue().contains("arn:") || tag.getValue().contains(bedrock.accountId()));
	}

	@Test
	void asyncCallIsObservedWhenItCompletes() {
		this.pipes.pipe("amazon.nova-micro-v1:0").executeAsync("Hello").join();
		assertThat(this.observations).hasObservationWithNameEqualTo("bedrock.pipe")
			.that()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "SUCCESS");
	}

	@Test
	void callIsTimedInTheMeterRegistry() {
		this.pipes.pipe("amazon.nova-micro-v1:0").execute("Hello");
		assertThat(this.meters.get("bedrock.pipe")
			.tag("model", "amazon.nova-micro-v1:0")
			.tag("outcome", "SUCCESS")
			.timer()
			.count()).isPositive();
	}

	@Test
	void failedCallCountsNoTokens() {
		double before = tokens("amazon.nova-lite-v1:0", "input");
		bedrock.faults().failNext(1, Fault.ACCESS_DENIED);
		assertThatExceptionOfType(BedrockPipeException.class)
			.isThrownBy(() -> this.pipes.pipe("amazon.nova-lite-v1:0").execute("Hello"));
		assertThat(tokens("amazon.nova-lite-v1:0", "input")).isEqualTo(before);
	}

	private double tokens(String model, String direction) {
		Counter counter = this.meters.find("bedrock.pipe.tokens")
			.tag("model", model)
			.tag("direction", direction)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class ObservationConfiguration {

		@Bean
		TestObservationRegistry testObservationRegistry() {
			return TestObservationRegistry.create();
		}

	}

}
