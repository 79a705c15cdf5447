package io.bedrockbinding.pipe;

import org.jspecify.annotations.Nullable;

/**
 * Tokens of one call, as Bedrock counted them.
 *
 * @param inputTokens tokens read (not counting those read from or written to the cache)
 * @param outputTokens tokens written
 * @param totalTokens all of them
 * @param cacheReadInputTokens input tokens read from the prompt cache
 * @param cacheWriteInputTokens input tokens written to the prompt cache
 */
public record TokenUsage(int inputTokens, int outputTokens, int totalTokens, int cacheReadInputTokens,
		int cacheWriteInputTokens) {

	/** No tokens: the answer did not count them. */
	public static final TokenUsage NONE = new TokenUsage(0, 0, 0, 0, 0);

	/**
	 * Counts without prompt caching.
	 * @param inputTokens tokens read
	 * @param outputTokens tokens written
	 * @param totalTokens both
	 */
	public TokenUsage(int inputTokens, int outputTokens, int totalTokens) {
		this(inputTokens, outputTokens, totalTokens, 0, 0);
	}

	/**
	 * The counts of the SDK's usage.
	 * @param usage the SDK's usage, or {@code null}
	 * @return the counts, {@link #NONE} for {@code null}
	 */
	static TokenUsage of(software.amazon.awssdk.services.bedrockruntime.model.@Nullable TokenUsage usage) {
		if (usage == null) {
			return NONE;
		}
		return new TokenUsage(orZero(usage.inputTokens()), orZero(usage.outputTokens()), orZero(usage.totalTokens()),
				orZero(usage.cacheReadInputTokens()), orZero(usage.cacheWriteInputTokens()));
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

}
