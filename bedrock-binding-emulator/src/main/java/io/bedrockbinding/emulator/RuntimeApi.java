package io.bedrockbinding.emulator;

import java.io.IOException;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.TargetKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * bedrock-runtime: Converse, ConverseStream, InvokeModel, InvokeModelWithResponseStream
 * and CountTokens.
 */
final class RuntimeApi {

	private static final String TOOL_USE = "tool_use";

	private final TargetResolver resolver;

	private final Faults faults;

	RuntimeApi(TargetResolver resolver, Faults faults) {
		this.resolver = resolver;
		this.faults = faults;
	}

	Answer converse(Call call) {
		ResolvedTarget target = this.resolver.resolve(call.requireResource(), call.region(), "bedrock:InvokeModel",
				call.body());
		requireTextOutput(target.model());
		ConverseInput input = ConverseInput.parse(call.body());
		Generation generation = generate(target, input);
		ObjectNode reply = Json.newObject();
		ObjectNode message = reply.putObject("output").putObject("message");
		message.put("role", "assistant");
		ArrayNode content = message.putArray("content");
		ToolCall tool = input.toolCall();
		if (tool != null) {
			// A model given tools calls the first one, and answers once it has the
			// result.
			content.addObject().put("text", "Calling " + tool.name() + ".");
			content.addObject()
				.putObject("toolUse")
				.put("toolUseId", tool.toolUseId())
				.put("name", tool.name())
				.set("input", tool.input());
		}
		else {
			content.addObject().put("text", generation.text());
		}
		reply.put("stopReason", (tool != null) ? TOOL_USE : generation.stopReason());
		reply.set("usage", usage(generation));
		reply.putObject("metrics").put("latencyMs", call.elapsedMillis());
		routerTrace(reply, target, call);
		return Answers.json(reply);
	}

	Answer converseStream(Call call) {
		ResolvedTarget target = this.resolver.resolve(call.requireResource(), call.region(),
				"bedrock:InvokeModelWithResponseStream", call.body());
		requireTextOutput(target.model());
		if (!target.model().streaming()) {
			throw BedrockError.validation("The model " + target.model().modelId() + " is unsupported for streaming.");
		}
		ConverseInput input = ConverseInput.parse(call.body());
		Generation generation = generate(target, input);
		Faults.StreamBreak streamBreak = this.faults.takeStreamBreak();
		Faults.StreamPause pause = this.faults.takeStreamPause();
		ToolCall tool = input.toolCall();
		if (tool != null) {
			return new Answer.Stream((events) -> toolCallEvents(events, tool, generation, call));
		}
		return new Answer.Stream((events) -> {
			events.event("messageStart", Json.newObject().put("role", "assistant"));
			List<String> deltas = generation.deltas();
			int sent = (streamBreak != null) ? Math.min(streamBreak.afterDeltas(), deltas.size()) : deltas.size();
			for (int i = 0; i < sent; i++) {
				if (pause != null && i == Math.min(pause.afterDeltas(), deltas.size() - 1)) {
					pause(pause.pause());
				}
				ObjectNode delta = Json.newObject().put("contentBlockIndex", 0);
				delta.putObject("delta").put("text", deltas.get(i));
				events.event("contentBlockDelta", delta);
			}
			if (streamBreak != null) {
				events.exception(streamBreak.exceptionType(), streamBreak.message());
				return;
			}
			events.event("contentBlockStop", Json.newObject().put("contentBlockIndex", 0));
			events.event("messageStop", Json.newObject().put("stopReason", generation.stopReason()));
			ObjectNode metadata = Json.newObject();
			metadata.set("usage", usage(generation));
			metadata.putObject("metrics").put("latencyMs", call.elapsedMillis());
			routerTrace(metadata, target, call);
			events.event("metadata", metadata);
		});
	}

	/**
	 * A prompt router's answer says which model answered: {@code trace.promptRouter.
	 * invokedModelId} of the reply or the stream's metadata (ConverseTrace,
	 * PromptRouterTrace:
	 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_PromptRouterTrace.html).
	 * @param node the reply or the metadata event
	 * @param target what the call resolved to
	 * @param call the request
	 */
	private static void routerTrace(ObjectNode node, ResolvedTarget target, Call call) {
		if (target.kind() == TargetKind.PROMPT_ROUTER_ARN) {
			node.putObject("trace")
				.putObject("promptRouter")
				.put("invokedModelId", Arns.foundationModel(call.region(), target.model().modelId()));
		}
	}

	/**
	 * A streamed tool call: a {@code toolUse} content block whose input arrives as a JSON
	 * string delta, then {@code messageStop} with {@code tool_use}.
	 * @param events the stream to write to
	 * @param tool the tool call
	 * @param generation the usage to report
	 * @param call the request
	 * @throws IOException when the stream cannot be written
	 */
	private static void toolCallEvents(EventStream events, ToolCall tool, Generation generation, Call call)
			throws IOException {
		events.event("messageStart", Json.newObject().put("role", "assistant"));
		ObjectNode start = Json.newObject().put("contentBlockIndex", 0);
		start.putObject("start").putObject("toolUse").put("toolUseId", tool.toolUseId()).put("name", tool.name());
		events.event("contentBlockStart", start);
		ObjectNode delta = Json.newObject().put("contentBlockIndex", 0);
		delta.putObject("delta").putObject("toolUse").put("input", tool.input().toString());
		events.event("contentBlockDelta", delta);
		events.event("contentBlockStop", Json.newObject().put("contentBlockIndex", 0));
		events.event("messageStop", Json.newObject().put("stopReason", TOOL_USE));
		ObjectNode metadata = Json.newObject();
		metadata.set("usage", usage(generation));
		metadata.putObject("metrics").put("latencyMs", call.elapsedMillis());
		events.event("metadata", metadata);
	}

