package io.bedrockbinding.ai.autoconfigure;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.bedrockbinding.ai.chat.BedrockBindingChatOptions;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default options of the bedrock-binding Spring AI chat model.
 */
@ConfigurationProperties(BedrockBindingChatProperties.PREFIX)
public class BedrockBindingChatProperties {

	static final String PREFIX = "bedrock.binding.chat";

	/** A JSON number, as a text value of a model field may spell one. */
	private static final Pattern NUMBER = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?");

	private final Options options = new Options();

	public Options getOptions() {
		return this.options;
	}

	/**
	 * The chat options, checked.
	 * @param catalog the models Bedrock serves, to refuse a default model that answers in
	 * no text
	 * @return the default options of the chat model
	 * @throws IllegalArgumentException naming the property whose value is out of range
	 */
	BedrockBindingChatOptions toChatOptions(ModelCatalog catalog) {
		String model = ModelProperty.modelId(PREFIX + ".options.model", this.options.getModel(),
				"amazon.nova-pro-v1:0");
		if (model != null) {
			requireTextOutput(model, catalog);
		}
		unitInterval("temperature", this.options.getTemperature());
		unitInterval("top-p", this.options.getTopP());
		Integer maxTokens = this.options.getMaxTokens();
		if (maxTokens != null && maxTokens < 1) {
			throw new IllegalArgumentException(PREFIX + ".options.max-tokens must be at least 1, got " + maxTokens);
		}
		return BedrockBindingChatOptions.builder()
			.model(model)
			.temperature(this.options.getTemperature())
			.topP(this.options.getTopP())
			.maxTokens(maxTokens)
			.modelFields(typed(this.options.getModelFields()))
			.build();
	}

	/**
	 * Model fields with the text values of a properties file or an environment variable
	 * that spell a JSON number or {@code true}/{@code false} as that number or boolean:
	 * Bedrock takes {@code "top_k": 5}, not {@code "top_k": "5"}. YAML numbers and
	 * booleans stay as they are; a quoted YAML value is text like any other.
	 * @param fields the bound fields
	 * @return the fields to send
	 */
	static Map<String, Object> typed(Map<String, Object> fields) {
		Map<String, Object> typed = new LinkedHashMap<>();
		fields.forEach((name, value) -> typed.put(name, typedValue(value)));
		return typed;
	}

	@SuppressWarnings("unchecked")
	private static @Nullable Object typedValue(@Nullable Object value) {
		if (value instanceof Map<?, ?> map) {
			List<@Nullable Object> items = indexed(map);
			return (items != null) ? items : typed((Map<String, Object>) map);
		}
		if (value instanceof List<?> list) {
			return list.stream().map(BedrockBindingChatProperties::typedValue).toList();
		}
		if (!(value instanceof String text)) {
			return value;
		}
		if (text.equals("true") || text.equals("false")) {
			return Boolean.valueOf(text);
		}
		if (!NUMBER.matcher(text).matches()) {
			return text;
		}
		if (text.indexOf('.') >= 0 || text.indexOf('e') >= 0 || text.indexOf('E') >= 0) {
			return new BigDecimal(text);
		}
		BigInteger number = new BigInteger(text);
		return (number.bitLength() < 64) ? (Object) number.longValue() : number;
	}

	/**
	 * The list a map bound from properties stands for: Boot binds a YAML list, or
	 * {@code field[0]}, {@code field[1]}, into a map with the keys {@code 0}, {@code 1},
	 * ..., and Bedrock takes a list there (Anthropic's {@code anthropic_beta}, say).
	 * @param map a bound map
	 * @return its values in key order when its keys are 0 to its size - 1, else
	 * {@code null}
	 */
	private static @Nullable List<@Nullable Object> indexed(Map<?, ?> map) {
		if (map.isEmpty()) {
			return null;
		}
		List<@Nullable Object> items = new ArrayList<>(map.size());
		for (int index = 0; index < map.size(); index++) {
			String key = Integer.toString(index);
			if (!map.containsKey(key)) {
				return null;
			}
			items.add(typedValue(map.get(key)));
		}
		return items;
	}

	/**
	 * Refuses a model the catalog knows to answer in no text (an embedding, image or
	 * video model) at start-up, naming the property, rather than at the first call, which
	 * Bedrock refuses ("This action doesn't support the model that you provided"). A
	 * model the catalog does not know passes.
	 * @param model the default model ID
	 * @param catalog the catalog
	 */
	private static void requireTextOutput(String model, ModelCatalog catalog) {
		List<String> output = catalog.find(model).map(ModelInfo::outputModalities).orElse(List.of());
		if (output.isEmpty() || output.contains("TEXT")) {
			return;
		}
		String elsewhere = output.contains("EMBEDDING")
				? "; an embedding model belongs in " + BedrockBindingEmbeddingProperties.PREFIX + ".options.model" : "";
		throw new IllegalArgumentException(PREFIX + ".options.model must be a model that answers in text, such as "
				+ "amazon.nova-pro-v1:0, got '" + model + "', whose output the catalog lists as " + output + elsewhere);
	}

	private static void unitInterval(String name, @Nullable Double value) {
		if (value != null && !(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(PREFIX + ".options." + name + " must be between 0 and 1, got " + value);
		}
	}

	/** Options of calls that set none of their own. */
	public static class Options {

		/**
		 * Model ID of calls whose options name no model, e.g. amazon.nova-pro-v1:0.
		 * Called through its binding.
		 */
		private @Nullable String model;

		/**
		 * Sampling temperature, 0 to 1.
		 */
		private @Nullable Double temperature;

		/**
		 * Most tokens of a reply.
		 */
		private @Nullable Integer maxTokens;

		/**
		 * Share of probability mass to sample from, 0 to 1.
		 */
		private @Nullable Double topP;

		/**
		 * Model-specific request fields sent with every call (Converse
		 * additionalModelRequestFields), e.g. top_k=5 or thinking.type=enabled with
		 * thinking.budget_tokens=1024. A request's model fields are merged in by name.
		 */
		private Map<String, Object> modelFields = new LinkedHashMap<>();

		public @Nullable String getModel() {
			return this.model;
		}

		public void setModel(@Nullable String model) {
			this.model = model;
		}

		public @Nullable Double getTemperature() {
			return this.temperature;
		}

		public void setTemperature(@Nullable Double temperature) {
			this.temperature = temperature;
		}

		public @Nullable Integer getMaxTokens() {
			return this.maxTokens;
		}

		public void setMaxTokens(@Nullable Integer maxTokens) {
			this.maxTokens = maxTokens;
		}

		public @Nullable Double getTopP() {
			return this.topP;
		}

		public void setTopP(@Nullable Double topP) {
			this.topP = topP;
		}

		public Map<String, Object> getModelFields() {
			return this.modelFields;
		}

		public void setModelFields(Map<String, Object> modelFields) {
			this.modelFields = modelFields;
		}

	}

}
