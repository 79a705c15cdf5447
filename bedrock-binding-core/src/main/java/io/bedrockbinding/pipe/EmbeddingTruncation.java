package io.bedrockbinding.pipe;

/**
 * What Cohere Embed does with a text longer than it takes ({@code truncate}): v3 spells
 * the ends START and END, v4 LEFT and RIGHT.
 */
public enum EmbeddingTruncation {

	/** Fail on a text longer than the model takes (Cohere's default). */
	NONE,

	/** Drop the start of a text that is too long. */
	START,

	/** Drop the end of a text that is too long. */
	END

}
