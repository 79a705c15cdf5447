package io.bedrockbinding.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.Content;
import io.bedrockbinding.pipe.PipeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The three API paths of a pipe, what their results hold, and what reaches the wire. */
class PipeCallTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void resultHoldsEveryField(CallPath path) {
		bedrock.faults().latency(Duration.ofMillis(40));
		PipeResult result = path.call(this.factories.of("us-east-2").pipe(Fixture.NOVA_PRO),
				"What is an inference profile?");

		JournalEntry call = Fixture.only(bedrock.get(), path.api());
		assertThat(call.status()).isEqualTo(200);
		assertThat(call.region()).isEqualTo("us-east-2");
		assertThat(call.modelId()).isEqualTo("us.amazon.nova-pro-v1:0");
		// The emulator's reply names the model and the target it was called through.
		assertThat(result.text()).contains("amazon.nova-pro-v1:0 via us.amazon.nova-pro-v1:0")
			.endsWith("What is an inference profile?");
		assertThat(result.stopReason()).isEqualTo("end_turn");
		assertThat(result.usage().inputTokens()).isPositive();
		assertThat(result.usage().outputTokens()).isPositive();
		assertThat(result.usage().totalTokens())
			.isEqualTo(result.usage().inputTokens() + result.usage().outputTokens());
		// Bedrock's own latency (metrics.latencyMs, or the stream's metadata event)
		// includes the injected delay.
		assertThat(result.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(40)).isLessThan(Duration.ofSeconds(10));
		assertThat(result.modelId()).isEqualTo(Fixture.NOVA_PRO);
		assertThat(result.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(result.targetKind()).isEqualTo(TargetKind.SYSTEM_PROFILE);
		assertThat(result.region()).isEqualTo("us-east-2");
		assertThat(result.requestId()).isNotBlank();
		assertThat(result.fallback()).isFalse();
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void directCallNamesOnlyTheModel(CallPath path) {
		PipeResult result = path.call(this.factories.of("us-east-1").pipe(Fixture.NOVA_PRO), "hi");

		assertThat(result.invokedTarget()).isEqualTo(Fixture.NOVA_PRO);
		assertThat(result.targetKind()).isEqualTo(TargetKind.DIRECT);
		assertThat(result.text()).contains(Fixture.NOVA_PRO).doesNotContain(" via ");
		assertThat(Fixture.only(bedrock.get(), path.api()).modelId()).isEqualTo(Fixture.NOVA_PRO);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void requestIdsDifferPerCall(CallPath path) {
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.LLAMA);

		String first = path.call(pipe, "one").requestId();
		String second = path.call(pipe, "two").requestId();

		assertThat(first).isNotBlank().isNotEqualTo(second);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void usageGrowsWithThePrompt(CallPath path) {
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.LLAMA);

		PipeResult small = path.call(pipe, "Hi.");
		PipeResult large = path.call(pipe, "Hi. ".repeat(200));

		assertThat(large.usage().inputTokens()).isGreaterThan(small.usage().inputTokens() + 150);
		assertThat(large.usage().outputTokens()).isGreaterThan(small.usage().outputTokens());
		assertThat(large.usage().totalTokens()).isGreaterThan(small.usage().totalTokens());
	}

	@Test
	void streamHandsOverSeveralDeltasAndTheMetadata() throws Exception {
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.LLAMA);
		String prompt = "Tell me, in many words, why a pipe resolves its binding on every call.";
		PipeResult converse = pipe.execute(prompt);
		bedrock.faults().latency(Duration.ofMillis(30));
		List<String> deltas = new CopyOnWriteArrayList<>();

		PipeResult streamed = pipe.stream(prompt, deltas::add).get();

		assertThat(deltas).hasSizeGreaterThan(1).allSatisfy((delta) -> assertThat(delta).isNotEmpty());
		assertThat(String.join("", deltas)).isEqualTo(streamed.text()).isEqualTo(converse.text());
		assertThat(streamed.stopReason()).isEqualTo("end_turn");
		// Usage and latency come from the stream's metadata event.
		assertThat(streamed.usage()).isEqualTo(converse.usage());
		assertThat(streamed.latency()).isGreaterThanOrEqualTo(Duration.ofMillis(30));
		assertThat(streamed.requestId()).isNotBlank().isNotEqualTo(converse.requestId());
		assertThat(Fixture.only(bedrock.get(), "ConverseStream").status()).isEqualTo(200);
	}

