package io.bedrockbinding.ai;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import io.bedrockbinding.ai.chat.BedrockBindingMetadata;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.TokenUsage;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.MessageAggregator;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ChatClient} calls through bedrock-binding's chat model, against LocalBedrock.
 */
@SpringBootTest(classes = SpringAiTestApplication.class, properties = { "bedrock.binding.local-bedrock.enabled=true",
		"bedrock.binding.region=us-east-1", "bedrock.binding.account-id=111122223333",
		"bedrock.binding.inference-file.enabled=false",
		"bedrock.binding.models.[deepseek.r1-v1\\:0]=arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0",
		"bedrock.binding.chat.options.model=anthropic.claude-haiku-4-5-20251001-v1:0",
		"bedrock.binding.chat.options.temperature=0.3", "bedrock.binding.chat.options.max-tokens=300",
		"bedrock.binding.chat.options.top-p=0.8" })
class ChatClientTests {

	private static final String SONNET_PROFILE = "us.anthropic.claude-haiku-4-5-20251001-v1:0";

	private static final String DEEPSEEK_ARN = "arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.deepseek.r1-v1:0";

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private LocalBedrock localBedrock;

	@Autowired
	private TestObservationRegistry observations;

	@BeforeEach
	void reset() {
		this.localBedrock.reset();
		this.observations.clear();
	}

	@Test
	void callOfAModelThatNeedsAProfileGoesThroughTheDerivedProfile() {
		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.system("Answer briefly.")
			.user("What is an inference profile?")
			.call()
			.chatResponse();

		assertThat(response).isNotNull();
		assertThat(response.getResult().getOutput().getText()).contains(SONNET_PROFILE)
			.contains("What is an inference profile?");
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("end_turn");
		assertThat(response.getMetadata().getModel()).isEqualTo("anthropic.claude-haiku-4-5-20251001-v1:0");
		assertThat((String) response.getMetadata().get(BedrockBindingMetadata.INVOKED_TARGET))
			.isEqualTo(SONNET_PROFILE);
		assertThat((String) response.getMetadata().get(BedrockBindingMetadata.REGION)).isEqualTo("us-east-1");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isPositive();
		assertThat(response.getMetadata().getUsage().getCompletionTokens()).isPositive();
		List<JournalEntry> calls = this.localBedrock.journal("Converse");
		assertThat(calls).singleElement().satisfies((call) -> {
			assertThat(call.modelId()).isEqualTo(SONNET_PROFILE);
			assertThat(call.region()).isEqualTo("us-east-1");
			assertThat(call.body()).contains("Answer briefly.")
				.contains("\"maxTokens\":300")
				.contains("\"temperature\":0.3")
				.contains("\"topP\":0.8");
		});
	}

	@Test
	void streamOfAModelThatNeedsAProfileSendsSeveralPiecesThroughTheDerivedProfile() {
		List<String> pieces = this.chatClientBuilder.build()
			.prompt()
			.user("Tell me about inference profiles")
			.stream()
			.content()
			.collectList()
			.block();

		assertThat(pieces).hasSizeGreaterThan(2);
		assertThat(String.join("", pieces))
			.startsWith("[anthropic.claude-haiku-4-5-20251001-v1:0 via " + SONNET_PROFILE + "]")
			.endsWith("Tell me about inference profiles");
		assertThat(this.localBedrock.journal("ConverseStream")).singleElement()
			.satisfies((call) -> assertThat(call.modelId()).isEqualTo(SONNET_PROFILE));
	}

	@Test
	void lastResponseOfAStreamCarriesUsageFinishReasonAndBinding() {
		List<ChatResponse> responses = this.chatClientBuilder.build()
			.prompt()
			.user("Hello")
			.stream()
			.chatResponse()
			.collectList()
			.block();

		assertThat(responses).isNotEmpty();
		ChatResponse last = responses.get(responses.size() - 1);
		assertThat(last.getResult().getMetadata().getFinishReason()).isEqualTo("end_turn");
		assertThat(last.getMetadata().getUsage().getTotalTokens()).isPositive();
		assertThat((String) last.getMetadata().get(BedrockBindingMetadata.INVOKED_TARGET)).isEqualTo(SONNET_PROFILE);
	}

