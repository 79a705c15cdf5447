package io.bedrockbinding.emulator;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** InvokeModel's native bodies per model family, through the real sync client. */
class InvokeModelTests {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String HAIKU_BODY = """
			{"anthropic_version":"bedrock-2023-05-31","max_tokens":50,
			 "messages":[{"role":"user","content":[{"type":"text","text":"hi"}]}]}""";

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	@RegisterExtension
	static final NoRetryRuntimeClient client = new NoRetryRuntimeClient(bedrock);

	@Test
	void anthropicMessages() {
		InvokeModelResponse response = invoke(TestCatalog.HAIKU, """
				{"anthropic_version":"bedrock-2023-05-31","max_tokens":200,"system":"Be brief.",
				 "messages":[{"role":"user","content":[{"type":"text","text":"Hello Claude"}]}]}""");

		JsonNode body = json(response);
		assertThat(response.contentType()).isEqualTo("application/json");
		assertThat(body.get("type").stringValue()).isEqualTo("message");
		assertThat(body.get("role").stringValue()).isEqualTo("assistant");
		assertThat(body.get("id").stringValue()).startsWith("msg_bdrk_");
		assertThat(body.at("/content/0/type").stringValue()).isEqualTo("text");
		assertThat(body.at("/content/0/text").stringValue())
			.isEqualTo("[" + TestCatalog.HAIKU + "] You said: Hello Claude");
		assertThat(body.get("stop_reason").stringValue()).isEqualTo("end_turn");
		assertThat(body.at("/usage/input_tokens").intValue()).isPositive();
		assertThat(body.at("/usage/output_tokens").intValue())
			.isEqualTo(Generation.tokens(body.at("/content/0/text").stringValue()));
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> {
			assertThat(entry.api()).isEqualTo("InvokeModel");
			assertThat(entry.modelId()).isEqualTo(TestCatalog.HAIKU);
			assertThat(entry.body()).contains("Hello Claude");
		});
	}

	@Test
	void anthropicStringContentStopSequenceAndProfile() {
		InvokeModelResponse response = invoke("us." + TestCatalog.SONNET_37, """
				{"anthropic_version":"bedrock-2023-05-31","max_tokens":200,"stop_sequences":["STOP"],
				 "messages":[{"role":"user","content":"go STOP now"}]}""");

		JsonNode body = json(response);
		assertThat(body.at("/content/0/text").stringValue())
			.isEqualTo("[" + TestCatalog.SONNET_37 + " via us." + TestCatalog.SONNET_37 + "] You said: go ");
		assertThat(body.get("stop_reason").stringValue()).isEqualTo("stop_sequence");
		assertThat(body.get("stop_sequence").stringValue()).isEqualTo("STOP");
	}

	@Test
	void anthropicWithoutMaxTokensIsMalformed() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> invoke(TestCatalog.HAIKU, """
				{"anthropic_version":"bedrock-2023-05-31","messages":[{"role":"user","content":"hi"}]}"""))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(
						"Malformed input request: #: required key [max_tokens] not found, please reformat your input and try again.");
			});
	}

	@Test
	void tokenLimitBelowOneIsAValidationErrorNotAServerError() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> invoke(TestCatalog.HAIKU,
				"""
						{"anthropic_version":"bedrock-2023-05-31","max_tokens":-1,"messages":[{"role":"user","content":"hi"}]}"""))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("LocalBedrock: max_tokens must be at least 1, got -1.");
			});
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> invoke(TestCatalog.LLAMA, "{\"prompt\":\"hi\",\"max_gen_len\":0}"))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("LocalBedrock: max_gen_len must be at least 1, got 0."));
	}

	@Test
	void bodyOverTwentyFiveMillionBytesIsAValidationError() {
		String prompt = "a".repeat(25_000_000);

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> invoke(TestCatalog.LLAMA, "{\"prompt\":\"" + prompt + "\",\"max_gen_len\":2}"))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("1 validation error detected: Value at 'body' failed to satisfy constraint: "
							+ "Member must have length less than or equal to 25000000");
			});
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> assertThat(entry.status()).isEqualTo(400));
	}

	@Test
	void amazonNova() {
		InvokeModelResponse response = invoke(TestCatalog.NOVA_PRO, """
				{"messages":[{"role":"user","content":[{"text":"Hello Nova"}]}],
				 "inferenceConfig":{"max_new_tokens":4}}""");

		JsonNode body = json(response);
		assertThat(body.at("/output/message/role").stringValue()).isEqualTo("assistant");
		assertThat(body.at("/output/message/content/0/text").stringValue()).hasSize(16);
		assertThat(body.get("stopReason").stringValue()).isEqualTo("max_tokens");
		assertThat(body.at("/usage/inputTokens").intValue()).isPositive();
		assertThat(body.at("/usage/outputTokens").intValue()).isEqualTo(4);
		assertThat(body.at("/usage/totalTokens").intValue()).isEqualTo(body.at("/usage/inputTokens").intValue() + 4);
	}

	@Test
	void amazonTitanText() {
		InvokeModelResponse response = invoke(TestCatalog.TITAN_TEXT, """
				{"inputText":"Hello Titan","textGenerationConfig":{"maxTokenCount":100}}""");

		JsonNode body = json(response);
		assertThat(body.get("inputTextTokenCount").intValue()).isEqualTo(Generation.tokens("Hello Titan"));
		assertThat(body.at("/results/0/outputText").stringValue())
			.isEqualTo("[" + TestCatalog.TITAN_TEXT + "] You said: Hello Titan");
		assertThat(body.at("/results/0/tokenCount").intValue()).isPositive();
		assertThat(body.at("/results/0/completionReason").stringValue()).isEqualTo("FINISH");
	}

	@Test
	void metaLlama() {
		InvokeModelResponse response = invoke(TestCatalog.LLAMA, """
				{"prompt":"Hello Llama","max_gen_len":2,"temperature":0.5}""");

		JsonNode body = json(response);
		assertThat(body.get("generation").stringValue()).isEqualTo("[meta.ll");
		assertThat(body.get("prompt_token_count").intValue()).isEqualTo(Generation.tokens("Hello Llama"));
		assertThat(body.get("generation_token_count").intValue()).isEqualTo(2);
		assertThat(body.get("stop_reason").stringValue()).isEqualTo("length");
	}

	@Test
	void titanEmbeddingsAreDeterministicUnitVectors() {
		JsonNode first = json(invoke(TestCatalog.TITAN_EMBED, "{\"inputText\":\"embed me\",\"dimensions\":256}"));
		JsonNode second = json(invoke(TestCatalog.TITAN_EMBED, "{\"inputText\":\"embed me\",\"dimensions\":256}"));

		assertThat(first.get("embedding")).hasSize(256).isEqualTo(second.get("embedding"));
		double norm = 0;
		for (JsonNode value : first.get("embedding")) {
			norm += value.doubleValue() * value.doubleValue();
		}
		assertThat(norm).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
		assertThat(first.get("inputTextTokenCount").intValue()).isEqualTo(Generation.tokens("embed me"));
	}

	@Test
	void cohereEmbeddings() {
		JsonNode body = json(
				invoke(TestCatalog.COHERE_EMBED, "{\"texts\":[\"one\",\"two\"],\"input_type\":\"search_document\"}"));

		assertThat(body.get("embeddings")).hasSize(2);
		assertThat(body.get("response_type").stringValue()).isEqualTo("embeddings_floats");
		assertThat(body.get("texts")).hasSize(2);
	}

	@Test
	void imageModelsAreNotEmulated() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> invoke(TestCatalog.SD, "{\"prompt\":\"a cat\"}", "us-west-2"))
			.withMessageContaining("IMAGE");
	}

	@Test
	void bodyThatIsNoJsonObjectIsMalformed() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> invoke(TestCatalog.LLAMA, "[1, 2]"))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(NativeBodies.MALFORMED));
	}

	@Test
	void invokeModelResolvesTargetsLikeConverse() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(
				() -> invoke(TestCatalog.SONNET_37, "{\"anthropic_version\":\"x\",\"max_tokens\":5,\"messages\":[]}"))
			.withMessageContaining("on-demand throughput");
	}

	@Test
	void aBodyThatIsNotJsonByItsContentTypeIsRefused() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> client.get()
				.invokeModel((request) -> request.modelId(TestCatalog.HAIKU)
					.contentType("text/plain")
					.body(SdkBytes.fromUtf8String(HAIKU_BODY))))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("The provided Content Type is invalid or not supported for this model"));
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> assertThat(entry.status()).isEqualTo(400));
	}

	@Test
	void aBodyWithoutContentTypeIsTakenAsJson() throws Exception {
		// the SDK always sends one; the API's default is application/json
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		HttpResponse<String> response = http
			.send(HttpRequest.newBuilder(bedrock.endpoint().resolve("/model/" + TestCatalog.HAIKU + "/invoke"))
				.POST(HttpRequest.BodyPublishers.ofString(HAIKU_BODY))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("You said: hi");
	}

	private static InvokeModelResponse invoke(String modelId, String body) {
		return client.get()
			.invokeModel((request) -> request.modelId(modelId)
				.contentType("application/json")
				.accept("application/json")
				.body(SdkBytes.fromUtf8String(body)));
	}

	private static InvokeModelResponse invoke(String modelId, String body, String region) {
		try (BedrockRuntimeClient regional = bedrock.clients()
			.runtimeBuilder(region)
			.overrideConfiguration(TestRetries.none())
			.build()) {
			return regional.invokeModel((request) -> request.modelId(modelId)
				.contentType("application/json")
				.body(SdkBytes.fromUtf8String(body)));
		}
	}

	private static JsonNode json(InvokeModelResponse response) {
		return JSON.readTree(response.body().asUtf8String());
	}

}
