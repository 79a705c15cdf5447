package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;

/**
 * A client for one model. Immutable and thread-safe: the {@code with...} methods return a
 * new pipe, and one pipe can serve many threads. Every call resolves the model's binding
 * anew (so a reload or a runtime bind applies to the next call), fills in
 * {@code {account}}/{@code {region}}, and goes to the region the target names (an ARN's
 * region) or else the pipe's region. Every model family is called through the Converse
 * API.
 *
 * <pre>{@code
 * BedrockPipe pipe = factory.pipe("amazon.nova-pro-v1:0")
 *     .withSystemPrompt("Answer in one sentence.")
 *     .withMaxTokens(200);
 * PipeResult result = pipe.execute("What is an inference profile?");
 * }</pre>
 */
public final class BedrockPipe {

	private final PipeContext context;

	private final String modelId;

	private final @Nullable String region;

	private final @Nullable String systemPrompt;

	private final @Nullable Float temperature;

	private final @Nullable Float topP;

	private final @Nullable Integer maxTokens;

	private final List<String> stopSequences;

	private final Map<String, Object> modelFields;

	private final List<PipeMessage> messages;

	private final @Nullable Duration timeout;

	private final PipeRequests requests;

	BedrockPipe(PipeContext context, String modelId) {
		this(context, modelId, null, null, null, null, null, List.of(), Map.of(), List.of(), null);
	}