	@Test
	void perRequestModelIsResolvedThroughItsBindingToAnotherRegion() {
		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.options(ChatOptions.builder().model("deepseek.r1-v1:0"))
			.user("Hello there")
			.call()
			.chatResponse();

		assertThat(response).isNotNull();
		assertThat((String) response.getMetadata().get(BedrockBindingMetadata.INVOKED_TARGET)).isEqualTo(DEEPSEEK_ARN);
		assertThat((String) response.getMetadata().get(BedrockBindingMetadata.REGION)).isEqualTo("us-east-2");
		assertThat(this.localBedrock.journal("Converse")).singleElement().satisfies((call) -> {
			assertThat(call.modelId()).isEqualTo(DEEPSEEK_ARN);
			assertThat(call.region()).isEqualTo("us-east-2");
		});
	}

	@Test
	void reasoningOfAModelThatReasonsIsInTheReplysMetadataNotInItsText() {
		// DeepSeek-R1 reasons on every call: a reasoningContent block before the text
		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.options(ChatOptions.builder().model("deepseek.r1-v1:0"))
			.user("Why is the sky blue?")
			.call()
			.chatResponse();

		assertThat(response).isNotNull();
		AssistantMessage output = response.getResult().getOutput();
		assertThat(output.getText()).endsWith("You said: Why is the sky blue?").doesNotContain("The user asked");
		assertThat(output.getMetadata()).containsEntry(BedrockBindingMetadata.THOUGHTS,
				"The user asked: \"Why is the sky blue?\". I answer by repeating it.");
	}

	@Test
	void reasoningOfAStreamComesPieceByPieceAsItArrivesAndWholeInTheLastResponse() {
		List<ChatResponse> responses = this.chatClientBuilder.build()
			.prompt()
			.options(ChatOptions.builder().model("deepseek.r1-v1:0"))
			.user("Why is the sky blue?")
			.stream()
			.chatResponse()
			.collectList()
			.block();

		assertThat(responses).hasSizeGreaterThan(2);
		String text = responses.stream()
			.map((piece) -> piece.getResult().getOutput().getText())
			.reduce("", String::concat);
		assertThat(text).endsWith("You said: Why is the sky blue?").doesNotContain("The user asked");
		String reasoning = "The user asked: \"Why is the sky blue?\". I answer by repeating it.";
		List<AssistantMessage> outputs = responses.stream().map((piece) -> piece.getResult().getOutput()).toList();
		List<String> thoughts = new ArrayList<>();
		int firstText = -1;
		for (int i = 0; i < outputs.size() - 1; i++) {
			AssistantMessage output = outputs.get(i);
			if (output.getMetadata().containsKey(BedrockBindingMetadata.THOUGHTS)) {
				// a piece of reasoning: no text of its own, and before the reply's text
				assertThat(output.getText()).isEmpty();
				assertThat(firstText).isEqualTo(-1);
				thoughts.add((String) output.getMetadata().get(BedrockBindingMetadata.THOUGHTS));
			}
			else if (firstText < 0 && !output.getText().isEmpty()) {
				firstText = i;
			}
		}
		assertThat(thoughts).hasSizeGreaterThan(1);
		assertThat(String.join("", thoughts)).isEqualTo(reasoning);
		assertThat(responses.get(responses.size() - 1).getResult().getOutput().getMetadata())
			.containsEntry(BedrockBindingMetadata.THOUGHTS, reasoning);
		// Spring AI's own aggregate of the stream keeps the whole reasoning
		AtomicReference<ChatResponse> aggregate = new AtomicReference<>();
		new MessageAggregator().aggregate(Flux.fromIterable(responses), aggregate::set).blockLast();
		assertThat(aggregate.get().getResult().getOutput().getMetadata()).containsEntry(BedrockBindingMetadata.THOUGHTS,
				reasoning);
	}

