package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

import io.bedrockbinding.identifier.TargetKind;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseTrace;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * The outcome of one pipe call: Bedrock's whole answer as the SDK's
 * {@link ConverseResponse} (a streamed call's events assembled into one), the
 * conversation to continue from, and what the binding did.
 *
 * @param response the answer: content blocks, stop reason, usage, metrics, trace,
 * additional model response fields, performance configuration, service tier
 * @param conversation the messages of the last request and the answer's message, oldest
 * first: hand them to {@link PipeOptionsBuilder#messages} (or the next call) to go on
 * @param modelId the model ID the caller asked for
 * @param invokedTarget the target actually called (profile ID, ARN or model ID)
 * @param targetKind the kind of that target
 * @param region the region the call went to
 * @param requestId AWS's request ID, when the response had one
 * @param fallback whether the target that answered is the derived geo profile appended
 * for a target invoked on demand (the on-demand fallback)
 * @param toolRounds how many times the pipe ran Java tools and sent their results back
 * @param targetsTried how many targets of the binding's chain were called, the one that
 * answered included: 1 unless the call failed over
 */
public record PipeResult(ConverseResponse response, List<Message> conversation, String modelId, String invokedTarget,
		TargetKind targetKind, String region, @Nullable String requestId, boolean fallback, int toolRounds,
		int targetsTried) {

	public PipeResult {
		Objects.requireNonNull(response, "response");
		conversation = List.copyOf(conversation);
	}

	/**
	 * The outcome of a call answered by the first target it tried.
	 * @param response the answer as the SDK gave it
	 * @param conversation the conversation so far
	 * @param modelId the model ID the caller asked for
	 * @param invokedTarget the target actually called
	 * @param targetKind the kind of that target
	 * @param region the region the call went to
	 * @param requestId the request ID AWS gave, when the response had one
	 * @param fallback whether the target is the on-demand fallback's geo profile
	 * @param toolRounds how many times the pipe ran Java tools
	 */
	public PipeResult(ConverseResponse response, List<Message> conversation, String modelId, String invokedTarget,
			TargetKind targetKind, String region, @Nullable String requestId, boolean fallback, int toolRounds) {
		this(response, conversation, modelId, invokedTarget, targetKind, region, requestId, fallback, toolRounds, 1);
	}

	/**
	 * This outcome, reached after {@code targetsTried} targets.
	 * @param targetsTried how many targets were called
	 * @return the outcome
	 */
	public PipeResult withTargetsTried(int targetsTried) {
		return new PipeResult(this.response, this.conversation, this.modelId, this.invokedTarget, this.targetKind,
				this.region, this.requestId, this.fallback, this.toolRounds, targetsTried);
	}

	/**
	 * The answer's message (the model's turn).
	 * @return the message
	 */
	public Message message() {
		return this.response.output().message();
	}

	/**
	 * The answer's content blocks: text, tool uses, reasoning, ...
	 * @return the blocks
	 */
	public List<ContentBlock> content() {
		return message().content();
	}

	/**
	 * The answer's text, its text blocks joined.
	 * @return the text, empty when the answer has none (e.g. only tool uses)
	 */
	public String text() {
		return Content.text(content());
	}

	/**
	 * Why the model stopped: {@code end_turn}, {@code tool_use}, {@code max_tokens},
	 * {@code stop_sequence}, {@code guardrail_intervened}, {@code content_filtered}, ...
	 * @return the stop reason as Bedrock gave it
	 */
	public String stopReason() {
		return this.response.stopReasonAsString();
	}

	/**
	 * The tools the model asks to use (input as JSON: {@link PipeJson#toJson}).
	 * @return the tool-use blocks, in order
	 */
	public List<ToolUseBlock> toolUses() {
		return content().stream().map(ContentBlock::toolUse).filter(Objects::nonNull).toList();
	}

	/**
	 * The model's reasoning, with the signature that must go back with it in the next
	 * turn (it does, in {@link #conversation()}).
	 * @return the reasoning blocks, in order
	 */
	public List<ReasoningContentBlock> reasoning() {
		return content().stream().map(ContentBlock::reasoningContent).filter(Objects::nonNull).toList();
	}

	/**
	 * Token counts, cache reads and writes included.
	 * @return the usage
	 */
	public TokenUsage usage() {
		return TokenUsage.of(this.response.usage());
	}

	/**
	 * Bedrock's own latency ({@code metrics.latencyMs}).
	 * @return the latency, zero when the answer did not give it
	 */
	public Duration latency() {
		return (this.response.metrics() != null && this.response.metrics().latencyMs() != null)
				? Duration.ofMillis(this.response.metrics().latencyMs()) : Duration.ZERO;
	}

	/**
	 * The guardrail's and prompt router's trace.
	 * @return the trace, or {@code null} when the answer has none
	 */
	public @Nullable ConverseTrace trace() {
		return this.response.trace();
	}

	/**
	 * The answer's text read as JSON into {@code type}, e.g. after
	 * {@link PipeSchemas#outputConfig(Class)}.
	 * @param <T> the type
	 * @param type a record (or any type Jackson reads)
	 * @return the value
	 * @throws BedrockPipeException with {@link FailureReason#OUTPUT_MISMATCH}, naming the
	 * field, when the answer does not match {@code type}
	 */
	public <T> T as(Class<T> type) {
		JsonNode answer;
		try {
			answer = PipeJson.mapper.readTree(text());
		}
		catch (JacksonException ex) {
			throw mismatch(type, "(the whole answer)", "not JSON: " + ex.getOriginalMessage(), ex);
		}
		String missing = PipeSchemas.missing(answer, type, "");
		if (missing != null) {
			throw mismatch(type, missing, "the answer has no " + missing, null);
		}
		try {
			return PipeJson.mapper.treeToValue(answer, type);
		}
		catch (JacksonException ex) {
			throw mismatch(type, PipeJson.path(ex), ex.getOriginalMessage(), ex);
		}
	}

	private BedrockPipeException mismatch(Class<?> type, String field, String problem, @Nullable Exception cause) {
		String name = type.getSimpleName();
		return new BedrockPipeException(FailureReason.OUTPUT_MISMATCH, this.modelId, this.invokedTarget, this.region,
				null, this.requestId,
				"The answer does not match " + name + " at " + field + ": " + problem + "\nAnswer: "
						+ abbreviate(text()),
				"ask for " + name + "'s schema (PipeSchemas.outputConfig(" + name + ".class)), or make " + name
						+ " match the answer",
				cause);
	}

	private static String abbreviate(String text) {
		return (text.length() <= 500) ? text : text.substring(0, 500) + "...";
	}

}
