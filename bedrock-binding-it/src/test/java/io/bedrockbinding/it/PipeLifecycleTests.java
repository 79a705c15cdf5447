package io.bedrockbinding.it;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeObserver;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.PipeTimeouts;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** On-demand fallback, the observer, and what closing the factory does. */
class PipeLifecycleTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void fallbackRetriesARefusalWithTheRegionsGeoProfile(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.directRegistry("us-east-2")).onDemandFallback(true).build());

		PipeResult result = path.call(factory.pipe(Fixture.NOVA_PRO), "fall back");

		assertThat(result.fallback()).isTrue();
		assertThat(result.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(result.targetKind()).isEqualTo(TargetKind.SYSTEM_PROFILE);
		assertThat(result.region()).isEqualTo("us-east-2");
		assertThat(result.text()).contains("via us.amazon.nova-pro-v1:0").endsWith("fall back");
		List<JournalEntry> calls = bedrock.get().journal(path.api());
		assertThat(calls).extracting(JournalEntry::modelId)
			.containsExactly(Fixture.NOVA_PRO, "us.amazon.nova-pro-v1:0");
		assertThat(calls).extracting(JournalEntry::status).containsExactly(400, 200);
		assertThat(calls).extracting(JournalEntry::region).containsOnly("us-east-2");
	}

	@Test
	void fallbackOfAnAliasUsesTheCalledModelsProfile() {
		BindingRegistry registry = Fixture.directRegistry("us-east-2");
		registry.bind("myapp.chat-v1", Fixture.NOVA_PRO);
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), registry).onDemandFallback(true).build());

		PipeResult result = factory.pipe("myapp.chat-v1").execute("alias");

		assertThat(result.fallback()).isTrue();
		assertThat(result.modelId()).isEqualTo("myapp.chat-v1");
		assertThat(result.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(bedrock.get().journal("Converse")).extracting(JournalEntry::status).containsExactly(400, 200);
	}

	@Test
	void fallbackIsLoggedOncePerModel() {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.directRegistry("us-east-2")).onDemandFallback(true).build());
		String log = capturedStandardError(() -> {
			for (CallPath path : CallPath.values()) {
				assertThat(path.call(factory.pipe(Fixture.NOVA_PRO), "nova " + path).fallback()).isTrue();
				assertThat(path.call(factory.pipe(Fixture.DEEPSEEK), "deepseek " + path).fallback()).isTrue();
			}
		});

		List<String> lines = log.lines().filter((line) -> line.contains("cannot be called on demand")).toList();
		assertThat(lines).hasSize(2);
		assertThat(lines).filteredOn((line) -> line.contains(Fixture.NOVA_PRO + "=us.amazon.nova-pro-v1:0")).hasSize(1);
		assertThat(lines).filteredOn((line) -> line.contains(Fixture.DEEPSEEK + "=us.deepseek.r1-v1:0")).hasSize(1);
		assertThat(bedrock.journal()).hasSize(12);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void fallbackDoesNotHideOtherFailures(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.directRegistry("us-east-1")).onDemandFallback(true).build());

		assertThatThrownBy(() -> path.call(factory.pipe("amazon.no-such-model-v1:0"), "hi")).isInstanceOfSatisfying(
				BedrockPipeException.class,
				(failure) -> assertThat(failure.reason()).isEqualTo(FailureReason.UNKNOWN_MODEL));
		assertThat(bedrock.journal()).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void observerSeesEverySuccessAndFailure(CallPath path) {
		List<String> events = new CopyOnWriteArrayList<>();
		PipeObserver observer = (modelId, kind, region) -> {
			events.add("start " + modelId + " " + kind + " " + region);
			return new PipeObserver.Call() {

				@Override
				public void succeeded(PipeResult result) {
					events.add("succeeded " + result.invokedTarget());
				}

				@Override
				public void failed(BedrockPipeException failure) {
					events.add("failed " + failure.reason());
				}

			};
		};
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.registry("us-east-2")).observer(observer).build());

		path.call(factory.pipe(Fixture.NOVA_PRO), "works");
		assertThatThrownBy(() -> path.call(factory.pipe("amazon.no-such-model-v1:0"), "fails"))
			.isInstanceOf(BedrockPipeException.class);

		assertThat(events).containsExactly("start " + Fixture.NOVA_PRO + " SYSTEM_PROFILE us-east-2",
				"succeeded us.amazon.nova-pro-v1:0", "start amazon.no-such-model-v1:0 DIRECT us-east-2",
				"failed UNKNOWN_MODEL");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void moreRegionsThanTheLimitKeepAtMostTheLimitOfClientsAndEveryCallSucceeds(CallPath path) throws Exception {
		BindingRegistry registry = Fixture.registry("us-east-1");
		List<String> regions = List.of("us-east-1", "us-east-2", "us-west-2");
		List<String> models = List.of(Fixture.NOVA_PRO, Fixture.DEEPSEEK, Fixture.SONNET_37);
		for (int i = 0; i < 3; i++) {
			String profile = "us." + models.get(i);
			registry.bind(models.get(i),
					"arn:aws:bedrock:" + regions.get(i) + ":" + Fixture.ACCOUNT + ":inference-profile/" + profile);
		}
		BedrockRuntimeClients clients = Fixture.clients(bedrock.get(), 1).maxRegions(2).build();
		BedrockPipeFactory factory = this.factories.track(BedrockPipeFactory.builder(registry, clients).build());

		for (int round = 0; round < 2; round++) {
			for (String model : models) {
				assertThat(path.call(factory.pipe(model), "hi").text()).isNotEmpty();
				assertThat(clients.regions()).hasSizeLessThanOrEqualTo(2);
			}
		}
		assertThat(bedrock.journal()).extracting(JournalEntry::region)
			.containsExactly("us-east-1", "us-east-2", "us-west-2", "us-east-1", "us-east-2", "us-west-2");
	}

	@Test
	void closingTheFactoryClosesItsClientsAndLaterCallsFailClearly() throws Exception {
		// Core's own HTTP client settings: the async client owns its event loop, as in an
		// application.
		BedrockRuntimeClients clients = Fixture.defaultClients(bedrock.get(), 1).build();
		BedrockPipeFactory factory = BedrockPipeFactory.builder(Fixture.registry("us-east-1"), clients).build();
		BedrockPipe pipe = factory.pipe(Fixture.LLAMA);
		for (CallPath path : CallPath.values()) {
			path.call(pipe, "before close");
		}
		BedrockRuntimeClient sync = clients.sync("us-east-1");
		BedrockRuntimeAsyncClient async = clients.async("us-east-1");

		factory.close();

		for (CallPath path : CallPath.values()) {
			assertThatThrownBy(() -> path.call(pipe, "after close")).as(path.name())
				.isInstanceOfSatisfying(BedrockPipeException.class, (failure) -> {
					assertThat(failure.reason()).isEqualTo(FailureReason.OTHER);
					assertThat(failure.getMessage()).contains("factory is closed");
					// on every path, where the call was to go
					assertThat(failure.target()).isEqualTo(Fixture.LLAMA);
					assertThat(failure.region()).isEqualTo("us-east-1");
				});
		}
		// The SDK clients themselves were closed, not merely forgotten.
		ConverseRequest request = ConverseRequest.builder()
			.modelId(Fixture.LLAMA)
			.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("raw")).build())
			.build();
		assertThatThrownBy(() -> sync.converse(request)).isInstanceOf(RuntimeException.class);
		CompletableFuture<?> raw = async.converse(request);
		assertThatThrownBy(() -> raw.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class);
		assertThat(bedrock.journal()).hasSize(3);
	}

	@Test
	void aSyncCallThatTheFactorysCloseCutsOffSaysSo() {
		AtomicReference<BedrockPipeFactory> closed = new AtomicReference<>();
		// the factory closes while its call is under way, as its request is about to go
		ExecutionInterceptor closer = new ExecutionInterceptor() {

			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				closed.get().close();
			}

		};
		closed.set(
				BedrockPipeFactory
					.builder(Fixture.registry("us-east-1"), Fixture.defaultClients(bedrock.get(), 1)
						.syncCustomizer((builder) -> builder.overrideConfiguration(
								builder.overrideConfiguration().toBuilder().addExecutionInterceptor(closer).build()))
						.build())
					.build());

		assertThatThrownBy(() -> closed.get().pipe(Fixture.LLAMA).execute("cut off"))
			.isInstanceOfSatisfying(BedrockPipeException.class, (failure) -> {
				assertThat(failure.reason()).isEqualTo(FailureReason.OTHER);
				// the close is named, not what it did to the call (a connection pool shut
				// down under it)
				assertThat(failure.getMessage())
					.startsWith("The pipe's factory was closed while the call ran, and with it its Bedrock clients");
				assertThat(failure.fix()).contains("only after its calls ended");
				assertThat(failure.target()).isEqualTo(Fixture.LLAMA);
			});
		assertThat(bedrock.journal()).isEmpty();
	}

	@Test
	void aStreamRunningWhenTheFactoryClosesEndsWithTheCloseAndDoesNotHang() throws Exception {
		// Clients on the tests' shared event loop, which outlives them (as a user's own
		// HTTP client may): closing them leaves an open stream's connection to itself.
		BedrockPipeFactory factory = BedrockPipeFactory
			.builder(Fixture.registry("us-east-1"),
					Fixture.clients(bedrock.get(), 1)
						.timeouts(PipeTimeouts.defaults().withStreamIdle(Duration.ofSeconds(2)))
						.build())
			.build();
		// the reply stops after its first delta for far longer than the test waits
		bedrock.faults().pauseNextStream(1, Duration.ofSeconds(20));
		CountDownLatch firstDelta = new CountDownLatch(1);
		CompletableFuture<PipeResult> stream = factory.pipe(Fixture.LLAMA)
			.stream("a reply long enough for several deltas", (text) -> firstDelta.countDown());
		assertThat(firstDelta.await(10, TimeUnit.SECONDS)).isTrue();

		factory.close();

		// ended by the close (well before its idle timeout would have passed, had it
		// been kept), not left to wait for the rest of the reply
		ExecutionException ended = catchThrowableOfType(ExecutionException.class,
				() -> stream.get(1, TimeUnit.SECONDS));
		assertThat(ended).as("the stream should have ended with the close").isNotNull();
		assertThat(ended.getCause()).isInstanceOfSatisfying(BedrockPipeException.class, (failure) -> {
			assertThat(failure.reason()).isEqualTo(FailureReason.OTHER);
			assertThat(failure.getMessage())
				.startsWith("The pipe's factory was closed while the call ran, and with it its Bedrock clients");
			assertThat(failure.fix()).contains("only after its calls ended");
		});
	}

	@Test
	void closingAfterAsyncCallsIsQuietAndLaterRawCallsFailAtOnce() {
		ConverseRequest request = ConverseRequest.builder()
			.modelId(Fixture.LLAMA)
			.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("raw")).build())
			.build();
		List<String> outcomes = new ArrayList<>();
		// Closing used to end the event loops without waiting: a call in that window was
		// taken by a loop that never ran it, and hung (about 1 in 13 closes).
		String log = capturedStandardError(() -> {
			for (int i = 0; i < 10; i++) {
				BedrockRuntimeClients clients = Fixture.defaultClients(bedrock.get(), 1).build();
				BedrockPipeFactory factory = BedrockPipeFactory.builder(Fixture.registry("us-east-1"), clients).build();
				CompletableFuture<PipeResult> async = factory.pipe(Fixture.LLAMA).executeAsync("before close");
				CompletableFuture<PipeResult> stream = factory.pipe(Fixture.LLAMA).stream("before close", (text) -> {
				});
				CallPath.await(async);
				CallPath.await(stream);
				BedrockRuntimeAsyncClient raw = clients.async("us-east-1");
				factory.close();
				try {
					raw.converse(request).get(5, TimeUnit.SECONDS);
					outcomes.add("answered");
				}
				catch (ExecutionException ex) {
					outcomes.add("failed");
				}
				catch (InterruptedException | java.util.concurrent.TimeoutException ex) {
					outcomes.add("hung");
				}
			}
		});

		assertThat(outcomes).hasSize(10).containsOnly("failed");
		assertThat(log).doesNotContain("RejectedExecutionException");
	}

	@Test
	void asyncCallsAfterCloseReturnAFailedFutureInsteadOfThrowing() {
		List<String> events = new CopyOnWriteArrayList<>();
		BedrockPipeFactory factory = Fixture.factory(bedrock.get(), Fixture.registry("us-east-1"))
			.observer((modelId, kind, region) -> new PipeObserver.Call() {

				@Override
				public void failed(BedrockPipeException failure) {
					events.add("failed " + failure.reason());
				}

			})
			.build();
		factory.close();

		CompletableFuture<PipeResult> async = factory.pipe(Fixture.LLAMA).executeAsync("late");
		CompletableFuture<PipeResult> stream = factory.pipe(Fixture.LLAMA).stream("late", (text) -> {
		});

		assertThat(async).isCompletedExceptionally();
		assertThat(stream).isCompletedExceptionally();
		assertThatThrownBy(() -> CallPath.await(async)).isInstanceOf(BedrockPipeException.class);
		assertThatThrownBy(() -> CallPath.await(stream)).isInstanceOf(BedrockPipeException.class);
		assertThat(events).containsExactly("failed OTHER", "failed OTHER");
		assertThat(bedrock.journal()).isEmpty();
	}

	private static String capturedStandardError(Runnable action) {
		PrintStream original = System.err;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			action.run();
		}
		finally {
			System.setErr(original);
		}
		String text = captured.toString(StandardCharsets.UTF_8);
		original.print(text);
		return text;
	}

}
