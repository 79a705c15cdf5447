package io.bedrockbinding.pipe;

import org.jspecify.annotations.Nullable;

/**
 * What {@link BedrockEmbeddings} asks the model for besides the texts.
 *
 * @param inputType what the texts are for (Cohere's {@code input_type})
 * @param dimensions the vector size (Titan V2 {@code dimensions}, Cohere v4
 * {@code output_dimension}), or {@code null} for the model's default
 * @param normalize whether Titan V2 normalizes vectors, or {@code null} for its default
 * (true)
 * @param truncation what Cohere does with a text longer than it takes, or {@code null}
 * for its default
 */
record EmbeddingOptions(EmbeddingInputType inputType, @Nullable Integer dimensions, @Nullable Boolean normalize,
		@Nullable EmbeddingTruncation truncation) {

	static final EmbeddingOptions DEFAULTS = new EmbeddingOptions(EmbeddingInputType.SEARCH_DOCUMENT, null, null, null);

}
