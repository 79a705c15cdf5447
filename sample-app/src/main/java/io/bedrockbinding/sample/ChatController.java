package io.bedrockbinding.sample;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CompletionException;

import io.bedrockbinding.catalog.ModelQuery;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.TokenUsage;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** Chat with any model through its binding, and list the models. */
@RestController
class ChatController {

	private final BedrockPipeFactory pipes;

	private final BindingRegistry registry;

	ChatController(BedrockPipeFactory pipes, BindingRegistry registry) {
		this.pipes = pipes;
		this.registry = registry;
	}

	@PostMapping("/api/chat")
	ChatResponse chat(@RequestBody ChatRequest request) {
		request.validate();
		return ChatResponse.of(this.pipes.pipe(request.model()).execute(request.prompt()));
	}

	/**
	 * Server-sent events: a {@code text} event per piece of the reply, then one
	 * {@code result}. A request that cannot be sent is answered with a problem; a call
	 * that fails once the stream is open ends it with an {@code error} event holding the
	 * problem.
	 * @param request the model and the prompt
	 * @return the event stream
	 */
	@PostMapping(path = "/api/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestBody ChatRequest request) {
		request.validate();
		BedrockPipe pipe = this.pipes.pipe(request.model());
		SseEmitter emitter = new SseEmitter(60_000L);
		pipe.stream(request.prompt(), (text) -> send(emitter, "text", text)).whenComplete((result, failure) -> {
			if (failure != null) {
				Throwable cause = (failure instanceof CompletionException) ? failure.getCause() : failure;
				if (cause instanceof BedrockPipeException pipeFailure) {
					send(emitter, "error", ChatProblems.problem(pipeFailure));
					emitter.complete();
				}
				else {
					emitter.completeWithError(failure);
				}
				return;
			}
			send(emitter, "result", ChatResponse.of(result));
			emitter.complete();
		});
		return emitter;
	}

	@GetMapping("/api/models")
	List<ModelView> models(@RequestParam(required = false) @Nullable String provider,
			@RequestParam(required = false) @Nullable String region,
			@RequestParam(required = false) @Nullable String q) {
		return this.registry.query(new ModelQuery(region, provider, q)).stream().map(ModelView::of).toList();
	}

	private static void send(SseEmitter emitter, String name, Object data) {
		try {
			emitter.send(SseEmitter.event().name(name).data(data));
		}
		catch (IOException ex) {
			emitter.completeWithError(ex);
		}
	}

	/**
	 * A chat request.
	 *
	 * @param model the model ID to call through its binding
	 * @param prompt the user's prompt
	 */
	record ChatRequest(@Nullable String model, @Nullable String prompt) {

		void validate() {
			if (this.model == null || this.model.isBlank()) {
				throw new InvalidChatRequestException("The request has no model",
						"send {\"model\": \"amazon.nova-pro-v1:0\", \"prompt\": \"...\"} (GET /api/models lists the model IDs)");
			}
			if (this.prompt == null || this.prompt.isBlank()) {
				throw new InvalidChatRequestException("The request has no prompt",
						"send {\"model\": \"" + this.model + "\", \"prompt\": \"...\"}");
			}
		}

	}

	record ChatResponse(String text, String model, String invokedTarget, String region, TokenUsage usage) {

		static ChatResponse of(PipeResult result) {
			return new ChatResponse(result.text(), result.modelId(), result.invokedTarget(), result.region(),
					result.usage());
		}

	}

	record ModelView(String model, String target, String kind, String origin) {

		static ModelView of(Binding binding) {
			return new ModelView(binding.modelId(), binding.target().value(), binding.target().kind().name(),
					binding.origin().kind() + " " + binding.origin().source());
		}

	}

}
