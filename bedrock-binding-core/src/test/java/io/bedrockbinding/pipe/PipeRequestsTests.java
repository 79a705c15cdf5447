package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTrace;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfigLatency;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.PromptVariableValues;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceTier;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceTierType;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolChoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** One builder makes the Converse request, and ConverseStream sends the same. */
class PipeRequestsTests {

	@Test
	void aNullPromptIsRefusedBeforeAnythingIsBuilt() {
		assertThatNullPointerException().isThrownBy(() -> Content.user((String) null))
			.withMessage("the prompt (a user message's text) is null");
	}

	private static final PipeTool WEATHER = PipeTool.of("weather", "The weather in a city", City.class,
			(city) -> "sunny in " + city.city());

	private static final PipeOptions EVERYTHING = PipeOptions.builder()
		.system(List.of(SystemContentBlock.fromText("Be brief."),
				SystemContentBlock.fromCachePoint(Content.cachePoint())))
		.temperature(0.5)
		.topP(0.9)
		.maxTokens(300)
		.stopSequences(List.of("END"))
		.messages(List.of(Content.user("Hi"), Content.assistant("Hello")))
		.tools(List.of(Tool.fromCachePoint(Content.cachePoint())))
		.tool(WEATHER)
		.toolChoice(ToolChoice.fromTool((tool) -> tool.name("weather")))
		.guardrailConfig(GuardrailConfiguration.builder()
			.guardrailIdentifier("gr-1")
			.guardrailVersion("DRAFT")
			.trace(GuardrailTrace.ENABLED)
			.build())
		.outputConfig(PipeSchemas.outputConfig(City.class))
		.performanceConfig(PerformanceConfiguration.builder().latency(PerformanceConfigLatency.OPTIMIZED).build())
		.serviceTier(ServiceTier.builder().type(ServiceTierType.PRIORITY).build())
		.requestMetadata(Map.of("team", "search"))
		.modelFields(Map.of("top_k", 5))
		.additionalModelResponseFieldPaths(List.of("/stop_sequence"))
		.timeout(Duration.ofSeconds(7))
		.request((request) -> request.promptVariables(Map.of("topic", PipeRequestsTests.text("bedrock"))))
		.build();

	@Test
	void everyOptionReachesTheConverseRequest() {
		PipeRequests requests = new PipeRequests(EVERYTHING);
		ConverseRequest request = requests.converse("us.amazon.nova-pro-v1:0",
				requests.messages(List.of(Content.user("Weather?"))));

		assertThat(request.modelId()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(request.messages()).extracting((message) -> message.content().get(0).text())
			.containsExactly("Hi", "Hello", "Weather?");
		assertThat(request.system()).hasSize(2);
		assertThat(request.system().get(1).cachePoint()).isNotNull();
		assertThat(request.inferenceConfig().temperature()).isEqualTo(0.5f);
		assertThat(request.inferenceConfig().topP()).isEqualTo(0.9f);
		assertThat(request.inferenceConfig().maxTokens()).isEqualTo(300);
		assertThat(request.inferenceConfig().stopSequences()).containsExactly("END");
		assertThat(request.toolConfig().tools()).hasSize(2);
		assertThat(request.toolConfig().tools().get(0).cachePoint()).isNotNull();
		assertThat(request.toolConfig().tools().get(1).toolSpec().name()).isEqualTo("weather");
		assertThat(PipeJson.toJson(request.toolConfig().tools().get(1).toolSpec().inputSchema().json()))
			.isEqualTo("{\"type\":\"object\",\"properties\":{\"city\":{\"type\":\"string\"}},"
					+ "\"required\":[\"city\"],\"additionalProperties\":false}");
		assertThat(request.toolConfig().toolChoice().tool().name()).isEqualTo("weather");
		assertThat(request.guardrailConfig().guardrailIdentifier()).isEqualTo("gr-1");
		assertThat(request.outputConfig().textFormat().structure().jsonSchema().name()).isEqualTo("City");
		assertThat(request.performanceConfig().latency()).isEqualTo(PerformanceConfigLatency.OPTIMIZED);
		assertThat(request.serviceTier().type()).isEqualTo(ServiceTierType.PRIORITY);
		assertThat(request.requestMetadata()).containsEntry("team", "search");
		assertThat(request.additionalModelRequestFields().asMap()).containsEntry("top_k", Document.fromNumber(5));
		assertThat(request.additionalModelResponseFieldPaths()).containsExactly("/stop_sequence");
		assertThat(request.overrideConfiguration().orElseThrow().apiCallTimeout()).hasValue(Duration.ofSeconds(7));
		// The escape hatch ran last.
		assertThat(request.promptVariables()).containsKey("topic");
	}

	@Test
	void theStreamRequestCarriesEveryFieldOfTheConverseRequest() {
		PipeRequests requests = new PipeRequests(EVERYTHING);
		ConverseRequest request = requests.converse("us.amazon.nova-pro-v1:0",
				requests.messages(List.of(Content.user("Weather?"))));

		ConverseStreamRequest stream = PipeRequests.stream(request);

		List<SdkField<?>> converseFields = request.sdkFields();
		for (SdkField<?> field : stream.sdkFields()) {
			Object converseValue = converseFields.stream()
				.filter((candidate) -> candidate.memberName().equals(field.memberName()))
				.findFirst()
				.orElseThrow(() -> new AssertionError("Converse has no " + field.memberName()))
				.getValueOrDefault(request);
			if (field.memberName().equals("guardrailConfig")) {
				assertThat(stream.guardrailConfig().guardrailIdentifier()).isEqualTo("gr-1");
				assertThat(stream.guardrailConfig().guardrailVersion()).isEqualTo("DRAFT");
				assertThat(stream.guardrailConfig().trace()).isEqualTo(GuardrailTrace.ENABLED);
			}
			else {
				assertThat(field.getValueOrDefault(stream)).as(field.memberName()).isEqualTo(converseValue);
			}
		}
		assertThat(stream.overrideConfiguration()).isEqualTo(request.overrideConfiguration());
	}

	@Test
	void noOptionsSendNothingButTheTargetAndMessages() {
		PipeRequests requests = new PipeRequests(PipeOptions.DEFAULTS);
		ConverseRequest request = requests.converse("amazon.nova-pro-v1:0",
				List.of(Content.user(ContentBlock.fromText("Hi"))));

		assertThat(request)
			.isEqualTo(ConverseRequest.builder().modelId("amazon.nova-pro-v1:0").messages(Content.user("Hi")).build());
	}

	@Test
	void aChangedCopyLeavesTheOriginalAlone() {
		PipeOptions colder = EVERYTHING.with((o) -> o.temperature(0.1));

		assertThat(colder.inferenceConfig().temperature()).isEqualTo(0.1f);
		assertThat(colder.inferenceConfig().maxTokens()).isEqualTo(300);
		assertThat(EVERYTHING.inferenceConfig().temperature()).isEqualTo(0.5f);
		assertThat(colder.functions()).containsKey("weather");
		assertThat(colder.guardrailConfig()).isEqualTo(EVERYTHING.guardrailConfig());
	}

	private static PromptVariableValues text(String value) {
		return PromptVariableValues.fromText(value);
	}

	record City(String city) {
	}

}