	@Test
	void replyOfAModelThatDoesNotReasonHasNoThoughts() {
		ChatResponse response = this.chatClientBuilder.build().prompt().user("Hello").call().chatResponse();

		assertThat(response).isNotNull();
		assertThat(response.getResult().getOutput().getMetadata()).doesNotContainKey(BedrockBindingMetadata.THOUGHTS);
	}

	@Test
	void requestOptionsOverrideTheDefaults() {
		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.options(ChatOptions.builder().maxTokens(3).stopSequences(List.of("NEVER")))
			.user("A question whose answer is long")
			.call()
			.chatResponse();

		assertThat(response).isNotNull();
		assertThat(response.getResult().getMetadata().getFinishReason()).isEqualTo("max_tokens");
		assertThat(this.localBedrock.journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("\"maxTokens\":3")
				.contains("\"stopSequences\":[\"NEVER\"]")
				.contains("\"temperature\":0.3"));
	}

	@Test
	void observationUsesSpringAiNamesAndNoArnOrAccountInLowCardinalityTags() {
		ChatResponse response = this.chatClientBuilder.build()
			.prompt()
			.options(ChatOptions.builder().model("deepseek.r1-v1:0"))
			.user("Hello")
			.call()
			.chatResponse();
		assertThat(response).isNotNull();
		String inputTokens = String.valueOf(response.getMetadata().getUsage().getPromptTokens());

		assertThat(this.observations).hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.system", "bedrock_converse")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "deepseek.r1-v1:0")
			.hasLowCardinalityKeyValue("gen_ai.response.model", "deepseek.r1-v1:0")
			.hasHighCardinalityKeyValue("gen_ai.usage.input_tokens", inputTokens)
			.satisfies((context) -> assertThat(context.getLowCardinalityKeyValues())
				.allSatisfy((keyValue) -> assertThat(keyValue.getValue()).doesNotContain("arn:")
					.doesNotContain("111122223333")));
	}

	@Test
	void streamIsObservedAsAStreamingChatOperation() {
		this.chatClientBuilder.build().prompt().user("Hello").stream().content().collectList().block();

		assertThat(this.observations).hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "anthropic.claude-haiku-4-5-20251001-v1:0")
			.hasHighCardinalityKeyValue("gen_ai.request.stream", "true")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void streamCutShortStillStopsItsObservation() {
		String first = this.chatClientBuilder.build().prompt().user("Hello").stream().content().take(1).blockLast();

		assertThat(first).isNotEmpty();
		assertThat(this.observations).hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@Test
	void usageCarriesThePromptCacheCounts() {
		ChatResponse response = this.chatClientBuilder.build().prompt().user("Hello").call().chatResponse();

		assertThat(response).isNotNull();
		assertThat(response.getMetadata().getUsage().getCacheReadInputTokens()).isZero();
		assertThat(response.getMetadata().getUsage().getCacheWriteInputTokens()).isZero();
		assertThat(response.getMetadata().getUsage().getNativeUsage()).isInstanceOf(TokenUsage.class);
	}

	@Test
	void onDemandRefusalSurfacesTheBindingFix() {
		this.localBedrock.requireProfile("anthropic.claude-3-haiku-20240307-v1:0", "us-east-1");
		ChatClient chatClient = this.chatClientBuilder.build();

		assertThatExceptionOfType(BedrockPipeException.class)
			.isThrownBy(() -> chatClient.prompt()
				.options(ChatOptions.builder().model("anthropic.claude-3-haiku-20240307-v1:0"))
				.user("Hello")
				.call()
				.content())
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(FailureReason.ON_DEMAND_NOT_SUPPORTED))
			.withMessageContaining("Fix: bind anthropic.claude-3-haiku-20240307-v1:0 to an inference profile");
	}

}
