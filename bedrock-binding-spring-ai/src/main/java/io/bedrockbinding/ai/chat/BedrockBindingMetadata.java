package io.bedrockbinding.ai.chat;

/**
 * The keys of what a {@link BedrockBindingChatModel} reply tells beyond Spring AI's
 * portable metadata, in {@code ChatResponse.getMetadata()}. The portable
 * {@code getModel()} is the model ID the caller asked for; the target (an ARN may name an
 * account) is only here, never in an observation's low-cardinality tags.
 */
public final class BedrockBindingMetadata {

	/** The model ID the caller asked for, e.g. {@code amazon.nova-pro-v1:0}. */
	public static final String REQUESTED_MODEL = "bedrock-binding.requested-model";

	/** The target that was called: the model ID, a profile ID or an ARN. */
	public static final String INVOKED_TARGET = "bedrock-binding.invoked-target";

	/**
	 * The kind of that target, a {@code TargetKind} name such as {@code SYSTEM_PROFILE}.
	 */
	public static final String TARGET_KIND = "bedrock-binding.target-kind";

	/** The region the call went to. */
	public static final String REGION = "bedrock-binding.region";

	/**
	 * Whether the call was retried with the derived geo profile after an on-demand
	 * refusal.
	 */
	public static final String FALLBACK = "bedrock-binding.fallback";

	/**
	 * The key, in the reply's {@code AssistantMessage.getMetadata()}, of the model's
	 * reasoning (Converse {@code reasoningContent} blocks, DeepSeek-R1's say), kept out
	 * of the reply's text: the key under which Spring AI's own {@code MessageAggregator}
	 * gathers the thoughts of a stream. In a stream, each response of a reasoning delta
	 * carries that piece of it, and the last response the whole reasoning.
	 */
	public static final String THOUGHTS = "thoughts";

	private BedrockBindingMetadata() {
	}

}
