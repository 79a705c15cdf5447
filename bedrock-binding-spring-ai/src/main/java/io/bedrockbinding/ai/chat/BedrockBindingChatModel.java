package io.bedrockbinding.ai.chat;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeResult;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.contextpropagation.ObservationThreadLocalAccessor;
import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.observation.ChatModelObservationContext;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.chat.observation.ChatModelObservationDocumentation;
import org.springframework.ai.chat.observation.DefaultChatModelObservationConvention;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.observation.conventions.AiProvider;
import org.springframework.util.CollectionUtils;

/**
 * A Spring AI {@link ChatModel} (and so {@code StreamingChatModel}) on bedrock-binding's
 * pipe: every call resolves the model of its options through the binding registry, like
 * any pipe call, so inference profiles, ARNs of other regions and the binding's fixes
 * apply to {@code ChatClient} users. Tool definitions come from Spring AI's
 * {@link ToolCallingManager}; the tool calls themselves are run by Spring AI's
 * {@code ToolCallingAdvisor} in the {@code ChatClient}. Every call is observed with
 * Spring AI's chat-model conventions ({@code gen_ai.client.operation}).
 */
public final class BedrockBindingChatModel implements ChatModel {

	private static final ChatModelObservationConvention DEFAULT_CONVENTION = new DefaultChatModelObservationConvention();

	private static final String PROVIDER = AiProvider.BEDROCK_CONVERSE.value();

	private final ChatPipes pipes;

	private final BedrockBindingChatOptions defaultOptions;

	private final ObservationRegistry observationRegistry;

	private @Nullable ChatModelObservationConvention observationConvention;

	/**
	 * A chat model on the pipes of {@code pipes}.
	 * @param pipes the pipe factory
	 * @param defaultOptions the options of calls that name none
	 * @param toolCallingManager resolves the tool definitions of a call's options
	 * @param observationRegistry records the calls
	 */
	public BedrockBindingChatModel(BedrockPipeFactory pipes, BedrockBindingChatOptions defaultOptions,
			ToolCallingManager toolCallingManager, ObservationRegistry observationRegistry) {
		this.pipes = new ChatPipes(Objects.requireNonNull(pipes, "pipes"),
				Objects.requireNonNull(toolCallingManager, "toolCallingManager"));
		this.defaultOptions = Objects.requireNonNull(defaultOptions, "defaultOptions");
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
	}

	/**
	 * Replaces Spring AI's default observation convention.
	 * @param observationConvention the convention
	 */
	public void setObservationConvention(ChatModelObservationConvention observationConvention) {
		this.observationConvention = Objects.requireNonNull(observationConvention, "observationConvention");
	}

	@Override
	public BedrockBindingChatOptions getDefaultOptions() {
		return this.defaultOptions;
	}

	@Override
	public BedrockBindingChatOptions getOptions() {
		return this.defaultOptions;
	}

	@Override
	public ChatResponse call(Prompt prompt) {
		Prompt request = withOptions(prompt);
		// before the observation: a model that is no model ID (an ARN names an account)
		// is refused without becoming a tag
		PipeCall call = pipeCall(request);
		if (this.observationRegistry.isNoop()) {
			// nothing records it: no context, no observation
			return ChatResponses.of(call.pipe().execute(call.messages()));
		}
		ChatModelObservationContext context = ChatModelObservationContext.builder()
			.prompt(request)
			.provider(PROVIDER)
			.build();
		return ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.observe(() -> {
				ChatResponse response = ChatResponses.of(call.pipe().execute(call.messages()));
				context.setResponse(response);
				return response;
			});
	}

	@Override
	public Flux<ChatResponse> stream(Prompt prompt) {
		return Flux.deferContextual((contextView) -> {
			Prompt request = withOptions(prompt);
			// before the observation, as in call(Prompt)
			PipeCall call = pipeCall(request);
			ChatModelObservationContext context = ChatModelObservationContext.builder()
				.prompt(request)
				.provider(PROVIDER)
				.streaming(true)
				.build();
			Observation observation = ChatModelObservationDocumentation.CHAT_MODEL_OPERATION
				.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry);
			Observation parent = contextView.getOrDefault(ObservationThreadLocalAccessor.KEY, null);
			observation.parentObservation(parent).start();
			return Flux.<ChatResponse>create((sink) -> send(call, sink, context))
				.doOnError(observation::error)
				// before the end reaches the subscriber, which doFinally is not
				.doOnTerminate(observation::stop)
				.doOnCancel(observation::stop)
				.contextWrite((ctx) -> ctx.put(ObservationThreadLocalAccessor.KEY, observation));
		});
	}

	private void send(PipeCall call, FluxSink<ChatResponse> sink, ChatModelObservationContext context) {
		CompletableFuture<PipeResult> result;
		try {
			// text and reasoning only: a stream that fails before either goes to the
			// binding's next target unseen
			result = call.pipe()
				.streamText(call.messages(), (text) -> sink.next(ChatResponses.chunk(text)),
						(thought) -> sink.next(ChatResponses.thought(thought)));
		}
		catch (RuntimeException ex) {
			sink.error(ex);
			return;
		}
		sink.onDispose(() -> result.cancel(false));
		result.whenComplete((done, failure) -> {
			if (failure != null) {
				sink.error((failure instanceof CompletionException && failure.getCause() != null) ? failure.getCause()
						: failure);
				return;
			}
			context.setResponse(ChatResponses.of(done));
			sink.next(ChatResponses.last(done));
			sink.complete();
		});
	}

	private PipeCall pipeCall(Prompt request) {
		return PipeCall.of(request, (BedrockBindingChatOptions) Objects.requireNonNull(request.getOptions()),
				this.pipes);
	}

	/**
	 * The prompt with complete options: its own when they are this model's and leave out
	 * nothing the defaults set (a {@code ChatClient} merged them into the defaults
	 * already), else the defaults overridden by what it sets.
	 * @param prompt the caller's prompt
	 * @return the prompt with complete options
	 */
	private Prompt withOptions(Prompt prompt) {
		ChatOptions options = prompt.getOptions();
		if (options instanceof BedrockBindingChatOptions own && !leavesOutDefaults(own)) {
			return prompt;
		}
		BedrockBindingChatOptions merged = (options != null)
				? this.defaultOptions.mutate().combineWith(options.mutate()).build() : this.defaultOptions;
		return prompt.mutate().chatOptions(merged).build();
	}

	private boolean leavesOutDefaults(BedrockBindingChatOptions own) {
		BedrockBindingChatOptions defaults = this.defaultOptions;
		return leavesOut(own.getModel(), defaults.getModel())
				|| leavesOut(own.getTemperature(), defaults.getTemperature())
				|| leavesOut(own.getTopP(), defaults.getTopP())
				|| leavesOut(own.getMaxTokens(), defaults.getMaxTokens())
				|| leavesOut(own.getStopSequences(), defaults.getStopSequences())
				|| leavesOut(own.getOutputSchema(), defaults.getOutputSchema())
				|| !own.getModelFields().keySet().containsAll(defaults.getModelFields().keySet())
				|| (CollectionUtils.isEmpty(own.getToolCallbacks())
						&& !CollectionUtils.isEmpty(defaults.getToolCallbacks()))
				|| (CollectionUtils.isEmpty(own.getToolContext())
						&& !CollectionUtils.isEmpty(defaults.getToolContext()));
	}

	private static boolean leavesOut(@Nullable Object own, @Nullable Object fallback) {
		return own == null && fallback != null;
	}

}
