package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.LayeredTarget;
import io.bedrockbinding.registry.Origin;
import io.bedrockbinding.registry.OriginKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The origin of a property binding names its config file so that a file outside the class
 * path (an external {@code ./config/application.yml}), one in a folder of the class path
 * ({@code config/application.yml}) and the application's own {@code application.yml} can
 * be told apart: the first by its location, the others by their path on the class path.
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
			// the application's own file, in a folder of the class path, names its
			// path there
			assertThat(registry.resolve("amazon.nova-pro-v1:0").origin().source())
				.isEqualTo("bedrock-binding-validation/application-direct.yml");
		}
	}

	@Test
	void aBindingOfAConfigFileInAFolderOfTheClassPathNamesItsPathThere() {
		// Boot's default locations: classpath:/config/ above classpath:/ (the test
		// resources' bedrock-origin.yml files)
		try (ConfigurableApplicationContext context = new SpringApplicationBuilder(BindingTestApplication.class)
			.web(WebApplicationType.NONE)
			.logStartupInfo(false)
			.run("--spring.config.name=bedrock-origin", "--spring.main.banner-mode=off",
					"--bedrock.binding.validation.fail-fast=false", "--bedrock.binding.inference-file.enabled=false")) {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			Binding novaPro = registry.resolve("amazon.nova-pro-v1:0");
			assertThat(novaPro.origin()).isEqualTo(new Origin(OriginKind.PROPERTIES, "config/bedrock-origin.yml"));
			// the root's file keeps its name, also as the value the other one overrides
			assertThat(novaPro.shadowed()).first()
				.isEqualTo(new LayeredTarget(BindingTarget.parse("us.amazon.nova-pro-v1:0"),
						new Origin(OriginKind.PROPERTIES, "bedrock-origin.yml")));
			assertThat(registry.resolve("amazon.nova-lite-v1:0").origin().source()).isEqualTo("bedrock-origin.yml");
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
