package io.bedrockbinding.autoconfigure.observation;

import io.bedrockbinding.actuate.observation.MeterRegistryPipeTokenCounter;
import io.bedrockbinding.actuate.observation.ObservationPipeObserver;
import io.bedrockbinding.actuate.observation.PipeCooldownMetrics;
import io.bedrockbinding.actuate.observation.PipeObservationConvention;
import io.bedrockbinding.actuate.observation.PipeTokenCounter;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeObserver;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Auto-configuration of a {@link PipeObserver} that observes every pipe call with
 * Micrometer, when an {@link ObservationRegistry} bean exists; tokens are counted too
 * when a {@link MeterRegistry} bean exists. It runs before
 * {@link BedrockBindingAutoConfiguration}, whose pipe factory takes the observer.
 */
@AutoConfiguration(before = BedrockBindingAutoConfiguration.class,
		afterName = { "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
				"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration" })
@ConditionalOnClass({ ObservationRegistry.class, PipeObserver.class })
@ConditionalOnBean(ObservationRegistry.class)
@ConditionalOnBooleanProperty(name = "bedrock.binding.enabled", matchIfMissing = true)
public final class BedrockPipeObservationAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	PipeObserver bedrockPipeObserver(ObservationRegistry observationRegistry,
			ObjectProvider<PipeObservationConvention> convention, ObjectProvider<PipeTokenCounter> tokens) {
		return new ObservationPipeObserver(observationRegistry, convention.getIfAvailable(),
				tokens.getIfAvailable(() -> PipeTokenCounter.NONE));
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(MeterRegistry.class)
	@ConditionalOnBean(MeterRegistry.class)
	static class TokenCounterConfiguration {

		@Bean
		@ConditionalOnMissingBean
		PipeTokenCounter bedrockPipeTokenCounter(MeterRegistry meterRegistry) {
			return new MeterRegistryPipeTokenCounter(meterRegistry);
		}

		@Bean
		@ConditionalOnMissingBean
		PipeCooldownMetrics bedrockPipeCooldownMetrics(ObjectProvider<BedrockPipeFactory> pipes) {
			// the factory is made later (by BedrockBindingAutoConfiguration): looked up
			// at each scrape
			return new PipeCooldownMetrics(() -> {
				BedrockPipeFactory factory = pipes.getIfAvailable();
				return (factory != null) ? factory.cooldowns() : null;
			});
		}

	}

}
