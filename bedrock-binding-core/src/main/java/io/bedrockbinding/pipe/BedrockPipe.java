package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * A Converse client for one model that goes through the model's binding. Immutable and
 * thread-safe: a pipe is its factory's context, a model ID and one {@link PipeOptions}
 * value; the {@code with...} methods return a new pipe, and one pipe can serve many
 * threads. Every model call resolves the model's binding anew (so a reload or a runtime
 * bind applies to the next call), fills in {@code {account}}/{@code {region}}, and goes
 * to the region the target names (an ARN's region) or else the pipe's region.
 *
 * <p>
 * Messages, content, tools, guardrails and output formats are the AWS SDK's own types
 * ({@link Message}, {@code ContentBlock}, {@code Tool}, ...), with shortcuts in
 * {@link Content}, {@link PipeTool} and {@link PipeSchemas}. Java tools
 * ({@link #withTool}) make each call a tool loop: the pipe runs what the model asks for
 * and sends the results back until the model ends its turn.
 *
 * <pre>{@code
 * BedrockPipe pipe = factory.pipe("amazon.nova-pro-v1:0")
 *     .withSystemPrompt("Answer in one sentence.")
 *     .withMaxTokens(200);
 * PipeResult result = pipe.execute("What is an inference profile?");
 * PipeResult picture = pipe.execute(List.of(Content.user(ContentBlock.fromText("What is this?"),
 *     Content.image(Path.of("cat.png")))));
 * }</pre>
 */
public final class BedrockPipe {

	private final PipeContext context;

	private final String modelId;

	private final PipeOptions options;

	private final PipeCalls calls;

	BedrockPipe(PipeContext context, String modelId, PipeOptions options) {
		this.context = context;
		this.modelId = modelId;
		this.options = options;
		this.calls = new PipeCalls(context, modelId, options);
	}

	// ---- settings ----------------------------------------------------------------

	/**
	 * The model ID this pipe calls (through its binding).
	 * @return the model ID
	 */
	public String model() {
		return this.modelId;
	}

	/**
	 * Every setting of this pipe.
	 * @return the options
	 */
	public PipeOptions options() {
		return this.options;
	}

	/**
	 * The pipe's own region, if it overrides the factory's.
	 * @return the region, or {@code null} for the factory's
	 */
	public @Nullable String region() {
		return this.options.region();
	}

	/**
	 * The text of the system prompt sent with every call.
	 * @return the system prompt's text blocks joined, or {@code null} when there are none
	 */
	public @Nullable String systemPrompt() {
		StringBuilder text = new StringBuilder();
		this.options.system().stream().map(SystemContentBlock::text).filter((t) -> t != null).forEach(text::append);
		return (text.length() > 0) ? text.toString() : null;
	}

	/**
	 * A pipe with other options.
	 * @param options the options
	 * @return the new pipe
	 */
	public BedrockPipe with(PipeOptions options) {
		return new BedrockPipe(this.context, this.modelId,
				Objects.requireNonNull(options, "options is null: give PipeOptions.DEFAULTS for none"));
	}

	/**
	 * A pipe with some options changed, e.g. {@code pipe.with((o) -> o.serviceTier(..))}.
	 * @param change sets what differs
	 * @return the new pipe
	 */
	public BedrockPipe with(Consumer<PipeOptionsBuilder> change) {
		return with(this.options.with(Objects.requireNonNull(change, "change is null")));
	}

	/**
	 * A pipe whose calls go to {@code region} unless the target is an ARN of another
	 * region.
	 * @param region the region, or {@code null} for the factory's
	 * @return the new pipe
	 */
	public BedrockPipe withRegion(@Nullable String region) {
		return with((o) -> o.region(region));
	}

	/**
	 * A pipe that sends {@code systemPrompt} with every call.
	 * @param systemPrompt the system prompt, or {@code null} for none
	 * @return the new pipe
	 */
	public BedrockPipe withSystemPrompt(@Nullable String systemPrompt) {
		return with((o) -> o.systemPrompt(systemPrompt));
	}

	/**
	 * A pipe with a sampling temperature.
	 * @param temperature the temperature, 0 to 1
	 * @return the new pipe
	 */
	public BedrockPipe withTemperature(double temperature) {
		return with((o) -> o.temperature(temperature));
	}

	/**
	 * A pipe with nucleus sampling.
	 * @param topP the share of probability mass to sample from, 0 to 1
	 * @return the new pipe
	 */
	public BedrockPipe withTopP(double topP) {
		return with((o) -> o.topP(topP));
	}

	/**
	 * A pipe whose replies stop after {@code maxTokens} tokens.
	 * @param maxTokens the most tokens of a reply, at least 1
	 * @return the new pipe
	 */
	public BedrockPipe withMaxTokens(int maxTokens) {
		return with((o) -> o.maxTokens(maxTokens));
	}

	/**
	 * A pipe whose replies end at any of {@code stopSequences}.
	 * @param stopSequences up to four sequences that end the reply
	 * @return the new pipe
	 */
	public BedrockPipe withStopSequences(List<String> stopSequences) {
		return with((o) -> o.stopSequences(stopSequences));
	}

	/**
	 * A pipe that sends model-specific request fields.
	 * @param modelFields the {@code additionalModelRequestFields}, e.g. {@code top_k}
	 * @return the new pipe
	 */
	public BedrockPipe withModelFields(Map<String, Object> modelFields) {
		return with((o) -> o.modelFields(modelFields));
	}

	/**
	 * A pipe that sends earlier turns of the conversation before each call's messages.
	 * @param messages the earlier turns, oldest first (e.g. a result's
	 * {@link PipeResult#conversation()})
	 * @return the new pipe
	 */
	public BedrockPipe withMessages(List<Message> messages) {
		return with((o) -> o.messages(messages));
	}

	/**
	 * A pipe whose model calls may take at most {@code timeout}, retries included.
	 * Overrides the factory's API-call timeout ({@link PipeTimeouts#apiCall()}).
	 * @param timeout the longest a model call may take
	 * @return the new pipe
	 */
	public BedrockPipe withTimeout(Duration timeout) {
		return with((o) -> o.timeout(timeout));
	}

	/**
	 * A pipe that offers a Java function to the model as a tool, and runs it when asked.
	 * @param tool the tool
	 * @return the new pipe
	 */
	public BedrockPipe withTool(PipeTool tool) {
		return with((o) -> o.tool(tool));
	}

	// ---- calls -------------------------------------------------------------------

	/**
	 * Sends {@code prompt} and waits for the reply.
	 * @param prompt the user's prompt
	 * @return the reply
	 * @throws BedrockPipeException on any failure, with a fix
	 */
	public PipeResult execute(String prompt) {
		return execute(List.of(Content.user(prompt)));
	}

	/**
	 * Sends {@code messages} (after the options' earlier turns) and waits for the reply,
	 * running Java tools in between when the model asks for them.
	 * @param messages the call's messages, with any content blocks
	 * @return the reply
	 * @throws BedrockPipeException on any failure, with a fix
	 */
	public PipeResult execute(List<Message> messages) {
		return this.calls.execute(Objects.requireNonNull(messages, "messages is null"));
	}

	/**
	 * Asks for JSON following the schema of {@code type} ({@link PipeSchemas}) and reads
	 * the answer into it.
	 * @param <T> the type
	 * @param prompt the user's prompt
	 * @param type a record
	 * @return the answer as a {@code type}
	 * @throws BedrockPipeException on any failure; with
	 * {@link FailureReason#OUTPUT_MISMATCH}, naming the field, when the answer does not
	 * match
	 */
	public <T> T execute(String prompt, Class<T> type) {
		Objects.requireNonNull(type, "type (the record to read the answer into) is null");
		return with((o) -> o.outputConfig(PipeSchemas.outputConfig(type))).execute(prompt).as(type);
	}

	/**
	 * Sends {@code prompt} without blocking. Cancelling the returned future, or
	 * completing it first ({@code orTimeout}, {@code complete}), aborts the request under
	 * way and sends no other target or tool round.
	 * @param prompt the user's prompt
	 * @return the reply's future, failed with a {@link BedrockPipeException} on any
	 * failure
	 */
	public CompletableFuture<PipeResult> executeAsync(String prompt) {
		return executeAsync(List.of(Content.user(prompt)));
	}

	/**
	 * Sends {@code messages} without blocking (Java tools run on an SDK thread);
	 * cancelling the returned future aborts the call, as for
	 * {@link #executeAsync(String)}.
	 * @param messages the call's messages
	 * @return the reply's future, failed with a {@link BedrockPipeException} on any
	 * failure
	 */
	public CompletableFuture<PipeResult> executeAsync(List<Message> messages) {
		return this.calls.executeAsync(Objects.requireNonNull(messages, "messages is null"));
	}

	/**
	 * Sends {@code prompt} over ConverseStream, handing each piece of text to
	 * {@code onText} as it arrives; completes with the same result as {@link #execute}.
	 * No piece is handed over twice: when the SDK retries a broken stream, the retry goes
	 * unseen if no text had reached {@code onText} yet, and otherwise the call fails with
	 * {@link FailureReason#STREAM_INTERRUPTED}. A stream that goes silent longer than
	 * {@link PipeTimeouts#streamFirstEvent()} or {@link PipeTimeouts#streamIdle()} fails
	 * with {@link FailureReason#TIMEOUT}. Cancelling the returned future, or completing
	 * it first ({@code orTimeout}, {@code complete}), ends the stream (its request is
	 * aborted, no more text reaches {@code onText}) and tries no other target.
	 * @param prompt the user's prompt
	 * @param onText gets each piece of the reply's text, in order, on an SDK thread; what
	 * it throws ends the call ({@link FailureReason#OTHER}, with it as the cause)
	 * @return the reply's future, failed with a {@link BedrockPipeException} on any
	 * failure
	 */
	public CompletableFuture<PipeResult> stream(String prompt, Consumer<String> onText) {
		return this.calls.stream(List.of(Content.user(prompt)), StreamSink.text(onText));
	}

	/**
	 * Sends {@code messages} over ConverseStream, handing each piece of the reply's text
	 * to {@code onText} as it arrives; otherwise as {@link #stream(String, Consumer)}:
	 * only text counts as handed over, so a stream that fails before its first text is
	 * retried or goes to the binding's next target unseen.
	 * @param messages the call's messages
	 * @param onText gets each piece of the reply's text, in order, on an SDK thread; what
	 * it throws ends the call ({@link FailureReason#OTHER}, with it as the cause)
	 * @return the reply's future, failed with a {@link BedrockPipeException} on any
	 * failure
	 */
	public CompletableFuture<PipeResult> streamText(List<Message> messages, Consumer<String> onText) {
		return this.calls.stream(Objects.requireNonNull(messages, "messages is null"), StreamSink.text(onText));
	}

	/**
	 * Sends {@code messages} over ConverseStream, handing each piece of the reply's text
	 * to {@code onText} and each piece of its reasoning's text ({@code reasoningContent}
	 * deltas) to {@code onReasoning} as they arrive; otherwise as
	 * {@link #streamText(List, Consumer)}, reasoning counting as handed over like text: a
	 * stream that breaks before either is retried or goes to the binding's next target
	 * unseen, one that breaks after ends the call (an SDK retry with
	 * {@link FailureReason#STREAM_INTERRUPTED}).
	 * @param messages the call's messages
	 * @param onText gets each piece of the reply's text, in order, on an SDK thread
	 * @param onReasoning gets each piece of the reasoning's text, in order, on the same
	 * thread as {@code onText}; what either throws ends the call
	 * ({@link FailureReason#OTHER}, with it as the cause)
	 * @return the reply's future, failed with a {@link BedrockPipeException} on any
	 * failure
	 */
	public CompletableFuture<PipeResult> streamText(List<Message> messages, Consumer<String> onText,
			Consumer<String> onReasoning) {
		return this.calls.stream(Objects.requireNonNull(messages, "messages is null"),
				StreamSink.textAndReasoning(onText, onReasoning));
	}

	/**
	 * Sends {@code messages} over ConverseStream, handing every event (text, tool-use
	 * input and reasoning deltas, stop, metadata) to {@code onEvent} in order, those of
	 * each tool round one after the other; completes with the same result as
	 * {@link #execute(List)}, the deltas assembled. As with
	 * {@link #stream(String, Consumer)}, no event is handed over twice, and cancelling
	 * the returned future ends the stream.
	 * @param messages the call's messages
	 * @param onEvent gets each event, on an SDK thread; what it throws ends the call
	 * @return the reply's future, failed with a {@link BedrockPipeException} on any
	 * failure
	 */
	public CompletableFuture<PipeResult> stream(List<Message> messages, Consumer<ConverseStreamOutput> onEvent) {
		return this.calls.stream(Objects.requireNonNull(messages, "messages is null"), StreamSink.events(onEvent));
	}

	@Override
	public String toString() {
		return "BedrockPipe[" + this.modelId + ((region() != null) ? " in " + region() : "") + "]";
	}

}
