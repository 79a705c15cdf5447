package io.bedrockbinding.emulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * What a journaled Converse or ConverseStream request carried, read from its body, so
 * tests can assert what arrived ({@link JournalEntry#converse()}).
 *
 * @param messages the number of messages
 * @param images the number of image blocks in the messages
 * @param documents the names of the document blocks, in order
 * @param toolResults the number of {@code toolResult} blocks
 * @param errorToolResults how many of them have status {@code error}
 * @param toolUses the number of {@code toolUse} blocks (assistant turns sent back)
 * @param tools the names of the tools offered in {@code toolConfig}
 * @param toolChoice {@code auto}, {@code any}, {@code tool:NAME}, or {@code null}
 * @param cachePoints the number of {@code cachePoint} blocks (system, messages, tools)
 * @param guardrail the {@code guardrailConfig.guardrailIdentifier}, or {@code null}
 * @param reasoningBlocks the number of {@code reasoningContent} blocks sent back
 * @param outputSchema whether {@code outputConfig} asks for a JSON schema
 */
public record ConverseRecord(int messages, int images, List<String> documents, int toolResults, int errorToolResults,
		int toolUses, List<String> tools, @Nullable String toolChoice, int cachePoints, @Nullable String guardrail,
		int reasoningBlocks, boolean outputSchema) {

	public ConverseRecord {
		documents = List.copyOf(documents);
		tools = List.copyOf(tools);
	}

	/**
	 * Reads a request body.
	 * @param body the body as the journal holds it
	 * @return what it carried; all zero for a body that is not a JSON object
	 */
	static ConverseRecord of(String body) {
		JsonNode root;
		try {
			root = Json.MAPPER.readTree(body.getBytes(StandardCharsets.UTF_8));
		}
		catch (JacksonException ex) {
			root = null;
		}
		if (root == null || !root.isObject()) {
			return new ConverseRecord(0, 0, List.of(), 0, 0, 0, List.of(), null, 0, null, 0, false);
		}
		if (root.path("input").has("converse")) {
			root = root.path("input").path("converse");
		}
		List<JsonNode> messages = Json.elements(root, "messages");
		int images = 0;
		int results = 0;
		int errors = 0;
		int uses = 0;
		int cachePoints = 0;
		int reasoning = 0;
		List<String> documents = new ArrayList<>();
		for (JsonNode message : messages) {
			for (JsonNode block : Json.elements(message, "content")) {
				images += block.has("image") ? 1 : 0;
				uses += block.has("toolUse") ? 1 : 0;
				cachePoints += block.has("cachePoint") ? 1 : 0;
				reasoning += block.has("reasoningContent") ? 1 : 0;
				if (block.has("document")) {
					documents.add(String.valueOf(Json.text(block.get("document"), "name")));
				}
				if (block.has("toolResult")) {
					results++;
					errors += "error".equals(Json.text(block.get("toolResult"), "status")) ? 1 : 0;
				}
			}
		}
		List<String> tools = new ArrayList<>();
		for (JsonNode tool : Json.elements(root.path("toolConfig"), "tools")) {
			cachePoints += tool.has("cachePoint") ? 1 : 0;
			String name = Json.text(tool.path("toolSpec"), "name");
			if (name != null) {
				tools.add(name);
			}
		}
		for (JsonNode block : Json.elements(root, "system")) {
			cachePoints += block.has("cachePoint") ? 1 : 0;
		}
		JsonNode choice = root.path("toolConfig").path("toolChoice");
		String toolChoice = choice.has("tool") ? "tool:" + Json.text(choice.get("tool"), "name")
				: choice.has("any") ? "any" : choice.has("auto") ? "auto" : null;
		return new ConverseRecord(messages.size(), images, documents, results, errors, uses, tools, toolChoice,
				cachePoints, Json.text(root.path("guardrailConfig"), "guardrailIdentifier"), reasoning,
				root.path("outputConfig").path("textFormat").isObject());
	}

}
