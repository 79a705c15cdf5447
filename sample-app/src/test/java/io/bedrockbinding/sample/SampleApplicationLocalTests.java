package io.bedrockbinding.sample;

import java.net.http.HttpResponse;
import java.util.List;

import io.bedrockbinding.emulator.JournalEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app as a newcomer starts it: default profile {@code local}, an in-process
 * LocalBedrock, bindings from application.yml, application-local.yml and the shipped
 * inference.txt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "bedrock.binding.inference-file.watch=false")
class SampleApplicationLocalTests extends SampleServerTests {

	@Test
	void chatWithAModelThatNeedsAProfileGoesThroughTheBoundProfileArn() throws Exception {
		JsonNode reply = postJson("/api/chat", "{\"model\":\"deepseek.r1-v1:0\",\"prompt\":\"Hello there\"}");

		assertThat(reply.get("model").asString()).isEqualTo("deepseek.r1-v1:0");
		assertThat(reply.get("invokedTarget").asString())
			.isEqualTo("arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.deepseek.r1-v1:0");
		assertThat(reply.get("region").asString()).isEqualTo("us-east-2");
		assertThat(reply.get("text").asString()).contains("Hello there");
		assertThat(reply.get("usage").get("inputTokens").asInt()).isPositive();
		List<JournalEntry> calls = localBedrock().journal("Converse");
		assertThat(calls).singleElement().satisfies((call) -> {
			assertThat(call.modelId())
				.isEqualTo("arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.deepseek.r1-v1:0");
			assertThat(call.region()).isEqualTo("us-east-2");
			assertThat(call.status()).isEqualTo(200);
		});
	}

	@Test
	void chatWithAModelBoundInTheInferenceFileUsesTheFileBinding() throws Exception {
		JsonNode reply = postJson("/api/chat",
				"{\"model\":\"anthropic.claude-haiku-4-5-20251001-v1:0\",\"prompt\":\"Hi\"}");

		assertThat(reply.get("invokedTarget").asString()).isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0");
		assertThat(localBedrock().journal("Converse")).singleElement()
			.satisfies((call) -> assertThat(call.modelId()).isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0"));
	}

	@Test
	void streamSendsSeveralTextEventsThenTheResult() throws Exception {
		HttpResponse<String> response = post("/api/chat/stream",
				"{\"model\":\"amazon.nova-pro-v1:0\",\"prompt\":\"Tell me about inference profiles\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("text/event-stream"));
		String body = response.body();
		assertThat(body.split("event:text", -1)).hasSizeGreaterThan(2);
		assertThat(body).contains("event:result").contains("us.amazon.nova-pro-v1:0");
		assertThat(localBedrock().journal("ConverseStream")).singleElement()
			.satisfies((call) -> assertThat(call.modelId()).isEqualTo("us.amazon.nova-pro-v1:0"));
	}

	@Test
	void actuatorShowsBindingsFromYamlAndFileWithTheirOrigins() throws Exception {
		JsonNode document = getJson("/actuator/bedrockbindings");

		assertThat(document.get("region").asString()).isEqualTo("us-east-1");
		assertThat(document.get("accountId").asString()).isEqualTo("111122223333");
		assertThat(binding(document, "amazon.nova-pro-v1:0").get("origin").get("source").asString())
			.isEqualTo("application.yml");
		assertThat(binding(document, "deepseek.r1-v1:0").get("origin").get("source").asString())
			.isEqualTo("application-local.yml");
		JsonNode fromFile = binding(document, "anthropic.claude-haiku-4-5-20251001-v1:0");
		assertThat(fromFile.get("origin").get("kind").asString()).isEqualTo("FILE");
		assertThat(fromFile.get("origin").get("source").asString()).endsWith("inference.txt:3");
		assertThat(fromFile.get("kind").asString()).isEqualTo("SYSTEM_PROFILE");
	}

	@Test
	void modelsCanBeListedByProviderAndText() throws Exception {
		JsonNode models = getJson("/api/models?provider=anthropic&q=haiku");

		assertThat(models.size()).isPositive();
		models.forEach((model) -> assertThat(model.get("model").asString()).startsWith("anthropic.").contains("haiku"));
	}

	private JsonNode binding(JsonNode document, String model) {
		for (JsonNode binding : document.get("bindings")) {
			if (binding.get("model").asString().equals(model)) {
				return binding;
			}
		}
		throw new AssertionError(model + " is not in " + document);
	}

}
