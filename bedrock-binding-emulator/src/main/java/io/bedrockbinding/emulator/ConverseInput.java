package io.bedrockbinding.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a Converse / ConverseStream body the emulator uses, validated as Bedrock
 * validates them.
 *
 * @param prompt the text of the last user message
 * @param inputTokens the token estimate of the system prompt and every message
 * @param maxTokens {@code inferenceConfig.maxTokens}
 * @param stopSequences {@code inferenceConfig.stopSequences}
 * @param toolCall the tool the model calls: the first of {@code toolConfig.tools}, unless
 * the last message answers a tool call already (its {@code toolResult} is then the
 * prompt); {@code null} without tools
 */
record ConverseInput(String prompt, int inputTokens, @Nullable Integer maxTokens, List<String> stopSequences,
		@Nullable ToolCall toolCall) {

	private static final int MAX_STOP_SEQUENCES = 4;

	static ConverseInput parse(byte[] body) {
		JsonNode root = Json.object(body, "The request body is not a JSON object.");
		List<JsonNode> messages = Json.elements(root, "messages");
		if (messages.isEmpty()) {
			throw BedrockError
				.validation("The model returned the following errors: messages: at least one message is required.");
		}
		if (!"user".equals(Json.text(messages.get(0), "role"))) {
			throw BedrockError.validation("A conversation must start with a user message. "
					+ "Try again with a conversation that starts with a user message.");
		}
		int characters = 0;
		for (JsonNode block : Json.elements(root, "system")) {
			characters += textOf(block).length();
		}
		String prompt = "";
		for (JsonNode message : messages) {
			StringBuilder text = new StringBuilder();
			for (JsonNode block : Json.elements(message, "content")) {
				text.append(textOf(block));
			}
			characters += text.length();
			if ("user".equals(Json.text(message, "role"))) {
				prompt = text.toString();
			}
		}
		JsonNode config = root.path("inferenceConfig");
		Integer maxTokens = Json.integer(config, "maxTokens");
		if (maxTokens != null && maxTokens < 1) {
			throw constraint(maxTokens, "inferenceConfig.maxTokens",
					"Member must have value greater than or equal to 1");
		}
		range(Json.number(config, "temperature"), "inferenceConfig.temperature");
		range(Json.number(config, "topP"), "inferenceConfig.topP");
		List<String> stopSequences = Json.texts(config, "stopSequences");
		if (stopSequences.size() > MAX_STOP_SEQUENCES) {
			throw constraint(stopSequences, "inferenceConfig.stopSequences",
					"Member must have length less than or equal to " + MAX_STOP_SEQUENCES);
		}
		JsonNode last = messages.get(messages.size() - 1);
		String toolResult = toolResultText(last);
		ToolCall toolCall = null;
		if (toolResult != null) {
			prompt = toolResult;
		}
		else {
			List<JsonNode> tools = Json.elements(root.path("toolConfig"), "tools");
			if (!tools.isEmpty()) {
				toolCall = ToolCall.of(tools.get(0).path("toolSpec"));
			}
		}
		return new ConverseInput(prompt, (characters + 3) / 4, maxTokens, stopSequences, toolCall);
	}

	/** The text (or JSON) of a message's {@code toolResult} blocks, if it has any. */
	private static @Nullable String toolResultText(JsonNode message) {
		StringBuilder text = null;
		for (JsonNode block : Json.elements(message, "content")) {
			JsonNode result = block.get("toolResult");
			if (result == null) {
				continue;
			}
			text = (text != null) ? text : new StringBuilder();
			for (JsonNode part : Json.elements(result, "content")) {
				String partText = Json.text(part, "text");
				text.append((partText != null) ? partText : part.path("json").toString());
			}
		}
		return (text != null) ? text.toString() : null;
	}

	private static String textOf(JsonNode block) {
		String text = Json.text(block, "text");
		return (text != null) ? text : "";
	}

	private static void range(@Nullable Double value, String field) {
		if (value != null && value < 0) {
			throw constraint(value, field, "Member must have value greater than or equal to 0");
		}
		if (value != null && value > 1) {
			throw constraint(value, field, "Member must have value less than or equal to 1");
		}
	}

	/** Bedrock's wording for a value that breaks a model constraint. */
	private static BedrockError constraint(Object value, String field, String constraint) {
		return BedrockError.validation("1 validation error detected: Value '" + value + "' at '" + field
				+ "' failed to satisfy constraint: " + constraint);
	}

}
