package io.bedrockbinding.docs;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The property table of {@code docs/configuration.md} and the configuration metadata the
 * build generates ({@code META-INF/spring-configuration-metadata.json}, what IDEs
 * complete) name the same properties: a new property must be documented, and a documented
 * one must exist.
 */
class ConfigurationDocumentationTests {

	/** A table row whose first cell is a property name in backticks. */
	private static final Pattern ROW = Pattern.compile("^\\| `([a-z][a-z0-9.\\-\\[\\]A-Z]*)` \\|");

	/**
	 * Prefixes of properties that modules built on this one describe
	 * ({@code bedrock-binding-spring-ai}): their metadata is not on this module's class
	 * path, so their own documentation test checks them.
	 */
	private static final List<String> OTHER_MODULES = List.of("bedrock.binding.chat.", "bedrock.binding.embedding.");

	private static final JsonMapper json = JsonMapper.builder().build();

	@Test
	void everyPropertyOfTheMetadataIsDocumentedAndEveryDocumentedOneExists() throws IOException {
		Set<String> documented = documented();
		Set<String> described = described();

		assertThat(documented).as("properties in docs/configuration.md").contains("bedrock.binding.region");
		assertThat(described).as("properties in the generated metadata").contains("bedrock.binding.region");
		assertThat(described).as("generated metadata properties missing from docs/configuration.md")
			.isSubsetOf(documented);
		assertThat(documented).as("documented properties that do not exist").isSubsetOf(described);
	}

	private static Set<String> documented() throws IOException {
		Set<String> names = new TreeSet<>();
		for (String line : Files.readAllLines(repositoryRoot().resolve("docs/configuration.md"))) {
			Matcher row = ROW.matcher(line);
			if (row.find() && OTHER_MODULES.stream().noneMatch(row.group(1)::startsWith)) {
				// a map property is documented with its key:
				// bedrock.binding.models.[MODEL]
				names.add(row.group(1).replaceFirst("\\.\\[[A-Z]+\\]$", ""));
			}
		}
		return names;
	}

	private static Set<String> described() throws IOException {
		Set<String> names = new TreeSet<>();
		for (URL url : Collections.list(ConfigurationDocumentationTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					String name = property.get("name").asString();
					if (name.startsWith("bedrock.binding.") || name.contains(".bedrockbindings.")) {
						names.add(name);
					}
				}
			}
		}
		return names;
	}

	/**
	 * The folder of the root pom, above the module folder the tests run in.
	 * @return the repository's root folder
	 */
	private static Path repositoryRoot() {
		Path folder = Path.of("").toAbsolutePath();
		while (folder != null && !Files.exists(folder.resolve("mvnw"))) {
			folder = folder.getParent();
		}
		assertThat(folder).as("the repository root above " + Path.of("").toAbsolutePath()).isNotNull();
		return folder;
	}

}
