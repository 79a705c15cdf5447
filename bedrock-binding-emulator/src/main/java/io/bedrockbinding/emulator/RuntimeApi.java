package io.bedrockbinding.emulator;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.TargetKind;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * bedrock-runtime: Converse, ConverseStream, InvokeModel, InvokeModelWithResponseStream
 * and CountTokens.
 */
final class RuntimeApi {

	/** The largest InvokeModel body, in bytes. */
	static final int MAX_NATIVE_BODY = 25_000_000;

	private final TargetResolver resolver;

	private final Faults faults;

	private final Converser converser;

	private final ConverseState state;

	RuntimeApi(TargetResolver resolver, Faults faults, ConverseState state) {
		this.resolver = resolver;
		this.faults = faults;
		this.converser = new Converser(state);
		this.state = state;
	}

	/**
	 * The control plane's CreateGuardrail, which shares the guardrails of Converse.
	 * @param call the request
	 * @return the created guardrail
	 */
	Answer createGuardrail(Call call) {
		return this.state.guardrailsApi().create(call);
	}

	Answer converse(Call call) {
		ResolvedTarget target = this.resolver.resolve(call.requireResource(), call.region(), "bedrock:InvokeModel",
				call.body());
		requireTextOutput(target.model());
		ConverseReply reply = routed(this.converser.reply(target, call.body()), target, call);
		return Answers.json(reply.json(call.elapsedMillis()));
	}

	Answer converseStream(Call call) {
		ResolvedTarget target = this.resolver.resolve(call.requireResource(), call.region(),
				"bedrock:InvokeModelWithResponseStream", call.body());
		requireTextOutput(target.model());
		if (!target.model().streaming()) {
			throw BedrockError.validation("The model " + target.model().modelId() + " is unsupported for streaming.");
		}
		ConverseReply reply = this.converser.reply(target, call.body());
		Faults.StreamBreak streamBreak = this.faults.takeStreamBreak();
		Faults.StreamPause pause = this.faults.takeStreamPause();
		boolean cutToolUse = this.faults.takeToolUseCut(reply.callsTool());
		ConverseReply routed = routed(cutToolUse ? reply.cutAtMaxTokens() : reply, target, call);
		return new Answer.Stream(
				(events) -> routed.write(events, streamBreak, pause, cutToolUse, call.elapsedMillis()));
	}

	/**
	 * A prompt router's answer says which model answered: {@code trace.promptRouter.
	 * invokedModelId} of the reply or the stream's metadata (ConverseTrace,
	 * PromptRouterTrace:
	 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_PromptRouterTrace.html).
	 * @param reply the answer
	 * @param target what the call resolved to
	 * @param call the request
	 * @return the answer, with the router's trace when a router was called
	 */
	private static ConverseReply routed(ConverseReply reply, ResolvedTarget target, Call call) {
		if (target.kind() != TargetKind.PROMPT_ROUTER_ARN) {
			return reply;
		}
		return reply.withTrace("promptRouter",
				Json.newObject().put("invokedModelId", Arns.foundationModel(call.region(), target.model().modelId())));
	}

	Answer invokeModel(Call call) {
		requireJsonContentType(call);
		requireNativeBodyWithinLimit(call);
		ResolvedTarget target = this.resolver.resolve(call.requireResource(), call.region(), "bedrock:InvokeModel");
		NativeBodies.Reply reply = NativeBodies.answer(target, call.body());
		return Answers.json(reply.body(),
				Map.of("X-Amzn-Bedrock-Input-Token-Count", Integer.toString(reply.inputTokens()),
						"X-Amzn-Bedrock-Output-Token-Count", Integer.toString(reply.outputTokens()),
						"X-Amzn-Bedrock-Invocation-Latency", Long.toString(call.elapsedMillis())));
	}

	/**
	 * Refuses an InvokeModel body whose {@code Content-Type} is not JSON, as Bedrock does
	 * (its message as quoted in aws/aws-sdk-ruby#3033, an SDK release that sent another
	 * type, and in tsibelman/aws-signer-v4-dot-net#40, a text type sent by hand). No
	 * header is JSON: the API reference gives {@code application/json} as the default.
	 * Only the media type is compared: no source says whether Bedrock takes parameters
	 * such as {@code charset}. InvokeModelWithResponseStream and Converse are left alone,
	 * for want of a source for what they answer.
	 * @param call the request
	 */
	private static void requireJsonContentType(Call call) {
		String contentType = call.contentType();
		if (contentType == null) {
			return;
		}
		int parameters = contentType.indexOf(';');
		String mediaType = ((parameters >= 0) ? contentType.substring(0, parameters) : contentType).trim();
		if (!mediaType.equalsIgnoreCase(Answers.JSON)) {
			throw BedrockError.validation("The provided Content Type is invalid or not supported for this model");
		}
	}

	static void pause(java.time.Duration pause) {
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
		requireNativeBodyWithinLimit(call);
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
		if (target.kind() == TargetKind.SYSTEM_PROFILE || target.kind() == TargetKind.PROFILE_ARN) {
			// CountTokens takes "the unique identifier or ARN of the foundation model"
			// (API_runtime_CountTokens); the answer to a cross-region profile is
			// quoted in maximhq/bifrost pull request 2169 (us.anthropic.claude-...)
			throw BedrockError.validation("The provided model doesn't support counting tokens.");
		}
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

	/**
	 * InvokeModel's body is at most {@value #MAX_NATIVE_BODY} bytes ("Length Constraints:
	 * Minimum length of 0. Maximum length of 25000000.",
	 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_InvokeModel.html),
	 * checked before anything else, as the service validates its input first; the text is
	 * the service's constraint wording, which leaves out the value of a blob.
	 * @param call the request
	 */
	private static void requireNativeBodyWithinLimit(Call call) {
		if (call.body().length > MAX_NATIVE_BODY) {
			throw BedrockError.validation("1 validation error detected: Value at 'body' failed to satisfy constraint: "
					+ "Member must have length less than or equal to " + MAX_NATIVE_BODY);
		}
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
