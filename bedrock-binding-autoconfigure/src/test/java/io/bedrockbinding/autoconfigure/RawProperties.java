package io.bedrockbinding.autoconfigure;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Adds properties exactly as written, as one property source. {@code withPropertyValues}
 * splits "name=value" at the first ':' as well as '=' (and every model ID has a ':'), and
 * trims values.
 */
final class RawProperties {

	/** The name of the property source, which is what a binding's origin shows. */
	static final String SOURCE = "test-models";

	private RawProperties() {
	}

	/**
	 * {@code bedrock.binding.models[...]} entries.
	 * @param bindings "modelId=target" pairs, split at the first '='
	 */
	static ApplicationContextInitializer<ConfigurableApplicationContext> models(String... bindings) {
		Map<String, Object> properties = new LinkedHashMap<>();
		for (String binding : bindings) {
			int equals = binding.indexOf('=');
			properties.put("bedrock.binding.models[" + binding.substring(0, equals) + "]",
					binding.substring(equals + 1));
		}
		return of(properties);
	}

	/** One property, name and value untouched. */
	static ApplicationContextInitializer<ConfigurableApplicationContext> of(String name, Object value) {
		return of(Map.of(name, value));
	}

	static ApplicationContextInitializer<ConfigurableApplicationContext> of(Map<String, Object> properties) {
		return (context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource(SOURCE, new LinkedHashMap<>(properties)));
	}

}
