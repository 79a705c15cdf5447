package io.bedrockbinding.emulator;

import java.io.IOException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One Converse answer, written either as a Converse body or as the events of a
 * ConverseStream, so both APIs answer the same request with the same content.
 *
 * @param blocks the content blocks of the assistant message, in order
 * @param stopReason {@code end_turn}, {@code tool_use}, {@code guardrail_intervened}, ...
 * @param usage the token counts
 * @param trace the {@code trace} object, or {@code null} without one
 * @param echo what the answer repeats of the request: {@code performanceConfig},
 * {@code serviceTier} and {@code additionalModelResponseFields}, each only when asked for
 */
record ConverseReply(List<Block> blocks, String stopReason, Usage usage, @Nullable ObjectNode trace, ObjectNode echo) {

	/**
	 * This answer with one more part of its {@code trace}, such as the
	 * {@code promptRouter} of a prompt router's answer.
	 * @param name the field of {@code trace}: {@code guardrail}, {@code promptRouter}
	 * @param value its value
	 * @return the answer with that trace
	 */
	ConverseReply withTrace(String name, ObjectNode value) {
		ObjectNode merged = (this.trace != null) ? this.trace.deepCopy() : Json.newObject();
		merged.set(name, value);
		return new ConverseReply(this.blocks, this.stopReason, this.usage, merged, this.echo);
	}

	ObjectNode json(long latencyMillis) {
		ObjectNode reply = Json.newObject();
		ObjectNode message = reply.putObject("output").putObject("message");
		message.put("role", "assistant");
		ArrayNode content = message.putArray("content");
		for (Block block : this.blocks) {
			ObjectNode node = content.addObject();
			if (block instanceof Block.Text text) {
				node.put("text", text.text());
			}
			else if (block instanceof Block.ToolUse use) {
				node.putObject("toolUse")
					.put("toolUseId", use.call().toolUseId())
					.put("name", use.call().name())
					.set("input", use.call().input());
			}
			else if (block instanceof Block.Reasoning reasoning) {
				node.putObject("reasoningContent")
					.putObject("reasoningText")
					.put("text", reasoning.text())
					.put("signature", reasoning.signature());
			}
		}
		reply.put("stopReason", this.stopReason);
		reply.setAll(this.echo);
		reply.set("usage", this.usage.json());
		reply.putObject("metrics").put("latencyMs", latencyMillis);
		if (this.trace != null) {
			reply.set("trace", this.trace);
		}
		return reply;
	}

