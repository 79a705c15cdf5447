package io.bedrockbinding.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.boot.origin.TextResourceOrigin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;

import io.bedrockbinding.registry.LayerEntry;

/**
 * Reads {@code bedrock.binding.models} from the property sources themselves rather than
 * through {@code @ConfigurationProperties} binding. Two reasons: Spring's relaxed binding
 * drops the {@code :} of an unbracketed key ({@code amazon.nova-pro-v1:0} would become
 * {@code amazon.nova-pro-v10}), while the raw property name still has it, so both
 * spellings bind the model meant; and each binding can name the file it came from. The
 * sources are in precedence order, so the first source that names a model wins: an
 * {@code application-prod.yml} overrides only the models it names.
 */
final class ModelPropertyReader {

	static final String PREFIX = "bedrock.binding.models";

	private ModelPropertyReader() {
	}

	static List<LayerEntry> read(ConfigurableEnvironment environment) {
		Map<String, LayerEntry> entries = new LinkedHashMap<>();
		for (PropertySource<?> source : environment.getPropertySources()) {
			if (!(source instanceof EnumerablePropertySource<?> enumerable)
					|| ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)) {
				continue;
			}
			for (String name : enumerable.getPropertyNames()) {
				String modelId = modelIdOf(name);
				if (modelId == null || entries.containsKey(modelId)) {
					continue;
				}
				Object value = enumerable.getProperty(name);
				String target = (value != null) ? value.toString() : "";
				entries.put(modelId, new LayerEntry(modelId, target, sourceName(enumerable, name)));
			}
		}
		return new ArrayList<>(entries.values());
	}

	/** {@code bedrock.binding.models[a.b:0]} and {@code bedrock.binding.models.a.b:0} both give {@code a.b:0}. */
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

	/** The file name of a config file ({@code application-prod.yml}), else the source's name. */
	private static String sourceName(PropertySource<?> source, String name) {
		Origin origin = OriginLookup.getOrigin(source, name);
		for (Origin current = origin; current != null; current = current.getParent()) {
			if (current instanceof TextResourceOrigin text && text.getResource() != null
					&& text.getResource().getFilename() != null) {
				return text.getResource().getFilename();
			}
		}
		return source.getName();
	}

}
