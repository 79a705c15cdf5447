package io.bedrockbinding.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** InvokeModelWithResponseStream and CountTokens through the real SDK clients. */
class RuntimeStreamAndCountTests {

	private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	private static final String LLAMA = "meta.llama3-8b-instruct-v1:0";

	private static final String TITAN_V2 = "amazon.titan-embed-text-v2:0";

	private static final String ANTHROPIC_BODY = "{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":100,"
			+ "\"messages\":[{\"role\":\"user\",\"content\":\"Stream me\"}]}";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	private static BedrockRuntimeAsyncClient async;

	private static BedrockRuntimeClient sync;

	@BeforeAll
	static void createClients() {
		async = bedrock.clients().runtimeAsyncBuilder("us-east-1").overrideConfiguration(TestRetries.none()).build();
		sync = bedrock.clients().runtimeBuilder("us-east-1").overrideConfiguration(TestRetries.none()).build();
	}

	@AfterAll
	static void closeClients() {
		async.close();
		sync.close();
	}

	@Test
	void anthropicStreamsItsMessageEventsInChunks() {
		List<JsonNode> chunks = stream(HAIKU, ANTHROPIC_BODY);

		assertThat(chunks).extracting((chunk) -> chunk.path("type").stringValue())
			.startsWith("message_start", "content_block_start", "content_block_delta")
			.endsWith("content_block_stop", "message_delta", "message_stop");
		String text = chunks.stream()
			.filter((chunk) -> chunk.path("type").stringValue().equals("content_block_delta"))
			.map((chunk) -> chunk.at("/delta/text").stringValue())
			.reduce("", String::concat);
		assertThat(text).isEqualTo("[" + HAIKU + "] You said: Stream me");
		JsonNode last = chunks.get(chunks.size() - 1);
		assertThat(last.at("/amazon-bedrock-invocationMetrics/outputTokenCount").intValue()).isPositive();
		assertThat(bedrock.journal()).extracting(JournalEntry::api).containsExactly("InvokeModelWithResponseStream");
	}

	@Test
	void otherFamiliesSendTheirReplyInOneChunk() {
		List<JsonNode> chunks = stream(LLAMA, "{\"prompt\":\"hi\"}");

		assertThat(chunks).singleElement()
			.satisfies((chunk) -> assertThat(chunk.path("generation").stringValue()).endsWith("You said: hi"));
	}

	@Test
	void modelsThatDoNotStreamAreRefused() {
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> stream(TITAN_V2, "{\"inputText\":\"x\"}"))
			.withCauseInstanceOf(ValidationException.class)
			.withMessageContaining("unsupported for streaming");
	}

	@Test
	void countTokensOfAConverseInputAndOfANativeBody() {
		int converse = sync.countTokens((request) -> request.modelId(HAIKU)
			.input((input) -> input.converse((body) -> body.messages(Message.builder()
				.role(ConversationRole.USER)
				.content(ContentBlock.fromText("count these words please"))
				.build()))))
			.inputTokens();
		int invoke = sync
			.countTokens((request) -> request.modelId(HAIKU)
				.input((input) -> input.invokeModel((body) -> body.body(SdkBytes.fromUtf8String(ANTHROPIC_BODY)))))
			.inputTokens();

		assertThat(converse).isEqualTo(("count these words please".length() + 3) / 4);
		assertThat(invoke).isPositive();
		assertThat(bedrock.get().journal("CountTokens")).hasSize(2);
	}

	@ParameterizedTest
	@ValueSource(strings = { "us.anthropic.claude-3-haiku-20240307-v1:0",
			"arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0" })
	void countTokensRefusesAnInferenceProfileAsBedrockDoes(String profile) {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> sync.countTokens((request) -> request.modelId(profile)
				.input((input) -> input.converse((body) -> body.messages(Message.builder()
					.role(ConversationRole.USER)
					.content(ContentBlock.fromText("count these"))
					.build())))))
			.withMessageStartingWith("The provided model doesn't support counting tokens.");
	}

	private static List<JsonNode> stream(String modelId, String body) {
		List<JsonNode> chunks = new ArrayList<>();
		async.invokeModelWithResponseStream((request) -> request.modelId(modelId).body(SdkBytes.fromUtf8String(body)),
				InvokeModelWithResponseStreamResponseHandler.builder()
					.subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
						.onChunk((chunk) -> chunks.add(JSON.readTree(chunk.bytes().asUtf8String())))
						.build())
					.build())
			.join();
		return chunks;
	}

}
