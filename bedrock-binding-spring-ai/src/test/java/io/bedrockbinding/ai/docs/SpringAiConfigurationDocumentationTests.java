package io.bedrockbinding.ai.docs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Spring AI properties in {@code docs/configuration.md} and the configuration
 * metadata this module's build generates name the same properties (the auto-configuration
 * module's documentation test leaves these prefixes to this one).
 */
class SpringAiConfigurationDocumentationTests {

	private static final Pattern ROW = Pattern
		.compile("^\\| `(bedrock\\.binding\\.(chat|embedding)\\.[a-z0-9.\\-]*)` \\|");

	@Test
	void everySpringAiPropertyIsDocumentedAndEveryDocumentedOneExists() throws IOException {
		Set<String> documented = new TreeSet<>();
		for (String line : Files.readAllLines(repositoryRoot().resolve("docs/configuration.md"))) {
			Matcher row = ROW.matcher(line);
			if (row.find()) {
				documented.add(row.group(1));
			}
		}
		Set<String> described = new TreeSet<>();
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : JsonMapper.builder().build().readTree(in).path("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("bedrock.binding.chat.") || name.startsWith("bedrock.binding.embedding.")) {
						described.add(name);
					}
				}
			}
		}
		assertThat(described).contains("bedrock.binding.chat.options.model", "bedrock.binding.chat.options.temperature",
				"bedrock.binding.chat.options.max-tokens", "bedrock.binding.chat.options.top-p",
				"bedrock.binding.embedding.options.model", "bedrock.binding.embedding.options.dimensions");
		assertThat(documented).isEqualTo(described);
	}

	@Test
	void metadataHintsTheSelectionValueOfSpringAisModelProperties() throws IOException {
		Set<String> selected = new TreeSet<>();
		for (URL url : Collections
			.list(getClass().getClassLoader().getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode hint : JsonMapper.builder().build().readTree(in).path("hints")) {
					for (JsonNode value : hint.path("values")) {
						if ("bedrock-binding".equals(value.path("value").asString())) {
							selected.add(hint.get("name").asString());
						}
					}
				}
			}
		}
		assertThat(selected).containsExactly("spring.ai.model.chat", "spring.ai.model.embedding");
	}

	private static Path repositoryRoot() {
		Path folder = Path.of("").toAbsolutePath();
		while (folder != null && !Files.exists(folder.resolve("mvnw"))) {
			folder = folder.getParent();
		}
		assertThat(folder).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
		return folder;
	}

}
