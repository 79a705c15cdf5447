package io.bedrockbinding.autoconfigure;

import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.RuntimeBindingLimitException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code bedrock.binding.runtime.max-bindings}, and the property names the registry's
 * messages use in a Spring application.
 */
class RuntimeBindingsPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
		.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false");

	@Test
	void capIsTenThousandByDefault() {
		this.runner.run((context) -> {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			assertThat(context.getBean(BedrockBindingProperties.class).getRuntime().getMaxBindings()).isEqualTo(10_000);
			assertThat(registry.hints().maxRuntimeBindings()).isEqualTo("bedrock.binding.runtime.max-bindings");
		});
	}

	@Test
	void bindBeyondTheConfiguredCapNamesTheProperty() {
		this.runner.withPropertyValues("bedrock.binding.runtime.max-bindings=1").run((context) -> {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			registry.bind("acme.one-v1:0", "");
			assertThatExceptionOfType(RuntimeBindingLimitException.class)
				.isThrownBy(() -> registry.bind("acme.two-v1:0", ""))
				.withMessageContaining("at most 1")
				.withMessageContaining("bedrock.binding.runtime.max-bindings");
		});
	}

	@Test
	void requiredModelProblemNamesTheProperty() {
		this.runner
			.withPropertyValues("bedrock.binding.required-models=acme.unbound-v1:0",
					"bedrock.binding.validation.fail-fast=false")
			.run((context) -> assertThat(context.getBean(BindingRegistry.class).validate()).anySatisfy(
					(problem) -> assertThat(problem.message()).contains("listed in bedrock.binding.required-models")));
	}

}
