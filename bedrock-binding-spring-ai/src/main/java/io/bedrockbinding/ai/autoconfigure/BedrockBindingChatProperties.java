package io.bedrockbinding.ai.autoconfigure;

import io.bedrockbinding.ai.chat.BedrockBindingChatOptions;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default options of the bedrock-binding Spring AI chat model.
 */
@ConfigurationProperties(BedrockBindingChatProperties.PREFIX)
public class BedrockBindingChatProperties {

	static final String PREFIX = "bedrock.binding.chat";

	private final Options options = new Options();

	public Options getOptions() {
		return this.options;
	}

	/**
	 * The chat options, checked.
	 * @return the default options of the chat model
	 * @throws IllegalArgumentException naming the property whose value is out of range
	 */
	BedrockBindingChatOptions toChatOptions() {
		String model = ModelProperty.modelId(PREFIX + ".options.model", this.options.getModel(),
				"amazon.nova-pro-v1:0");
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
			.build();
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

	}

}
