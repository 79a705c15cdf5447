package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The origin of a property binding names its config file so that a file outside the class
 * path (an external {@code ./config/application.yml}) and the application's own
 * {@code application.yml} can be told apart: the first by its location, the second by its
 * name.
 */
class ConfigFileOriginTests {

	@TempDir
	Path folder;

	private Path externalConfig(String yaml) throws IOException {
		Path config = Files.createDirectories(this.folder.resolve("config"));
		Files.writeString(config.resolve("application.yml"), yaml);
		return config;
	}

	@Test
	void aBindingOfAConfigFileOutsideTheClassPathNamesItsLocation() throws IOException {
		Path config = externalConfig("""
				bedrock:
				  binding:
				    models:
				      "[amazon.nova-lite-v1:0]": eu.amazon.nova-lite-v1:0
				""");
		try (ConfigurableApplicationContext context = BindingTestApplication.run("bedrock-binding-validation",
				List.of("direct"), "--spring.config.additional-location=optional:file:" + config + "/",
				"--bedrock.binding.validation.fail-fast=false", "--bedrock.binding.inference-file.enabled=false")) {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			assertThat(registry.resolve("amazon.nova-lite-v1:0").origin().source())
				.isEqualTo("file:" + config + "/application.yml");
			// the application's own file, on the class path, keeps its name
			assertThat(registry.resolve("amazon.nova-pro-v1:0").origin().source()).isEqualTo("application-direct.yml");
		}
	}

	@Test
	void requiredModelsOfAConfigFileOutsideTheClassPathNameItsLocation() throws IOException {
		Path config = externalConfig("""
				bedrock:
				  binding:
				    required-models: amazon.nova-pro-v1:0
				""");
		Throwable failure = catchThrowable(() -> BindingTestApplication
			.run("bedrock-binding-validation", List.of(),
					"--spring.config.additional-location=optional:file:" + config + "/",
					"--bedrock.binding.inference-file.enabled=false")
			.close());
		assertThat(StartupFailures.analyze(failure).getDescription())
			.contains("amazon.nova-pro-v1:0 is listed in bedrock.binding.required-models (file:" + config
					+ "/application.yml) but has no binding");
	}

}
