package io.bedrockbinding.emulator;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.bedrockbinding.catalog.ModelInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the model does with the tools of a Converse request, deterministically: with
 * {@code toolChoice} {@code auto} (or none) it calls the next tool that the user's last
 * question names (by name, case-insensitive) and that it has not called yet in this turn,
 * else it answers in text, quoting the tool results it was given; {@code any} calls such
 * a tool or, when none is named, the first tool; {@code tool} always calls the named
 * tool.
 *
 * @param call the tool to call, or {@code null} to answer in text
 * @param results the text of the tool results of the last message, one entry per result
 * ({@code "weather returned: Sunny"} or {@code "weather failed: ..."}), empty when it has
 * none
 */
record ToolTurn(@Nullable ToolCall call, List<String> results) {

	/**
	 * Bedrock's refusal of tools for a model without tool use, as quoted in
	 * https://github.com/langchain-ai/langchain-aws/issues/447 (DeepSeek-R1).
	 */
	static final String NO_TOOL_USE = "This model doesn't support tool use.";

	/**
	 * Bedrock's refusal of tool blocks without tools, as quoted in
	 * https://github.com/epam/ai-dial-adapter-bedrock/pull/344.
	 */
	static final String NO_TOOL_CONFIG = "The toolConfig field must be defined when using toolUse and toolResult "
			+ "content blocks.";

	static ToolTurn of(JsonNode root, List<JsonNode> messages, ModelInfo model) {
		JsonNode toolConfig = root.path("toolConfig");
		List<JsonNode> specs = new ArrayList<>();
		for (JsonNode tool : Json.elements(toolConfig, "tools")) {
			if (tool.has("toolSpec")) {
				specs.add(tool.get("toolSpec"));
			}
		}
		boolean toolBlocks = hasToolBlocks(messages);
		if (!toolConfig.isObject() && toolBlocks) {
			throw BedrockError.validation(NO_TOOL_CONFIG);
		}
		if (specs.isEmpty()) {
			return new ToolTurn(null, results(messages));
		}
		if (!ModelFeatures.toolUse(model)) {
			throw BedrockError.validation(NO_TOOL_USE);
		}
		int question = lastQuestion(messages);
		String text = (question >= 0) ? ConverseInput.questionOf(messages.get(question)) : "";
		Set<String> called = calledSince(messages, question);
		JsonNode choice = toolConfig.path("toolChoice");
		JsonNode spec;
		if (choice.has("tool")) {
			String name = Json.text(choice.get("tool"), "name");
			spec = specs.stream()
				.filter((candidate) -> Json.text(candidate, "name") != null)
				.filter((candidate) -> Json.text(candidate, "name").equals(name))
				.findFirst()
				.orElseThrow(() -> BedrockError.validation("LocalBedrock: toolConfig.toolChoice.tool names '" + name
						+ "', which is not one of toolConfig.tools. (Bedrock's own text for this is not known.)"));
		}
		else {
			spec = named(specs, text, called);
			if (spec == null && choice.has("any")) {
				spec = specs.get(0);
			}
		}
		List<String> results = results(messages);
		return new ToolTurn(
				(spec != null) ? ToolCall.of(spec, SchemaValues.hints(text), root.path("messages").toString()) : null,
				results);
	}

	/** The first tool the question names that was not called since it was asked. */
	private static @Nullable JsonNode named(List<JsonNode> specs, String question, Set<String> called) {
		String text = question.toLowerCase(Locale.ROOT);
		JsonNode first = null;
		int firstAt = Integer.MAX_VALUE;
		for (JsonNode spec : specs) {
			String name = Json.text(spec, "name");
			if (name == null || called.contains(name)) {
				continue;
			}
			int at = text.indexOf(name.toLowerCase(Locale.ROOT));
			if (at >= 0 && at < firstAt) {
				first = spec;
				firstAt = at;
			}
		}
		return first;
	}

	/** The index of the last user message with text (not only tool results). */
	private static int lastQuestion(List<JsonNode> messages) {
		for (int i = messages.size() - 1; i >= 0; i--) {
			JsonNode message = messages.get(i);
			if ("user".equals(Json.text(message, "role")) && !ConverseInput.questionOf(message).isBlank()) {
				return i;
			}
		}
		return -1;
	}

	private static Set<String> calledSince(List<JsonNode> messages, int question) {
		Set<String> called = new HashSet<>();
		for (int i = question + 1; i < messages.size(); i++) {
			for (JsonNode block : Json.elements(messages.get(i), "content")) {
				String name = Json.text(block.path("toolUse"), "name");
				if (name != null) {
					called.add(name);
				}
			}
		}
		return called;
	}

	private static boolean hasToolBlocks(List<JsonNode> messages) {
		for (JsonNode message : messages) {
			for (JsonNode block : Json.elements(message, "content")) {
				if (block.has("toolUse") || block.has("toolResult")) {
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * The tool results of the last message, each named after the tool call it answers.
	 */
	private static List<String> results(List<JsonNode> messages) {
		List<String> results = new ArrayList<>();
		if (messages.isEmpty()) {
			return results;
		}
		for (JsonNode block : Json.elements(messages.get(messages.size() - 1), "content")) {
			JsonNode result = block.get("toolResult");
			if (result == null) {
				continue;
			}
			StringBuilder text = new StringBuilder();
			for (JsonNode part : Json.elements(result, "content")) {
				String partText = Json.text(part, "text");
				text.append((partText != null) ? partText : part.has("json") ? part.get("json").toString()
						: "(" + String.join(", ", part.propertyNames()) + ")");
			}
			String name = toolName(messages, Json.text(result, "toolUseId"));
			boolean error = "error".equals(Json.text(result, "status"));
			results.add(name + (error ? " failed: " : " returned: ") + text);
		}
		return results;
	}

	private static String toolName(List<JsonNode> messages, @Nullable String toolUseId) {
		for (JsonNode message : messages) {
			for (JsonNode block : Json.elements(message, "content")) {
				JsonNode use = block.path("toolUse");
				if (toolUseId != null && toolUseId.equals(Json.text(use, "toolUseId"))) {
					String name = Json.text(use, "name");
					return (name != null) ? name : "tool";
				}
			}
		}
		return "tool " + toolUseId;
	}

}
