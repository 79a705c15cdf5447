package io.bedrockbinding.sample;

import io.bedrockbinding.ai.chat.BedrockBindingMetadata;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Spring AI's {@link ChatClient} on bedrock-binding's chat model, with a tool: the model
 * ({@code bedrock.binding.chat.options.model}, or the request's) is called through its
 * binding.
 */
@RestController
class AssistantController {

	private final ChatClient chatClient;

	AssistantController(ChatClient.Builder chatClient, BindingTools tools) {
		this.chatClient = chatClient.defaultSystem("You answer questions about this application's Bedrock bindings.")
			.defaultTools(tools)
			.build();
	}

	@PostMapping("/api/assistant")
	AssistantReply ask(@RequestBody AssistantRequest request) {
		if (request.prompt() == null || request.prompt().isBlank()) {
			throw new InvalidChatRequestException("The request has no prompt",
					"send {\"prompt\": \"Which target is modelId=deepseek.r1-v1:0 bound to?\"}");
		}
		ChatClient.ChatClientRequestSpec prompt = this.chatClient.prompt().user(request.prompt());
		if (request.model() != null && !request.model().isBlank()) {
			prompt = prompt.options(ChatOptions.builder().model(request.model()));
		}
		return AssistantReply.of(prompt.call().chatResponse());
	}

	/**
	 * An assistant request.
	 *
	 * @param prompt the user's question
	 * @param model the model ID to ask instead of the configured one
	 */
	record AssistantRequest(@Nullable String prompt, @Nullable String model) {
	}

	record AssistantReply(String text, String model, String invokedTarget, String region, Usage usage) {

		static AssistantReply of(@Nullable ChatResponse response) {
			if (response == null) {
				throw new IllegalStateException("The chat model returned no response");
			}
			ChatResponseMetadata metadata = response.getMetadata();
			return new AssistantReply(response.getResult().getOutput().getText(), metadata.getModel(),
					metadata.get(BedrockBindingMetadata.INVOKED_TARGET), metadata.get(BedrockBindingMetadata.REGION),
					metadata.getUsage());
		}

	}

}
