package io.bedrockbinding.it;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.bedrockbinding.emulator.Fault;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.Content;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeObserver;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.PipeTimeouts;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Streams that the SDK retries, and streams that fall silent: the caller never gets a
 * piece of text twice, and a silence ends in a TIMEOUT that names its property.
 */
class PipeStreamTests {

	private static final String PROMPT = "a reply long enough for several deltas";

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	private BedrockPipe pipe(int attempts, PipeTimeouts timeouts) {
		BedrockPipeFactory factory = this.factories.track(BedrockPipeFactory
			.builder(Fixture.registry("us-east-1"), Fixture.clients(bedrock.get(), attempts).timeouts(timeouts).build())
			.build());
		return factory.pipe(Fixture.LLAMA);
	}

	@Test
	void aStreamRetriedBeforeAnyTextRestartsUnseen() {
		BedrockPipe pipe = pipe(2, PipeTimeouts.defaults());
		String expected = CallPath.STREAM.call(pipe, PROMPT).text();
		bedrock.get().reset();
		// messageStart, then throttled: the SDK retries, and nothing had reached the
		// caller.
		bedrock.faults().breakNextStream(0, Fault.THROTTLING);
		List<String> deltas = new CopyOnWriteArrayList<>();

		PipeResult result = CallPath.await(pipe.stream(PROMPT, deltas::add));

		assertThat(result.text()).isEqualTo(expected);
		assertThat(String.join("", deltas)).isEqualTo(expected);
		assertThat(bedrock.get().journal("ConverseStream")).hasSize(2);
	}

	@Test
	void aStreamRetriedAfterTextFailsInsteadOfRepeatingIt() {
		BedrockPipe pipe = pipe(2, PipeTimeouts.defaults());
		bedrock.faults().breakNextStream(2, Fault.THROTTLING);
		List<String> deltas = new CopyOnWriteArrayList<>();

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> CallPath.await(pipe.stream(PROMPT, deltas::add)));

