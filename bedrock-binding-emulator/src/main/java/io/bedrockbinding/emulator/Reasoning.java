package io.bedrockbinding.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;

import io.bedrockbinding.catalog.ModelInfo;
import tools.jackson.databind.JsonNode;

/**
 * Reasoning content: asked for with {@code additionalModelRequestFields.thinking}
 * ({@code {"type":"enabled","budget_tokens":N}}, Anthropic's field), given always by
 * models that always reason. The reasoning text is deterministic and signed with a hash
 * of itself, so a later turn that sends it back altered is refused.
 */
final class Reasoning {

	/**
	 * The model's refusal of a field it does not take: the wording of "Malformed input
	 * request: #/messages/6/content/0: extraneous key [cachePoint] is not permitted,
	 * please reformat your input and try again." quoted in
	 * https://github.com/earendil-works/pi/issues/2053 (the text for [thinking] itself
	 * was not found).
	 */
	static final String NO_THINKING = "The model returned the following errors: Malformed input request: #: "
			+ "extraneous key [thinking] is not permitted, please reformat your input and try again.";

	private Reasoning() {
	}

	/**
	 * Whether the answer reasons, refusing {@code thinking} on a model without reasoning
	 * and a tool turn that dropped the reasoning of the assistant message it continues.
	 * @param root the request body
	 * @param messages its messages
	 * @param model the model that answers
	 * @return whether to add a reasoning block
	 */
	static boolean requested(JsonNode root, List<JsonNode> messages, ModelInfo model) {
		JsonNode thinking = root.path("additionalModelRequestFields").get("thinking");
		boolean enabled = thinking != null && !"disabled".equals(Json.text(thinking, "type"));
		if (enabled && !ModelFeatures.reasoning(model)) {
			throw BedrockError.validation(NO_THINKING);
		}
		for (int m = 0; m < messages.size(); m++) {
			List<JsonNode> content = Json.elements(messages.get(m), "content");
			for (int c = 0; c < content.size(); c++) {
				JsonNode text = content.get(c).path("reasoningContent").path("reasoningText");
				String reasoning = Json.text(text, "text");
				if (reasoning != null && !signature(reasoning).equals(Json.text(text, "signature"))) {
					throw BedrockError.validation("LocalBedrock: the signature of the reasoning at messages." + m
							+ ".content." + c + " does not match its text; send reasoning back unchanged. "
							+ "(Bedrock's own text for this is not known.)");
				}
			}
		}
		if (enabled && messages.size() >= 2 && hasToolResult(messages.get(messages.size() - 1))) {
			int assistant = messages.size() - 2;
			List<JsonNode> content = Json.elements(messages.get(assistant), "content");
			if (!content.isEmpty() && !content.get(0).has("reasoningContent")) {
				String found = content.get(0).has("toolUse") ? "tool_use" : "text";
				// Anthropic's text through Bedrock, quoted in
				// https://github.com/langchain-ai/langchain-aws/issues/844.
				throw BedrockError.validation("The model returned the following errors: messages." + assistant
						+ ".content.0.type: Expected `thinking` or `redacted_thinking`, but found `" + found
						+ "`. When `thinking` is enabled, a final `assistant` message must start with a thinking "
						+ "block (preceeding the lastmost set of `tool_use` and `tool_result` blocks). We recommend "
						+ "you include thinking blocks from previous turns. To avoid this requirement, disable "
						+ "`thinking`. Please consult our documentation at "
						+ "https://docs.claude.com/en/docs/build-with-claude/extended-thinking");
			}
		}
		return enabled || ModelFeatures.alwaysReasons(model);
	}

	static String text(String prompt) {
		return "The user asked: \"" + prompt + "\". I answer by repeating it.";
	}

	static String signature(String text) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256")
				.digest(("LocalBedrock reasoning:" + text).getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(hash);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static boolean hasToolResult(JsonNode message) {
		for (JsonNode block : Json.elements(message, "content")) {
			if (block.has("toolResult")) {
				return true;
			}
		}
		return false;
	}

}
