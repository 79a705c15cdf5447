package io.bedrockbinding.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import static org.assertj.core.api.Assertions.assertThat;

/** A Converse request with tools gets a tool call; the tool's result gets an answer. */
class ConverseToolTests {

	private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	private static final Tool WEATHER = Tool
		.fromToolSpec(
				(spec) -> spec.name("weather")
					.inputSchema(
							(schema) -> schema.json(Document.mapBuilder()
								.putString("type", "object")
								.putDocument("properties", Document.mapBuilder()
									.putDocument("city", Document.mapBuilder().putString("type", "string").build())
									.putDocument("days", Document.mapBuilder().putString("type", "integer").build())
									.build())
								.putList("required", (list) -> list.addString("city").addString("days"))
								.build())));

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	static final NoRetryRuntimeClient client = new NoRetryRuntimeClient(bedrock);

	@Test
	void aModelWithToolsCallsTheFirstAndAnswersItsResult() {
		Message question = Message.builder()
			.role(ConversationRole.USER)
			.content(ContentBlock.fromText("Weather in Paris?"))
			.build();
		ConverseResponse first = client.get()
			.converse(
					(request) -> request.modelId(HAIKU).messages(question).toolConfig((tools) -> tools.tools(WEATHER)));
		ToolUseBlock call = first.output()
			.message()
			.content()
			.stream()
			.map(ContentBlock::toolUse)
			.filter((block) -> block != null)
			.findFirst()
			.orElseThrow();
		Message result = Message.builder()
			.role(ConversationRole.USER)
			.content(ContentBlock.fromToolResult(ToolResultBlock.builder()
				.toolUseId(call.toolUseId())
				.content(ToolResultContentBlock.fromText("Sunny"))
				.build()))
			.build();
		ConverseResponse second = client.get()
			.converse((request) -> request.modelId(HAIKU)
				.messages(question, first.output().message(), result)
				.toolConfig((tools) -> tools.tools(WEATHER)));

		assertThat(first.stopReason()).isEqualTo(StopReason.TOOL_USE);
		assertThat(call.name()).isEqualTo("weather");
		assertThat(call.input().asMap()).containsOnlyKeys("city", "days");
		assertThat(call.input().asMap().get("days").asNumber().intValue()).isEqualTo(1);
		assertThat(second.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(second.output().message().content().get(0).text()).endsWith("You said: Sunny");
	}

}
