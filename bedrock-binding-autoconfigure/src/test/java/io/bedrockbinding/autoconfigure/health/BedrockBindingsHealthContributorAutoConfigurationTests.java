package io.bedrockbinding.autoconfigure.health;

import io.bedrockbinding.actuate.health.BedrockBindingsHealthIndicator;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class BedrockBindingsHealthContributorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class,
				BedrockBindingsHealthContributorAutoConfiguration.class))
		.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false");

	@Test
	void contributesBedrockBindingsIndicator() {
		this.runner.run((context) -> assertThat(context).hasSingleBean(BedrockBindingsHealthIndicator.class)
			.hasBean("bedrockBindingsHealthIndicator"));
	}

	@Test
	void errorOfAModelThatIsNotRequiredKeepsItUpUnlessAnyErrorIsDown() {
		String wrongGeography = "bedrock.binding.models[google.gemma-3-12b-it]=eu.google.gemma-3-12b-it";
		ApplicationContextRunner runner = this.runner.withPropertyValues("bedrock.binding.validation.fail-fast=false");
		runner.withPropertyValues(wrongGeography)
			.run((context) -> assertThat(context.getBean(BedrockBindingsHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.UP));
		runner.withPropertyValues(wrongGeography, "management.health.bedrockbindings.any-error-is-down=true")
			.run((context) -> assertThat(context.getBean(BedrockBindingsHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.DOWN));
		runner.withPropertyValues(wrongGeography, "bedrock.binding.required-models=google.gemma-3-12b-it")
			.run((context) -> assertThat(context.getBean(BedrockBindingsHealthIndicator.class).health().getStatus())
				.isEqualTo(Status.DOWN));
	}

	@Test
	void switchedOffByProperty() {
		this.runner.withPropertyValues("management.health.bedrockbindings.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BedrockBindingsHealthIndicator.class));
	}

	@Test
	void switchedOffWithDefaults() {
		this.runner.withPropertyValues("management.health.defaults.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BedrockBindingsHealthIndicator.class));
	}

	@Test
	void userIndicatorOfSameNameWins() {
		this.runner.withBean("bedrockBindingsHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.run((context) -> assertThat(context).doesNotHaveBean(BedrockBindingsHealthIndicator.class)
				.hasBean("bedrockBindingsHealthIndicator"));
	}

	@Test
	void backsOffWithoutRegistry() {
		this.runner.withPropertyValues("bedrock.binding.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BedrockBindingsHealthIndicator.class));
	}

	@Test
	void backsOffWithoutSpringBootHealth() {
		this.runner.withClassLoader(new FilteredClassLoader(HealthIndicator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(BedrockBindingsHealthIndicator.class));
	}

}
