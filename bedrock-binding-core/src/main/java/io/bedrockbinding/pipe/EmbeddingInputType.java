package io.bedrockbinding.pipe;

import java.util.Locale;

/**
 * What texts are embedded for: Cohere's {@code input_type} (Titan takes none).
 */
public enum EmbeddingInputType {

	/** Texts to store in a vector database and search. */
	SEARCH_DOCUMENT,

	/** A query to search stored documents with. */
	SEARCH_QUERY,

	/** Texts a classifier is to read. */
	CLASSIFICATION,

	/** Texts to cluster. */
	CLUSTERING;

	String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

}
