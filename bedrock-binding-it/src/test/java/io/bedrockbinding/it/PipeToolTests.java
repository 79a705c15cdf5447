package io.bedrockbinding.it;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.Content;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeJson;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.PipeTool;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultStatus;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Tools through the pipe against LocalBedrock: Java tools run in a loop until the model
 * ends its turn (their failures sent back as error results), SDK tools hand the tool use
 * to the caller, and streams assemble tool input from its deltas.
 */
class PipeToolTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	@ParameterizedTest
	@EnumSource(ToolPath.class)
	void theToolLoopRunsTheJavaToolAndSendsItsResultBack(ToolPath path) {
		List<City> asked = new CopyOnWriteArrayList<>();
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", City.class, (city) -> {
			asked.add(city);
			return "Sunny, 21 C in " + city.city();
		});
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.HAIKU).withTool(weather);

		PipeResult result = path.call(pipe, "What is the weather in Paris?");

		assertThat(asked).hasSize(1);
		assertThat(result.toolRounds()).isEqualTo(1);
		assertThat(result.stopReason()).isEqualTo("end_turn");
		assertThat(result.text()).contains("Sunny, 21 C in " + asked.get(0).city());
		List<Message> conversation = result.conversation();
		assertThat(conversation).extracting(Message::role)
			.containsExactly(ConversationRole.USER, ConversationRole.ASSISTANT, ConversationRole.USER,
					ConversationRole.ASSISTANT);
		ToolUseBlock use = toolUse(conversation.get(1));
		assertThat(use.name()).isEqualTo("weather");
		assertThat(PipeJson.toNode(use.input()).get("city").asString()).isEqualTo(asked.get(0).city());
		List<JournalEntry> calls = bedrock.get().journal(path.api());
		assertThat(calls).hasSize(2);
		JsonNode toolResult = Fixture.body(calls.get(1))
			.path("messages")
			.get(2)
			.path("content")
			.get(0)
			.path("toolResult");
		assertThat(toolResult.path("toolUseId").asString()).isEqualTo(use.toolUseId());
		assertThat(toolResult.path("status").asString()).isEqualTo("success");
		assertThat(toolResult.path("content").get(0).path("text").asString()).startsWith("Sunny, 21 C in ");
	}

	@ParameterizedTest
	@EnumSource(ToolPath.class)
	void aToolThatThrowsGoesBackToTheModelAsAnErrorResult(ToolPath path) {
		PipeTool broken = PipeTool.of("weather", "Today's weather in a city", City.class, (city) -> {
			throw new IllegalStateException("The weather service is down");
		});
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.HAIKU).withTool(broken);

		PipeResult result = path.call(pipe, "What is the weather in Paris?");

		assertThat(result.toolRounds()).isEqualTo(1);
		assertThat(result.text()).contains("The weather service is down");
		JsonNode toolResult = Fixture.body(bedrock.get().journal(path.api()).get(1))
			.path("messages")
			.get(2)
			.path("content")
			.get(0)
			.path("toolResult");
		assertThat(toolResult.path("status").asString()).isEqualTo("error");
		assertThat(toolResult.path("content").get(0).path("text").asString()).isEqualTo("The weather service is down");
		assertThat(result.conversation().get(2).content().get(0).toolResult().status())
			.isEqualTo(ToolResultStatus.ERROR);
	}

	@Test
	void aStreamedToolLoopHandsEveryEventOverInOrderRoundAfterRound() throws Exception {
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", City.class,
				(city) -> "Rain in " + city.city());
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.HAIKU).withTool(weather);
		List<ConverseStreamOutput> events = new CopyOnWriteArrayList<>();

		PipeResult result = pipe.stream(List.of(Content.user("Weather in Oslo?")), events::add).get();

		List<String> kinds = new ArrayList<>();
		for (ConverseStreamOutput event : events) {
			if (event instanceof MessageStartEvent) {
				kinds.add("start");
			}
			else if (event instanceof ContentBlockStartEvent start && start.start().toolUse() != null) {
				kinds.add("tool:" + start.start().toolUse().name());
			}
			else if (event instanceof MessageStopEvent stop) {
				kinds.add("stop:" + stop.stopReasonAsString());
			}
		}
		assertThat(kinds).containsExactly("start", "tool:weather", "stop:tool_use", "start", "stop:end_turn");
		String input = events.stream()
			.filter((event) -> event instanceof ContentBlockDeltaEvent delta && delta.delta().toolUse() != null)
			.map((event) -> ((ContentBlockDeltaEvent) event).delta().toolUse().input())
			.reduce("", String::concat);
		assertThat(PipeJson.fromJson(input)).isEqualTo(toolUse(result.conversation().get(1)).input());
		assertThat(result.text()).contains("Rain in ");
	}

	@Test
	void aStreamedToolUseCutOffByMaxTokensFailsWithTheFixInsteadOfRunningTheTool() {
		List<City> asked = new CopyOnWriteArrayList<>();
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", City.class, (city) -> {
			asked.add(city);
			return "Rain";
		});
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.HAIKU).withTool(weather);
		// the input JSON lacks its closing brace; the stop reason is max_tokens
		bedrock.faults().cutNextToolUse();

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> CallPath.await(pipe.stream(List.of(Content.user("Weather in Oslo?")), (event) -> {
				})));

		assertThat(failure).as("the call should have failed").isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.MALFORMED_RESPONSE);
		assertThat(failure.getMessage())
			.startsWith("Bedrock's answer could not be read: the answer stopped at max_tokens inside tool use tooluse_")
			.contains("(weather), whose input is cut short");
		assertThat(failure.requestId()).isNotBlank();
		assertThat(failure.fix()).isEqualTo("raise maxTokens (withMaxTokens) so that the tool use fits in the answer");
		// no tool ran on an input that could not be read
		assertThat(asked).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(ToolPath.class)
	void sdkToolsHandTheToolUseToTheCallerWhoAnswersIt(ToolPath path) {
		Tool weather = Tool.fromToolSpec((spec) -> spec.name("weather")
			.description("Today's weather in a city")
			.inputSchema((schema) -> schema.json(PipeJson.fromJson(
					"{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"},\"days\":{\"type\":\"integer\"}},"
							+ "\"required\":[\"city\",\"days\"]}"))));
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.HAIKU).with((o) -> o.tools(List.of(weather)));

		PipeResult asked = path.call(pipe, "Weather in Lima for two days?");

		assertThat(asked.stopReason()).isEqualTo("tool_use");
		assertThat(asked.toolRounds()).isZero();
		assertThat(asked.toolUses()).hasSize(1);
		ToolUseBlock use = asked.toolUses().get(0);
		assertThat(use.name()).isEqualTo("weather");
		assertThat(use.toolUseId()).isNotBlank();
		JsonNode input = PipeJson.toNode(use.input());
		assertThat(input.get("city").isString()).isTrue();
		assertThat(input.get("days").isIntegralNumber()).isTrue();

		List<Message> next = new ArrayList<>(asked.conversation());
		next.add(Content.user(ContentBlock.fromToolResult((result) -> result.toolUseId(use.toolUseId())
			.content((content) -> content.json(PipeJson.fromJson("{\"forecast\":\"fog\"}"))))));
		PipeResult answered = path.call(pipe, next);

		assertThat(answered.stopReason()).isEqualTo("end_turn");
		assertThat(answered.text()).contains("fog");
	}

	@ParameterizedTest
	@EnumSource(ToolPath.class)
	void aQuestionNamingTwoToolsTakesTwoRounds(ToolPath path) {
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", City.class,
				(city) -> "Sunny in " + city.city());
		PipeTool time = PipeTool.of("time", "The local time in a city", City.class, (city) -> Map.of("time", "14:05"));
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.HAIKU).withTool(weather).withTool(time);

		PipeResult result = path.call(pipe, "Use weather and time for city=Paris");

		assertThat(result.toolRounds()).isEqualTo(2);
		assertThat(result.stopReason()).isEqualTo("end_turn");
		assertThat(result.conversation()).hasSize(6);
		assertThat(toolUse(result.conversation().get(1)).name()).isEqualTo("weather");
		assertThat(toolUse(result.conversation().get(3)).name()).isEqualTo("time");
		assertThat(result.conversation().get(2).content().get(0).toolResult().content().get(0).text())
			.isEqualTo("Sunny in Paris");
		assertThat(result.text()).contains("14:05");
		assertThat(bedrock.get().journal(path.api())).hasSize(3);
		JsonNode timeResult = Fixture.body(bedrock.get().journal(path.api()).get(2))
			.path("messages")
			.get(4)
			.path("content")
			.get(0)
			.path("toolResult");
		assertThat(timeResult.path("content").get(0).path("json").path("time").asString()).isEqualTo("14:05");
	}

	@ParameterizedTest
	@EnumSource(ToolPath.class)
	void aModelThatKeepsAskingForToolsFailsTheCallAfterTheLimit(ToolPath path) {
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", City.class, (city) -> "Sunny");
		BedrockPipe pipe = this.factories.of("us-east-1")
			.pipe(Fixture.HAIKU)
			.with((o) -> o.tool(weather)
				.maxToolRounds(2)
				.toolChoice(ToolChoice.fromTool((tool) -> tool.name("weather"))));

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> path.call(pipe, "Weather?"))
			.satisfies((failure) -> assertThat(failure.reason()).isEqualTo(FailureReason.TOOL_ROUNDS_EXCEEDED))
			.withMessageContaining("The model still asks for [weather] after 2 tool rounds")
			.withMessageContaining("raise maxToolRounds (now 2)");
		assertThat(bedrock.get().journal(path.api())).hasSize(3);
	}

	@ParameterizedTest
	@EnumSource(BindingKind.class)
	void everyRoundOfAToolLoopGoesToTheBoundTarget(BindingKind kind) {
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", City.class,
				(city) -> "Snow in " + city.city());
		BedrockPipe pipe = this.factories.of(kind.registry()).pipe(Fixture.HAIKU).withTool(weather);

		PipeResult result = pipe.execute("Weather in Bern?");

		assertThat(result.toolRounds()).isEqualTo(1);
		assertThat(result.invokedTarget()).isEqualTo(kind.target);
		assertThat(result.targetKind()).isEqualTo(kind.kind);
		assertThat(result.region()).isEqualTo(kind.region);
		assertThat(bedrock.get().journal("Converse")).hasSize(2).allSatisfy((call) -> {
			assertThat(call.modelId()).isEqualTo(kind.target);
			assertThat(call.region()).isEqualTo(kind.region);
			assertThat(call.status()).isEqualTo(200);
		});
		assertThat(result.text()).contains("Snow in ");
	}

	private static ToolUseBlock toolUse(Message message) {
		return message.content()
			.stream()
			.map(ContentBlock::toolUse)
			.filter((use) -> use != null)
			.findFirst()
			.orElseThrow();
	}

	/** The ways a call with tools can go, and the API each journals. */
	enum ToolPath {

		EXECUTE("Converse") {
			@Override
			PipeResult call(BedrockPipe pipe, List<Message> messages) {
				return pipe.execute(messages);
			}
		},

		EXECUTE_ASYNC("Converse") {
			@Override
			PipeResult call(BedrockPipe pipe, List<Message> messages) {
				return CallPath.await(pipe.executeAsync(messages));
			}
		},

		STREAM("ConverseStream") {
			@Override
			PipeResult call(BedrockPipe pipe, List<Message> messages) {
				return CallPath.await(pipe.stream(messages, (event) -> {
				}));
			}
		};

		private final String api;

		ToolPath(String api) {
			this.api = api;
		}

		abstract PipeResult call(BedrockPipe pipe, List<Message> messages);

		PipeResult call(BedrockPipe pipe, String prompt) {
			return call(pipe, List.of(Content.user(prompt)));
		}

		String api() {
			return this.api;
		}

	}

	/** The binding kinds, each with the target and region the journal must show. */
	enum BindingKind {

		DIRECT(Fixture.HAIKU, TargetKind.DIRECT, "us-east-1"),

		SYSTEM_PROFILE("us.anthropic.claude-3-haiku-20240307-v1:0", TargetKind.SYSTEM_PROFILE, "us-east-1"),

		ARN_IN_ANOTHER_REGION(
				"arn:aws:bedrock:us-west-2:" + Fixture.ACCOUNT
						+ ":inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0",
				TargetKind.PROFILE_ARN, "us-west-2");

		final String target;

		final TargetKind kind;

		final String region;

		BindingKind(String target, TargetKind kind, String region) {
			this.target = target;
			this.kind = kind;
			this.region = region;
		}

		BindingRegistry registry() {
			BindingRegistry registry = Fixture.directRegistry("us-east-1");
			if (this != DIRECT) {
				registry.bind(Fixture.HAIKU, this.target);
			}
			return registry;
		}

	}

	record City(String city) {
	}

}
