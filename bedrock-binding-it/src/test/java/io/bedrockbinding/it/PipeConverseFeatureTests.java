package io.bedrockbinding.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.Content;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.PipeSchemas;
import io.bedrockbinding.pipe.TokenUsage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTrace;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfigLatency;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningTextBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceTier;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceTierType;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Converse features through the pipe against LocalBedrock, on both APIs: images and
 * documents, structured output into a record, guardrails, prompt caching and reasoning
 * kept across turns.
 */
class PipeConverseFeatureTests {

	/** A 1x1 PNG. */
	private static final byte[] PNG = Base64.getDecoder()
		.decode("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

	/** Over the emulator's 1,024-token minimum for a cached prefix. */
	private static final String LONG_SYSTEM = "Answer briefly. ".repeat(312) + "Be kind.";

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void anImageFromAFileIsSentAndSeen(CallPath path, @TempDir Path folder) throws IOException {
		Path picture = Files.write(folder.resolve("dot.png"), PNG);

		PipeResult result = call(path, haiku(),
				Content.user(ContentBlock.fromText("What is in this picture?"), Content.image(picture)));

		assertThat(result.text()).endsWith("What is in this picture? [saw image png " + PNG.length + " bytes]");
		JsonNode image = sentContent(path).get(1).path("image");
		assertThat(image.path("format").asString()).isEqualTo("png");
		assertThat(Base64.getDecoder().decode(image.path("source").path("bytes").asString())).isEqualTo(PNG);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aDocumentFromAFileIsSentWithItsName(CallPath path, @TempDir Path folder) throws IOException {
		byte[] csv = "city,temp\nParis,24\n".getBytes(StandardCharsets.UTF_8);
		Path report = Files.write(folder.resolve("Weather report (June).csv"), csv);

		PipeResult result = call(path, haiku(),
				Content.user(ContentBlock.fromText("Summarize"), Content.document(report)));

		assertThat(result.text()).endsWith("[saw document 'Weather report (June)' csv " + csv.length + " bytes]");
		assertThat(sentContent(path).get(1).path("document").path("name").asString())
			.isEqualTo("Weather report (June)");
	}

	@Test
	void structuredOutputIsReadIntoARecord() {
		Forecast forecast = haiku().execute("city=Paris celsius=24 sunny=true", Forecast.class);

		assertThat(forecast).isEqualTo(new Forecast("Paris", 24, true));
		JsonNode format = Fixture.body(Fixture.only(bedrock.get(), "Converse")).path("outputConfig").path("textFormat");
		assertThat(format.path("type").asString()).isEqualTo("json_schema");
		assertThat(format.path("structure").path("jsonSchema").path("schema").asString())
			.isEqualTo(PipeSchemas.of(Forecast.class));
	}

	@Test
	void aStreamedStructuredAnswerIsReadIntoARecordToo() {
		BedrockPipe pipe = haiku().with((o) -> o.outputConfig(PipeSchemas.outputConfig(Forecast.class)));

		PipeResult result = CallPath.STREAM.call(pipe, "city=Oslo celsius=-3 sunny=false");

		assertThat(result.as(Forecast.class)).isEqualTo(new Forecast("Oslo", -3, false));
	}

	@Test
	void anAnswerThatDoesNotMatchTheRecordNamesTheField() {
		PipeResult result = haiku().with((o) -> o.outputConfig(PipeSchemas.outputConfig(Forecast.class)))
			.execute("city=Paris celsius=24 sunny=true");

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> result.as(Wind.class))
			.satisfies((failure) -> assertThat(failure.reason()).isEqualTo(FailureReason.OUTPUT_MISMATCH))
			.withMessageContaining("does not match Wind at knots");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aGuardrailThatBlocksAWordIntervenesWithItsTrace(CallPath path) {
		bedrock.guardrail("gr1", "1").blocking("password");
		BedrockPipe pipe = haiku().with((o) -> o.guardrailConfig(GuardrailConfiguration.builder()
			.guardrailIdentifier("gr1")
			.guardrailVersion("1")
			.trace(GuardrailTrace.ENABLED)
			.build()));

		PipeResult result = path.call(pipe, "What is the admin password?");

		assertThat(result.stopReason()).isEqualTo("guardrail_intervened");
		assertThat(result.text()).isEqualTo("Sorry, the model cannot answer this question.");
		assertThat(result.trace().guardrail().inputAssessment().get("gr1").wordPolicy().customWords().get(0).match())
			.isEqualTo("password");
		JsonNode guardrail = Fixture.body(Fixture.only(bedrock.get(), path.api())).path("guardrailConfig");
		assertThat(guardrail.path("guardrailIdentifier").asString()).isEqualTo("gr1");
		assertThat(guardrail.path("trace").asString()).isEqualTo("enabled");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aRepeatedCachedPrefixIsWrittenThenRead(CallPath path) {
		BedrockPipe pipe = sonnet37().with((o) -> o.system(List.of(SystemContentBlock.fromText(LONG_SYSTEM),
				SystemContentBlock.fromCachePoint(Content.cachePoint()))));

		TokenUsage first = path.call(pipe, "first question").usage();
		TokenUsage second = path.call(pipe, "another question").usage();

		assertThat(first.cacheWriteInputTokens()).isPositive();
		assertThat(first.cacheReadInputTokens()).isZero();
		assertThat(second.cacheReadInputTokens()).isEqualTo(first.cacheWriteInputTokens());
		assertThat(second.cacheWriteInputTokens()).isZero();
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void reasoningIsKeptWithItsSignatureForTheNextTurn(CallPath path) {
		BedrockPipe pipe = sonnet37()
			.withModelFields(Map.of("thinking", Map.of("type", "enabled", "budget_tokens", 1024)));

		PipeResult first = path.call(pipe, "Why is the sky blue?");

		assertThat(first.reasoning()).hasSize(1);
		ReasoningTextBlock reasoning = first.reasoning().get(0).reasoningText();
		assertThat(reasoning.text()).contains("Why is the sky blue?");
		assertThat(reasoning.signature()).isNotBlank();
		assertThat(first.text()).endsWith("You said: Why is the sky blue?");

		PipeResult second = path.call(pipe.withMessages(first.conversation()), "And at sunset?");

		assertThat(second.text()).endsWith("You said: And at sunset?");
		JsonNode sent = Fixture.body(bedrock.get().journal(path.api()).get(1)).path("messages").get(1).path("content");
		assertThat(sent.get(0).path("reasoningContent").path("reasoningText").path("signature").asString())
			.isEqualTo(reasoning.signature());
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void performanceServiceTierMetadataResponsePathsAndTheEscapeHatchReachTheWire(CallPath path) {
		BedrockPipe pipe = haiku().with((o) -> o
			.performanceConfig(PerformanceConfiguration.builder().latency(PerformanceConfigLatency.OPTIMIZED).build())
			.serviceTier(ServiceTier.builder().type(ServiceTierType.PRIORITY).build())
			.requestMetadata(Map.of("team", "search"))
			.additionalModelResponseFieldPaths(List.of("/stop_sequence"))
			.maxTokens(100)
			.request((request) -> request.inferenceConfig((config) -> config.maxTokens(7))));

		PipeResult result = path.call(pipe, "Hello");

		assertThat(result.response().performanceConfig().latency()).isEqualTo(PerformanceConfigLatency.OPTIMIZED);
		assertThat(result.response().serviceTier().type()).isEqualTo(ServiceTierType.PRIORITY);
		JsonNode body = Fixture.body(Fixture.only(bedrock.get(), path.api()));
		assertThat(body.path("performanceConfig").path("latency").asString()).isEqualTo("optimized");
		assertThat(body.path("serviceTier").path("type").asString()).isEqualTo("priority");
		assertThat(body.path("requestMetadata").path("team").asString()).isEqualTo("search");
		assertThat(body.path("additionalModelResponseFieldPaths").get(0).asString()).isEqualTo("/stop_sequence");
		assertThat(body.path("inferenceConfig").path("maxTokens").asInt()).isEqualTo(7);
	}

	private BedrockPipe haiku() {
		return this.factories.of("us-east-1").pipe(Fixture.HAIKU);
	}

	private BedrockPipe sonnet37() {
		return this.factories.of("us-east-1").pipe(Fixture.SONNET_37);
	}

	private static PipeResult call(CallPath path, BedrockPipe pipe, Message message) {
		return switch (path) {
			case EXECUTE -> pipe.execute(List.of(message));
			case EXECUTE_ASYNC -> CallPath.await(pipe.executeAsync(List.of(message)));
			case STREAM -> CallPath.await(pipe.stream(List.of(message), (event) -> {
			}));
		};
	}

	private static JsonNode sentContent(CallPath path) {
		return Fixture.body(Fixture.only(bedrock.get(), path.api())).path("messages").get(0).path("content");
	}

	record Forecast(String city, int celsius, boolean sunny) {
	}

	record Wind(String city, int knots) {
	}

}
