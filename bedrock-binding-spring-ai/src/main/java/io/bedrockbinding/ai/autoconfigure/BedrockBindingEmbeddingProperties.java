package io.bedrockbinding.ai.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The default options of the bedrock-binding Spring AI embedding model.
 */
@ConfigurationProperties(BedrockBindingEmbeddingProperties.PREFIX)
public class BedrockBindingEmbeddingProperties {

	static final String PREFIX = "bedrock.binding.embedding";

	private final Options options = new Options();

	public Options getOptions() {
		return this.options;
	}

	/**
	 * The embedding options, checked.
	 * @return the default options of the embedding model
	 * @throws IllegalArgumentException naming the property when its value is no model ID
	 */
	EmbeddingOptions toEmbeddingOptions() {
		String model = ModelProperty.modelId(PREFIX + ".options.model", this.options.getModel(),
				"amazon.titan-embed-text-v2:0");
		return EmbeddingOptions.builder().model(model).dimensions(this.options.getDimensions()).build();
	}

	/** Options of calls that set none of their own. */
	public static class Options {

		/**
		 * Embedding model ID of calls whose options name no model, e.g.
		 * amazon.titan-embed-text-v2:0 or cohere.embed-v4:0. Called through its binding.
		 */
		private @Nullable String model;

		public @Nullable String getModel() {
			return this.model;
		}

		public void setModel(@Nullable String model) {
			this.model = model;
		}

		/**
		 * Vector size of calls whose options set none, one the model offers: 256, 512 or
		 * 1024 for amazon.titan-embed-text-v2:0, 256, 512, 1024 or 1536 for
		 * cohere.embed-v4:0. When set, the embedding model's dimensions() answers it
		 * without a call.
		 */
		private @Nullable Integer dimensions;

		public @Nullable Integer getDimensions() {
			return this.dimensions;
		}

		public void setDimensions(@Nullable Integer dimensions) {
			this.dimensions = dimensions;
		}

	}

}
