package io.bedrockbinding.sample;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/assistant}: Spring AI's {@code ChatClient} on the bindings, with the
 * {@code bindingOf} tool, on the sample app's LocalBedrock.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "bedrock.binding.inference-file.watch=false")
class SampleAssistantTests extends SampleServerTests {

	@Test
	void assistantCallsTheToolAndAnswersThroughTheConfiguredModelsBinding() throws Exception {
		JsonNode reply = postJson("/api/assistant",
				"{\"prompt\":\"Use bindingOf: which target is modelId=deepseek.r1-v1:0 bound to?\"}");

		assertThat(reply.get("model").asString()).isEqualTo("amazon.nova-pro-v1:0");
		assertThat(reply.get("invokedTarget").asString()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(reply.get("region").asString()).isEqualTo("us-east-1");
		assertThat(reply.get("text").asString()).contains(
				"deepseek.r1-v1:0 is bound to arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0 (PROFILE_ARN, from PROPERTIES application-local.yml)");
		assertThat(localBedrock().journal("Converse")).hasSize(2)
			.allSatisfy((call) -> assertThat(call.modelId()).isEqualTo("us.amazon.nova-pro-v1:0"));
	}

	@Test
	void perRequestModelGoesThroughItsOwnBinding() throws Exception {
		JsonNode reply = postJson("/api/assistant",
				"{\"prompt\":\"Use bindingOf for modelId=amazon.nova-pro-v1:0\",\"model\":\"anthropic.claude-haiku-4-5-20251001-v1:0\"}");

		assertThat(reply.get("invokedTarget").asString()).isEqualTo("us.anthropic.claude-haiku-4-5-20251001-v1:0");
		assertThat(reply.get("text").asString()).contains("amazon.nova-pro-v1:0 is bound to us.amazon.nova-pro-v1:0");
	}

}