	@Test
	void streamDeliversDeltasInOrderBeforeTheFutureCompletes() throws Exception {
		BedrockPipe pipe = this.factories.of("us-east-1").pipe(Fixture.LLAMA);
		List<String> seen = new CopyOnWriteArrayList<>();

		PipeResult result = pipe.stream("count: one two three four five six seven eight nine ten", seen::add)
			.thenApply((done) -> {
				// Every delta was handed over before completion, none after.
				assertThat(String.join("", seen)).isEqualTo(done.text());
				return done;
			})
			.get();

		assertThat(result.text()).endsWith("ten");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void everySettingReachesTheWire(CallPath path) {
		BedrockPipe pipe = this.factories.of("us-east-1")
			.pipe(Fixture.LLAMA)
			.withSystemPrompt("Answer in one sentence.")
			.withTemperature(0.25)
			.withTopP(0.5)
			.withMaxTokens(300)
			.withStopSequences(List.of("END", "STOP"))
			.withModelFields(Map.of("top_k", 40, "options", Map.of("raw", true, "tags", List.of(1, "two"))))
			.withMessages(List.of(Content.user("My name is Ada."), Content.assistant("Hello Ada.")));

		PipeResult result = path.call(pipe, "What is my name?");

		JsonNode body = Fixture.body(Fixture.only(bedrock.get(), path.api()));
		assertThat(body.at("/system/0/text").asString()).isEqualTo("Answer in one sentence.");
		assertThat(body.at("/inferenceConfig/temperature").asDouble()).isCloseTo(0.25, within(1e-6));
		assertThat(body.at("/inferenceConfig/topP").asDouble()).isCloseTo(0.5, within(1e-6));
		assertThat(body.at("/inferenceConfig/maxTokens").asInt()).isEqualTo(300);
		assertThat(texts(body.at("/inferenceConfig/stopSequences"))).containsExactly("END", "STOP");
		assertThat(body.at("/additionalModelRequestFields/top_k").asInt()).isEqualTo(40);
		assertThat(body.at("/additionalModelRequestFields/options/raw").asBoolean()).isTrue();
		assertThat(body.at("/additionalModelRequestFields/options/tags/0").asInt()).isEqualTo(1);
		assertThat(body.at("/additionalModelRequestFields/options/tags/1").asString()).isEqualTo("two");
		JsonNode messages = body.get("messages");
		assertThat(messages).hasSize(3);
		assertThat(messages.get(0).get("role").asString()).isEqualTo("user");
		assertThat(messages.get(0).at("/content/0/text").asString()).isEqualTo("My name is Ada.");
		assertThat(messages.get(1).get("role").asString()).isEqualTo("assistant");
		assertThat(messages.get(1).at("/content/0/text").asString()).isEqualTo("Hello Ada.");
		assertThat(messages.get(2).get("role").asString()).isEqualTo("user");
		assertThat(messages.get(2).at("/content/0/text").asString()).isEqualTo("What is my name?");
		// The system prompt and the earlier turns count as input.
		assertThat(result.usage().inputTokens())
			.isGreaterThan(path.call(this.factories.of("us-east-1").pipe(Fixture.LLAMA), "What is my name?")
				.usage()
				.inputTokens());
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void maxTokensStopsTheReply(CallPath path) {
		PipeResult result = path.call(this.factories.of("us-east-1").pipe(Fixture.LLAMA).withMaxTokens(3),
				"Please repeat this rather long sentence back to me.");

		assertThat(result.stopReason()).isEqualTo("max_tokens");
		assertThat(result.usage().outputTokens()).isLessThanOrEqualTo(3);
		assertThat(result.text()).doesNotContain("sentence");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void stopSequenceStopsTheReply(CallPath path) {
		PipeResult result = path.call(
				this.factories.of("us-east-1").pipe(Fixture.LLAMA).withStopSequences(List.of("HALT")),
				"first part HALT second part");

		assertThat(result.stopReason()).isEqualTo("stop_sequence");
		assertThat(result.text()).contains("first part").doesNotContain("HALT").doesNotContain("second part");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void plainPipeSendsNoSettings(CallPath path) {
		path.call(this.factories.of("us-east-1").pipe(Fixture.LLAMA), "plain");

		JsonNode body = Fixture.body(Fixture.only(bedrock.get(), path.api()));
		assertThat(body.has("system")).isFalse();
		assertThat(body.has("inferenceConfig")).isFalse();
		assertThat(body.has("additionalModelRequestFields")).isFalse();
		assertThat(body.get("messages")).hasSize(1);
	}

	private static List<String> texts(JsonNode array) {
		List<String> texts = new ArrayList<>();
		array.forEach((node) -> texts.add(node.asString()));
		return texts;
	}

}
