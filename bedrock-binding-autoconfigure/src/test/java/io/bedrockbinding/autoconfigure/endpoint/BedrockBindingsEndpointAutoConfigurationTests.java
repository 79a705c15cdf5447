package io.bedrockbinding.autoconfigure.endpoint;

import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpointWebExtension;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

class BedrockBindingsEndpointAutoConfigurationTests {

	private final WebApplicationContextRunner runner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class,
				BedrockBindingsEndpointAutoConfiguration.class))
		.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.account-id=111122223333",
				"bedrock.binding.inference-file.enabled=false");

	@Test
	void notAvailableUnlessExposed() {
		this.runner.run((context) -> {
			assertThat(context).hasSingleBean(BindingRegistry.class);
			assertThat(context).doesNotHaveBean(BedrockBindingsEndpoint.class);
		});
	}

	@Test
	void endpointAndWebExtensionWhenExposedOverWeb() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=bedrockbindings")
			.run((context) -> assertThat(context).hasSingleBean(BedrockBindingsEndpoint.class)
				.hasSingleBean(BedrockBindingsEndpointWebExtension.class));
	}

	@Test
	void endpointWithoutWebExtensionWhenExposedOverJmxOnly() {
		this.runner
			.withPropertyValues("spring.jmx.enabled=true", "management.endpoints.jmx.exposure.include=bedrockbindings")
			.run((context) -> assertThat(context).hasSingleBean(BedrockBindingsEndpoint.class)
				.doesNotHaveBean(BedrockBindingsEndpointWebExtension.class));
	}

	@Test
	void notAvailableWhenAccessIsNone() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=bedrockbindings",
				// upper case: the runner's environment lacks Boot's lenient enum
				// conversion
				"management.endpoint.bedrockbindings.access=NONE")
			.run((context) -> assertThat(context).doesNotHaveBean(BedrockBindingsEndpoint.class));
	}

	@Test
	void backsOffWithoutRegistry() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=bedrockbindings",
					"bedrock.binding.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BindingRegistry.class)
				.doesNotHaveBean(BedrockBindingsEndpoint.class)
				.doesNotHaveBean(BedrockBindingsEndpointWebExtension.class));
	}

	@Test
	void backsOffWithoutActuator() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=bedrockbindings")
			.withClassLoader(new FilteredClassLoader(Endpoint.class))
			.run((context) -> assertThat(context).hasSingleBean(BindingRegistry.class)
				.doesNotHaveBean(BedrockBindingsEndpoint.class));
	}

	@Test
	void userEndpointWins() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=bedrockbindings")
			.withBean("customEndpoint", BedrockBindingsEndpoint.class,
					() -> new BedrockBindingsEndpoint(BindingRegistry.builder(ModelCatalog.builtIn()).build(),
							Show.ALWAYS))
			.run((context) -> assertThat(context).hasSingleBean(BedrockBindingsEndpoint.class)
				.hasBean("customEndpoint")
				.hasSingleBean(BedrockBindingsEndpointWebExtension.class));
	}

	@Test
	void accountIsMaskedByDefault() {
		this.runner.withPropertyValues("management.endpoints.web.exposure.include=bedrockbindings").run((context) -> {
			assertThat(context.getBean(BedrockBindingsEndpointProperties.class).getShowValues()).isEqualTo(Show.NEVER);
			assertThat(context.getBean(BedrockBindingsEndpoint.class).bindings(null).accountId()).isEqualTo("******");
		});
	}

	@Test
	void showValuesAndRolesAreBound() {
		this.runner
			.withPropertyValues("management.endpoints.web.exposure.include=bedrockbindings",
					"management.endpoint.bedrockbindings.show-values=always",
					"management.endpoint.bedrockbindings.roles=ADMIN,OPS")
			.run((context) -> {
				BedrockBindingsEndpointProperties properties = context.getBean(BedrockBindingsEndpointProperties.class);
				assertThat(properties.getShowValues()).isEqualTo(Show.ALWAYS);
				assertThat(properties.getRoles()).containsExactlyInAnyOrder("ADMIN", "OPS");
				assertThat(context.getBean(BedrockBindingsEndpoint.class).bindings(null).accountId())
					.isEqualTo("111122223333");
			});
	}

}
