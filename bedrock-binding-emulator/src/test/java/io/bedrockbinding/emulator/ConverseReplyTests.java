package io.bedrockbinding.emulator;

import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The Converse body of an answer, with the trace parts other features add. */
class ConverseReplyTests {

	@Test
	void withTraceAddsAPartAndKeepsTheOthers() {
		ConverseReply blocked = new ConverseReply(List.of(new ConverseReply.Block.Text("no")), Guardrails.INTERVENED,
				new ConverseReply.Usage(3, 0, null, null),
				Guardrails.inputTrace(new LocalGuardrail("gr1", "1"), "secret"), Json.newObject());
		ObjectNode router = Json.newObject().put("invokedModelId", "arn:aws:bedrock:us-east-1::foundation-model/x");

		ObjectNode json = blocked.withTrace("promptRouter", router).json(1);

		assertThat(json.path("trace").path("promptRouter").path("invokedModelId").stringValue())
			.isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/x");
		assertThat(json.path("trace").path("guardrail").path("inputAssessment").has("gr1")).isTrue();
		assertThat(blocked.json(1).path("trace").has("promptRouter")).isFalse();
		assertThat(json.path("usage").path("totalTokens").intValue()).isEqualTo(3);
	}

}
