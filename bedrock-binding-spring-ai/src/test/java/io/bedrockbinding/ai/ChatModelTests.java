package io.bedrockbinding.ai;

import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

import io.bedrockbinding.ai.chat.BedrockBindingChatModel;
import io.bedrockbinding.ai.chat.BedrockBindingChatOptions;
import io.bedrockbinding.ai.chat.BedrockBindingMetadata;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.registry.BindingRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.util.MimeType;
import org.springframework.util.MimeTypeUtils;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The chat model called directly with Spring AI prompts (no {@code ChatClient}), against
 * LocalBedrock: defaults, plain Spring AI options, settings that change from call to
 * call, conversation history and media that cannot be sent.
 */
@ExtendWith(OutputCaptureExtension.class)
@SpringBootTest(classes = SpringAiTestApplication.class,
		properties = { "bedrock.binding.local-bedrock.enabled=true", "bedrock.binding.region=us-east-1",
				"bedrock.binding.inference-file.enabled=false",
				"bedrock.binding.chat.options.model=anthropic.claude-haiku-4-5-20251001-v1:0",
				"bedrock.binding.chat.options.max-tokens=300" })
class ChatModelTests {

	@Autowired
	private BedrockBindingChatModel chatModel;

	@Autowired
	private LocalBedrock localBedrock;

	@Autowired
	private BindingRegistry registry;

	@Autowired
	private TestObservationRegistry observations;

	@BeforeEach
	void reset() {
		this.localBedrock.reset();
		this.observations.clear();
	}

	@Test
	void promptWithoutOptionsUsesTheDefaults() {
		String reply = this.chatModel.call("Hello");

		assertThat(reply).startsWith("[anthropic.claude-haiku-4-5-20251001-v1:0 via us.").endsWith("Hello");
		assertThat(this.localBedrock.journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("\"maxTokens\":300"));
	}

	@Test
	void plainSpringAiOptionsOverrideTheDefaultsTheyName() {
		ChatResponse response = this.chatModel
			.call(new Prompt("Hello", ChatOptions.builder().model("amazon.nova-pro-v1:0").temperature(0.5).build()));

		assertThat(response.getMetadata().getModel()).isEqualTo("amazon.nova-pro-v1:0");
		assertThat((String) response.getMetadata().get(BedrockBindingMetadata.INVOKED_TARGET))
			.isEqualTo("amazon.nova-pro-v1:0");
		assertThat(this.localBedrock.journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("\"maxTokens\":300").contains("\"temperature\":0.5"));
	}

	@Test
	void ownOptionsBuiltByTheCallerTakeTheDefaultsTheyLeaveOut() {
		BedrockBindingChatOptions options = BedrockBindingChatOptions.builder().temperature(0.5).build();

		ChatResponse response = this.chatModel.call(new Prompt("Hello", options));

		assertThat(response.getMetadata().getModel()).isEqualTo("anthropic.claude-haiku-4-5-20251001-v1:0");
		assertThat(this.localBedrock.journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("\"maxTokens\":300").contains("\"temperature\":0.5"));
	}

	@Test
	void optionsConverseHasNoFieldForAreLoggedOnceAndNotSent(CapturedOutput output) {
		ChatOptions options = ChatOptions.builder().topK(5).frequencyPenalty(0.5).presencePenalty(0.25).build();

		this.chatModel.call(new Prompt("Hello", options));
		this.chatModel.call(new Prompt("Hello again", options));

		for (String option : List.of("topK=5", "frequencyPenalty=0.5", "presencePenalty=0.25")) {
			assertThat(output.getOut().split(Pattern.quote("Chat option " + option + " is not sent"), -1)).as(option)
				.hasSize(2);
		}
		assertThat(this.localBedrock.journal("Converse")).hasSize(2)
			.allSatisfy((call) -> assertThat(call.body()).doesNotContainIgnoringCase("topK")
				.doesNotContainIgnoringCase("penalty"));
	}

