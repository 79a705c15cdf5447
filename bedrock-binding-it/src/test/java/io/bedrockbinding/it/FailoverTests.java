package io.bedrockbinding.it;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.bedrockbinding.account.StaticAccountResolver;
import io.bedrockbinding.emulator.Fault;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.emulator.MovableClock;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.FailoverSettings;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.PipeTool;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * Failover along a binding's chain, on every call path: on throttling, unavailability, a
 * model not ready and model timeouts the next target answers; on access denied, an
 * unknown model or a model error the caller sees the failure at once; a target that keeps
 * throttling cools down and is probed again; a stream fails over only before its first
 * text. Clients make one attempt, so every fault reaches the chain.
 */
class FailoverTests {

	private static final String HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";

	private static final String FIRST = "us." + HAIKU;

	private static final String SECOND = "global." + HAIKU;

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T00:00:00Z"));

	private BedrockPipeFactory factory(String chain, int cooldownAfter) {
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(HAIKU, chain);
		return this.factories.track(Fixture.factory(bedrock.get(), registry)
			.failover(new FailoverSettings(Duration.ofSeconds(30), cooldownAfter, 0, this.clock))
			.build());
	}

	private BedrockPipe pipe() {
		return factory(FIRST + ", " + SECOND, 2).pipe(HAIKU);
	}