	Answer invokeModel(Call call) {
		ResolvedTarget target = this.resolver.resolve(call.requireResource(), call.region(), "bedrock:InvokeModel");
		NativeBodies.Reply reply = NativeBodies.answer(target, call.body());
		return Answers.json(reply.body(),
				Map.of("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(reply.inputTokens()),
						"X-Amzn-Bedrock-Output-Token-Count", Integer.toString(reply.outputTokens()),
						"X-Amzn-Bedrock-Invocation-Latency", Long.toString(call.elapsedMillis())));
	}

	private static void pause(java.time.Duration pause) {
		try {
			Thread.sleep(pause.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * InvokeModelWithResponseStream: {@code chunk} events whose {@code bytes} (base64 in
	 * the event's JSON, as the SDK's {@code PayloadPart} reads it) hold the model's
	 * native stream. Anthropic models stream their message events, text in deltas; other
	 * families send their whole native reply in one chunk. The last chunk carries
	 * {@code amazon-bedrock-invocationMetrics}.
	 * @param call the request
	 * @return the stream answer
	 */
	Answer invokeModelWithResponseStream(Call call) {
		ResolvedTarget target = this.resolver.resolve(call.requireResource(), call.region(),
				"bedrock:InvokeModelWithResponseStream");
		if (!target.model().streaming()) {
			throw BedrockError.validation("The model " + target.model().modelId() + " is unsupported for streaming.");
		}
		NativeBodies.Reply reply = NativeBodies.answer(target, call.body());
		List<ObjectNode> chunks = NativeStreams.chunks(reply);
		ObjectNode metrics = chunks.get(chunks.size() - 1).putObject("amazon-bedrock-invocationMetrics");
		metrics.put("inputTokenCount", reply.inputTokens())
			.put("outputTokenCount", reply.outputTokens())
			.put("invocationLatency", call.elapsedMillis())
			.put("firstByteLatency", call.elapsedMillis());
		Faults.StreamBreak streamBreak = this.faults.takeStreamBreak();
		return new Answer.Stream((events) -> {
			int sent = (streamBreak != null) ? Math.min(streamBreak.afterDeltas(), chunks.size()) : chunks.size();
			for (int i = 0; i < sent; i++) {
				events.event("chunk",
						Json.newObject().put("bytes", Base64.getEncoder().encodeToString(Json.bytes(chunks.get(i)))));
			}
			if (streamBreak != null) {
				events.exception(streamBreak.exceptionType(), streamBreak.message());
			}
		});
	}

	/**
	 * CountTokens: {@code {"input":{"converse":{...}}}} (a Converse body) or
	 * {@code {"input":{"invokeModel":{"body":"<base64>"}}}} (a native body), answered
	 * with {@code {"inputTokens":N}}, as the SDK's {@code CountTokensRequest} and
	 * {@code CountTokensResponse} model them.
	 * @param call the request
	 * @return the token count
	 */
	Answer countTokens(Call call) {
		ResolvedTarget target = this.resolver.resolve(call.requireResource(), call.region(), "bedrock:CountTokens");
		JsonNode input = Json.object(call.body(), NativeBodies.MALFORMED).path("input");
		int tokens;
		if (input.has("converse")) {
			requireTextOutput(target.model());
			tokens = ConverseInput.parse(Json.bytes(input.get("converse"))).inputTokens();
		}
		else if (input.has("invokeModel")) {
			String body = Json.text(input.get("invokeModel"), "body");
			if (body == null) {
				throw BedrockError.validation("1 validation error detected: Value null at 'input.invokeModel.body' "
						+ "failed to satisfy constraint: Member must not be null");
			}
			tokens = NativeBodies.answer(target, Base64.getDecoder().decode(body)).inputTokens();
		}
		else {
			throw BedrockError.validation(
					"1 validation error detected: Value null at 'input' failed to satisfy constraint: Member must not be null");
		}
		return Answers.json(Json.newObject().put("inputTokens", tokens));
	}

	private static Generation generate(ResolvedTarget target, ConverseInput request) {
		return Generation.reply(target.label(), request.prompt(), request.inputTokens(), request.maxTokens(),
				request.stopSequences());
	}

	private static ObjectNode usage(Generation generation) {
		return Json.newObject()
			.put("inputTokens", generation.inputTokens())
			.put("outputTokens", generation.outputTokens())
			.put("totalTokens", generation.totalTokens());
	}

	/**
	 * Converse speaks to text models only: Bedrock refuses embedding and image models.
	 * @param model the model the target resolved to
	 */
	private static void requireTextOutput(ModelInfo model) {
		if (!model.outputModalities().contains("TEXT")) {
			throw BedrockError.validation("This action doesn't support the model that you provided. "
					+ "Try again with a supported text or chat model.");
		}
	}

}
