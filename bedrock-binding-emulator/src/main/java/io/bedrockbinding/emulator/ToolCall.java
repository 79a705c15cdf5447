package io.bedrockbinding.emulator;

import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A tool call the emulator's model makes: the tool's name, and an input with a value for
 * every required property of its JSON schema (strings {@code "LocalBedrock"}, numbers
 * {@code 1}, booleans {@code true}).
 *
 * @param toolUseId the ID the tool result must name
 * @param name the tool's name
 * @param input the arguments
 */
record ToolCall(String toolUseId, String name, ObjectNode input) {

	private static final AtomicLong IDS = new AtomicLong();

	static ToolCall of(JsonNode toolSpec) {
		String name = Json.text(toolSpec, "name");
		if (name == null) {
			throw BedrockError
				.validation("1 validation error detected: Value null at 'toolConfig.tools.1.member.toolSpec.name' "
						+ "failed to satisfy constraint: Member must not be null");
		}
		JsonNode schema = toolSpec.path("inputSchema").path("json");
		ObjectNode input = Json.newObject();
		for (String property : Json.texts(schema, "required")) {
			String type = Json.text(schema.path("properties").path(property), "type");
			if ("integer".equals(type) || "number".equals(type)) {
				input.put(property, 1);
			}
			else if ("boolean".equals(type)) {
				input.put(property, true);
			}
			else {
				input.put(property, "LocalBedrock");
			}
		}
		return new ToolCall("tooluse_" + IDS.incrementAndGet(), name, input);
	}

}