		assertThat(failure).isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.STREAM_INTERRUPTED);
		assertThat(failure.getMessage()).contains("2 pieces of text");
		assertThat(failure.fix()).contains("discard");
		// The two deltas of the broken stream, and none of the retried one.
		assertThat(deltas).hasSize(2).doesNotHaveDuplicates();
		// Let the SDK's retried stream end here, not in the next test's journal.
		await().atMost(Duration.ofSeconds(10)).until(() -> bedrock.get().journal("ConverseStream").size() == 2);
	}

	@Test
	void reasoningAndTextReachTheirOwnCallbacksPieceByPiece() {
		BedrockPipe pipe = reasoningPipe(1);
		List<String> text = new CopyOnWriteArrayList<>();
		List<String> reasoning = new CopyOnWriteArrayList<>();

		PipeResult result = CallPath
			.await(pipe.streamText(List.of(Content.user("Why is the sky blue?")), text::add, reasoning::add));

		assertThat(reasoning).hasSizeGreaterThan(1);
		assertThat(String.join("", reasoning)).isEqualTo(result.reasoning().get(0).reasoningText().text());
		assertThat(text).hasSizeGreaterThan(1);
		assertThat(String.join("", text)).isEqualTo(result.text());
	}

	@Test
	void aStreamRetriedAfterReasoningFailsInsteadOfRepeatingIt() {
		BedrockPipe pipe = reasoningPipe(2);
		// two reasoning deltas, then throttled: the SDK retries after both
		// had reached the caller
		bedrock.faults().breakNextStream(2, Fault.THROTTLING);
		List<String> reasoning = new CopyOnWriteArrayList<>();

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> CallPath.await(pipe.streamText(List.of(Content.user("Why is the sky blue?")), (text) -> {
				}, reasoning::add)));

		assertThat(failure).isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.STREAM_INTERRUPTED);
		assertThat(reasoning).hasSize(2).doesNotHaveDuplicates();
		// Let the SDK's retried stream end here, not in the next test's journal.
		await().atMost(Duration.ofSeconds(10)).until(() -> bedrock.get().journal("ConverseStream").size() == 2);
	}

	private BedrockPipe reasoningPipe(int attempts) {
		BedrockPipeFactory factory = this.factories.track(BedrockPipeFactory
			.builder(Fixture.registry("us-east-1"), Fixture.clients(bedrock.get(), attempts).build())
			.build());
		return factory.pipe(Fixture.SONNET_37)
			.withModelFields(Map.of("thinking", Map.of("type", "enabled", "budget_tokens", 1024)));
	}

	@Test
	void aStreamSilentBeforeItsFirstEventTimesOut() {
		BedrockPipe pipe = pipe(1, PipeTimeouts.defaults().withStreamFirstEvent(Duration.ofMillis(500)));
		CallPath.STREAM.call(pipe, "warm up");
		bedrock.faults().latency(Duration.ofMillis(1500));

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> CallPath.STREAM.call(pipe, PROMPT));

		assertThat(failure).isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
		assertThat(failure.getMessage()).contains("first event", "PT0.5S");
		assertThat(failure.fix()).contains("PipeTimeouts.streamFirstEvent");
		await().atMost(Duration.ofSeconds(10)).until(() -> bedrock.get().journal("ConverseStream").size() == 2);
	}

	@Test
	void aStreamTimeoutAbortsItsRequest() {
		List<CompletableFuture<Void>> exchanges = new CopyOnWriteArrayList<>();
		BedrockPipeFactory factory = this.factories.track(
				BedrockPipeFactory
					.builder(Fixture.registry("us-east-1"), Fixture.clients(bedrock.get(), 1)
						.timeouts(PipeTimeouts.defaults().withStreamFirstEvent(Duration.ofMillis(500)))
						.asyncCustomizer((builder) -> builder.httpClientBuilder(
								(defaults) -> new Exchanges(Fixture.netty().buildWithDefaults(defaults), exchanges)))
						.build())
					.build());
		bedrock.faults().latency(Duration.ofMillis(1500));

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> CallPath.STREAM.call(factory.pipe(Fixture.LLAMA), PROMPT));

		assertThat(failure).isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
		// The pipe gave up on the call: its request is cancelled (connection closed, the
		// client's lease ended), not left to receive the answer 1 s later.
		assertThat(exchanges).hasSize(1);
		CompletableFuture<Void> exchange = exchanges.get(0);
		await().atMost(Duration.ofSeconds(10)).until(exchange::isDone);
		assertThat(exchange).isCancelled();
		// Let the emulator's late answer end here, not in the next test's journal.
		await().atMost(Duration.ofSeconds(10)).until(() -> bedrock.get().journal("ConverseStream").size() == 1);
	}

	@ParameterizedTest
	@EnumSource(PipeAsyncCancelTests.StopWaiting.class)
	void aCancelledStreamAbortsItsRequest(PipeAsyncCancelTests.StopWaiting stop) throws InterruptedException {
		List<CompletableFuture<Void>> exchanges = new CopyOnWriteArrayList<>();
		List<FailureReason> observed = new CopyOnWriteArrayList<>();
		BedrockPipeFactory factory = this.factories.track(
				BedrockPipeFactory
					.builder(Fixture.registry("us-east-1"), Fixture.clients(bedrock.get(), 1)
						.asyncCustomizer((builder) -> builder.httpClientBuilder(
								(defaults) -> new Exchanges(Fixture.netty().buildWithDefaults(defaults), exchanges)))
						.build())
					.observer((modelId, kind, region) -> new PipeObserver.Call() {

						@Override
						public void failed(BedrockPipeException failure) {
							observed.add(failure.reason());
						}

					})
					.build());
		// the reply stops after its first delta for longer than the test waits
		bedrock.faults().pauseNextStream(1, Duration.ofSeconds(5));
		CountDownLatch firstDelta = new CountDownLatch(1);
		List<String> deltas = new CopyOnWriteArrayList<>();

		CompletableFuture<PipeResult> result = factory.pipe(Fixture.LLAMA).stream(PROMPT, (text) -> {
			deltas.add(text);
			firstDelta.countDown();
		});
		assertThat(firstDelta.await(10, TimeUnit.SECONDS)).isTrue();
		stop.apply(result);

		// The caller gave up on the stream: its exchange is aborted (connection closed,
		// the client's lease ended) during the pause, not left to receive the rest of
		// the reply.
		assertThat(exchanges).hasSize(1);
		CompletableFuture<Void> exchange = exchanges.get(0);
		await().atMost(Duration.ofSeconds(3)).until(exchange::isDone);
		assertThat(exchange).isCompletedExceptionally();
		assertThat(deltas).hasSize(1);
		// observed as cancelled, not as a failure of Bedrock's
		await().atMost(Duration.ofSeconds(3)).until(() -> !observed.isEmpty());
		assertThat(observed).containsExactly(FailureReason.CANCELLED);
		// Let the emulator's paused answer end here, not in the next test's journal.
		await().atMost(Duration.ofSeconds(10)).until(() -> bedrock.get().journal("ConverseStream").size() == 1);
	}

	@Test
	void aStreamCancelledAsItsNextTargetStartsSendsThatTargetNothing() throws Exception {
		String second = "arn:aws:bedrock:us-west-2:" + Fixture.ACCOUNT
				+ ":inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0";
		BindingRegistry registry = Fixture.directRegistry("us-east-1");
		registry.bind(Fixture.HAIKU, Fixture.HAIKU + ", " + second);
		AtomicInteger clients = new AtomicInteger();
		AtomicInteger sent = new AtomicInteger();
		CompletableFuture<CompletableFuture<PipeResult>> caller = new CompletableFuture<>();
		CompletableFuture<BedrockPipeException> observed = new CompletableFuture<>();
		ExecutionInterceptor counter = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (context.request() instanceof ConverseStreamRequest) {
					sent.incrementAndGet();
				}
			}

		};
		BedrockPipeFactory factory = this.factories
			.track(BedrockPipeFactory.builder(registry, Fixture.clients(bedrock.get(), 1).asyncCustomizer((builder) -> {
				builder.overrideConfiguration(
						builder.overrideConfiguration().toBuilder().addExecutionInterceptor(counter).build());
				// The second target's region gets its client on first use: after its
				// attempt started, before its request is sent. The caller cancels then.
				if (clients.incrementAndGet() == 2) {
					caller.join().cancel(false);
				}
			}).build()).observer((modelId, kind, region) -> new PipeObserver.Call() {

				@Override
				public void failed(BedrockPipeException failure) {
					observed.complete(failure);
				}

			}).build());
		// the first target throttles: the stream fails over to the second
		bedrock.faults().failNext("ConverseStream", 1, Fault.THROTTLING);

		CompletableFuture<PipeResult> result = factory.pipe(Fixture.HAIKU).stream(PROMPT, (text) -> {
		});
		caller.complete(result);

		// The call ends cancelled once the second attempt gave up, and that attempt sent
		// nothing: the SDK was never asked, and Bedrock got the first request only.
		BedrockPipeException failure = observed.get(10, TimeUnit.SECONDS);
		assertThat(result).isCancelled();
		assertThat(failure.reason()).isEqualTo(FailureReason.CANCELLED);
		// the caller's cancel, not a chain whose every target failed
		assertThat(failure.getMessage()).startsWith("The caller cancelled the call").doesNotContain("Every target");
		assertThat(clients).hasValue(2);
		assertThat(sent).hasValue(1);
		assertThat(bedrock.get().journal("ConverseStream")).hasSize(1);
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "onText", "onEvent" })
	void aCallbackThatThrowsEndsTheStreamWithWhatItThrew(String callback) {
		String second = "arn:aws:bedrock:us-west-2:" + Fixture.ACCOUNT
				+ ":inference-profile/us.anthropic.claude-3-haiku-20240307-v1:0";
		BindingRegistry registry = Fixture.directRegistry("us-east-1");
		registry.bind(Fixture.HAIKU, Fixture.HAIKU + ", " + second);
		// clients that retry, and a second target: the callback's failure must
		// reach neither
		BedrockPipe pipe = this.factories
			.track(BedrockPipeFactory.builder(registry, Fixture.clients(bedrock.get(), 3).build()).build())
			.pipe(Fixture.HAIKU);
		IllegalStateException thrown = new IllegalStateException("the caller's own bug");
		AtomicInteger calls = new AtomicInteger();
		CompletableFuture<PipeResult> result = callback.equals("onText") ? pipe.stream(PROMPT, (text) -> {
			calls.incrementAndGet();
			throw thrown;
		}) : pipe.stream(List.of(Content.user(PROMPT)), (event) -> {
			calls.incrementAndGet();
			throw thrown;
		});

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class, () -> CallPath.await(result));

		assertThat(failure).isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.OTHER);
		// named as the caller's callback, not as a failed HTTP request
		assertThat(failure.getMessage()).startsWith("The stream's " + callback + " callback threw on piece 1")
			.contains(thrown.toString())
			.doesNotContain("HTTP");
		assertThat(failure.getCause()).isSameAs(thrown);
		assertThat(failure.fix()).startsWith("fix " + callback + ", or catch what it throws");
		assertThat(failure.target()).isEqualTo(Fixture.HAIKU);
		assertThat(calls).hasValue(1);
		// neither retried by the SDK nor sent to the second target
		assertThat(bedrock.get().journal("ConverseStream")).extracting(JournalEntry::modelId)
			.containsExactly(Fixture.HAIKU);
	}

	@Test
	void aStreamWithoutACallbackIsRefusedAtOnce() {
		BedrockPipe pipe = pipe(1, PipeTimeouts.defaults());

		assertThatNullPointerException().isThrownBy(() -> pipe.stream(PROMPT, null)).withMessageContaining("onText");
		assertThatNullPointerException().isThrownBy(() -> pipe.stream(List.of(Content.user(PROMPT)), null))
			.withMessageContaining("onEvent");
		assertThatNullPointerException().isThrownBy(() -> pipe.streamText(List.of(Content.user(PROMPT)), (text) -> {
		}, null)).withMessageContaining("onReasoning");
		assertThat(bedrock.get().journal("ConverseStream")).isEmpty();
	}

	@Test
	void aStreamSilentBetweenEventsTimesOutAndSendsNoMoreText() {
		BedrockPipe pipe = pipe(1, PipeTimeouts.defaults().withStreamIdle(Duration.ofMillis(500)));
		bedrock.faults().pauseNextStream(1, Duration.ofMillis(2500));
		List<String> deltas = new CopyOnWriteArrayList<>();

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> CallPath.await(pipe.stream(PROMPT, deltas::add)));

		assertThat(failure).isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
		assertThat(failure.getMessage()).contains("between events", "PT0.5S");
		assertThat(failure.fix()).contains("PipeTimeouts.streamIdle");
		await().atMost(Duration.ofSeconds(10)).until(() -> bedrock.get().journal("ConverseStream").size() == 1);
		assertThat(deltas).hasSize(1);
	}

}
