package io.bedrockbinding.emulator;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The chunks of an InvokeModelWithResponseStream answer, made from the native reply an
 * InvokeModel call would get. An Anthropic message is streamed as Anthropic's message
 * events ({@code message_start}, {@code content_block_start}, {@code content_block_delta}
 * with {@code text_delta}, {@code content_block_stop}, {@code message_delta},
 * {@code message_stop}); any other reply is one chunk.
 */
final class NativeStreams {

	private NativeStreams() {
	}

	static List<ObjectNode> chunks(NativeBodies.Reply reply) {
		JsonNode body = reply.body();
		List<ObjectNode> chunks = new ArrayList<>();
		if (!"message".equals(Json.text(body, "type"))) {
			chunks.add((ObjectNode) body.deepCopy());
			return chunks;
		}
		ObjectNode start = Json.newObject().put("type", "message_start");
		ObjectNode message = start.putObject("message");
		message.put("id", Json.text(body, "id"))
			.put("type", "message")
			.put("role", "assistant")
			.put("model", Json.text(body, "model"));
		message.putArray("content");
		message.putObject("usage").put("input_tokens", reply.inputTokens()).put("output_tokens", 1);
		chunks.add(start);
		ObjectNode blockStart = Json.newObject().put("type", "content_block_start").put("index", 0);
		blockStart.putObject("content_block").put("type", "text").put("text", "");
		chunks.add(blockStart);
		String text = body.path("content").path(0).path("text").stringValue("");
		Generation generation = new Generation(text, "", null, reply.inputTokens(), reply.outputTokens());
		for (String delta : generation.deltas()) {
			ObjectNode chunk = Json.newObject().put("type", "content_block_delta").put("index", 0);
			chunk.putObject("delta").put("type", "text_delta").put("text", delta);
			chunks.add(chunk);
		}
		chunks.add(Json.newObject().put("type", "content_block_stop").put("index", 0));
		ObjectNode messageDelta = Json.newObject().put("type", "message_delta");
		messageDelta.putObject("delta")
			.put("stop_reason", Json.text(body, "stop_reason"))
			.set("stop_sequence", body.path("stop_sequence"));
		messageDelta.putObject("usage").put("output_tokens", reply.outputTokens());
		chunks.add(messageDelta);
		chunks.add(Json.newObject().put("type", "message_stop"));
		return chunks;
	}

}
