package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseMetrics;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

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

	// Built once per pipe so that a call only builds what changes: the prompt and the
	// target.
	private final List<SystemContentBlock> system;

	private final @Nullable InferenceConfiguration inferenceConfig;

	private final @Nullable Document additionalFields;

	private final List<Message> history;

	private final @Nullable AwsRequestOverrideConfiguration override;

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
		this.system = (systemPrompt != null) ? List.of(SystemContentBlock.fromText(systemPrompt)) : List.of();
		this.inferenceConfig = (temperature != null || topP != null || maxTokens != null || !stopSequences.isEmpty())
				? InferenceConfiguration.builder()
					.temperature(temperature)
					.topP(topP)
					.maxTokens(maxTokens)
					.stopSequences(stopSequences.isEmpty() ? null : stopSequences)
					.build()
				: null;
		this.additionalFields = modelFields.isEmpty() ? null : Documents.from(modelFields);
		this.history = messages.stream().map(BedrockPipe::toMessage).toList();
		this.override = (timeout != null) ? AwsRequestOverrideConfiguration.builder().apiCallTimeout(timeout).build()
				: null;
	}

	// ---- settings ----------------------------------------------------------------

	/** The model ID this pipe calls (through its binding). */
	public String model() {
		return this.modelId;
	}

	/** The pipe's own region, if it overrides the factory's. */
	public @Nullable String region() {
		return this.region;
	}

	public @Nullable String systemPrompt() {
		return this.systemPrompt;
	}

	/** Calls go to {@code region} unless the target is an ARN of another region. */
	public BedrockPipe withRegion(@Nullable String region) {
		return copy(region, this.systemPrompt, this.temperature, this.topP, this.maxTokens, this.stopSequences,
				this.modelFields, this.messages, this.timeout);
	}

	public BedrockPipe withSystemPrompt(@Nullable String systemPrompt) {
		return copy(this.region, systemPrompt, this.temperature, this.topP, this.maxTokens, this.stopSequences,
				this.modelFields, this.messages, this.timeout);
	}

	/** Sampling temperature, 0 to 1. */
	public BedrockPipe withTemperature(double temperature) {
		return copy(this.region, this.systemPrompt, unitInterval("temperature", temperature), this.topP, this.maxTokens,
				this.stopSequences, this.modelFields, this.messages, this.timeout);
	}

	/** Nucleus sampling, 0 to 1. */
	public BedrockPipe withTopP(double topP) {
		return copy(this.region, this.systemPrompt, this.temperature, unitInterval("topP", topP), this.maxTokens,
				this.stopSequences, this.modelFields, this.messages, this.timeout);
	}

	public BedrockPipe withMaxTokens(int maxTokens) {
		if (maxTokens < 1) {
			throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
		}
		return copy(this.region, this.systemPrompt, this.temperature, this.topP, maxTokens, this.stopSequences,
				this.modelFields, this.messages, this.timeout);
	}

	/** Up to four sequences that end the reply. */
	public BedrockPipe withStopSequences(List<String> stopSequences) {
		if (stopSequences.size() > 4) {
			throw new IllegalArgumentException("Bedrock accepts at most 4 stop sequences, got " + stopSequences.size());
		}
		return copy(this.region, this.systemPrompt, this.temperature, this.topP, this.maxTokens, stopSequences,
				this.modelFields, this.messages, this.timeout);
	}

	/**
	 * Model-specific request fields ({@code additionalModelRequestFields}), e.g.
	 * {@code top_k}.
	 */
	public BedrockPipe withModelFields(Map<String, Object> modelFields) {
		Documents.from(modelFields);
		return copy(this.region, this.systemPrompt, this.temperature, this.topP, this.maxTokens, this.stopSequences,
				modelFields, this.messages, this.timeout);
	}

	/** Earlier turns of the conversation, sent before each prompt. */
	public BedrockPipe withMessages(List<PipeMessage> messages) {
		return copy(this.region, this.systemPrompt, this.temperature, this.topP, this.maxTokens, this.stopSequences,
				this.modelFields, messages, this.timeout);
	}

	/** The longest a whole call may take, retries included. */
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
	 * @throws BedrockPipeException on any failure, with a fix
	 */
	public PipeResult execute(String prompt) {
		Route route = route();
		PipeObserver.Call call = this.context.observer.start(this.modelId, route.target().kind(), route.region());
		try {
			PipeResult result = send(route, prompt, false);
			call.succeeded(result);
			return result;
		}
		catch (BedrockPipeException ex) {
			call.failed(ex);
			throw ex;
		}
	}

	/**
	 * Sends {@code prompt} without blocking. The future fails with a
	 * {@link BedrockPipeException}.
	 */
	public CompletableFuture<PipeResult> executeAsync(String prompt) {
		return observed((route) -> sendAsync(route, prompt, false));
	}

	/**
	 * Sends {@code prompt} over ConverseStream, handing each piece of text to
	 * {@code onText} as it arrives; completes with the same result as {@link #execute}.
	 */
	public CompletableFuture<PipeResult> stream(String prompt, Consumer<String> onText) {
		return observed((route) -> streamAsync(route, prompt, onText, false));
	}

	private CompletableFuture<PipeResult> observed(
			java.util.function.Function<Route, CompletableFuture<PipeResult>> send) {
		Route route;
		try {
			route = route();
		}
		catch (BedrockPipeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
		PipeObserver.Call call = this.context.observer.start(this.modelId, route.target().kind(), route.region());
		CompletableFuture<PipeResult> sent;
		try {
			sent = send.apply(route);
		}
		catch (RuntimeException ex) {
			// e.g. the clients were closed: an async call reports through its future,
			// never by throwing
			sent = CompletableFuture
				.failedFuture(this.context.errors.translate(ex, this.modelId, route, timeoutOrDefault()));
		}
		// The caller's future fails with the same BedrockPipeException the observer saw,
		// even
		// when something threw inside the SDK future's callbacks (a fallback retry, say).
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
				BedrockPipeException exception = this.context.errors.translate(failure, this.modelId, route,
						timeoutOrDefault());
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

	private Route route() {
		try {
			return this.context.route(this.modelId, this.region);
		}
		catch (RuntimeException ex) {
			throw this.context.errors.translate(ex, this.modelId, null, timeoutOrDefault());
		}
	}

	private PipeResult send(Route route, String prompt, boolean fallback) {
		ConverseResponse response;
		try {
			response = this.context.clients.sync(route.region(), (client) -> client.converse(request(route, prompt)));
		}
		catch (RuntimeException ex) {
			Route retry = fallbackFor(ex, route, fallback);
			if (retry != null) {
				return send(retry, prompt, true);
			}
			throw this.context.errors.translate(ex, this.modelId, route, timeoutOrDefault());
		}
		return result(response, route, fallback);
	}

	private CompletableFuture<PipeResult> sendAsync(Route route, String prompt, boolean fallback) {
		return this.context.clients.async(route.region(), (client) -> client.converse(request(route, prompt)))
			.handle((response, failure) -> {
				if (failure == null) {
					return CompletableFuture.completedFuture(result(response, route, fallback));
				}
				Route retry = fallbackFor(failure, route, fallback);
				if (retry != null) {
					return sendAsync(retry, prompt, true);
				}
				return CompletableFuture.<PipeResult>failedFuture(
						this.context.errors.translate(failure, this.modelId, route, timeoutOrDefault()));
			})
			.thenCompose((future) -> future);
	}

	private CompletableFuture<PipeResult> streamAsync(Route route, String prompt, Consumer<String> onText,
			boolean fallback) {
		StreamCollector collector = new StreamCollector(onText);
		ConverseStreamRequest request = ConverseStreamRequest.builder()
			.modelId(route.target().value())
			.messages(messages(prompt))
			.system(this.system.isEmpty() ? null : this.system)
			.inferenceConfig(this.inferenceConfig)
			.additionalModelRequestFields(this.additionalFields)
			.overrideConfiguration(this.override)
			.build();
		return this.context.clients
			.async(route.region(), (client) -> client.converseStream(request, collector.handler()))
			.handle((ignored, failure) -> {
				if (failure == null) {
					return CompletableFuture.completedFuture(collector.result(this.modelId, route, fallback));
				}
				Route retry = collector.sawText() ? null : fallbackFor(failure, route, fallback);
				if (retry != null) {
					return streamAsync(retry, prompt, onText, true);
				}
				return CompletableFuture.<PipeResult>failedFuture(
						this.context.errors.translate(failure, this.modelId, route, timeoutOrDefault()));
			})
			.thenCompose((future) -> future);
	}

	private @Nullable Route fallbackFor(Throwable failure, Route route, boolean alreadyFallback) {
		Throwable cause = (failure instanceof java.util.concurrent.CompletionException && failure.getCause() != null)
				? failure.getCause() : failure;
		if (alreadyFallback || !(cause instanceof AwsServiceException aws) || !PipeErrors.isOnDemandRefusal(aws)) {
			return null;
		}
		return this.context.fallbackRoute(route);
	}

	private ConverseRequest request(Route route, String prompt) {
		return ConverseRequest.builder()
			.modelId(route.target().value())
			.messages(messages(prompt))
			.system(this.system.isEmpty() ? null : this.system)
			.inferenceConfig(this.inferenceConfig)
			.additionalModelRequestFields(this.additionalFields)
			.overrideConfiguration(this.override)
			.build();
	}

	private List<Message> messages(String prompt) {
		Message user = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(prompt)).build();
		if (this.history.isEmpty()) {
			return List.of(user);
		}
		List<Message> all = new ArrayList<>(this.history.size() + 1);
		all.addAll(this.history);
		all.add(user);
		return all;
	}

	private PipeResult result(ConverseResponse response, Route route, boolean fallback) {
		StringBuilder text = new StringBuilder();
		if (response.output() != null && response.output().message() != null) {
			for (ContentBlock block : response.output().message().content()) {
				if (block.text() != null) {
					text.append(block.text());
				}
			}
		}
		return new PipeResult(text.toString(), response.stopReasonAsString(), usage(response.usage()),
				latency(response.metrics()), this.modelId, route.target().value(), route.target().kind(),
				route.region(), response.responseMetadata().requestId(), fallback);
	}

	static TokenUsage usage(software.amazon.awssdk.services.bedrockruntime.model.@Nullable TokenUsage usage) {
		if (usage == null) {
			return TokenUsage.NONE;
		}
		return new TokenUsage(orZero(usage.inputTokens()), orZero(usage.outputTokens()), orZero(usage.totalTokens()));
	}

	static Duration latency(@Nullable ConverseMetrics metrics) {
		return (metrics != null && metrics.latencyMs() != null) ? Duration.ofMillis(metrics.latencyMs())
				: Duration.ZERO;
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

	private Duration timeoutOrDefault() {
		return (this.timeout != null) ? this.timeout : Duration.ZERO;
	}

	private static Message toMessage(PipeMessage message) {
		return Message.builder()
			.role((message.role() == PipeMessage.Role.USER) ? ConversationRole.USER : ConversationRole.ASSISTANT)
			.content(ContentBlock.fromText(message.text()))
			.build();
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

	/** Gathers a ConverseStream's events into a {@link PipeResult}. */
	private static final class StreamCollector {

		private final Consumer<String> onText;

		private final StringBuilder text = new StringBuilder();

		private volatile String stopReason = "end_turn";

		private volatile TokenUsage usage = TokenUsage.NONE;

		private volatile Duration latency = Duration.ZERO;

		private volatile @Nullable String requestId;

		StreamCollector(Consumer<String> onText) {
			this.onText = onText;
		}

		ConverseStreamResponseHandler handler() {
			return ConverseStreamResponseHandler.builder()
				.onResponse((response) -> this.requestId = response.responseMetadata().requestId())
				.subscriber(ConverseStreamResponseHandler.Visitor.builder().onContentBlockDelta((event) -> {
					String delta = (event.delta() != null) ? event.delta().text() : null;
					if (delta != null) {
						synchronized (this.text) {
							this.text.append(delta);
						}
						this.onText.accept(delta);
					}
				})
					.onMessageStop((event) -> this.stopReason = event.stopReasonAsString())
					.onMetadata(this::metadata)
					.build())
				.build();
		}

		private void metadata(ConverseStreamMetadataEvent event) {
			this.usage = usage(event.usage());
			if (event.metrics() != null && event.metrics().latencyMs() != null) {
				this.latency = Duration.ofMillis(event.metrics().latencyMs());
			}
		}

		boolean sawText() {
			synchronized (this.text) {
				return this.text.length() > 0;
			}
		}

		PipeResult result(String modelId, Route route, boolean fallback) {
			String all;
			synchronized (this.text) {
				all = this.text.toString();
			}
			return new PipeResult(all, this.stopReason, this.usage, this.latency, modelId, route.target().value(),
					route.target().kind(), route.region(), this.requestId, fallback);
		}

	}

}
