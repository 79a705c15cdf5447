package io.bedrockbinding.emulator;

import java.util.List;
import java.util.Map;

import io.bedrockbinding.catalog.ModelInfo;
import tools.jackson.databind.node.ObjectNode;

/** bedrock-runtime: Converse, ConverseStream and InvokeModel. */
final class RuntimeApi {

	private final TargetResolver resolver;

	private final Faults faults;

	RuntimeApi(TargetResolver resolver, Faults faults) {
		this.resolver = resolver;
		this.faults = faults;
	}

	Answer converse(Call call) {
		ResolvedTarget target = this.resolver.resolve(call.requireResource(), call.region(), "bedrock:InvokeModel");
		requireTextOutput(target.model());
		Generation generation = generate(target, ConverseInput.parse(call.body()));
		ObjectNode reply = Json.newObject();
		ObjectNode message = reply.putObject("output").putObject("message");
		message.put("role", "assistant");
		message.putArray("content").addObject().put("text", generation.text());
		reply.put("stopReason", generation.stopReason());
		reply.set("usage", usage(generation));
		reply.putObject("metrics").put("latencyMs", call.elapsedMillis());
		return Answers.json(reply);
	}

	Answer converseStream(Call call) {
		ResolvedTarget target = this.resolver.resolve(call.requireResource(), call.region(),
				"bedrock:InvokeModelWithResponseStream");
		requireTextOutput(target.model());
		if (!target.model().streaming()) {
			throw BedrockError.validation("The model " + target.model().modelId() + " is unsupported for streaming.");
		}
		Generation generation = generate(target, ConverseInput.parse(call.body()));
		Faults.StreamBreak streamBreak = this.faults.takeStreamBreak();
		Faults.StreamPause pause = this.faults.takeStreamPause();
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
			events.event("metadata", metadata);
		});
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
