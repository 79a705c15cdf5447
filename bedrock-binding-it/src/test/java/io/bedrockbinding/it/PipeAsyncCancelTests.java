package io.bedrockbinding.it;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeObserver;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.PipeTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A caller that cancels the future of {@code executeAsync} (or of a stream, which takes
 * the same tool loop), or completes it first ({@code orTimeout}, {@code complete}): the
 * request under way is aborted, no other target or tool round is sent, and no other tool
 * of the round runs.
 */
class PipeAsyncCancelTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	private final List<CompletableFuture<Void>> exchanges = new CopyOnWriteArrayList<>();

	private final List<CompletableFuture<Void>> sent = new CopyOnWriteArrayList<>();

	private final List<Object> outcomes = new CopyOnWriteArrayList<>();

	@ParameterizedTest
	@EnumSource(StopWaiting.class)
	void aCancelledCallAbortsItsRequest(StopWaiting stop) {
		// every answer comes later than the test waits for the abort
		bedrock.faults().latency(Duration.ofSeconds(4));

		CompletableFuture<PipeResult> result = factory().pipe(Fixture.HAIKU).executeAsync("Hello");
		// cancelled once the request is on its way: the emulator answers it, late
		await().atMost(Duration.ofSeconds(10)).until(() -> !this.sent.isEmpty() && this.sent.get(0).isDone());
		stop.apply(result);

		// the exchange ends during the latency, and the observation says why
		await().atMost(Duration.ofSeconds(3)).until(() -> this.exchanges.get(0).isDone());
		assertThat(this.exchanges.get(0)).isCompletedExceptionally();
		await().atMost(Duration.ofSeconds(3)).until(() -> !this.outcomes.isEmpty());
		assertThat(this.outcomes).containsExactly(FailureReason.CANCELLED);
		// Let the emulator's late answer end here, not in the next test's journal.
		await().atMost(Duration.ofSeconds(10)).until(() -> bedrock.get().journal("Converse").size() == 1);
	}

	@ParameterizedTest
	@EnumSource(value = CallPath.class, names = { "EXECUTE_ASYNC", "STREAM" })
	void aCallCancelledWhileItsToolRunsSendsNoOtherRound(CallPath path) {
		CompletableFuture<CompletableFuture<PipeResult>> caller = new CompletableFuture<>();
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", PipeToolTests.City.class, (city) -> {
			caller.join().cancel(false);
			return "Sunny in " + city.city();
		});
		BedrockPipe pipe = factory().pipe(Fixture.HAIKU).withTool(weather);
		String question = "What is the weather in Paris?";

		CompletableFuture<PipeResult> result = (path == CallPath.STREAM) ? pipe.stream(question, (text) -> {
		}) : pipe.executeAsync(question);
		caller.complete(result);

		// the first round answered; the second is observed as cancelled, never sent
		await().atMost(Duration.ofSeconds(10)).until(() -> this.outcomes.size() == 2);
		assertThat(result).isCancelled();
		assertThat(this.outcomes.get(0)).isInstanceOf(PipeResult.class);
		assertThat(this.outcomes.get(1)).isEqualTo(FailureReason.CANCELLED);
		assertThat(bedrock.get().journal(path.api())).hasSize(1);
		assertThat(this.exchanges).hasSize(1);
	}

	@Test
	void aCallCancelledByOneToolRunsNoOtherToolOfThatRound() {
		CompletableFuture<CompletableFuture<PipeResult>> caller = new CompletableFuture<>();
		List<String> ran = new CopyOnWriteArrayList<>();
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", PipeToolTests.City.class, (city) -> {
			ran.add("weather");
			caller.join().cancel(false);
			return "Sunny in " + city.city();
		});
		PipeTool alerts = PipeTool.of("alerts", "Weather alerts of a city", PipeToolTests.City.class, (city) -> {
			ran.add("alerts");
			return "None in " + city.city();
		});

		CompletableFuture<PipeResult> result = factory(new AlsoAsksForAlerts()).pipe(Fixture.HAIKU)
			.withTool(weather)
			.withTool(alerts)
			.executeAsync("What is the weather in Paris?");
		caller.complete(result);

		// the next round is observed as cancelled once the round's tools are done
		await().atMost(Duration.ofSeconds(10)).until(() -> this.outcomes.size() == 2);
		assertThat(result).isCancelled();
		assertThat(ran).containsExactly("weather");
		assertThat(this.outcomes.get(1)).isEqualTo(FailureReason.CANCELLED);
		assertThat(bedrock.get().journal("Converse")).hasSize(1);
	}

	private BedrockPipeFactory factory() {
		return factory(new ExecutionInterceptor() {
		});
	}

	private BedrockPipeFactory factory(ExecutionInterceptor interceptor) {
		return this.factories.track(
				BedrockPipeFactory
					.builder(Fixture.registry("us-east-1"), Fixture.clients(bedrock.get(), 1)
						.asyncCustomizer((builder) -> builder
							.httpClientBuilder((defaults) -> new Exchanges(Fixture.netty().buildWithDefaults(defaults),
									this.exchanges, this.sent))
							.overrideConfiguration(builder.overrideConfiguration()
								.toBuilder()
								.addExecutionInterceptor(interceptor)
								.build()))
						.build())
					.observer((modelId, kind, region) -> new PipeObserver.Call() {

						@Override
						public void succeeded(PipeResult result) {
							PipeAsyncCancelTests.this.outcomes.add(result);
						}

						@Override
						public void failed(BedrockPipeException failure) {
							PipeAsyncCancelTests.this.outcomes.add(failure.reason());
						}

					})
					.build());
	}

	/**
	 * How a caller stops waiting for a call's future: each one ends the call as a cancel
	 * does.
	 */
	enum StopWaiting {

		/** {@code cancel(false)}. */
		CANCEL {
			@Override
			void apply(CompletableFuture<PipeResult> future) {
				future.cancel(false);
			}
		},

		/** The JDK's own timeout of a future, {@code orTimeout}, here at once. */
		OR_TIMEOUT {
			@Override
			void apply(CompletableFuture<PipeResult> future) {
				future.orTimeout(1, TimeUnit.NANOSECONDS);
				await().atMost(Duration.ofSeconds(3)).until(future::isDone);
			}
		},

		/** A result of the caller's own, {@code complete}. */
		COMPLETE {
			@Override
			void apply(CompletableFuture<PipeResult> future) {
				future.complete(null);
			}
		};

		/**
		 * Stops waiting for {@code future}.
		 * @param future the future of a call
		 */
		abstract void apply(CompletableFuture<PipeResult> future);

	}

	/**
	 * Adds a second tool use, of {@code alerts}, to an answer that asks for tools:
	 * LocalBedrock asks for one tool a round, Bedrock's models for several at once.
	 */
	private static final class AlsoAsksForAlerts implements ExecutionInterceptor {

		@Override
		public SdkResponse modifyResponse(Context.ModifyResponse context, ExecutionAttributes attributes) {
			if (!(context.response() instanceof ConverseResponse response)
					|| response.stopReason() != StopReason.TOOL_USE) {
				return context.response();
			}
			Message message = response.output().message();
			List<ContentBlock> content = new ArrayList<>(message.content());
			content.add(ContentBlock.fromToolUse(ToolUseBlock.builder()
				.toolUseId("tooluse_alerts")
				.name("alerts")
				.input(Document.mapBuilder().putString("city", "Paris").build())
				.build()));
			return response.toBuilder()
				.output(ConverseOutput.fromMessage(message.toBuilder().content(content).build()))
				.build();
		}

	}

}
