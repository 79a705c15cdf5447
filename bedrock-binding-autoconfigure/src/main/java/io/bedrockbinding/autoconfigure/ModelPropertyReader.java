package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.bedrockbinding.registry.LayerEntry;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.OriginTrackedResource;
import org.springframework.boot.origin.PropertySourceOrigin;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/**
 * Reads {@code bedrock.binding.models} from the property sources themselves rather than
 * through {@code @ConfigurationProperties} binding. Two reasons: Spring's relaxed binding
 * drops the {@code :} of an unbracketed key ({@code amazon.nova-pro-v1:0} would become
 * {@code amazon.nova-pro-v10}), while the raw property name still has it, so both
 * spellings bind the model meant; and each binding can name the file it came from. The
 * sources are in precedence order, so the first source that names a model wins: an
 * {@code application-prod.yml} overrides only the models it names (the values it
 * overrides are kept with it, for the actuator's {@code shadowed}).
 */
final class ModelPropertyReader {

	static final String PREFIX = "bedrock.binding.models";

	static final String YAML = "bedrock.binding.models-yaml";

	/** The environment variable of {@link #YAML}, as Boot spells it (dashes dropped). */
	private static final String YAML_VARIABLE = "BEDROCK_BINDING_MODELSYAML";

	/**
	 * Test property sources whose {@code key=value} strings are parsed as
	 * {@code .properties} lines are, ending a key at its first {@code :}: Boot's
	 * {@code TestPropertyValues} ({@code withPropertyValues}) and Spring's inlined test
	 * properties ({@code @SpringBootTest(properties = ...)}).
	 */
	private static final Set<String> LINE_PARSED_TEST_SOURCES = Set.of("test", "Inlined Test Properties");

	private static final Logger logger = LoggerFactory.getLogger(ModelPropertyReader.class);

	private ModelPropertyReader() {
	}

	// BEDROCK_BINDING_MODELS_X=... looks like a binding and binds nothing: say so
	private static void warnOfModelVariables(String[] names) {
		for (String name : names) {
			if (name.startsWith("BEDROCK_BINDING_MODELS_") && !name.equals("BEDROCK_BINDING_MODELS_YAML")) {
				logger.warn("Bedrock binding: the environment variable {} binds nothing: a variable's name cannot hold "
						+ "a model ID (its '.', ':' and '-'). Put the models in {}, e.g. {}='{\"amazon.nova-pro-v1:0\": "
						+ "\"us.amazon.nova-pro-v1:0\"}'", name, YAML_VARIABLE, YAML_VARIABLE);
			}
		}
	}