	private static List<String> called(CallPath path) {
		return bedrock.get().journal(path.api()).stream().map(JournalEntry::modelId).toList();
	}

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "EXECUTE, THROTTLING", "EXECUTE, SERVICE_UNAVAILABLE", "EXECUTE, MODEL_NOT_READY",
			"EXECUTE, MODEL_TIMEOUT", "EXECUTE_ASYNC, THROTTLING", "EXECUTE_ASYNC, SERVICE_UNAVAILABLE",
			"EXECUTE_ASYNC, MODEL_NOT_READY", "EXECUTE_ASYNC, MODEL_TIMEOUT", "STREAM, THROTTLING",
			"STREAM, SERVICE_UNAVAILABLE", "STREAM, MODEL_NOT_READY", "STREAM, MODEL_TIMEOUT" })
	void aRetryableFailureOfTheFirstTargetIsAnsweredByTheNext(CallPath path, Fault fault) {
		BedrockPipe pipe = pipe();
		bedrock.faults().failNext(path.api(), 1, fault);

		PipeResult result = path.call(pipe, "hello");

		assertThat(result.invokedTarget()).isEqualTo(SECOND);
		assertThat(result.targetsTried()).isEqualTo(2);
		assertThat(result.text()).contains("You said: hello");
		assertThat(called(path)).containsExactly(FIRST, SECOND);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(CallPath.class)
	void anAnswerOfTheFirstTargetTriesNoOther(CallPath path) {
		PipeResult result = path.call(pipe(), "hello");

		assertThat(result.invokedTarget()).isEqualTo(FIRST);
		assertThat(result.targetsTried()).isEqualTo(1);
		assertThat(called(path)).containsExactly(FIRST);
	}

	@ParameterizedTest(name = "{0} on {1}")
	@CsvSource({ "EXECUTE, ACCESS_DENIED, ACCESS_DENIED", "EXECUTE, MODEL_ERROR, SERVICE_ERROR",
			"EXECUTE, INTERNAL_SERVER, SERVICE_ERROR", "EXECUTE_ASYNC, ACCESS_DENIED, ACCESS_DENIED",
			"EXECUTE_ASYNC, MODEL_ERROR, SERVICE_ERROR", "STREAM, ACCESS_DENIED, ACCESS_DENIED" })
	void aFailureThatIsTheCallersIsNotFailedOver(CallPath path, Fault fault, FailureReason reason) {
		BedrockPipe pipe = pipe();
		bedrock.faults().failNext(path.api(), 1, fault);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> path.call(pipe, "hello"))
			.satisfies((failure) -> {
				assertThat(failure.reason()).isEqualTo(reason);
				assertThat(failure.target()).isEqualTo(FIRST);
			});
		assertThat(called(path)).containsExactly(FIRST);
	}

	@Test
	void aTargetBeforeTheLastGetsFewerSdkAttemptsAndTheLastKeepsTheClients() {
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(HAIKU, FIRST + ", " + SECOND);
		BedrockPipeFactory factory = this.factories
			.track(BedrockPipeFactory.builder(registry, Fixture.clients(bedrock.get(), 3).build())
				.failover(new FailoverSettings(Duration.ofSeconds(30), 2, 1, this.clock))
				.build());
		bedrock.faults().failNext(2, Fault.THROTTLING);

		PipeResult result = factory.pipe(HAIKU).execute("hello");

		assertThat(result.invokedTarget()).isEqualTo(SECOND);
		// one attempt on the first target; the client's retries on the last
		assertThat(bedrock.get().journal("Converse")).extracting((entry) -> entry.modelId() + " " + entry.status())
			.containsExactly(FIRST + " 429", SECOND + " 429", SECOND + " 200");
	}

	@Test
	void anApiCallTimeoutFailsOverAndEveryTargetHasTheWholeTimeout() {
		BedrockPipe pipe = pipe().withTimeout(Duration.ofMillis(500));
		bedrock.faults().latency(Duration.ofMillis(1500));

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> pipe.execute("hello"))
			.satisfies((failure) -> {
				assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
				assertThat(failure.getMessage())
					.contains("1. " + FIRST + " (us-east-1): The call timed out after PT0.5S")
					.contains("2. " + SECOND + " (us-east-1): The call timed out after PT0.5S");
			});
		// Let the emulator's late answers end here, not in the next test's journal.
		await().atMost(Duration.ofSeconds(10)).until(() -> called(CallPath.EXECUTE).size() == 2);
		assertThat(called(CallPath.EXECUTE)).containsExactly(FIRST, SECOND);
		bedrock.faults().latency(Duration.ZERO);
	}

	@Test
	void anUnknownModelIsAValidationErrorAndNotFailedOver() {
		BedrockPipe pipe = factory("us.amazon.nova-pro-v9:0, " + SECOND, 2).pipe(HAIKU);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> pipe.execute("hello"))
			.satisfies((failure) -> assertThat(failure.reason()).isEqualTo(FailureReason.UNKNOWN_MODEL));
		assertThat(called(CallPath.EXECUTE)).containsExactly("us.amazon.nova-pro-v9:0");
	}

	@Test
	void anExhaustedChainIsOneExceptionListingEveryTarget() {
		BedrockPipe pipe = pipe();
		bedrock.faults().failNext(2, Fault.THROTTLING);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> pipe.execute("hello"))
			.satisfies((failure) -> {
				assertThat(failure.reason()).isEqualTo(FailureReason.THROTTLED);
				assertThat(failure.getMessage()).contains("Every target of " + HAIKU + " failed, in order:")
					.contains("1. " + FIRST + " (us-east-1): Bedrock refused the call: Too many requests")
					.contains("2. " + SECOND + " (us-east-1): Bedrock refused the call: Too many requests");
				assertThat(failure.fix()).contains("add a target of another geography, region or account");
				assertThat(failure.getSuppressed()).hasSize(1);
				// each line ends with what AWS said of that target; the model, target and
				// region are said once, by the exception's own details at the end
				BedrockPipeException first = (BedrockPipeException) failure.getSuppressed()[0];
				List<String> lines = failure.getMessage().lines().toList();
				assertThat(lines.get(1)).endsWith("again. (ThrottlingException, request " + first.requestId() + ")");
				assertThat(lines.get(2)).endsWith("again. [model " + HAIKU + ", target " + SECOND
						+ ", region us-east-1, ThrottlingException, request " + failure.requestId() + "]");
				assertThat(failure.getMessage().split("\\[model ", -1)).hasSize(2);
			});
	}

	@Test
	void aChainThatFailsNamesTheTargetsItSkippedAsCoolingDown() {
		BedrockPipeFactory factory = factory(FIRST + ", " + SECOND, 1);
		BedrockPipe pipe = factory.pipe(HAIKU);
		bedrock.faults().failNext(1, Fault.THROTTLING);
		pipe.execute("one");
		Instant until = this.clock.instant().plusSeconds(30);
		bedrock.faults().failNext(1, Fault.THROTTLING);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> pipe.execute("two"))
			.satisfies((failure) -> {
				assertThat(failure.reason()).isEqualTo(FailureReason.THROTTLED);
				assertThat(failure.target()).isEqualTo(SECOND);
				assertThat(failure.getMessage()).contains("Every target of " + HAIKU + " failed or is cooling down")
					.contains("1. " + SECOND + " (us-east-1): Bedrock refused the call: Too many requests")
					.contains(
							"skipped: " + FIRST + " (us-east-1), cooling down after 1 throttled call, until " + until);
				assertThat(failure.fix())
					.startsWith("still throttled after the SDK's retries: slow down or ask for a higher quota; "
							+ "calls try the skipped targets again when their cooldown ends; or add a target")
					.doesNotContain("cross-region profile");
			});
	}

	@Test
	void aChainEndedByTheCallersFailureStillNamesTheTargetsItSkipped() {
		String third = "arn:aws:bedrock:us-west-2:" + Fixture.ACCOUNT + ":inference-profile/" + FIRST;
		BedrockPipe pipe = factory(FIRST + ", " + SECOND + ", " + third, 1).pipe(HAIKU);
		bedrock.faults().failNext(1, Fault.THROTTLING);
		pipe.execute("one");
		// the first target cools down; the second throttles, the third refuses
		bedrock.faults().failNext(1, Fault.THROTTLING);
		bedrock.faults().failNext(1, Fault.ACCESS_DENIED);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> pipe.execute("two"))
			.satisfies((failure) -> {
				assertThat(failure.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
				assertThat(failure.target()).isEqualTo(third);
				assertThat(failure.getMessage()).contains("Every target of " + HAIKU + " failed or is cooling down")
					.contains("1. " + SECOND + " (us-east-1): Bedrock refused the call: Too many requests")
					.contains("2. " + third + " (us-west-2): Bedrock refused the call: You don't have access")
					.contains("skipped: " + FIRST + " (us-east-1), cooling down after 1 throttled call");
			});
		assertThat(called(CallPath.EXECUTE)).containsExactly(FIRST, SECOND, SECOND, third);
	}

	@Test
	void aTargetThatKeepsThrottlingCoolsDownAndIsProbedAgainAfterTheCooldown() {
		BedrockPipeFactory factory = factory(FIRST + ", " + SECOND, 2);
		BedrockPipe pipe = factory.pipe(HAIKU);
		bedrock.faults().failNext(1, Fault.THROTTLING);
		pipe.execute("one");
		assertThat(factory.cooldowns().active()).isEmpty();
		bedrock.faults().failNext(1, Fault.THROTTLING);
		pipe.execute("two");
		assertThat(factory.cooldowns().active()).singleElement().satisfies((cooldown) -> {
			assertThat(cooldown.target()).isEqualTo(FIRST);
			assertThat(cooldown.until()).isEqualTo(this.clock.instant().plusSeconds(30));
			assertThat(cooldown.throttles()).isEqualTo(2);
		});
		bedrock.get().reset();

		PipeResult cooled = pipe.execute("three");
		this.clock.advance(Duration.ofSeconds(31));
		PipeResult probed = pipe.execute("four");

		assertThat(cooled.invokedTarget()).isEqualTo(SECOND);
		assertThat(cooled.targetsTried()).isEqualTo(1);
		assertThat(probed.invokedTarget()).isEqualTo(FIRST);
		assertThat(called(CallPath.EXECUTE)).containsExactly(SECOND, FIRST);
		assertThat(factory.cooldowns().active()).isEmpty();
	}

	@Test
	void aTemplatedTargetCoolsDownUnderTheArnItCalledAndIsSkipped() {
		String template = "arn:aws:bedrock:{region}:{account}:inference-profile/" + FIRST;
		String arn = "arn:aws:bedrock:us-east-1:" + Fixture.ACCOUNT + ":inference-profile/" + FIRST;
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(HAIKU, template + ", " + SECOND);
		BedrockPipeFactory factory = this.factories.track(Fixture.factory(bedrock.get(), registry)
			.accountResolver(new StaticAccountResolver(Fixture.ACCOUNT))
			.failover(new FailoverSettings(Duration.ofSeconds(30), 1, 0, this.clock))
			.build());
		BedrockPipe pipe = factory.pipe(HAIKU);
		bedrock.faults().failNext(1, Fault.THROTTLING);
		pipe.execute("one");
		assertThat(factory.cooldowns().active()).singleElement()
			.satisfies((cooldown) -> assertThat(cooldown.target()).isEqualTo(arn));
		bedrock.get().reset();

		PipeResult cooled = pipe.execute("two");

		assertThat(cooled.invokedTarget()).isEqualTo(SECOND);
		assertThat(cooled.targetsTried()).isEqualTo(1);
		assertThat(called(CallPath.EXECUTE)).containsExactly(SECOND);
	}

	@Test
	void aStreamFailsOverBeforeItsFirstText() {
		BedrockPipe pipe = pipe();
		bedrock.faults().breakNextStream(0, Fault.THROTTLING);
		List<String> deltas = new CopyOnWriteArrayList<>();

		PipeResult result = CallPath.await(pipe.stream("hello", deltas::add));

		assertThat(result.invokedTarget()).isEqualTo(SECOND);
		assertThat(String.join("", deltas)).isEqualTo(result.text());
		assertThat(called(CallPath.STREAM)).containsExactly(FIRST, SECOND);
	}

	@Test
	void aStreamNeverFailsOverAfterItsFirstText() {
		BedrockPipe pipe = pipe();
		bedrock.faults().breakNextStream(2, Fault.THROTTLING);
		List<String> deltas = new CopyOnWriteArrayList<>();

		assertThatExceptionOfType(BedrockPipeException.class)
			.isThrownBy(() -> CallPath.await(pipe.stream("a reply long enough for several deltas", deltas::add)))
			.satisfies((failure) -> assertThat(failure.target()).isEqualTo(FIRST));
		assertThat(deltas).hasSize(2);
		assertThat(called(CallPath.STREAM)).containsExactly(FIRST);
	}

	@Test
	void aStreamedToolLoopNeverFailsOverAfterAnEarlierRoundsText() {
		// the round after the tool is throttled: its reply would follow the first
		// round's text from another target
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", PipeToolTests.City.class, (city) -> {
			bedrock.faults().failNext("ConverseStream", 1, Fault.THROTTLING);
			return "Sunny in " + city.city();
		});
		BedrockPipe pipe = pipe().withTool(weather);
		List<String> deltas = new CopyOnWriteArrayList<>();

		assertThatExceptionOfType(BedrockPipeException.class)
			.isThrownBy(() -> CallPath.await(pipe.stream("What is the weather in Paris?", deltas::add)))
			.satisfies((failure) -> {
				assertThat(failure.reason()).isEqualTo(FailureReason.THROTTLED);
				assertThat(failure.target()).isEqualTo(FIRST);
			});
		assertThat(deltas).isNotEmpty();
		assertThat(called(CallPath.STREAM)).containsExactly(FIRST, FIRST);
	}

	@Test
	void aStreamThrottledAfterItsFirstTextCoolsItsTargetDown() {
		BedrockPipeFactory factory = factory(FIRST + ", " + SECOND, 1);
		bedrock.faults().breakNextStream(2, Fault.THROTTLING);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(
				() -> CallPath.await(factory.pipe(HAIKU).stream("a reply long enough for several deltas", (text) -> {
				})));

		assertThat(factory.cooldowns().active()).singleElement()
			.satisfies((cooldown) -> assertThat(cooldown.target()).isEqualTo(FIRST));
	}

	@Test
	void aLaterTargetWhoseTemplateCannotBeFilledIsNamedAfterTheFailuresBeforeIt() {
		// no account is configured: the second target cannot be called
		String template = "arn:aws:bedrock:us-east-1:{account}:inference-profile/" + FIRST;
		BedrockPipe pipe = factory(FIRST + ", " + template, 2).pipe(HAIKU);
		bedrock.faults().failNext(1, Fault.THROTTLING);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> pipe.execute("hello"))
			.satisfies((failure) -> {
				assertThat(failure.reason()).isEqualTo(FailureReason.UNRESOLVED_TEMPLATE);
				assertThat(failure.target()).isEqualTo(template);
				assertThat(failure.region()).isEqualTo("us-east-1");
				assertThat(failure.getMessage()).contains("Every target of " + HAIKU + " failed")
					.contains("1. " + FIRST + " (us-east-1)")
					.contains("2. " + template + " (us-east-1)");
				assertThat(failure.getSuppressed()).singleElement()
					.satisfies((first) -> assertThat(((BedrockPipeException) first).reason())
						.isEqualTo(FailureReason.THROTTLED));
			});
		assertThat(called(CallPath.EXECUTE)).containsExactly(FIRST);
	}

	@Test
	void aSyncCallWhoseThreadIsInterruptedIsCancelledAndTriesNoOtherTarget() {
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(HAIKU, FIRST + ", " + SECOND);
		AtomicInteger requests = new AtomicInteger();
		// the caller's thread is interrupted as the second target's request starts
		ExecutionInterceptor interrupter = new ExecutionInterceptor() {

			@Override
			public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
				if (requests.incrementAndGet() == 2) {
					Thread.currentThread().interrupt();
				}
			}

		};
		BedrockPipeFactory factory = this.factories.track(BedrockPipeFactory.builder(registry,
				Fixture.clients(bedrock.get(), 1)
					.syncCustomizer((builder) -> builder.overrideConfiguration(
							builder.overrideConfiguration().toBuilder().addExecutionInterceptor(interrupter).build()))
					.build())
			.failover(new FailoverSettings(Duration.ofSeconds(30), 2, 0, this.clock))
			.build());
		bedrock.faults().failNext(1, Fault.THROTTLING);

		BedrockPipeException failure;
		boolean interrupted;
		try {
			failure = catchThrowableOfType(BedrockPipeException.class, () -> factory.pipe(HAIKU).execute("hello"));
		}
		finally {
			interrupted = Thread.interrupted();
		}

		assertThat(failure).isNotNull();
		// the caller's cancel, as for a cancelled future: not a failure of the target
		assertThat(failure.reason()).isEqualTo(FailureReason.CANCELLED);
		assertThat(failure.getMessage()).startsWith("The caller's thread was interrupted")
			.doesNotContain("Every target");
		assertThat(failure.target()).isEqualTo(SECOND);
		assertThat(interrupted).isTrue();
		assertThat(requests).hasValue(2);
		assertThat(called(CallPath.EXECUTE)).containsExactly(FIRST);
	}

	@Test
	void sixtyFourConcurrentCallersLoseAndDuplicateNothing() throws Exception {
		BedrockPipe pipe = pipe();
		bedrock.faults().failNext(40, Fault.THROTTLING);
		ExecutorService pool = Executors.newFixedThreadPool(64);
		Set<String> answered = ConcurrentHashMap.newKeySet();
		AtomicInteger duplicates = new AtomicInteger();
		AtomicInteger throttled = new AtomicInteger();
		List<Future<?>> calls = new ArrayList<>();
		try {
			for (int i = 0; i < 64; i++) {
				String prompt = "caller-" + i;
				calls.add(pool.submit(() -> {
					try {
						PipeResult result = pipe.execute(prompt);
						assertThat(result.text()).endsWith("You said: " + prompt);
						if (!answered.add(prompt)) {
							duplicates.incrementAndGet();
						}
					}
					catch (BedrockPipeException ex) {
						assertThat(ex.reason()).isEqualTo(FailureReason.THROTTLED);
						throttled.incrementAndGet();
					}
				}));
			}
			for (Future<?> call : calls) {
				call.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(duplicates).hasValue(0);
		assertThat(answered.size() + throttled.get()).isEqualTo(64);
		assertThat(answered).isNotEmpty();
		// every call is one journal entry per target it tried: 40 throttled, one answer
		// each
		assertThat(bedrock.get().journal("Converse")).hasSize(40 + answered.size());
	}

}
