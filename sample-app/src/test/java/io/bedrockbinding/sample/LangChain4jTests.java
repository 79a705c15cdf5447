package io.bedrockbinding.sample;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.bedrock.BedrockChatModel;
import dev.langchain4j.model.bedrock.BedrockStreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import io.bedrockbinding.emulator.JournalEntry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LangChain4j's Bedrock chat models built on the starter's client beans: a chat and a
 * tool call, sync and streaming, reach the profile application.yml binds
 * {@code amazon.nova-pro-v1:0} to, although LangChain4j names the plain model ID.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
		properties = "bedrock.binding.inference-file.watch=false")
class LangChain4jTests extends LocalBedrockTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String BOUND = "us.amazon.nova-pro-v1:0";

	private static final ToolSpecification WEATHER = ToolSpecification.builder()
		.name("weather")
		.description("The weather in a city")
		.parameters(JsonObjectSchema.builder().addStringProperty("city").required("city").build())
		.build();

	@Autowired
	private BedrockRuntimeClient client;

	@Autowired
	private BedrockRuntimeAsyncClient asyncClient;

	@Test
	void chatReachesTheBoundProfile() {
		BedrockChatModel model = BedrockChatModel.builder().client(this.client).modelId(NOVA_PRO).build();

		String answer = model.chat("Hello from LangChain4j");

		System.out.println("LangChain4j BedrockChatModel answered: " + answer);
		assertThat(answer).contains("via " + BOUND).endsWith("Hello from LangChain4j");
		assertThat(localBedrock().journal("Converse")).singleElement()
			.extracting(JournalEntry::modelId)
			.isEqualTo(BOUND);
	}

	@Test
	void toolCallReachesTheBoundProfile() {
		BedrockChatModel model = BedrockChatModel.builder().client(this.client).modelId(NOVA_PRO).build();
		UserMessage question = UserMessage.from("What is the weather in Paris?");

		ChatResponse first = model.chat(ChatRequest.builder().messages(question).toolSpecifications(WEATHER).build());
		ToolExecutionRequest call = first.aiMessage().toolExecutionRequests().get(0);
		ChatResponse second = model.chat(ChatRequest.builder()
			.messages(question, first.aiMessage(), ToolExecutionResultMessage.from(call, "Sunny, 22 degrees"))
			.toolSpecifications(WEATHER)
			.build());

		assertThat(call.name()).isEqualTo("weather");
		assertThat(call.arguments()).contains("\"city\"");
		assertThat(second.aiMessage().text()).contains("via " + BOUND).endsWith("Sunny, 22 degrees");
		assertThat(localBedrock().journal("Converse")).extracting(JournalEntry::modelId).containsExactly(BOUND, BOUND);
	}

	@Test
	void streamingChatReachesTheBoundProfile() throws Exception {
		BedrockStreamingChatModel model = BedrockStreamingChatModel.builder()
			.client(this.asyncClient)
			.modelId(NOVA_PRO)
			.build();

		ChatResponse response = stream(model, ChatRequest.builder().messages(UserMessage.from("Stream it")).build());

		assertThat(response.aiMessage().text()).contains("via " + BOUND).endsWith("Stream it");
		assertThat(localBedrock().journal("ConverseStream")).singleElement()
			.extracting(JournalEntry::modelId)
			.isEqualTo(BOUND);
	}

	@Test
	void streamingToolCallReachesTheBoundProfile() throws Exception {
		BedrockStreamingChatModel model = BedrockStreamingChatModel.builder()
			.client(this.asyncClient)
			.modelId(NOVA_PRO)
			.build();

		ChatResponse response = stream(model,
				ChatRequest.builder()
					.messages(UserMessage.from("What is the weather in Paris?"))
					.toolSpecifications(WEATHER)
					.build());

		AiMessage message = response.aiMessage();
		assertThat(message.toolExecutionRequests()).singleElement().satisfies((call) -> {
			assertThat(call.name()).isEqualTo("weather");
			assertThat(call.arguments()).contains("\"city\"");
		});
		assertThat(localBedrock().journal("ConverseStream")).singleElement()
			.extracting(JournalEntry::modelId)
			.isEqualTo(BOUND);
	}

	private static ChatResponse stream(BedrockStreamingChatModel model, ChatRequest request) throws Exception {
		CompletableFuture<ChatResponse> done = new CompletableFuture<>();
		model.chat(request, new StreamingChatResponseHandler() {

			@Override
			public void onPartialResponse(String partialResponse) {
			}

			@Override
			public void onCompleteResponse(ChatResponse completeResponse) {
				done.complete(completeResponse);
			}

			@Override
			public void onError(Throwable error) {
				done.completeExceptionally(error);
			}

		});
		return done.get(30, TimeUnit.SECONDS);
	}

}
