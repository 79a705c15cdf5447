package io.bedrockbinding.pipe;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStart;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockDelta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The events of a stream assemble into the answer Converse would have given. */
class StreamAnswerTests {

	@Test
	void reasoningTextAndToolInputDeltasAssembleIntoTheirBlocks() {
		StreamAnswer answer = new StreamAnswer();
		List<ConverseStreamOutput> events = List.of(
				ConverseStreamOutput.messageStartBuilder().role(ConversationRole.ASSISTANT).build(),
				delta(0, ContentBlockDelta.fromReasoningContent(ReasoningContentBlockDelta.fromText("Paris is "))),
				delta(0, ContentBlockDelta.fromReasoningContent(ReasoningContentBlockDelta.fromText("a city."))),
				delta(0, ContentBlockDelta.fromReasoningContent(ReasoningContentBlockDelta.fromSignature("sig-1"))),
				delta(1, ContentBlockDelta.fromText("Let me ")), delta(1, ContentBlockDelta.fromText("check.")),
				ConverseStreamOutput.contentBlockStartBuilder()
					.contentBlockIndex(2)
					.start(ContentBlockStart.fromToolUse((tool) -> tool.toolUseId("tool-1").name("weather")))
					.build(),
				delta(2, ContentBlockDelta.fromToolUse(ToolUseBlockDelta.builder().input("{\"city\":").build())),
				delta(2, ContentBlockDelta
					.fromToolUse(ToolUseBlockDelta.builder().input("\"Paris\",\"days\":2}").build())),
				ConverseStreamOutput.contentBlockStopBuilder().contentBlockIndex(2).build(),
				ConverseStreamOutput.messageStopBuilder().stopReason(StopReason.TOOL_USE).build(),
				ConverseStreamOutput.metadataBuilder()
					.usage((usage) -> usage.inputTokens(10)
						.outputTokens(5)
						.totalTokens(15)
						.cacheReadInputTokens(7)
						.cacheWriteInputTokens(0))
					.metrics((metrics) -> metrics.latencyMs(42L))
					.build());
		events.forEach(answer::accept);

		ConverseResponse response = answer.response();

		List<ContentBlock> content = response.output().message().content();
		assertThat(content).hasSize(3);
		assertThat(content.get(0).reasoningContent().reasoningText().text()).isEqualTo("Paris is a city.");
		assertThat(content.get(0).reasoningContent().reasoningText().signature()).isEqualTo("sig-1");
		assertThat(content.get(1).text()).isEqualTo("Let me check.");
		assertThat(content.get(2).toolUse().toolUseId()).isEqualTo("tool-1");
		assertThat(content.get(2).toolUse().name()).isEqualTo("weather");
		assertThat(PipeJson.toJson(content.get(2).toolUse().input())).isEqualTo("{\"city\":\"Paris\",\"days\":2}");
		assertThat(response.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(TokenUsage.of(response.usage())).isEqualTo(new TokenUsage(10, 5, 15, 7, 0));
		assertThat(response.metrics().latencyMs()).isEqualTo(42L);
		assertThat(answer.sawMessage()).isTrue();
	}

	@Test
	void aToolUseWithoutInputHasAnEmptyObject() {
		StreamAnswer answer = new StreamAnswer();
		answer.accept(ConverseStreamOutput.contentBlockStartBuilder()
			.contentBlockIndex(0)
			.start(ContentBlockStart.fromToolUse((tool) -> tool.toolUseId("t").name("now")))
			.build());

		assertThat(PipeJson.toJson(answer.response().output().message().content().get(0).toolUse().input()))
			.isEqualTo("{}");
		assertThat(answer.sawMessage()).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "tool_use, false, the input of tool use t (weather) that its deltas joined into is not JSON",
			"max_tokens, true, 'the answer stopped at max_tokens inside tool use t (weather), whose input is cut short'" })
	void toolInputThatIsNoJsonIsRefusedSayingWhetherTheTokenLimitCutIt(String stopReason, boolean cutOff,
			String message) {
		StreamAnswer answer = new StreamAnswer();
		answer.accept(ConverseStreamOutput.contentBlockStartBuilder()
			.contentBlockIndex(0)
			.start(ContentBlockStart.fromToolUse((tool) -> tool.toolUseId("t").name("weather")))
			.build());
		answer.accept(delta(0, ContentBlockDelta.fromToolUse(ToolUseBlockDelta.builder().input("{\"city\":").build())));
		answer.accept(ConverseStreamOutput.messageStopBuilder().stopReason(stopReason).build());

		StreamAnswer.MalformedToolInput failure = catchThrowableOfType(StreamAnswer.MalformedToolInput.class,
				answer::response);

		assertThat(failure).as("the answer should have been refused").isNotNull();
		assertThat(failure.cutOff()).isEqualTo(cutOff);
		assertThat(failure.getMessage()).startsWith(message);
	}

	private static ConverseStreamOutput delta(int index, ContentBlockDelta delta) {
		return ConverseStreamOutput.contentBlockDeltaBuilder().contentBlockIndex(index).delta(delta).build();
	}

}
