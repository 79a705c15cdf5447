package io.bedrockbinding.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.client.RegionalClients;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Writes {@code META-INF/additional-spring-configuration-metadata.json}: what the
 * configuration processor cannot infer. Mostly value hints from the catalog, so that an
 * IDE completes model IDs for {@code bedrock.binding.required-models} and for the keys of
 * {@code bedrock.binding.models}. {@link ConfigurationMetadataTests} fails when the
 * committed file is not what this generates, and regenerates it on request.
 */
final class AdditionalMetadataGenerator {

	/** The file, relative to the bedrock-binding-autoconfigure module. */
	static final String PATH = "src/main/resources/META-INF/additional-spring-configuration-metadata.json";

	/** The hints that list every catalog model ID. */
	static final List<String> MODEL_ID_HINTS = List.of("bedrock.binding.required-models",
			"bedrock.binding.models.keys");

	/** The properties whose default is a constant of core, with that default. */
	static final List<String[]> NUMERIC_DEFAULTS = List.of(
			new String[] { "bedrock.binding.client-pool.max-regions",
					String.valueOf(RegionalClients.DEFAULT_MAX_CLIENTS) },
			new String[] { "bedrock.binding.runtime.max-bindings",
					String.valueOf(BindingRegistry.DEFAULT_MAX_RUNTIME_BINDINGS) });

	/** The switch of the health contributor, which no properties class holds. */
	static final String HEALTH_ENABLED = "management.health.bedrockbindings.enabled";

	private AdditionalMetadataGenerator() {
	}

	static String generate(ModelCatalog catalog) {
		Json json = new Json();
		json.line("{");
		json.line("  \"properties\": [");
		json.line("    {");
		json.line("      \"name\": \"bedrock.binding.inference-file.location\",");
		json.line("      \"defaultValue\": \"~/.aws/inference.txt\"");
		json.line("    },");
		// defaults that are constants of core, which the processor does not read
		for (String[] value : NUMERIC_DEFAULTS) {
			json.line("    {");
			json.line("      \"name\": \"" + value[0] + "\",");
			json.line("      \"defaultValue\": " + value[1]);
			json.line("    },");
		}
		// Boot's @ConditionalOnEnabledHealthIndicator reads it; no properties class
		// holds it, so the processor cannot describe it.
		json.line("    {");
		json.line("      \"name\": \"" + HEALTH_ENABLED + "\",");
		json.line("      \"type\": \"java.lang.Boolean\",");
		json.line("      \"description\": \"Whether to enable the Bedrock bindings health check.\",");
		json.line("      \"defaultValue\": true");
		json.line("    }");
		json.line("  ],");
		json.line("  \"hints\": [");
		List<String> hints = new ArrayList<>();
		hints.add(hint("bedrock.binding.account-id",
				List.of(value("auto", "Ask STS GetCallerIdentity on first need (needs software.amazon.awssdk:sts).")),
				true));
		TreeSet<String> regions = new TreeSet<>();
		catalog.geographies().all().stream().map(Geography::regions).forEach(regions::addAll);
		catalog.all().forEach((model) -> regions.addAll(model.regions()));
		hints.add(hint("bedrock.binding.region", regions.stream().map((region) -> value(region, null)).toList(), true));
		List<String> models = catalog.all()
			.stream()
			.map((model) -> value(model.modelId(), description(model)))
			.toList();
		for (String name : MODEL_ID_HINTS) {
			hints.add(hint(name, models, true));
		}
		hints.add(hint("bedrock.binding.models.values",
				List.of(value("", "Call the model ID itself (on-demand throughput).")), true));
		json.append(String.join(",\n", hints)).append("\n");
		json.line("  ]");
		json.line("}");
		return json.toString();
	}

	private static String description(ModelInfo model) {
		String profile = model.profileOnlyRegions().isEmpty() ? ""
				: "; needs an inference profile in " + String.join(", ", model.profileOnlyRegions());
		return model.displayName() + " (" + model.provider() + ")" + profile + ".";
	}

	private static String hint(String name, List<String> values, boolean anyValue) {
		StringBuilder hint = new StringBuilder();
		hint.append("    {\n      \"name\": ").append(Json.string(name)).append(",\n");
		hint.append("      \"values\": [\n").append(String.join(",\n", values)).append("\n      ]");
		if (anyValue) {
			hint.append(",\n      \"providers\": [\n        {\n          \"name\": \"any\"\n        }\n      ]");
		}
		return hint.append("\n    }").toString();
	}

	private static String value(String value, @Nullable String description) {
		StringBuilder text = new StringBuilder("        {\n          \"value\": ").append(Json.string(value));
		if (description != null) {
			text.append(",\n          \"description\": ").append(Json.string(description));
		}
		return text.append("\n        }").toString();
	}

	/**
	 * Just enough JSON writing for this file, laid out as Spring Boot's own metadata is.
	 */
	private static final class Json {

		private final StringBuilder text = new StringBuilder();

		void line(String line) {
			this.text.append(line).append('\n');
		}

		Json append(String raw) {
			this.text.append(raw);
			return this;
		}

		static String string(String value) {
			StringBuilder quoted = new StringBuilder("\"");
			for (char c : value.toCharArray()) {
				switch (c) {
					case '"' -> quoted.append("\\\"");
					case '\\' -> quoted.append("\\\\");
					case '\n' -> quoted.append("\\n");
					case '\t' -> quoted.append("\\t");
					default -> {
						if (c < 0x20) {
							quoted.append(String.format("\\u%04x", (int) c));
						}
						else {
							quoted.append(c);
						}
					}
				}
			}
			return quoted.append('"').toString();
		}

		@Override
		public String toString() {
			return this.text.toString();
		}

	}

}
