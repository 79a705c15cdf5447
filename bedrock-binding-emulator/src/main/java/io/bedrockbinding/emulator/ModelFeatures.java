package io.bedrockbinding.emulator;

import java.util.List;

import io.bedrockbinding.catalog.ModelInfo;

/**
 * Which Converse features a model has beyond its catalog modalities, as data with the
 * sources they come from. Vision (images) and video come from the catalog's input
 * modalities.
 */
final class ModelFeatures {

	/**
	 * Models that refuse {@code toolConfig}. Sources: the "Tool use" column of
	 * https://docs.aws.amazon.com/bedrock/latest/userguide/conversation-inference-supported-models-features.html
	 * (AI21 Jamba-Instruct, AI21 Jurassic-2, Amazon Titan models, Anthropic Claude 2.x
	 * and earlier: "No"); DeepSeek-R1:
	 * https://github.com/langchain-ai/langchain-aws/issues/447; Llama 3.2 1B, 3B and 11B:
	 * https://github.com/epam/ai-dial-adapter-bedrock/issues/181.
	 */
	private static final List<String> NO_TOOLS = List.of("ai21.jamba-instruct", "ai21.j2-", "amazon.titan-",
			"anthropic.claude-v2", "anthropic.claude-instant", "deepseek.r1", "meta.llama3-2-1b", "meta.llama3-2-3b",
			"meta.llama3-2-11b");

	/**
	 * Models that reason: Claude 3.7 Sonnet and the Claude 4 family when thinking is on
	 * (https://docs.aws.amazon.com/bedrock/latest/userguide/inference-reasoning.html),
	 * DeepSeek-R1 always (its model card: "DeepSeek's reasoning model that uses chain of
	 * thought",
	 * https://docs.aws.amazon.com/bedrock/latest/userguide/model-cards-deepseek.html).
	 */
	private static final List<String> REASONING = List.of("anthropic.claude-3-7-sonnet", "anthropic.claude-sonnet-4",
			"anthropic.claude-opus-4", "anthropic.claude-haiku-4-5", "deepseek.r1");

	/** Models that reason whether asked or not. */
	private static final List<String> ALWAYS_REASONING = List.of("deepseek.r1");

	/**
	 * Models that take cache points: Claude 3.7 Sonnet, Claude 3.5 Haiku and Amazon Nova
	 * (https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html); the
	 * Claude 4 family (Opus 4, 4.5, 4.6, Sonnet 4.5, 4.6, Haiku 4.5 in
	 * https://portkey.ai/docs/integrations/llms/bedrock/prompt-caching).
	 */
	private static final List<String> PROMPT_CACHING = List.of("anthropic.claude-3-7-sonnet",
			"anthropic.claude-3-5-haiku", "anthropic.claude-sonnet-4", "anthropic.claude-opus-4",
			"anthropic.claude-haiku-4-5", "amazon.nova-");

	private ModelFeatures() {
	}

	static boolean toolUse(ModelInfo model) {
		return !matches(NO_TOOLS, model);
	}

	static boolean reasoning(ModelInfo model) {
		return matches(REASONING, model);
	}

	static boolean alwaysReasons(ModelInfo model) {
		return matches(ALWAYS_REASONING, model);
	}

	static boolean promptCaching(ModelInfo model) {
		return matches(PROMPT_CACHING, model);
	}

	static boolean input(ModelInfo model, String modality) {
		return model.inputModalities().contains(modality);
	}

	private static boolean matches(List<String> prefixes, ModelInfo model) {
		for (String prefix : prefixes) {
			if (model.modelId().startsWith(prefix)) {
				return true;
			}
		}
		return false;
	}

}
