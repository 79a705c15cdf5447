package io.bedrockbinding.actuate.observation;

import io.bedrockbinding.pipe.TokenUsage;

/**
 * Counts the tokens of successful pipe calls. An interface of its own so that observing
 * calls needs only micrometer-observation, and counting tokens micrometer-core.
 */
@FunctionalInterface
public interface PipeTokenCounter {

	/** Counts nothing. */
	PipeTokenCounter NONE = (modelId, usage) -> {
	};

	void count(String modelId, TokenUsage usage);

}
