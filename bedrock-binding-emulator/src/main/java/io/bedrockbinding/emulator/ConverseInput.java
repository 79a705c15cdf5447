package io.bedrockbinding.emulator;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The parts of a Converse / ConverseStream body the emulator uses, validated as Bedrock
 * validates them.
 *
 * @param root the whole body
 * @param messages its messages
 * @param prompt the text of the last user message that has text besides tool results
 * @param inputTokens the token estimate of the system prompt, every message and its media
 * @param maxTokens {@code inferenceConfig.maxTokens}
 * @param stopSequences {@code inferenceConfig.stopSequences}
 * @param media the images, documents, videos and audio of the messages
 */
record ConverseInput(JsonNode root, List<JsonNode> messages, String prompt, int inputTokens,
		@Nullable Integer maxTokens, List<String> stopSequences, MediaBlocks media) {

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
		requireWellFormed(messages);
		int characters = 0;
		for (JsonNode block : Json.elements(root, "system")) {
			characters += blockText(block).length();
		}
		String prompt = "";
		for (JsonNode message : messages) {
			characters += textOf(message).length();
			String question = questionOf(message);
			if ("user".equals(Json.text(message, "role")) && !question.isBlank()) {
				prompt = question;
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
		MediaBlocks media = MediaBlocks.scan(messages);
		return new ConverseInput(root, messages, prompt, (characters + 3) / 4 + media.tokens(), maxTokens,
				stopSequences, media);
	}

	/**
	 * Bedrock's checks of the messages themselves (indexes from 0, as Bedrock counts
	 * them): each has content, no text block is blank, and the roles alternate. The texts
	 * are the service's own, as ValidationException messages show them:
	 * langchain-ai/langchain-aws#130 (alternation), earendil-works/pi#3443 (empty
	 * content) and continuedev/continue#9767 (blank text, here of an assistant message).
	 * @param messages the {@code messages} of the body
	 */
	private static void requireWellFormed(List<JsonNode> messages) {
		for (int i = 0; i < messages.size(); i++) {
			JsonNode message = messages.get(i);
			List<JsonNode> content = Json.elements(message, "content");
			if (content.isEmpty()) {
				throw BedrockError.validation("The content field in the Message object at messages." + i
						+ " is empty. Add a ContentBlock object to the content field and try again.");
			}
			for (int j = 0; j < content.size(); j++) {
				String text = Json.text(content.get(j), "text");
				if (text != null && text.isBlank()) {
					throw BedrockError.validation("The text field in the ContentBlock object at messages." + i
							+ ".content." + j + " is blank. Add text to the text field, and try again.");
				}
			}
			if (i > 0 && Objects.equals(Json.text(message, "role"), Json.text(messages.get(i - 1), "role"))) {
				throw BedrockError.validation("A conversation must alternate between user and assistant roles. "
						+ "Make sure the conversation alternates between user and assistant roles and try again.");
			}
		}
	}

	/**
	 * The text of a message: its {@code text} and guarded text blocks, and the text of
	 * its tool results.
	 * @param message the message
	 * @return the text, empty when it has none
	 */
	static String textOf(JsonNode message) {
		StringBuilder text = new StringBuilder();
		for (JsonNode block : Json.elements(message, "content")) {
			text.append(blockText(block));
		}
		return text.toString();
	}

	/**
	 * The question a message asks: its {@code text} and guarded text blocks only.
	 * @param message the message
	 * @return the text, empty when it has none
	 */
	static String questionOf(JsonNode message) {
		StringBuilder text = new StringBuilder();
		for (JsonNode block : Json.elements(message, "content")) {
			if (!block.has("toolResult")) {
				text.append(blockText(block));
			}
		}
		return text.toString();
	}

	/**
	 * The text of a content or system block: {@code text}, {@code guardContent} text, or
	 * the text and JSON of a {@code toolResult}.
	 * @param block the block
	 * @return its text, empty for other blocks
	 */
	static String blockText(JsonNode block) {
		String text = Json.text(block, "text");
		if (text != null) {
			return text;
		}
		String guarded = Json.text(block.path("guardContent").path("text"), "text");
		if (guarded != null) {
			return guarded;
		}
		JsonNode result = block.get("toolResult");
		if (result == null) {
			return "";
		}
		StringBuilder parts = new StringBuilder();
		for (JsonNode part : Json.elements(result, "content")) {
			String partText = Json.text(part, "text");
			parts.append((partText != null) ? partText : part.has("json") ? part.get("json").toString() : "");
		}
		return parts.toString();
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
