package io.bedrockbinding.emulator;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool call the emulator's model makes: the tool's name, and an input that satisfies
 * its JSON schema ({@link SchemaValues}): every required property, from the prompt's
 * {@code name=value} where it gives one, else a typed default.
 *
 * @param toolUseId the ID the tool result must name
 * @param name the tool's name
 * @param input the arguments
 */
record ToolCall(String toolUseId, String name, ObjectNode input) {

	private static final AtomicLong IDS = new AtomicLong();

	/** Characters of the input JSON per streamed {@code toolUse} delta. */
	private static final int DELTA_SIZE = 12;

	static ToolCall of(JsonNode toolSpec, Map<String, String> hints) {
		String name = Json.text(toolSpec, "name");
		if (name == null) {
			throw BedrockError
				.validation("1 validation error detected: Value null at 'toolConfig.tools.1.member.toolSpec.name' "
						+ "failed to satisfy constraint: Member must not be null");
		}
		JsonNode schema = toolSpec.path("inputSchema").path("json");
		return new ToolCall("tooluse_" + IDS.incrementAndGet(), name, SchemaValues.object(schema, hints, false));
	}

	/**
	 * The input JSON cut into the string deltas a stream sends.
	 * @return several chunks whose concatenation is the input JSON
	 */
	java.util.List<String> inputDeltas() {
		String json = this.input.toString();
		java.util.List<String> deltas = new java.util.ArrayList<>();
		for (int start = 0; start < json.length(); start += DELTA_SIZE) {
			deltas.add(json.substring(start, Math.min(json.length(), start + DELTA_SIZE)));
		}
		return deltas;
	}

}