	private BedrockPipe(PipeContext context, String modelId, @Nullable String region, @Nullable String systemPrompt,
			@Nullable Float temperature, @Nullable Float topP, @Nullable Integer maxTokens, List<String> stopSequences,
			Map<String, Object> modelFields, List<PipeMessage> messages, @Nullable Duration timeout) {
		this.context = context;
		this.modelId = modelId;
		this.region = region;
		this.systemPrompt = systemPrompt;
		this.temperature = temperature;
		this.topP = topP;
		this.maxTokens = maxTokens;
		this.stopSequences = List.copyOf(stopSequences);
		this.modelFields = Map.copyOf(modelFields);
		this.messages = List.copyOf(messages);
		this.timeout = timeout;
		this.requests = new PipeRequests(systemPrompt, temperature, topP, maxTokens, stopSequences, modelFields,
				messages, timeout);
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
	 * The pipe's own region, if it overrides the factory's.
	 * @return the region, or {@code null} for the factory's
	 */
	public @Nullable String region() {
		return this.region;
	}

	/**
	 * The system prompt sent with every call.
	 * @return the system prompt, or {@code null} when there is none
	 */
	public @Nullable String systemPrompt() {
		return this.systemPrompt;
	}

	/**
	 * A pipe whose calls go to {@code region} unless the target is an ARN of another
	 * region.
	 * @param region the region, or {@code null} for the factory's
	 * @return the new pipe
	 */
	public BedrockPipe withRegion(@Nullable String region) {
		return copy(region, this.systemPrompt, this.temperature, this.topP, this.maxTokens, this.stopSequences,
				this.modelFields, this.messages, this.timeout);
	}

	/**
	 * A pipe that sends {@code systemPrompt} with every call.
	 * @param systemPrompt the system prompt, or {@code null} for none
	 * @return the new pipe
	 */
	public BedrockPipe withSystemPrompt(@Nullable String systemPrompt) {
		return copy(this.region, systemPrompt, this.temperature, this.topP, this.maxTokens, this.stopSequences,
				this.modelFields, this.messages, this.timeout);
	}

	/**
	 * A pipe with a sampling temperature.
	 * @param temperature the temperature, 0 to 1
	 * @return the new pipe
	 */
	public BedrockPipe withTemperature(double temperature) {
		return copy(this.region, this.systemPrompt, unitInterval("temperature", temperature), this.topP, this.maxTokens,
				this.stopSequences, this.modelFields, this.messages, this.timeout);
	}

	/**
	 * A pipe with nucleus sampling.
	 * @param topP the share of probability mass to sample from, 0 to 1
	 * @return the new pipe
	 */
	public BedrockPipe withTopP(double topP) {
		return copy(this.region, this.systemPrompt, this.temperature, unitInterval("topP", topP), this.maxTokens,
				this.stopSequences, this.modelFields, this.messages, this.timeout);
	}

	/**
	 * A pipe whose replies stop after {@code maxTokens} tokens.
	 * @param maxTokens the most tokens of a reply, at least 1
	 * @return the new pipe
	 */
	public BedrockPipe withMaxTokens(int maxTokens) {
		if (maxTokens < 1) {
			throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
		}
		return copy(this.region, this.systemPrompt, this.temperature, this.topP, maxTokens, this.stopSequences,
				this.modelFields, this.messages, this.timeout);
	}

	/**
	 * A pipe whose replies end at any of {@code stopSequences}.
	 * @param stopSequences up to four sequences that end the reply
	 * @return the new pipe
	 */
	public BedrockPipe withStopSequences(List<String> stopSequences) {
		if (stopSequences.size() > 4) {
			throw new IllegalArgumentException("Bedrock accepts at most 4 stop sequences, got " + stopSequences.size());
		}
		return copy(this.region, this.systemPrompt, this.temperature, this.topP, this.maxTokens, stopSequences,
				this.modelFields, this.messages, this.timeout);
	}

	/**
	 * A pipe that sends model-specific request fields.
	 * @param modelFields the {@code additionalModelRequestFields}, e.g. {@code top_k}
	 * @return the new pipe
	 */
	public BedrockPipe withModelFields(Map<String, Object> modelFields) {
		Documents.from(modelFields);
		return copy(this.region, this.systemPrompt, this.temperature, this.topP, this.maxTokens, this.stopSequences,
				modelFields, this.messages, this.timeout);
	}

	/**
	 * A pipe that sends earlier turns of the conversation before each prompt.
	 * @param messages the earlier turns, oldest first
	 * @return the new pipe
	 */
	public BedrockPipe withMessages(List<PipeMessage> messages) {
		return copy(this.region, this.systemPrompt, this.temperature, this.topP, this.maxTokens, this.stopSequences,
				this.modelFields, messages, this.timeout);
	}

	/**
	 * A pipe whose calls may take at most {@code timeout}, retries included. Overrides
	 * the factory's API-call timeout ({@link PipeTimeouts#apiCall()}) for this pipe.
	 * @param timeout the longest a whole call may take
	 * @return the new pipe
	 */
	public BedrockPipe withTimeout(Duration timeout) {
		if (timeout.isNegative() || timeout.isZero()) {
			throw new IllegalArgumentException("timeout must be positive, got " + timeout);
		}
		return copy(this.region, this.systemPrompt, this.temperature, this.topP, this.maxTokens, this.stopSequences,
				this.modelFields, this.messages, timeout);
	}

	// ---- calls -------------------------------------------------------------------

	/**
	 * Sends {@code prompt} and waits for the reply.
	 * @param prompt the user's prompt
	 * @return the reply
	 * @throws BedrockPipeException on any failure, with a fix
	 */
	public PipeResult execute(String prompt) {
		TargetChain chain = chain();
		PipeObserver.Call call = this.context.observer.start(this.modelId, chain.first().target().kind(),
				chain.first().region());
		try {
			PipeResult result = chain.execute((attempt) -> send(attempt, prompt), this::translate);
			call.succeeded(result);
			return result;
		}
		catch (BedrockPipeException ex) {
			call.failed(ex);
			throw ex;
		}
	}

	/**
	 * Sends {@code prompt} without blocking.
	 * @param prompt the user's prompt
	 * @return the reply's future, failed with a {@link BedrockPipeException} on any
	 * failure
	 */
	public CompletableFuture<PipeResult> executeAsync(String prompt) {
		return observed((chain) -> chain.executeAsync((attempt) -> sendAsync(attempt, prompt), this::translate));
	}

	/**
	 * Sends {@code prompt} over ConverseStream, handing each piece of text to
	 * {@code onText} as it arrives; completes with the same result as {@link #execute}.
	 * No piece is handed over twice: when the SDK retries a broken stream, the retry goes
	 * unseen if no text had reached {@code onText} yet, and otherwise the call fails with
	 * {@link FailureReason#STREAM_INTERRUPTED}. A stream fails over to the next target of
	 * the chain only before its first text reaches {@code onText}. A stream that goes
	 * silent longer than {@link PipeTimeouts#streamFirstEvent()} or
	 * {@link PipeTimeouts#streamIdle()} fails with {@link FailureReason#TIMEOUT}.
	 * @param prompt the user's prompt
	 * @param onText gets each piece of the reply's text, in order, on an SDK thread
	 * @return the reply's future, failed with a {@link BedrockPipeException} on any
	 * failure
	 */
	public CompletableFuture<PipeResult> stream(String prompt, Consumer<String> onText) {
		return observed(
				(chain) -> chain.executeAsync((attempt) -> streamAsync(attempt, prompt, onText), this::translate));
	}

	private CompletableFuture<PipeResult> observed(
			java.util.function.Function<TargetChain, CompletableFuture<PipeResult>> send) {
		TargetChain chain;
		try {
			chain = chain();
		}
		catch (BedrockPipeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		PipeObserver.Call call = this.context.observer.start(this.modelId, chain.first().target().kind(),
				chain.first().region());
		CompletableFuture<PipeResult> sent;
		try {
			sent = send.apply(chain);
		}
		catch (RuntimeException ex) {
			// e.g. the clients were closed: an async call reports through its future,
			// never by throwing
			sent = CompletableFuture.failedFuture(translate(ex, null));
		}
		// The caller's future fails with the same BedrockPipeException the observer saw,
		// even when something threw inside the SDK future's callbacks.
		CompletableFuture<PipeResult> observed = new CompletableFuture<>();
		sent.whenComplete((result, failure) -> {
			if (failure == null) {
				try {
					call.succeeded(result);
				}
				finally {
					observed.complete(result);
				}
			}
			else {
				BedrockPipeException exception = translate(failure, null);
				try {
					call.failed(exception);
				}
				finally {
					observed.completeExceptionally(exception);
				}
			}
		});
		return observed;
	}

	private TargetChain chain() {
		try {
			return this.context.chain(this.modelId, this.region);
		}
		catch (RuntimeException ex) {
			throw translate(ex, null);
		}
	}

	private PipeResult send(TargetChain.Attempt attempt, String prompt) {
		Route route = attempt.route();
		ConverseResponse response = this.context.clients.sync(route.region(),
				(client) -> client.converse(attempt.limit(this.requests.converse(route.target().value(), prompt))));
		return Replies.result(response, this.modelId, route, attempt.appended(), this.context.hints);
	}

	private CompletableFuture<PipeResult> sendAsync(TargetChain.Attempt attempt, String prompt) {
		Route route = attempt.route();
		return this.context.clients
			.async(route.region(),
					(client) -> client.converse(attempt.limit(this.requests.converse(route.target().value(), prompt))))
			.thenApply((response) -> Replies.result(response, this.modelId, route, attempt.appended(),
					this.context.hints));
	}

	private CompletableFuture<PipeResult> streamAsync(TargetChain.Attempt attempt, String prompt,
			Consumer<String> onText) {
		Route route = attempt.route();
		StreamCall call = new StreamCall(onText, this.context.timeouts, this.context.clock);
		ConverseStreamRequest request = attempt.limit(this.requests.converseStream(route.target().value(), prompt));
		return call.watch(this.context.clients.async(route.region(), (client) -> client.converseStream(request, call)))
			.handle((ignored, failure) -> {
				if (failure == null) {
					if (!call.sawOutput()) {
						throw TargetChain.surface(
								TransportErrors.noOutput(this.modelId, route, call.requestId(), this.context.hints));
					}
					return call.result(this.modelId, route, attempt.appended());
				}
				// text reached the caller: another target's reply would repeat or mix it
				throw call.sawText() ? TargetChain.surface(failure) : (failure instanceof RuntimeException runtime)
						? runtime : new java.util.concurrent.CompletionException(failure);
			});
	}

	private BedrockPipeException translate(Throwable failure, @Nullable Route route) {
		return this.context.errors.translate(failure, this.modelId, route,
				(this.timeout != null) ? this.timeout : this.context.timeouts.apiCall(), this.timeout != null);
	}

	private static float unitInterval(String name, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
		}
		return (float) value;
	}

	private BedrockPipe copy(@Nullable String region, @Nullable String systemPrompt, @Nullable Float temperature,
			@Nullable Float topP, @Nullable Integer maxTokens, List<String> stopSequences,
			Map<String, Object> modelFields, List<PipeMessage> messages, @Nullable Duration timeout) {
		return new BedrockPipe(this.context, this.modelId, region, systemPrompt, temperature, topP, maxTokens,
				stopSequences, modelFields, messages, timeout);
	}

	@Override
	public String toString() {
		return "BedrockPipe[" + this.modelId + ((this.region != null) ? " in " + this.region : "") + "]";
	}

}
