package io.bedrockbinding.emulator;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The guardrails of an emulator and their assessment of a Converse request. The trace has
 * the shape of the SDK's {@code GuardrailTraceAssessment}: {@code inputAssessment} (a map
 * from guardrail ID to a {@code GuardrailAssessment}), {@code outputAssessments} (ID to a
 * list of them), {@code modelOutput}; a word hit is a {@code GuardrailCustomWord} of the
 * {@code wordPolicy} with {@code action} {@code BLOCKED}.
 */
final class Guardrails {

	static final String INTERVENED = "guardrail_intervened";

	/**
	 * Bedrock's answer for a guardrail it does not know, as quoted in
	 * https://github.com/openclaw/openclaw/pull/58588.
	 */
	static final String INVALID = "The provided guardrail identifier is invalid.";

	private final Map<String, LocalGuardrail> guardrails = new ConcurrentHashMap<>();

	LocalGuardrail define(String id, String version) {
		LocalGuardrail created = new LocalGuardrail(id, version);
		return this.guardrails.computeIfAbsent(id + ":" + version, (key) -> created);
	}

	void clear() {
		this.guardrails.clear();
	}

	/**
	 * The guardrail a request names.
	 * @param root the request body
	 * @return the guardrail, or {@code null} when the request names none
	 */
	@Nullable LocalGuardrail of(JsonNode root) {
		JsonNode config = root.get("guardrailConfig");
		if (config == null || !config.isObject()) {
			return null;
		}
		String identifier = Json.text(config, "guardrailIdentifier");
		String version = Json.text(config, "guardrailVersion");
		if (identifier == null || version == null) {
			throw BedrockError.validation(INVALID);
		}
		String id = identifier.contains(":guardrail/")
				? identifier.substring(identifier.indexOf(":guardrail/") + ":guardrail/".length()) : identifier;
		LocalGuardrail guardrail = this.guardrails.get(id + ":" + version);
		if (guardrail == null) {
			throw BedrockError.validation(INVALID);
		}
		return guardrail;
	}

	static boolean traced(JsonNode root) {
		String trace = Json.text(root.path("guardrailConfig"), "trace");
		return "enabled".equals(trace) || "enabled_full".equals(trace);
	}

	/**
	 * The text a guardrail assesses: the {@code guardContent} blocks of the system prompt
	 * and messages when there are any, else the text of every message.
	 * @param root the request body
	 * @param messages its messages
	 * @return the text
	 */
	static String input(JsonNode root, List<JsonNode> messages) {
		StringBuilder guarded = new StringBuilder();
		StringBuilder all = new StringBuilder();
		for (JsonNode block : Json.elements(root, "system")) {
			appendGuarded(block, guarded);
		}
		for (JsonNode message : messages) {
			for (JsonNode block : Json.elements(message, "content")) {
				appendGuarded(block, guarded);
				String text = Json.text(block, "text");
				if (text != null) {
					all.append(text).append('\n');
				}
			}
		}
		return (guarded.length() > 0) ? guarded.toString() : all.toString();
	}

	private static void appendGuarded(JsonNode block, StringBuilder guarded) {
		String text = Json.text(block.path("guardContent").path("text"), "text");
		if (text != null) {
			guarded.append(text).append('\n');
		}
	}

	static ObjectNode assessment(String word) {
		ObjectNode assessment = Json.newObject();
		assessment.putObject("wordPolicy")
			.putArray("customWords")
			.addObject()
			.put("match", word)
			.put("action", "BLOCKED")
			.put("detected", true);
		return assessment;
	}

	static ObjectNode inputTrace(LocalGuardrail guardrail, String word) {
		ObjectNode trace = Json.newObject();
		trace.putObject("guardrail").putObject("inputAssessment").set(guardrail.id(), assessment(word));
		return trace;
	}

	static ObjectNode outputTrace(LocalGuardrail guardrail, String word, String modelOutput) {
		ObjectNode trace = Json.newObject();
		ObjectNode assessment = trace.putObject("guardrail");
		assessment.putArray("modelOutput").add(modelOutput);
		assessment.putObject("outputAssessments").putArray(guardrail.id()).add(assessment(word));
		return trace;
	}

}