	@Test
	void springAiStructuredOutputOptionsSendTheirSchema() {
		String schema = "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"},"
				+ "\"age\":{\"type\":\"integer\"}},\"required\":[\"name\",\"age\"]}";

		String reply = this.chatModel
			.call(new Prompt("Describe name=Ada age=36",
					StructuredOutputChatOptions.builder().outputSchema(schema).build()))
			.getResult()
			.getOutput()
			.getText();

		assertThat(reply).isEqualTo("{\"name\":\"Ada\",\"age\":36}");
		assertThat(this.localBedrock.journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("\"outputConfig\"").contains("json_schema"));
	}

	@Test
	void historyKeepsItsTurnsAndMergesConsecutiveUserMessages() {
		this.chatModel.call(new Prompt(List.of(new SystemMessage("Be brief."), new UserMessage("My name is Ada."),
				new AssistantMessage("Hello Ada."), new UserMessage("Remember it."),
				new UserMessage("What is my name?"))));

		assertThat(this.localBedrock.journal("Converse")).singleElement().satisfies((call) -> {
			assertThat(call.body()).contains("\"system\":[{\"text\":\"Be brief.\"}]");
			assertThat(call.body().split("\"role\":", -1)).hasSize(4);
			assertThat(call.body()).containsSubsequence("My name is Ada.", "Hello Ada.", "Remember it.",
					"What is my name?");
		});
	}

	@Test
	void everyCallSendsItsOwnSettingsAndTheBindingOfTheMoment() {
		String model = "amazon.nova-pro-v1:0";
		List<String> systems = IntStream.range(0, 12).mapToObj((i) -> "Answer as number " + i + ".").toList();
		// more settings than the model keeps pipes for, then earlier ones again and
		// changed
		systems.forEach((system) -> call(system, ChatOptions.builder().model(model).maxTokens(100)));
		call(systems.get(0), ChatOptions.builder().model(model).maxTokens(100));
		call(systems.get(0), ChatOptions.builder().model(model).maxTokens(100).temperature(0.25));
		call(systems.get(1), ChatOptions.builder().model(model).maxTokens(120).stopSequences(List.of("END")));
		this.registry.bind(model, "us." + model);
		try {
			call(systems.get(1), ChatOptions.builder().model(model).maxTokens(120).stopSequences(List.of("END")));
		}
		finally {
			this.registry.unbind(model, false);
		}

		List<JournalEntry> calls = this.localBedrock.journal("Converse");
		assertThat(calls).hasSize(16);
		for (int i = 0; i < 12; i++) {
			assertThat(calls.get(i).body()).contains("{\"text\":\"" + systems.get(i) + "\"}")
				.contains("\"maxTokens\":100")
				.doesNotContain("temperature");
		}
		assertThat(calls.get(12).body()).contains(systems.get(0)).doesNotContain("temperature");
		assertThat(calls.get(13).body()).contains(systems.get(0)).contains("\"temperature\":0.25");
		assertThat(calls.subList(14, 16)).allSatisfy((call) -> assertThat(call.body()).contains(systems.get(1))
			.contains("\"maxTokens\":120")
			.contains("\"stopSequences\":[\"END\"]")
			.doesNotContain("temperature"));
		assertThat(calls.get(14).modelId()).isEqualTo(model);
		assertThat(calls.get(15).modelId()).isEqualTo("us." + model);
	}

	private void call(String system, ChatOptions.Builder<?> options) {
		this.chatModel.call(new Prompt(List.of(new SystemMessage(system), new UserMessage("Hello")), options.build()));
	}

	@Test
	void modelThatIsAnArnIsRefusedBeforeAnObservationCouldNameIt() {
		Prompt prompt = new Prompt("Hello",
				ChatOptions.builder()
					.model("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6")
					.build());

		assertThatIllegalArgumentException().isThrownBy(() -> this.chatModel.call(prompt))
			.withMessageContaining("model ID must look like")
			.withMessageContaining("bind it to the profile or ARN");
		assertThatIllegalArgumentException().isThrownBy(() -> this.chatModel.stream(prompt).blockLast())
			.withMessageContaining("model ID must look like");
		// refused before the call is observed: no tag names the ARN (and its account)
		assertThat(this.observations).doesNotHaveAnyObservation();
		assertThat(this.localBedrock.journal()).isEmpty();
	}

	@Test
	void aProfileIdAsTheModelIsRefusedNamingTheModelIdToGiveAndTheBinding() {
		Prompt prompt = new Prompt("Hello", ChatOptions.builder().model("us.amazon.nova-pro-v1:0").build());

		assertThatIllegalArgumentException().isThrownBy(() -> this.chatModel.call(prompt))
			.withMessageStartingWith("The chat call's model 'us.amazon.nova-pro-v1:0' is not a model ID: 'us' is a "
					+ "geo profile prefix")
			.withMessageContaining("Name the model ID (in bedrock.binding.chat.options.model or the request's "
					+ "ChatOptions) and bind it to the profile or ARN");
		assertThat(this.localBedrock.journal()).isEmpty();
	}

	@Test
	void aPromptWithoutAUserMessageIsRefusedBeforeItIsSent() {
		Prompt systemOnly = new Prompt(List.of(new SystemMessage("You are helpful.")));

		assertThatIllegalArgumentException().isThrownBy(() -> this.chatModel.call(systemOnly))
			.withMessage("The chat call has no user message, only a system prompt: add one "
					+ "(ChatClient: .user(\"...\"); a Prompt: new UserMessage(\"...\"))");
		assertThatIllegalArgumentException().isThrownBy(() -> this.chatModel.call(new Prompt(List.of())))
			.withMessageStartingWith("The chat call has no user message: add one");
		assertThatIllegalArgumentException().isThrownBy(() -> this.chatModel.stream(systemOnly).blockLast())
			.withMessageStartingWith("The chat call has no user message");
		assertThat(this.localBedrock.journal()).isEmpty();
	}

	@Test
	void mediaOnlyAtAnAddressIsRefusedNamingWhatToGive() {
		UserMessage message = UserMessage.builder()
			.text("What is in this picture?")
			.media(new Media(MimeTypeUtils.IMAGE_PNG, URI.create("https://example.com/cat.png")))
			.build();

		assertThatIllegalArgumentException().isThrownBy(() -> this.chatModel.call(new Prompt(message)))
			.withMessageContaining("give its bytes")
			.withMessageContaining("nothing is fetched from https://example.com/cat.png");
		assertThat(this.localBedrock.journal()).isEmpty();
	}

	@Test
	void mediaGivenAsLongTextIsRefusedWithoutTheWholeTextInTheMessage() {
		String base64 = "iVBORw0KGgo" + "A".repeat(100_000);
		UserMessage message = UserMessage.builder()
			.text("What is in this picture?")
			.media(Media.builder().mimeType(MimeTypeUtils.IMAGE_PNG).data(base64).build())
			.build();

		assertThatIllegalArgumentException().isThrownBy(() -> this.chatModel.call(new Prompt(message)))
			.withMessageContaining("give its bytes")
			.withMessageContaining("nothing is fetched from iVBORw0KGgoAAAA")
			.withMessageContaining("(100011 characters)")
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(1_000));
		assertThat(this.localBedrock.journal()).isEmpty();
	}

	@Test
	void mediaOfATypeConverseDoesNotTakeIsRefused() {
		UserMessage message = UserMessage.builder()
			.text("Listen")
			.media(Media.builder().mimeType(MimeType.valueOf("audio/mpeg")).data(new byte[] { 1, 2, 3 }).build())
			.build();

		assertThatIllegalArgumentException().isThrownBy(() -> this.chatModel.call(new Prompt(message)))
			.withMessageContaining("audio/mpeg")
			.withMessageContaining("Converse takes images (png, jpeg, gif, webp) and documents");
	}

}
