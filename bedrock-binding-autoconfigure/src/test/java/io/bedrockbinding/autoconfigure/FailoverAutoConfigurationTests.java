package io.bedrockbinding.autoconfigure;

import java.time.Duration;
import java.util.Map;

import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint;
import io.bedrockbinding.actuate.endpoint.FailoverDescriptor;
import io.bedrockbinding.actuate.observation.PipeCooldownMetrics;
import io.bedrockbinding.autoconfigure.endpoint.BedrockBindingsEndpointAutoConfiguration;
import io.bedrockbinding.autoconfigure.local.LocalBedrockAutoConfiguration;
import io.bedrockbinding.autoconfigure.observation.BedrockPipeObservationAutoConfiguration;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeResult;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bedrock.binding.failover.*} on the pipe factory, LocalBedrock's {@code quotas}
 * properties, and the cooldowns a throttled chain leaves in the {@code bedrockbindings}
 * document and the {@value PipeCooldownMetrics#NAME} gauge.
 */
class FailoverAutoConfigurationTests {

	private static final String HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(LocalBedrockAutoConfiguration.class, BedrockBindingAutoConfiguration.class,
						BedrockPipeObservationAutoConfiguration.class, BedrockBindingsEndpointAutoConfiguration.class))
		.withBean(ObservationRegistry.class, ObservationRegistry::create)
		.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
		.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false",
				"management.endpoints.web.exposure.include=bedrockbindings");

	@Test
	void failoverPropertiesConfigureTheFactorysCooldowns() {
		this.runner
			.withPropertyValues("bedrock.binding.failover.cooldown=2m", "bedrock.binding.failover.cooldown-after=5")
			.run((context) -> {
				BedrockPipeFactory factory = context.getBean(BedrockPipeFactory.class);
				assertThat(factory.cooldowns().duration()).isEqualTo(Duration.ofMinutes(2));
				assertThat(factory.cooldowns().after()).isEqualTo(5);
			});
	}

	@Test
	void anInvalidFailoverPropertyFailsStartUpNamingIt() {
		this.runner.withPropertyValues("bedrock.binding.failover.cooldown-after=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.hasStackTraceContaining("bedrock.binding.failover.cooldown-after must be 1 or more, got 0"));
	}

	@Test
	void aQuotaOfTheFirstTargetFailsOverAndTheCooldownShowsInTheDocumentAndTheGauge() {
		this.runner
			.withPropertyValues("bedrock.binding.local-bedrock.enabled=true",
					"bedrock.binding.failover.cooldown-after=1", "bedrock.binding.failover.sdk-max-attempts=1")
			.withInitializer(RawProperties
				.of(Map.of("bedrock.binding.local-bedrock.quotas[us." + HAIKU + "].requests-per-minute", "1",
						"bedrock.binding.models[" + HAIKU + "]", "us." + HAIKU + ", global." + HAIKU)))
			.run((context) -> {
				BedrockPipeFactory factory = context.getBean(BedrockPipeFactory.class);
				PipeResult first = factory.pipe(HAIKU).execute("one");
				PipeResult second = factory.pipe(HAIKU).execute("two");

				assertThat(first.invokedTarget()).isEqualTo("us." + HAIKU);
				assertThat(second.invokedTarget()).isEqualTo("global." + HAIKU);
				assertThat(second.targetsTried()).isEqualTo(2);
				FailoverDescriptor failover = context.getBean(BedrockBindingsEndpoint.class).bindings(false).failover();
				assertThat(failover).isNotNull();
				assertThat(failover.cooldowns()).singleElement().satisfies((cooldown) -> {
					assertThat(cooldown.target()).isEqualTo("us." + HAIKU);
					assertThat(cooldown.region()).isEqualTo("us-east-1");
				});
				// what Boot's metrics auto-configuration does with every MeterBinder bean
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				context.getBean(PipeCooldownMetrics.class).bindTo(meters);
				assertThat(meters.get(PipeCooldownMetrics.NAME).gauge().value()).isEqualTo(1.0);
			});
	}

}
