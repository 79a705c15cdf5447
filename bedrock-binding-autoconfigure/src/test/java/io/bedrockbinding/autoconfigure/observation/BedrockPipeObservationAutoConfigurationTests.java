package io.bedrockbinding.autoconfigure.observation;

import java.util.List;

import io.bedrockbinding.actuate.observation.DefaultPipeObservationConvention;
import io.bedrockbinding.actuate.observation.MeterRegistryPipeTokenCounter;
import io.bedrockbinding.actuate.observation.ObservationPipeObserver;
import io.bedrockbinding.actuate.observation.PipeObservationConvention;
import io.bedrockbinding.actuate.observation.PipeTokenCounter;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.Content;
import io.bedrockbinding.pipe.PipeObserver;
import io.bedrockbinding.pipe.PipeResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

class BedrockPipeObservationAutoConfigurationTests {

	private static final LocalBedrock bedrock = LocalBedrock.builder().build().start();

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class,
				BedrockPipeObservationAutoConfiguration.class))
		.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false");

	@AfterAll
	static void stop() {
		bedrock.close();
	}

	@Test
	void noObserverWithoutObservationRegistry() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(BedrockPipeFactory.class)
			.doesNotHaveBean(PipeObserver.class));
	}

	@Test
	void observerWithObservationRegistryBean() {
		this.runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).getBean(PipeObserver.class)
				.isInstanceOf(ObservationPipeObserver.class));
	}

	@Test
	void observerWithBootsObservationAutoConfiguration() {
		this.runner.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class))
			.run((context) -> assertThat(context).hasSingleBean(ObservationRegistry.class)
				.getBean(PipeObserver.class)
				.isInstanceOf(ObservationPipeObserver.class));
	}

	@Test
	void tokenCounterOnlyWithMeterRegistry() {
		this.runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.run((context) -> assertThat(context).doesNotHaveBean(PipeTokenCounter.class));
		this.runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).getBean(PipeTokenCounter.class)
				.isInstanceOf(MeterRegistryPipeTokenCounter.class));
	}

	@Test
	void observerWithoutMicrometerCore() {
		this.runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withClassLoader(new FilteredClassLoader("io.micrometer.core."))
			.run((context) -> assertThat(context).hasSingleBean(PipeObserver.class)
				.doesNotHaveBean(PipeTokenCounter.class));
	}

	@Test
	void userObserverWins() {
		this.runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withBean("customObserver", PipeObserver.class, () -> PipeObserver.NONE)
			.run((context) -> assertThat(context).hasSingleBean(PipeObserver.class).hasBean("customObserver"));
	}

	@Test
	void backsOffWhenBedrockBindingIsDisabled() {
		this.runner.withBean(ObservationRegistry.class, ObservationRegistry::create)
			.withPropertyValues("bedrock.binding.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(PipeObserver.class));
	}

	@Test
	void userConventionIsUsed() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(PipeObservationConvention.class, () -> new DefaultPipeObservationConvention() {

				@Override
				public String getName() {
					return "custom.pipe";
				}

			})
			.run((context) -> {
				context.getBean(PipeObserver.class)
					.start("amazon.nova-micro-v1:0", TargetKind.DIRECT, "us-east-1")
					.succeeded(new PipeResult(
							ConverseResponse.builder()
								.output((o) -> o.message(Content.assistant("hi")))
								.stopReason("end_turn")
								.usage((u) -> u.inputTokens(1).outputTokens(2).totalTokens(3))
								.build(),
							List.of(), "amazon.nova-micro-v1:0", "amazon.nova-micro-v1:0", TargetKind.DIRECT,
							"us-east-1", null, false, 0));
				assertThat(registry).hasSingleObservationThat().hasNameEqualTo("custom.pipe");
			});
	}

	/**
	 * The observation auto-configuration runs first, so the pipe factory gets its
	 * observer.
	 */
	@Test
	void pipeFactoryCallsAreObserved() {
		TestObservationRegistry registry = TestObservationRegistry.create();
		this.runner.withBean(ObservationRegistry.class, () -> registry)
			.withBean(AwsCredentialsProvider.class,
					() -> StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
			.withPropertyValues("bedrock.binding.endpoint=" + bedrock.endpoint())
			.run((context) -> {
				context.getBean(BedrockPipeFactory.class).pipe("amazon.nova-micro-v1:0").execute("Hello");
				assertThat(registry).hasSingleObservationThat()
					.hasNameEqualTo("bedrock.pipe")
					.hasBeenStopped()
					.hasLowCardinalityKeyValue("outcome", "SUCCESS");
			});
	}

}
