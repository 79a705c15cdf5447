package io.bedrockbinding.pipe;

/**
 * Tokens of one call, as Bedrock counted them.
 *
 * @param inputTokens tokens read
 * @param outputTokens tokens written
 * @param totalTokens both
 */
public record TokenUsage(int inputTokens, int outputTokens, int totalTokens) {

	/** No tokens: the answer did not count them. */
	public static final TokenUsage NONE = new TokenUsage(0, 0, 0);

}
