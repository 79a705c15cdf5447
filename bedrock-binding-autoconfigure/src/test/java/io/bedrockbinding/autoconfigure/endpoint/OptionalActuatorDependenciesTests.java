package io.bedrockbinding.autoconfigure.endpoint;

import java.util.List;

import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeObserver;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The actuator, spring-boot-health and Micrometer are optional: without them on the
 * classpath, bedrock-binding starts as usual and the actuator parts back off. Goes
 * through {@code @EnableAutoConfiguration}, as an application does: the imports file and
 * the generated condition metadata filter the auto-configurations out before any of their
 * classes or conditions is loaded. Its own class: it covers the endpoint, health and
 * observation auto-configurations together.
 */
class OptionalActuatorDependenciesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withUserConfiguration(AutoConfigured.class)
		.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false",
				"management.endpoints.jmx.exposure.include=*", "spring.jmx.enabled=true");

	@Test
	void withActuatorEverythingIsThere() {
		this.runner.run((context) -> assertThat(context).hasNotFailed()
			.hasBean("bedrockBindingsEndpoint")
			.hasBean("bedrockBindingsHealthIndicator")
			.hasSingleBean(PipeObserver.class));
	}

	@Test
	void startsWithoutActuatorHealthAndMicrometer() {
		this.runner
			.withClassLoader(new HiddenLibrariesClassLoader(
					List.of("org.springframework.boot.actuate.", "org.springframework.boot.health.",
							"org.springframework.boot.micrometer.", "io.micrometer."),
					List.of("spring-boot-actuator", "spring-boot-health", "spring-boot-micrometer", "micrometer-")))
			.run((context) -> {
				assertThat(context).hasNotFailed()
					.hasSingleBean(BindingRegistry.class)
					.hasSingleBean(BedrockPipeFactory.class)
					.doesNotHaveBean(PipeObserver.class)
					.doesNotHaveBean("bedrockBindingsEndpoint")
					.doesNotHaveBean("bedrockBindingsHealthIndicator");
				assertThat(context.getBeanDefinitionNames())
					.noneMatch((name) -> name.startsWith("io.bedrockbinding.autoconfigure.endpoint.")
							|| name.startsWith("io.bedrockbinding.autoconfigure.health.")
							|| name.startsWith("io.bedrockbinding.autoconfigure.observation."));
			});
	}

	@Test
	void startsWithMicrometerObservationButWithoutMicrometerCore() {
		this.runner
			.withClassLoader(new HiddenLibrariesClassLoader(
					List.of("io.micrometer.core.", "org.springframework.boot.micrometer.metrics."),
					List.of("micrometer-core", "spring-boot-micrometer-metrics")))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(PipeObserver.class)
				.doesNotHaveBean("bedrockPipeTokenCounter"));
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class AutoConfigured {

	}

}
