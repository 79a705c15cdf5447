package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

/**
 * The configuration metadata an IDE shows for {@code bedrock.binding.*}: the committed
 * additional metadata is what {@link AdditionalMetadataGenerator} makes from the catalog
 * (run with {@code -Dmetadata.regenerate=true} to rewrite it), and the metadata the
 * processor generated describes every property and carries the hints.
 */
class ConfigurationMetadataTests {

	private static final String HOW_TO_REGENERATE = "regenerate it from the catalog with "
			+ "./mvnw -pl bedrock-binding-autoconfigure test -Dtest=ConfigurationMetadataTests -Dmetadata.regenerate=true "
			+ "and commit " + AdditionalMetadataGenerator.PATH;

	private static final JsonMapper json = JsonMapper.builder().build();

	private final List<String> catalogIds = ModelCatalog.builtIn().all().stream().map(ModelInfo::modelId).toList();

	@Test
	void committedAdditionalMetadataListsEveryCatalogModel() throws IOException {
		String generated = AdditionalMetadataGenerator.generate(ModelCatalog.builtIn());
		Path source = moduleDirectory().resolve(AdditionalMetadataGenerator.PATH);
		if (Boolean.getBoolean("metadata.regenerate")) {
			assumeThat(source.getParent()).as("the module's resource folder").isDirectory();
			Files.writeString(source, generated, StandardCharsets.UTF_8);
		}
		String committed = Files.exists(source) ? Files.readString(source, StandardCharsets.UTF_8)
				: fromAutoConfigurationJar("META-INF/additional-spring-configuration-metadata.json");
		JsonNode metadata = json.readTree(committed);
		for (String hint : AdditionalMetadataGenerator.MODEL_ID_HINTS) {
			assertThat(hintValues(metadata, hint))
				.as("the values of hint %s differ from ModelCatalog.builtIn()'s model IDs: %s", hint, HOW_TO_REGENERATE)
				.containsExactlyElementsOf(this.catalogIds);
		}
		assertThat(committed)
			.as("%s is not what the generator makes: %s", AdditionalMetadataGenerator.PATH, HOW_TO_REGENERATE)
			.isEqualTo(generated);
	}

	@Test
	void everyPropertyHasADescription() throws IOException {
		JsonNode metadata = json.readTree(fromAutoConfigurationJar("META-INF/spring-configuration-metadata.json"));
		List<String> names = new ArrayList<>();
		List<String> undescribed = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			if (name.startsWith("bedrock.binding.")) {
				names.add(name);
				JsonNode description = property.get("description");
				if (description == null || description.asString().isBlank()) {
					undescribed.add(name);
				}
			}
		}
		assertThat(undescribed).as("properties without a description (write the field's javadoc)").isEmpty();
		assertThat(names).contains("bedrock.binding.enabled", "bedrock.binding.region", "bedrock.binding.account-id",
				"bedrock.binding.endpoint", "bedrock.binding.models", "bedrock.binding.required-models",
				"bedrock.binding.derive-profiles", "bedrock.binding.on-demand-fallback",
				"bedrock.binding.inference-file.enabled", "bedrock.binding.inference-file.location",
				"bedrock.binding.inference-file.create-if-missing", "bedrock.binding.inference-file.watch",
				"bedrock.binding.inference-file.strict", "bedrock.binding.discovery.enabled",
				"bedrock.binding.discovery.on-startup", "bedrock.binding.validation.fail-fast");
	}

	@Test
	void booleanDescriptionsStartWithWhether() throws IOException {
		JsonNode metadata = json.readTree(fromAutoConfigurationJar("META-INF/spring-configuration-metadata.json"));
		List<String> offStyle = new ArrayList<>();
		for (JsonNode property : metadata.get("properties")) {
			String name = property.get("name").asString();
			JsonNode description = property.get("description");
			if (name.startsWith("bedrock.binding.") && "java.lang.Boolean".equals(property.path("type").asString())
					&& description != null && !description.asString().startsWith("Whether ")) {
				offStyle.add(name);
			}
		}
		assertThat(offStyle).as("boolean properties whose description does not start with 'Whether'").isEmpty();
	}

	@Test
	void processorMergedTheAdditionalMetadata() throws IOException {
		JsonNode metadata = json.readTree(fromAutoConfigurationJar("META-INF/spring-configuration-metadata.json"));
		for (String hint : AdditionalMetadataGenerator.MODEL_ID_HINTS) {
			assertThat(hintValues(metadata, hint)).as(hint).containsExactlyElementsOf(this.catalogIds);
		}
		JsonNode location = property(metadata, "bedrock.binding.inference-file.location");
		assertThat(location.path("defaultValue").asString()).isEqualTo("~/.aws/inference.txt");
		assertThat(location.path("description").asString()).isNotBlank();
		BedrockBindingProperties defaults = new BedrockBindingProperties();
		assertThat(property(metadata, "bedrock.binding.client-pool.max-regions").path("defaultValue").asInt(-1))
			.isEqualTo(defaults.getClientPool().getMaxRegions());
		assertThat(property(metadata, "bedrock.binding.runtime.max-bindings").path("defaultValue").asInt(-1))
			.isEqualTo(defaults.getRuntime().getMaxBindings());
		JsonNode health = property(metadata, AdditionalMetadataGenerator.HEALTH_ENABLED);
		assertThat(health.path("type").asString()).isEqualTo("java.lang.Boolean");
		assertThat(health.path("defaultValue").asBoolean(false)).isTrue();
		assertThat(health.path("description").asString()).startsWith("Whether ");
	}

	private static List<String> hintValues(JsonNode metadata, String name) {
		for (JsonNode hint : metadata.path("hints")) {
			if (name.equals(hint.get("name").asString())) {
				List<String> values = new ArrayList<>();
				hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
				return values;
			}
		}
		throw new AssertionError("No hint " + name + " in the metadata");
	}

	private static JsonNode property(JsonNode metadata, String name) {
		for (JsonNode property : metadata.path("properties")) {
			if (name.equals(property.get("name").asString())) {
				return property;
			}
		}
		throw new AssertionError("No property " + name + " in the metadata");
	}

	/**
	 * The bedrock-binding-autoconfigure module: the working directory when its own build
	 * runs the test, or what the compat builds say it is.
	 */
	private static Path moduleDirectory() {
		return Path.of(System.getProperty("bedrock.autoconfigure.basedir", "."));
	}

	/**
	 * A file of the auto-configuration's build output, a folder or a jar (compat builds).
	 */
	private static String fromAutoConfigurationJar(String name) throws IOException {
		Path location;
		try {
			location = Path
				.of(BedrockBindingProperties.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (URISyntaxException ex) {
			throw new IOException(ex);
		}
		if (Files.isDirectory(location)) {
			return Files.readString(location.resolve(name), StandardCharsets.UTF_8);
		}
		try (JarFile jar = new JarFile(location.toFile())) {
			ZipEntry entry = jar.getEntry(name);
			assertThat(entry).as(name + " in " + location).isNotNull();
			try (InputStream in = jar.getInputStream(entry)) {
				return new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
		}
	}

}
