package io.bedrockbinding.ai;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.ai.chat.BedrockBindingChatModel;
import io.bedrockbinding.ai.chat.BedrockBindingChatOptions;
import io.bedrockbinding.ai.chat.BedrockBindingMetadata;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Model-specific request fields (Converse {@code additionalModelRequestFields}) through
 * Spring AI's options, against LocalBedrock: the defaults' from
 * {@code bedrock.binding.chat.options.model-fields}, a request's merged in by name, in
 * calls and streams.
 */
@SpringBootTest(classes = SpringAiTestApplication.class,
		properties = { "bedrock.binding.local-bedrock.enabled=true", "bedrock.binding.region=us-east-1",
				"bedrock.binding.inference-file.enabled=false",
				"bedrock.binding.chat.options.model=" + ModelFieldsTests.SONNET,
				"bedrock.binding.chat.options.model-fields.top_k=5" })
class ModelFieldsTests {

	static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";

	private static final Map<String, Object> THINKING = Map.of("thinking",
			Map.of("type", "enabled", "budget_tokens", 1024));

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	private BedrockBindingChatModel chatModel;

	@Autowired
	private ChatClient.Builder chatClientBuilder;

	@Autowired
	private LocalBedrock localBedrock;

	@BeforeEach
	void reset() {
		this.localBedrock.reset();
	}

	@Test
	void theDefaultFieldsOfThePropertyAreSentWithTheirJsonTypes() {
		this.chatModel.call("Hello");

		assertThat(this.localBedrock.journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(fields(call)).isEqualTo(JSON.readTree("{\"top_k\":5}")));
	}

	@Test
	void aCallsFieldsAreMergedIntoTheDefaults() {
		ChatResponse response = this.chatModel.call(
				new Prompt("Why is the sky blue?", BedrockBindingChatOptions.builder().modelFields(THINKING).build()));

		assertThat(this.localBedrock.journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(fields(call))
				.isEqualTo(JSON.readTree("{\"top_k\":5,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}}")));
		// the model reasoned: the thinking field reached it
		assertThat(response.getResult().getOutput().getMetadata()).containsKey(BedrockBindingMetadata.THOUGHTS);
	}

	@Test
	void aStreamsFieldsFromAChatClientOverrideTheDefaultsTheyName() {
		List<ChatResponse> responses = this.chatClientBuilder.build()
			.prompt()
			.options(BedrockBindingChatOptions.builder()
				.modelFields(Map.of("top_k", 10, "thinking", THINKING.get("thinking"))))
			.user("Why is the sky blue?")
			.stream()
			.chatResponse()
			.collectList()
			.block();

		assertThat(responses).isNotEmpty();
		assertThat(this.localBedrock.journal("ConverseStream")).singleElement()
			.satisfies((call) -> assertThat(fields(call))
				.isEqualTo(JSON.readTree("{\"top_k\":10,\"thinking\":{\"type\":\"enabled\",\"budget_tokens\":1024}}")));
		assertThat(responses.get(responses.size() - 1).getResult().getOutput().getMetadata())
			.containsKey(BedrockBindingMetadata.THOUGHTS);
	}

	@Test
	void optionsKeepTheFieldsTheyWereBuiltWithWhenTheCallerChangesANestedMapAfter() {
		Map<String, Object> thinking = new HashMap<>(Map.of("type", "enabled", "budget_tokens", 1024));
		this.chatModel.call(new Prompt("Why is the sky blue?",
				BedrockBindingChatOptions.builder().modelFields(Map.of("thinking", thinking)).build()));
		thinking.put("budget_tokens", 2048);
		this.chatModel.call(new Prompt("Why is the sky blue?",
				BedrockBindingChatOptions.builder().modelFields(Map.of("thinking", thinking)).build()));

		// the second call's options are not taken for the first's, whose pipe sends 1024
		assertThat(this.localBedrock.journal("Converse")).extracting((call) -> fields(call).path("thinking"))
			.containsExactly(JSON.readTree("{\"type\":\"enabled\",\"budget_tokens\":1024}"),
					JSON.readTree("{\"type\":\"enabled\",\"budget_tokens\":2048}"));
	}

	private static JsonNode fields(JournalEntry call) {
		return JSON.readTree(call.body()).path("additionalModelRequestFields");
	}

}
