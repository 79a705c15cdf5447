package io.bedrockbinding.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.Content;
import io.bedrockbinding.pipe.PipeResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A pipe is immutable: {@code with...} makes a new one, and one pipe serves many threads.
 */
class PipeSharingTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	private BedrockPipeFactory factory;

	@BeforeEach
	void createFactory() {
		this.factory = Fixture.factory(bedrock.get(), Fixture.registry("us-east-1")).build();
	}

	@AfterEach
	void closeFactory() {
		this.factory.close();
	}

	@Test
	void everyWithReturnsANewPipeAndLeavesTheOriginalAlone() {
		BedrockPipe original = this.factory.pipe(Fixture.LLAMA);

		List<BedrockPipe> derived = List.of(original.withRegion("us-west-2"), original.withSystemPrompt("sys"),
				original.withTemperature(0.1), original.withTopP(0.2), original.withMaxTokens(50),
				original.withStopSequences(List.of("X")), original.withModelFields(Map.of("top_k", 5)),
				original.withMessages(List.of(Content.user("earlier"), Content.assistant("reply"))),
				original.withTimeout(Duration.ofSeconds(30)));

		assertThat(derived).allSatisfy((pipe) -> assertThat(pipe).isNotSameAs(original));
		assertThat(original.region()).isNull();
		assertThat(original.systemPrompt()).isNull();
		assertThat(derived.get(0).region()).isEqualTo("us-west-2");
		assertThat(derived.get(1).systemPrompt()).isEqualTo("sys");
		for (BedrockPipe pipe : derived) {
			pipe.execute("derived");
		}
		original.execute("original");

		JournalEntry last = bedrock.get().journal("Converse").get(derived.size());
		JsonNode body = Fixture.body(last);
		assertThat(body.at("/messages/0/content/0/text").asString()).isEqualTo("original");
		assertThat(last.region()).isEqualTo("us-east-1");
		assertThat(body.has("system")).isFalse();
		assertThat(body.has("inferenceConfig")).isFalse();
		assertThat(body.has("additionalModelRequestFields")).isFalse();
		assertThat(body.get("messages")).hasSize(1);
	}

	@Test
	void settingsStackWithoutTouchingEachOther() {
		BedrockPipe cold = this.factory.pipe(Fixture.LLAMA).withSystemPrompt("base").withTemperature(0.1);
		BedrockPipe warm = cold.withTemperature(0.9);
		BedrockPipe shorter = warm.withMaxTokens(10);

		cold.execute("cold");
		warm.execute("warm");
		shorter.execute("shorter");

		List<JournalEntry> calls = bedrock.get().journal("Converse");
		assertThat(Fixture.body(calls.get(0)).at("/inferenceConfig/temperature").asDouble()).isCloseTo(0.1,
				within(1e-6));
		assertThat(Fixture.body(calls.get(0)).at("/inferenceConfig").has("maxTokens")).isFalse();
		assertThat(Fixture.body(calls.get(1)).at("/inferenceConfig/temperature").asDouble()).isCloseTo(0.9,
				within(1e-6));
		assertThat(Fixture.body(calls.get(1)).at("/inferenceConfig").has("maxTokens")).isFalse();
		assertThat(Fixture.body(calls.get(2)).at("/inferenceConfig/maxTokens").asInt()).isEqualTo(10);
		assertThat(calls)
			.allSatisfy((call) -> assertThat(Fixture.body(call).at("/system/0/text").asString()).isEqualTo("base"));
	}

	@Test
	void onePipeServesManyThreads() throws Exception {
		BedrockPipe shared = this.factory.pipe(Fixture.LLAMA).withSystemPrompt("shared");
		int threads = 8;
		int callsPerThread = 15;
		ExecutorService pool = Executors.newFixedThreadPool(threads);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<List<String>>> outcomes = new ArrayList<>();
		try {
			for (int t = 0; t < threads; t++) {
				int thread = t;
				Callable<List<String>> work = () -> {
					start.await();
					// Each thread derives its own pipe from the shared one while the
					// others call it.
					BedrockPipe own = shared.withTemperature(thread / 10.0);
					List<String> wrong = new ArrayList<>();
					for (int i = 0; i < callsPerThread; i++) {
						String prompt = "thread " + thread + " call " + i;
						CallPath path = CallPath.values()[i % CallPath.values().length];
						PipeResult result = path.call((i % 2 == 0) ? shared : own, prompt);
						if (!result.text().endsWith(prompt)) {
							wrong.add(prompt + " -> " + result.text());
						}
					}
					return wrong;
				};
				outcomes.add(pool.submit(work));
			}
			start.countDown();
			for (Future<List<String>> outcome : outcomes) {
				assertThat(outcome.get(60, TimeUnit.SECONDS)).isEmpty();
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<JournalEntry> calls = new ArrayList<>(bedrock.get().journal("Converse"));
		calls.addAll(bedrock.get().journal("ConverseStream"));
		assertThat(calls).hasSize(threads * callsPerThread);
		for (JournalEntry call : calls) {
			JsonNode body = Fixture.body(call);
			String prompt = body.at("/messages/0/content/0/text").asString();
			String[] words = prompt.split(" ");
			int thread = Integer.parseInt(words[1]);
			int i = Integer.parseInt(words[3]);
			assertThat(body.at("/system/0/text").asString()).isEqualTo("shared");
			if (i % 2 == 0) {
				assertThat(body.has("inferenceConfig")).as(prompt).isFalse();
			}
			else {
				assertThat(body.at("/inferenceConfig/temperature").asDouble()).as(prompt)
					.isCloseTo(thread / 10.0, within(1e-6));
			}
		}
	}

}
