package io.bedrockbinding.sample;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.emulator.BrokenAnswer;
import io.bedrockbinding.emulator.Fault;
import io.bedrockbinding.pipe.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The chat API's errors over a real HTTP server: each is an RFC 9457 problem with a fix,
 * never a 500 with a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "bedrock.binding.inference-file.watch=false")
class ChatProblemsTests extends SampleServerTests {

	@Test
	void aModelBedrockDoesNotKnowIsNotFound() throws Exception {
		JsonNode problem = problem(chat("{\"model\":\"amazon.no-such-model-v1:0\",\"prompt\":\"Hi\"}"), 404);

		assertThat(problem.get("reason").asString()).isEqualTo("UNKNOWN_MODEL");
		assertThat(problem.get("title").asString()).isEqualTo("Unknown model");
		assertThat(problem.get("model").asString()).isEqualTo("amazon.no-such-model-v1:0");
		assertThat(problem.get("fix").asString()).contains("check the model ID");
	}

	@Test
	void theFieldsOfAFailureComeInTheSameOrderOnEveryRun() throws Exception {
		JsonNode problem = problem(chat("{\"model\":\"amazon.no-such-model-v1:0\",\"prompt\":\"Hi\"}"), 404);

		List<String> names = problem.properties().stream().map(Map.Entry::getKey).toList();
		assertThat(names).containsSubsequence("reason", "fix", "model", "target", "region", "errorCode", "requestId");
	}

	@Test
	void aModelIdThatIsNotOneIsABadRequest() throws Exception {
		JsonNode problem = problem(chat("{\"model\":\"not a model\",\"prompt\":\"Hi\"}"), 400);

		assertThat(problem.get("title").asString()).isEqualTo("Invalid model ID");
		assertThat(problem.get("detail").asString()).contains("not a model");
		assertThat(problem.get("fix").asString()).contains("/api/models");
	}

	@Test
	void aRequestWithoutItsModelIsABadRequest() throws Exception {
		JsonNode problem = problem(chat("{\"prompt\":\"Hi\"}"), 400);

		assertThat(problem.get("detail").asString()).contains("no model");
		assertThat(problem.get("fix").asString()).contains("\"model\"");
	}

	@Test
	void aRequestWithoutItsPromptIsABadRequest() throws Exception {
		JsonNode problem = problem(chat("{\"model\":\"amazon.nova-pro-v1:0\"}"), 400);

		assertThat(problem.get("detail").asString()).contains("no prompt");
	}

	@Test
	void aBodyThatIsNotJsonIsABadRequest() throws Exception {
		problem(chat("{\"model\": "), 400);
	}

	@Test
	void aStreamOfAnUnknownModelIsAProblemBeforeAnyEvent() throws Exception {
		HttpResponse<String> response = post("/api/chat/stream", "{\"model\":\"not a model\",\"prompt\":\"Hi\"}");

		problem(response, 400);
	}

	@Test
	void aStreamThatFailsOnceOpenEndsWithAnErrorEvent() throws Exception {
		HttpResponse<String> response = post("/api/chat/stream",
				"{\"model\":\"amazon.no-such-model-v1:0\",\"prompt\":\"Hi\"}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.body()).contains("event:error").contains("UNKNOWN_MODEL").contains("fix");
	}

	@Test
	void accessDeniedIsAServerProblemWithTheArnsToAllow() throws Exception {
		localBedrock().faults().failNext(1, Fault.ACCESS_DENIED);

		JsonNode problem = problem(chat("{\"model\":\"amazon.nova-pro-v1:0\",\"prompt\":\"Hi\"}"), 500);

		assertThat(problem.get("reason").asString()).isEqualTo("ACCESS_DENIED");
		assertThat(problem.get("errorCode").asString()).isEqualTo("AccessDeniedException");
		assertThat(problem.get("fix").asString()).contains("bedrock:InvokeModel");
	}

	@Test
	void aModelTimeoutIsAGatewayTimeout() throws Exception {
		localBedrock().faults().failNext(1, Fault.MODEL_TIMEOUT);

		JsonNode problem = problem(chat("{\"model\":\"amazon.nova-pro-v1:0\",\"prompt\":\"Hi\"}"), 504);

		assertThat(problem.get("reason").asString()).isEqualTo("TIMEOUT");
	}

	@Test
	void anAnswerWithoutOutputIsABadGatewayNamingTheRequest() throws Exception {
		// Every attempt of the SDK gets the same broken answer.
		localBedrock().faults().breakNext(10, BrokenAnswer.EMPTY_OUTPUT);

		JsonNode problem = problem(chat("{\"model\":\"amazon.nova-pro-v1:0\",\"prompt\":\"Hi\"}"), 502);

		assertThat(problem.get("reason").asString()).isEqualTo("MALFORMED_RESPONSE");
		assertThat(problem.get("requestId").asString()).isNotBlank();
	}

	@ParameterizedTest
	@EnumSource(FailureReason.class)
	void everyFailureReasonHasAStatusAndTheCallersOwnAre4xx(FailureReason reason) {
		HttpStatus status = ChatProblems.status(reason);

		boolean callersOwn = reason == FailureReason.UNKNOWN_MODEL || reason == FailureReason.INVALID_REQUEST
				|| reason == FailureReason.THROTTLED;
		assertThat(status.is4xxClientError()).isEqualTo(callersOwn);
	}

	private static JsonNode problem(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("application/problem+json"));
		assertThat(response.body()).doesNotContain("\tat ").doesNotContain("trace");
		JsonNode problem = json.readTree(response.body());
		assertThat(problem.get("status").asInt()).isEqualTo(status);
		assertThat(problem.get("title").asString()).isNotBlank();
		return problem;
	}

	private HttpResponse<String> chat(String body) throws Exception {
		return post("/api/chat", body);
	}

}