	/**
	 * Writes the answer as ConverseStream events: text and reasoning in several deltas, a
	 * tool call as {@code contentBlockStart} (ID and name) and several input deltas.
	 * @param events the stream
	 * @param streamBreak the injected break, if any: the stream ends with its exception
	 * after that many deltas
	 * @param pause the injected pause, if any
	 * @param cutToolUse whether the tool uses' input deltas leave out the last character
	 * of the input JSON ({@link Faults#cutNextToolUse()})
	 * @param latencyMillis the latency to report
	 * @throws IOException when the stream cannot be written
	 */
	void write(EventStream events, Faults.@Nullable StreamBreak streamBreak, Faults.@Nullable StreamPause pause,
			boolean cutToolUse, long latencyMillis) throws IOException {
		List<ObjectNode> deltas = new java.util.ArrayList<>();
		List<Integer> ends = new java.util.ArrayList<>();
		java.util.Map<Integer, ObjectNode> starts = new java.util.HashMap<>();
		for (int index = 0; index < this.blocks.size(); index++) {
			Block block = this.blocks.get(index);
			if (block instanceof Block.ToolUse use) {
				ObjectNode start = Json.newObject().put("contentBlockIndex", index);
				start.putObject("start")
					.putObject("toolUse")
					.put("toolUseId", use.call().toolUseId())
					.put("name", use.call().name());
				starts.put(deltas.size(), start);
				for (String chunk : use.call().inputDeltas(cutToolUse)) {
					ObjectNode event = event(index);
					event.putObject("delta").putObject("toolUse").put("input", chunk);
					deltas.add(event);
				}
			}
			else if (block instanceof Block.Reasoning reasoning) {
				for (String chunk : Generation.split(reasoning.text())) {
					ObjectNode event = event(index);
					event.putObject("delta").putObject("reasoningContent").put("text", chunk);
					deltas.add(event);
				}
				ObjectNode signature = event(index);
				signature.putObject("delta").putObject("reasoningContent").put("signature", reasoning.signature());
				deltas.add(signature);
			}
			else if (block instanceof Block.Text text) {
				for (String chunk : Generation.split(text.text())) {
					ObjectNode event = event(index);
					event.putObject("delta").put("text", chunk);
					deltas.add(event);
				}
			}
			ends.add(deltas.size());
		}
		events.event("messageStart", Json.newObject().put("role", "assistant"));
		int sent = (streamBreak != null) ? Math.min(streamBreak.afterDeltas(), deltas.size()) : deltas.size();
		int block = 0;
		for (int i = 0; i < sent; i++) {
			if (pause != null && i == Math.min(pause.afterDeltas(), deltas.size() - 1)) {
				RuntimeApi.pause(pause.pause());
			}
			if (starts.containsKey(i)) {
				events.event("contentBlockStart", starts.get(i));
			}
			events.event("contentBlockDelta", deltas.get(i));
			while (block < ends.size() && ends.get(block) == i + 1 && (streamBreak == null)) {
				events.event("contentBlockStop", Json.newObject().put("contentBlockIndex", block));
				block++;
			}
		}
		if (streamBreak != null) {
			events.exception(streamBreak.exceptionType(), streamBreak.message());
			return;
		}
		ObjectNode stop = Json.newObject().put("stopReason", this.stopReason);
		if (this.echo.has("additionalModelResponseFields")) {
			stop.set("additionalModelResponseFields", this.echo.get("additionalModelResponseFields"));
		}
		events.event("messageStop", stop);
		ObjectNode metadata = Json.newObject();
		for (String field : new String[] { "performanceConfig", "serviceTier" }) {
			if (this.echo.has(field)) {
				metadata.set(field, this.echo.get(field));
			}
		}
		metadata.set("usage", this.usage.json());
		metadata.putObject("metrics").put("latencyMs", latencyMillis);
		if (this.trace != null) {
			metadata.set("trace", this.trace);
		}
		events.event("metadata", metadata);
	}

	/**
	 * This answer as stopped by the token limit.
	 * @return the answer with the stop reason {@code max_tokens}
	 */
	ConverseReply cutAtMaxTokens() {
		return new ConverseReply(this.blocks, Generation.MAX_TOKENS, this.usage, this.trace, this.echo);
	}

	/**
	 * Whether the answer calls a tool.
	 * @return whether it has a tool use
	 */
	boolean callsTool() {
		return this.blocks.stream().anyMatch(Block.ToolUse.class::isInstance);
	}

	private static ObjectNode event(int index) {
		return Json.newObject().put("contentBlockIndex", index);
	}

	/** A content block of the answer. */
	sealed interface Block permits Block.Text, Block.ToolUse, Block.Reasoning {

		/**
		 * A {@code text} block.
		 *
		 * @param text the text
		 */
		record Text(String text) implements Block {
		}

		/**
		 * A {@code toolUse} block.
		 *
		 * @param call the tool call
		 */
		record ToolUse(ToolCall call) implements Block {
		}

		/**
		 * A {@code reasoningContent} block.
		 *
		 * @param text the reasoning
		 * @param signature the signature the next turn must send back with it
		 */
		record Reasoning(String text, String signature) implements Block {
		}

	}

	/**
	 * The {@code usage} of an answer.
	 *
	 * @param inputTokens the input tokens not read from or written to the cache
	 * @param outputTokens the output tokens
	 * @param cacheRead the tokens read from the prompt cache, or {@code null} when the
	 * request had no cache point
	 * @param cacheWrite the tokens written to the prompt cache, or {@code null}
	 */
	record Usage(int inputTokens, int outputTokens, @Nullable Integer cacheRead, @Nullable Integer cacheWrite) {

		ObjectNode json() {
			int cached = ((this.cacheRead != null) ? this.cacheRead : 0)
					+ ((this.cacheWrite != null) ? this.cacheWrite : 0);
			ObjectNode usage = Json.newObject()
				.put("inputTokens", this.inputTokens)
				.put("outputTokens", this.outputTokens)
				.put("totalTokens", this.inputTokens + this.outputTokens + cached);
			if (this.cacheRead != null) {
				usage.put("cacheReadInputTokens", this.cacheRead);
			}
			if (this.cacheWrite != null) {
				usage.put("cacheWriteInputTokens", this.cacheWrite);
			}
			return usage;
		}

	}

}