	static List<LayerEntry> read(ConfigurableEnvironment environment) {
		Map<String, List<LayerEntry>> models = new LinkedHashMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)
					|| ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				continue;
			}
			boolean variables = source instanceof SystemEnvironmentPropertySource;
			if (variables) {
				// A variable cannot name a model, but it can hold the one YAML value: as
				// Boot spells a property's variable, or with the '-' as '_' (which the
				// source itself maps the property's name to)
				Object yaml = source.getProperty(YAML_VARIABLE);
				if (yaml == null) {
					yaml = source.getProperty(YAML);
				}
				if (yaml != null) {
					readYaml(yaml.toString(), source.getName(), models);
				}
				warnOfModelVariables(enumerable.getPropertyNames());
			}
			SourceModels own = new SourceModels();
			for (String name : enumerable.getPropertyNames()) {
				if (!name.startsWith(PREFIX)) {
					continue;
				}
				Object value = enumerable.getProperty(name);
				if (name.equals(YAML)) {
					if (!variables) {
						readYaml((value != null) ? value.toString() : "", sourceName(enumerable, name), models);
					}
					continue;
				}
				String[] entry = { name, (value != null) ? value.toString() : "" };
				String origin = sourceName(enumerable, name);
				if (origin.endsWith(".properties") || LINE_PARSED_TEST_SOURCES.contains(source.getName())) {
					entry = rejoinedAtColon(entry[0], entry[1]);
				}
				own.add(entry[0], entry[1], origin);
			}
			own.addTo(models);
		}
		return SourceModels.entries(models);
	}

	/**
	 * The entries of a {@code bedrock.binding.models-yaml} value, read by Boot's own YAML
	 * loader (JSON is YAML too) with the rules of the other spellings.
	 * @param yaml the value
	 * @param source the name of the property source that holds it
	 * @param models the models of the sources read before, where its models are added
	 * @throws IllegalArgumentException naming the property and the source if the value is
	 * not a YAML map
	 */
	private static void readYaml(String yaml, String source, Map<String, List<LayerEntry>> models) {
		String origin = source + " (" + YAML + ")";
		List<PropertySource<?>> documents;
		try {
			documents = new YamlPropertySourceLoader().load(origin,
					new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8), origin));
		}
		catch (IOException | RuntimeException ex) {
			throw notAMap(source, ex.getMessage(), ex);
		}
		SourceModels own = new SourceModels();
		for (PropertySource<?> document : documents) {
			if (!(document instanceof EnumerablePropertySource<?> keys)) {
				continue;
			}
			if (isNotAMap(keys.getPropertyNames())) {
				throw notAMap(source, "it is a single value or a list", null);
			}
			for (String key : keys.getPropertyNames()) {
				Object value = keys.getProperty(key);
				own.add(PREFIX + (key.startsWith("[") ? key : "." + key), (value != null) ? value.toString() : "",
						origin);
			}
		}
		own.addTo(models);
	}

	/**
	 * Whether the keys Boot's YAML loader made of a document are those of a document that
	 * is not a map: Boot puts such a document (a scalar, such as a line of
	 * {@code inference.txt}, or a list) under the key {@code document}, which is no model
	 * ID.
	 * @param keys the property names of one document
	 * @return true if every key is {@code document} or one of its list elements
	 */
	private static boolean isNotAMap(String[] keys) {
		return keys.length > 0
				&& Arrays.stream(keys).allMatch((key) -> key.equals("document") || key.startsWith("document["));
	}

	private static IllegalArgumentException notAMap(String source, @Nullable String reason, @Nullable Exception cause) {
		// the fix (one line of YAML or JSON, which an environment variable or a parameter
		// can hold) before the reason, which the YAML parser writes over several lines
		return new IllegalArgumentException(YAML + " in " + source + " is not a YAML map of model ID to target "
				+ "(write one line per model (\"[amazon.nova-pro-v1:0]\": us.amazon.nova-pro-v1:0), or the map in one "
				+ "line: {\"amazon.nova-pro-v1:0\": \"us.amazon.nova-pro-v1:0\"}): " + reason, cause);
	}

	/**
	 * The index of a list element property: {@code 1} for
	 * {@code bedrock.binding.models[a.b:0][1]}.
	 * @param propertyName a property name under {@code bedrock.binding.models}
	 * @return the index, or -1 when the name is not a list element of a model
	 */
	static int listIndexOf(String propertyName) {
		if (!propertyName.endsWith("]")) {
			return -1;
		}
		int open = propertyName.lastIndexOf('[');
		if (open <= PREFIX.length() + 1) {
			return -1;
		}
		String digits = propertyName.substring(open + 1, propertyName.length() - 1);
		if (digits.isEmpty() || digits.length() > 3 || !digits.chars().allMatch(Character::isDigit)) {
			return -1;
		}
		return (modelIdOf(propertyName.substring(0, open)) != null) ? Integer.parseInt(digits) : -1;
	}

	/**
	 * A {@code .properties} file ends a key at the first unescaped {@code :}, so the line
	 * {@code bedrock.binding.models[a.b:0]=a target} arrives as the key
	 * {@code bedrock.binding.models[a.b} with the value {@code 0]=a target}. No target
	 * has an {@code =}, so a value with one is such a line: put it together again and
	 * split it at the {@code =}, as the user meant.
	 * @param name the property name as the file's parser gave it
	 * @param value the property value as the file's parser gave it
	 * @return the name and the value
	 */
	static String[] rejoinedAtColon(String name, String value) {
		if (!value.contains("=")) {
			return new String[] { name, value };
		}
		String line = name + ":" + value;
		int equals = line.indexOf('=');
		return new String[] { line.substring(0, equals).strip(), line.substring(equals + 1).strip() };
	}

	/**
	 * {@code bedrock.binding.models[a.b:0]} and {@code bedrock.binding.models.a.b:0} both
	 * give {@code a.b:0}.
	 * @param propertyName a property name under {@code bedrock.binding.models}
	 * @return the model ID, or null if the name is not a model property
	 */
	static @Nullable String modelIdOf(String propertyName) {
		if (!propertyName.startsWith(PREFIX) || propertyName.length() <= PREFIX.length() + 1) {
			return null;
		}
		char separator = propertyName.charAt(PREFIX.length());
		String rest = propertyName.substring(PREFIX.length() + 1);
		if (separator == '[' && rest.endsWith("]")) {
			return rest.substring(0, rest.length() - 1).strip();
		}
		if (separator == '.') {
			if (rest.startsWith("[") && rest.endsWith("]")) {
				return rest.substring(1, rest.length() - 1).strip();
			}
			return rest.strip();
		}
		return null;
	}

	/**
	 * Where {@code bedrock.binding.required-models} is set: the file name or property
	 * source name of the highest-precedence source that sets it (lists do not merge
	 * across sources, so that one holds the whole list), or null when none does.
	 * @param environment the environment to search
	 * @return the source's name, or null
	 */
	static @Nullable String requiredModelsSource(ConfigurableEnvironment environment) {
		ConfigurationPropertyName list = ConfigurationPropertyName.of(BedrockBindingSettingHints.REQUIRED_MODELS);
		ConfigurationPropertyName first = ConfigurationPropertyName
			.of(BedrockBindingSettingHints.REQUIRED_MODELS + "[0]");
		for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
			ConfigurationProperty property = source.getConfigurationProperty(list);
			if (property == null) {
				property = source.getConfigurationProperty(first);
			}
			if (property != null) {
				String file = fileName(property.getOrigin());
				if (file != null) {
					return file;
				}
				return (source.getUnderlyingSource() instanceof PropertySource<?> propertySource)
						? propertySource.getName() : source.toString();
			}
		}
		return null;
	}

	/**
	 * The name of a config file ({@link #fileName}), else the source's name.
	 * @param source the property source
	 * @param name the source's name
	 * @return the name to show
	 */
	private static String sourceName(PropertySource<?> source, String name) {
		String file = fileName(OriginLookup.getOrigin(source, name));
		return (file != null) ? file : source.getName();
	}

	/**
	 * How a binding's origin names its config file: one on the class path by its path
	 * there ({@code application-prod.yml} at its root, {@code config/application.yml} in
	 * Boot's {@code classpath:/config/}), one outside the class path by its location as
	 * Boot loaded it ({@code file:config/application.yml} for Boot's {@code ./config/}),
	 * so that no two of them can be mistaken for each other.
	 * @param origin the origin of a property
	 * @return the name, or {@code null} if the property comes from no file
	 */
	private static @Nullable String fileName(@Nullable Origin origin) {
		for (Origin current = origin; current != null; current = current.getParent()) {
			// Configuration property sources wrap the file's origin in the property
			// source's.
			Origin candidate = (current instanceof PropertySourceOrigin wrapper && wrapper.getOrigin() != null)
					? wrapper.getOrigin() : current;
			if (candidate instanceof TextResourceOrigin text && text.getResource() != null
					&& text.getResource().getFilename() != null) {
				return fileName(text.getResource());
			}
		}
		return null;
	}

	private static String fileName(Resource resource) {
		Resource loaded = (resource instanceof OriginTrackedResource tracked) ? tracked.getResource() : resource;
		if (loaded instanceof ClassPathResource classPath) {
			return classPath.getPath();
		}
		try {
			return loaded.getURL().toString();
		}
		catch (IOException ex) {
			return loaded.getDescription();
		}
	}

}
