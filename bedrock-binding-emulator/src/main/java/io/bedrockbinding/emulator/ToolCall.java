package io.bedrockbinding.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;

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

	/** Characters of the input JSON per streamed {@code toolUse} delta. */
	private static final int DELTA_SIZE = 12;

	/**
	 * The call of a tool.
	 * @param toolSpec the tool's {@code toolSpec}
	 * @param hints the values the question gives
	 * @param conversation the conversation so far, whose hash makes the ID: the same
	 * conversation always gets the same ID, every round of it a new one
	 * @return the call
	 */
	static ToolCall of(JsonNode toolSpec, Map<String, String> hints, String conversation) {
		String name = Json.text(toolSpec, "name");
		if (name == null) {
			throw BedrockError
				.validation("1 validation error detected: Value null at 'toolConfig.tools.1.member.toolSpec.name' "
						+ "failed to satisfy constraint: Member must not be null");
		}
		JsonNode schema = toolSpec.path("inputSchema").path("json");
		return new ToolCall(id(conversation + "\n" + name), name, SchemaValues.object(schema, hints, false));
	}

	/**
	 * {@code tooluse_} and 22 characters of {@code [A-Za-z0-9_-]}, as Bedrock's IDs look.
	 */
	private static String id(String seed) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(seed.getBytes(StandardCharsets.UTF_8));
			return "tooluse_" + Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * The input JSON cut into the string deltas a stream sends.
	 * @param cut whether to leave out the JSON's last character, so that the chunks do
	 * not join into JSON
	 * @return several chunks whose concatenation is the input JSON (or all of it but its
	 * last character)
	 */
	java.util.List<String> inputDeltas(boolean cut) {
		String whole = this.input.toString();
		String json = cut ? whole.substring(0, whole.length() - 1) : whole;
		java.util.List<String> deltas = new java.util.ArrayList<>();
		for (int start = 0; start < json.length(); start += DELTA_SIZE) {
			deltas.add(json.substring(start, Math.min(json.length(), start + DELTA_SIZE)));
		}
		return deltas;
	}

}
