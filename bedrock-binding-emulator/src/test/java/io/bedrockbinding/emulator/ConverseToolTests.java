package io.bedrockbinding.emulator;

import java.util.List;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput.EventType;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tool use through the real SDK clients: the tool the question names is called with
 * schema-valid input, its result is quoted, tool choice forces a call, streams send the
 * input in several deltas, models without tool use refuse tools.
 */
class ConverseToolTests {

	private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	static final Tool WEATHER = tool("weather",
			Document.mapBuilder()
				.putDocument("city", type("string"))
				.putDocument("days", type("integer"))
				.putDocument("unit",
						Document.mapBuilder()
							.putString("type", "string")
							.putList("enum", (list) -> list.addString("celsius").addString("fahrenheit"))
							.build())
				.putDocument("alerts", type("boolean"))
				.build(),
			List.of("city", "days", "unit", "alerts"));

	static final Tool CLOCK = tool("clock", Document.mapBuilder().putDocument("zone", type("string")).build(),
			List.of("zone"));

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	@RegisterExtension
	static final NoRetryRuntimeClient client = new NoRetryRuntimeClient(bedrock);

	@Test
	void theToolTheQuestionNamesIsCalledWithInputFromTheQuestionAndTypedDefaults() {
		Message question = user("What is the weather in city=Paris unit: fahrenheit?");

		ConverseResponse first = converse(tools(ToolChoice.fromAuto((auto) -> {
		}), CLOCK, WEATHER), question);

		assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);
		List<ContentBlock> content = first.output().message().content();
		assertThat(content).hasSize(2);
		assertThat(content.get(0).text()).isEqualTo("Calling weather.");
		ToolUseBlock call = content.get(1).toolUse();
		assertThat(call.name()).isEqualTo("weather");
		assertThat(call.toolUseId()).startsWith("tooluse_");
		assertThat(call.input().asMap()).containsOnlyKeys("city", "days", "unit", "alerts");
		assertThat(call.input().asMap().get("city").asString()).isEqualTo("Paris");
		assertThat(call.input().asMap().get("days").asNumber().intValue()).isEqualTo(1);
		assertThat(call.input().asMap().get("unit").asString()).isEqualTo("fahrenheit");
		assertThat(call.input().asMap().get("alerts").asBoolean()).isTrue();
	}

	@Test
	void aToolResultIsAnsweredWithTextThatQuotesIt() {
		Message question = user("Weather in Paris?");
		ToolConfiguration tools = tools(null, WEATHER);
		ConverseResponse first = converse(tools, question);
		ToolUseBlock call = first.output().message().content().get(1).toolUse();

		ConverseResponse second = converse(tools, question, first.output().message(),
				result(call.toolUseId(), "Sunny, 24 C", ToolResultStatus.SUCCESS));

		assertThat(second.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(second.output().message().content()).singleElement()
			.satisfies((block) -> assertThat(block.text())
				.isEqualTo("[" + HAIKU + "] Tool weather returned: Sunny, 24 C"));
		ConverseRecord record = bedrock.get().journal("Converse").get(1).converse();
		assertThat(record.toolResults()).isEqualTo(1);
		assertThat(record.toolUses()).isEqualTo(1);
		assertThat(record.tools()).containsExactly("weather");
	}

	@Test
	void aResultWithAnImageNamesTheImage() {
		Message question = user("Weather in Paris?");
		ToolConfiguration tools = tools(null, WEATHER);
		ConverseResponse first = converse(tools, question);
		String id = first.output().message().content().get(1).toolUse().toolUseId();
		Message result = Message.builder()
			.role(ConversationRole.USER)
			.content(ContentBlock.fromToolResult(ToolResultBlock.builder()
				.toolUseId(id)
				.content(ToolResultContentBlock.fromText("a map: "),
						ToolResultContentBlock.fromImage((image) -> image.format("png")
							.source((source) -> source
								.bytes(software.amazon.awssdk.core.SdkBytes.fromByteArray(new byte[] { 1 })))))
				.build()))
			.build();

		ConverseResponse second = converse(tools, question, first.output().message(), result);

		assertThat(second.output().message().content().get(0).text()).endsWith("Tool weather returned: a map: (image)");
	}

	@Test
	void anErrorResultIsQuotedAsAnError() {
		Message question = user("Weather in Paris?");
		ToolConfiguration tools = tools(null, WEATHER);
		ConverseResponse first = converse(tools, question);
		ToolUseBlock call = first.output().message().content().get(1).toolUse();

		ConverseResponse second = converse(tools, question, first.output().message(),
				result(call.toolUseId(), "station offline", ToolResultStatus.ERROR));

		assertThat(second.output().message().content().get(0).text())
			.isEqualTo("[" + HAIKU + "] Tool weather failed: station offline");
		assertThat(bedrock.get().journal("Converse").get(1).converse().errorToolResults()).isEqualTo(1);
	}

	@Test
	void aQuestionThatNamesTwoToolsGetsTwoRoundsThenTheAnswer() {
		Message question = user("Check the clock in zone=UTC, then the weather.");
		ToolConfiguration tools = tools(null, WEATHER, CLOCK);
		ConverseResponse first = converse(tools, question);
		ToolUseBlock clock = first.output().message().content().get(1).toolUse();
		Message clockResult = result(clock.toolUseId(), "12:00", ToolResultStatus.SUCCESS);
		ConverseResponse second = converse(tools, question, first.output().message(), clockResult);
		ToolUseBlock weather = second.output().message().content().get(1).toolUse();
		ConverseResponse third = converse(tools, question, first.output().message(), clockResult,
				second.output().message(), result(weather.toolUseId(), "Rain", ToolResultStatus.SUCCESS));

		assertThat(clock.name()).isEqualTo("clock");
		assertThat(clock.input().asMap().get("zone").asString()).isEqualTo("UTC");
		assertThat(second.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(weather.name()).isEqualTo("weather");
		assertThat(third.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(third.output().message().content().get(0).text()).endsWith("Tool weather returned: Rain");
	}

	@Test
	void toolUseIdsComeFromTheConversation() {
		ToolConfiguration tools = tools(ToolChoice.fromAny((any) -> {
		}), WEATHER);
		Message question = user("Weather?");
		ToolUseBlock first = converse(tools, question).output().message().content().get(1).toolUse();
		ToolUseBlock again = converse(tools, question).output().message().content().get(1).toolUse();
		Message assistant = converse(tools, question).output().message();
		ToolUseBlock next = converse(tools, question, assistant,
				result(first.toolUseId(), "x", ToolResultStatus.SUCCESS))
			.output()
			.message()
			.content()
			.get(1)
			.toolUse();

		assertThat(first.toolUseId()).matches("tooluse_[A-Za-z0-9_-]{22}");
		assertThat(again.toolUseId()).isEqualTo(first.toolUseId());
		assertThat(next.toolUseId()).isNotEqualTo(first.toolUseId());
	}

	@Test
	void withoutANamedToolTheModelAnswersInText() {
		ConverseResponse response = converse(tools(null, WEATHER), user("Tell me a joke"));

		assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(response.output().message().content()).singleElement()
			.satisfies((block) -> assertThat(block.text()).isEqualTo("[" + HAIKU + "] You said: Tell me a joke"));
	}

	@Test
	void toolChoiceAnyCallsTheFirstToolAndKeepsCallingAfterResults() {
		ToolConfiguration tools = tools(ToolChoice.fromAny((any) -> {
		}), CLOCK, WEATHER);
		Message question = user("Tell me a joke");
		ConverseResponse first = converse(tools, question);
		ToolUseBlock call = first.output().message().content().get(1).toolUse();
		ConverseResponse second = converse(tools, question, first.output().message(),
				result(call.toolUseId(), "ha", ToolResultStatus.SUCCESS));

		assertThat(call.name()).isEqualTo("clock");
		assertThat(second.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(bedrock.get().journal("Converse").get(0).converse().toolChoice()).isEqualTo("any");
	}

	@Test
	void toolChoiceToolForcesThatTool() {
		ConverseResponse response = converse(tools(ToolChoice.fromTool((tool) -> tool.name("weather")), CLOCK, WEATHER),
				user("What time is it on the clock?"));

		assertThat(response.output().message().content().get(1).toolUse().name()).isEqualTo("weather");
		assertThat(bedrock.get().journal("Converse").get(0).converse().toolChoice()).isEqualTo("tool:weather");
	}

	@Test
	void streamSendsTheToolCallAsAStartAndSeveralInputDeltas() {
		StreamRecording stream = StreamRecording.of(client.async(),
				ConverseStreamRequest.builder()
					.modelId(HAIKU)
					.messages(user("weather for city=\"New York\"?"))
					.toolConfig(tools(null, WEATHER))
					.build());

		assertThat(stream.error.get()).isNull();
		assertThat(stream.text(0)).isEqualTo("Calling weather.");
		assertThat(stream.start().contentBlockIndex()).isEqualTo(1);
		assertThat(stream.start().start().toolUse().name()).isEqualTo("weather");
		assertThat(stream.start().start().toolUse().toolUseId()).startsWith("tooluse_");
		List<ContentBlockDeltaEvent> inputs = stream.deltas(1);
		assertThat(inputs).hasSizeGreaterThan(2);
		String input = inputs.stream().map((delta) -> delta.delta().toolUse().input()).collect(Collectors.joining());
		assertThat(input).isEqualTo("{\"city\":\"New York\",\"days\":1,\"unit\":\"celsius\",\"alerts\":true}");
		assertThat(stream.types().get(stream.types().size() - 3)).isEqualTo(EventType.CONTENT_BLOCK_STOP);
		assertThat(stream.types()).containsSubsequence(EventType.MESSAGE_START, EventType.CONTENT_BLOCK_DELTA,
				EventType.CONTENT_BLOCK_STOP, EventType.CONTENT_BLOCK_START, EventType.CONTENT_BLOCK_DELTA,
				EventType.CONTENT_BLOCK_STOP, EventType.MESSAGE_STOP, EventType.METADATA);
		assertThat(stream.stopReason()).isEqualTo("tool_use");
	}

	@Test
	void theAsyncClientGetsTheSameToolCall() {
		ConverseRequest request = ConverseRequest.builder()
			.modelId(HAIKU)
			.messages(user("weather in city=Oslo"))
			.toolConfig(tools(null, WEATHER))
			.build();

		ConverseResponse viaAsync = client.async().converse(request).join();

		assertThat(viaAsync.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(viaAsync.output().message().content().get(1).toolUse())
			.isEqualTo(client.get().converse(request).output().message().content().get(1).toolUse());
	}

	@Test
	void streamAnswersAToolResultWithText() {
		ToolConfiguration tools = tools(null, WEATHER);
		Message question = user("Weather?");
		ConverseResponse first = converse(tools, question);
		ToolUseBlock call = first.output().message().content().get(1).toolUse();

		StreamRecording stream = StreamRecording.of(client.async(), ConverseStreamRequest.builder()
			.modelId(HAIKU)
			.messages(question, first.output().message(), result(call.toolUseId(), "Sunny", ToolResultStatus.SUCCESS))
			.toolConfig(tools)
			.build());

		assertThat(stream.text(0)).isEqualTo("[" + HAIKU + "] Tool weather returned: Sunny");
		assertThat(stream.stopReason()).isEqualTo("end_turn");
	}

	@Test
	void modelsWithoutToolUseRefuseTools() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> client.get()
				.converse(ConverseRequest.builder()
					.modelId("amazon.titan-text-express-v1")
					.messages(user("weather?"))
					.toolConfig(tools(null, WEATHER))
					.build()))
			.withMessageStartingWith("This model doesn't support tool use.");
	}

	@Test
	void toolBlocksWithoutToolConfigAreRefused() {
		Message question = user("Weather?");
		ConverseResponse first = converse(tools(null, WEATHER), question);

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> client.get()
				.converse((request) -> request.modelId(HAIKU)
					.messages(question, first.output().message(),
							result(first.output().message().content().get(1).toolUse().toolUseId(), "x",
									ToolResultStatus.SUCCESS))))
			.withMessageStartingWith("The toolConfig field must be defined when using toolUse and toolResult");
	}

	private static ConverseResponse converse(ToolConfiguration tools, Message... messages) {
		return client.get().converse((request) -> request.modelId(HAIKU).messages(messages).toolConfig(tools));
	}

	static ToolConfiguration tools(ToolChoice choice, Tool... tools) {
		return ToolConfiguration.builder().tools(tools).toolChoice(choice).build();
	}

	static Message user(String text) {
		return Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(text)).build();
	}

	static Message result(String toolUseId, String text, ToolResultStatus status) {
		return Message.builder()
			.role(ConversationRole.USER)
			.content(ContentBlock.fromToolResult(ToolResultBlock.builder()
				.toolUseId(toolUseId)
				.status(status)
				.content(ToolResultContentBlock.fromText(text))
				.build()))
			.build();
	}

	private static Document type(String type) {
		return Document.mapBuilder().putString("type", type).build();
	}

	private static Tool tool(String name, Document properties, List<String> required) {
		Document schema = Document.mapBuilder()
			.putString("type", "object")
			.putDocument("properties", properties)
			.putList("required", (list) -> required.forEach(list::addString))
			.build();
		return Tool.fromToolSpec((spec) -> spec.name(name).inputSchema((input) -> input.json(schema)));
	}

}
