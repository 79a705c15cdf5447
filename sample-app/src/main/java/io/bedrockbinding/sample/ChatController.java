package io.bedrockbinding.sample;

import java.io.IOException;
import java.util.List;

import io.bedrockbinding.catalog.ModelQuery;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.TokenUsage;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
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
		return ChatResponse.of(this.pipes.pipe(request.model()).execute(request.prompt()));
	}

	/**
	 * Server-sent events: a {@code text} event per piece of the reply, then one
	 * {@code result}.
	 * @param request the model and the prompt
	 * @return the emitter the events are sent through
	 */
	@PostMapping(path = "/api/chat/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	SseEmitter stream(@RequestBody ChatRequest request) {
		SseEmitter emitter = new SseEmitter(60_000L);
		this.pipes.pipe(request.model())
			.stream(request.prompt(), (text) -> send(emitter, "text", text))
			.whenComplete((result, failure) -> {
				if (failure != null) {
					emitter.completeWithError(failure);
					return;
				}
				send(emitter, "result", ChatResponse.of(result));
				emitter.complete();
			});
		return emitter;
	}

	@GetMapping("/api/models")
	List<ModelView> models(@RequestParam(required = false) String provider,
			@RequestParam(required = false) String region, @RequestParam(required = false) String q) {
		return this.registry.query(new ModelQuery(region, provider, q)).stream().map(ModelView::of).toList();
	}

	@ExceptionHandler(BedrockPipeException.class)
	ProblemDetail pipeFailed(BedrockPipeException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, ex.getMessage());
		problem.setTitle(ex.reason().name());
		problem.setProperty("fix", ex.fix());
		return problem;
	}

	private static void send(SseEmitter emitter, String name, Object data) {
		try {
			emitter.send(SseEmitter.event().name(name).data(data));
		}
		catch (IOException ex) {
			emitter.completeWithError(ex);
		}
	}

	record ChatRequest(String model, String prompt) {
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
