package io.bedrockbinding.emulator;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reasoning content for models that reason; refused on models that do not. */
class ConverseReasoningTests {

	private static final String SONNET_37 = "us.anthropic.claude-3-7-sonnet-20250219-v1:0";

	private static final Document THINKING = Document.mapBuilder()
		.putDocument("thinking",
				Document.mapBuilder().putString("type", "enabled").putNumber("budget_tokens", 1024).build())
		.build();

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	@RegisterExtension
	static final NoRetryRuntimeClient client = new NoRetryRuntimeClient(bedrock);

	@Test
	void thinkingAddsASignedReasoningBlockBeforeTheAnswer() {
		ConverseResponse response = client.get()
			.converse((request) -> request.modelId(SONNET_37)
				.messages(ConverseToolTests.user("Why is the sky blue?"))
				.additionalModelRequestFields(THINKING));

		List<ContentBlock> content = response.output().message().content();
		ReasoningTextBlock reasoning = content.get(0).reasoningContent().reasoningText();
		assertThat(reasoning.text()).contains("Why is the sky blue?");
		assertThat(reasoning.signature()).isEqualTo(Reasoning.signature(reasoning.text()));
		assertThat(content.get(1).text()).endsWith("You said: Why is the sky blue?");
	}

	@Test
	void withoutThinkingThereIsNoReasoning() {
		ConverseResponse response = client.get()
			.converse((request) -> request.modelId(SONNET_37).messages(ConverseToolTests.user("Hi")));

		assertThat(response.output().message().content()).singleElement()
			.satisfies((block) -> assertThat(block.reasoningContent()).isNull());
	}

	@Test
	void deepSeekR1AlwaysReasons() {
		ConverseResponse response = client.get()
			.converse((request) -> request.modelId("us.deepseek.r1-v1:0").messages(ConverseToolTests.user("2+2?")));

		assertThat(response.output().message().content().get(0).reasoningContent()).isNotNull();
	}

	@Test
	void aStreamSendsReasoningDeltasThenTheSignatureThenTheText() {
		StreamRecording stream = StreamRecording.of(client.async(),
				ConverseStreamRequest.builder()
					.modelId(SONNET_37)
					.messages(ConverseToolTests.user("Why is the sky blue?"))
					.additionalModelRequestFields(THINKING)
					.build());

		List<ContentBlockDeltaEvent> reasoning = stream.deltas(0);
		assertThat(reasoning).hasSizeGreaterThan(2);
		String text = reasoning.stream()
			.map((delta) -> delta.delta().reasoningContent().text())
			.filter((part) -> part != null)
			.reduce("", String::concat);
		assertThat(reasoning.get(reasoning.size() - 1).delta().reasoningContent().signature())
			.isEqualTo(Reasoning.signature(text));
		assertThat(stream.text(1)).endsWith("You said: Why is the sky blue?");
	}

	@Test
	void reasoningKeptAcrossAToolTurnIsAccepted() {
		Message question = ConverseToolTests.user("Use weather for Paris");
		ConverseResponse first = client.get().converse(thinkingTools(question));
		Message assistant = first.output().message();
		String id = assistant.content().get(2).toolUse().toolUseId();

		ConverseResponse second = client.get()
			.converse(thinkingTools(question, assistant,
					ConverseToolTests.result(id, "Sunny", ToolResultStatus.SUCCESS)));

		assertThat(assistant.content().get(0).reasoningContent()).isNotNull();
		assertThat(second.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(bedrock.get().journal("Converse").get(1).converse().reasoningBlocks()).isEqualTo(1);
	}

	@Test
	void reasoningDroppedFromAToolTurnIsRefusedAsClaudeRefusesIt() {
		Message question = ConverseToolTests.user("Use weather for Paris");
		Message assistant = client.get().converse(thinkingTools(question)).output().message();
		Message withoutReasoning = assistant.toBuilder().content(assistant.content().subList(1, 3)).build();
		String id = assistant.content().get(2).toolUse().toolUseId();

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> client.get()
				.converse(thinkingTools(question, withoutReasoning,
						ConverseToolTests.result(id, "Sunny", ToolResultStatus.SUCCESS))))
			.withMessageContaining("messages.1.content.0.type: Expected `thinking` or `redacted_thinking`, but found "
					+ "`text`. When `thinking` is enabled, a final `assistant` message must start with a thinking block");
	}

	@Test
	void alteredReasoningIsRefused() {
		Message question = ConverseToolTests.user("Use weather for Paris");
		Message assistant = client.get().converse(thinkingTools(question)).output().message();
		ContentBlock altered = ContentBlock
			.fromReasoningContent(ReasoningContentBlock.fromReasoningText(assistant.content()
				.get(0)
				.reasoningContent()
				.reasoningText()
				.toBuilder()
				.text("something else")
				.build()));
		Message tampered = assistant.toBuilder()
			.content(altered, assistant.content().get(1), assistant.content().get(2))
			.build();
		String id = assistant.content().get(2).toolUse().toolUseId();

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> client.get()
				.converse(thinkingTools(question, tampered,
						ConverseToolTests.result(id, "Sunny", ToolResultStatus.SUCCESS))))
			.withMessageContaining("does not match its text");
	}

	@Test
	void thinkingOnAModelWithoutReasoningIsRefused() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> client.get()
				.converse((request) -> request.modelId("anthropic.claude-3-haiku-20240307-v1:0")
					.messages(ConverseToolTests.user("Hi"))
					.additionalModelRequestFields(THINKING)))
			.withMessageStartingWith(Reasoning.NO_THINKING);
	}

	private static ConverseRequest thinkingTools(Message... messages) {
		return ConverseRequest.builder()
			.modelId(SONNET_37)
			.messages(messages)
			.toolConfig(ConverseToolTests.tools(null, ConverseToolTests.WEATHER))
			.additionalModelRequestFields(THINKING)
			.build();
	}

}
