package io.bedrockbinding.benchmarks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.pipe.FailoverSettings;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.registry.BindingRegistry;

/**
 * A bounded load harness (JMH times single calls; this counts outcomes under a quota):
 * LocalBedrock limits each target to {@code N} requests per minute, and 16 callers call
 * one pipe as fast as they can for a fixed time, once with the model bound to one target
 * and once to a two-target chain. Both runs use the same emulator, clients and quotas;
 * the quota minute and the cooldowns run on a clock {@value #SPEED}x faster than the
 * wall, so a 20 s run spans 2 quota minutes. Prints goodput (answered calls per second),
 * the ratio chain/single (goal at least 1.9), lost calls (submitted but neither answered
 * nor failed with a {@link BedrockPipeException}; goal 0) and the p50/p99 of answered
 * calls.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.bedrockbinding.benchmarks.FailoverLoadHarness [seconds] [rpm]}
 */
public final class FailoverLoadHarness {

	private static final String MODEL = LocalSetup.MODEL;

	private static final int CALLERS = 16;

	private static final int SPEED = 6;

	private FailoverLoadHarness() {
	}

	public static void main(String[] args) throws Exception {
		System.setProperty("sun.net.httpserver.nodelay", "true");
		int seconds = (args.length > 0) ? Integer.parseInt(args[0]) : 20;
		int rpm = (args.length > 1) ? Integer.parseInt(args[1]) : 120;
		Clock clock = new FastClock(SPEED);
		try (LocalBedrock bedrock = LocalBedrock.builder()
			.requestsPerMinute("us." + MODEL, rpm)
			.requestsPerMinute("global." + MODEL, rpm)
			.quotaClock(clock)
			.build()
			.start()) {
			// no SDK retries: a throttled call reaches the chain (or the caller) at once
			BedrockRuntimeClients clients = BedrockRuntimeClients.builder()
				.endpoint(bedrock.endpoint())
				.credentialsProvider(LocalBedrockClients.credentials())
				.syncCustomizer(
						(builder) -> builder.overrideConfiguration((o) -> o.retryStrategy((s) -> s.maxAttempts(1))))
				.build();
			FailoverSettings failover = new FailoverSettings(Duration.ofSeconds(30), 2, 1, clock);
			System.out.printf("quota %d requests/min per target (1 quota minute = %.1f s), %d callers, %d s per run%n",
					rpm, 60.0 / SPEED, CALLERS, seconds);
			// a warm-up of each, so that neither run pays the JIT alone
			run(bedrock, clients, failover, "us." + MODEL, 3);
			run(bedrock, clients, failover, "us." + MODEL + ", global." + MODEL, 3);
			Outcome single = run(bedrock, clients, failover, "us." + MODEL, seconds);
			Outcome chain = run(bedrock, clients, failover, "us." + MODEL + ", global." + MODEL, seconds);
			System.out.println("single: " + single);
			System.out.println("chain:  " + chain);
			System.out.printf("goodput chain/single: %.2fx (goal >= 1.9x)%n", chain.goodput() / single.goodput());
			clients.close();
		}
	}

	private static Outcome run(LocalBedrock bedrock, BedrockRuntimeClients clients, FailoverSettings failover,
			String targets, int seconds) throws Exception {
		bedrock.reset();
		BindingRegistry registry = BindingRegistry.builder(bedrock.catalog()).region(LocalSetup.REGION).build();
		registry.bind(MODEL, targets);
		BedrockPipeFactory factory = BedrockPipeFactory.builder(registry, clients).failover(failover).build();
		BedrockPipe pipe = factory.pipe(MODEL).withMaxTokens(LocalSetup.MAX_TOKENS);
		AtomicLong submitted = new AtomicLong();
		AtomicLong answered = new AtomicLong();
		AtomicLong throttled = new AtomicLong();
		AtomicLong otherErrors = new AtomicLong();
		long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
		ExecutorService pool = Executors.newFixedThreadPool(CALLERS);
		List<Future<long[]>> callers = new ArrayList<>();
		for (int c = 0; c < CALLERS; c++) {
			callers.add(pool.submit(() -> {
				long[] latencies = new long[1 << 16];
				int n = 0;
				while (System.nanoTime() < end) {
					submitted.incrementAndGet();
					long start = System.nanoTime();
					try {
						pipe.execute(LocalSetup.PROMPT);
						answered.incrementAndGet();
						if (n == latencies.length) {
							latencies = Arrays.copyOf(latencies, n * 2);
						}
						latencies[n++] = System.nanoTime() - start;
					}
					catch (BedrockPipeException ex) {
						((ex.reason() == FailureReason.THROTTLED) ? throttled : otherErrors).incrementAndGet();
					}
				}
				return Arrays.copyOf(latencies, n);
			}));
		}
		List<long[]> all = new ArrayList<>();
		for (Future<long[]> caller : callers) {
			all.add(caller.get());
		}
		pool.shutdown();
		long[] latencies = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
		long lost = submitted.get() - answered.get() - throttled.get() - otherErrors.get();
		return new Outcome(targets, seconds, submitted.get(), answered.get(), throttled.get(), otherErrors.get(), lost,
				percentile(latencies, 0.50), percentile(latencies, 0.99));
	}

	private static double percentile(long[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		return sorted[(int) Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] / 1000.0;
	}

	/**
	 * One run's counts.
	 *
	 * @param targets the binding
	 * @param seconds how long it ran
	 * @param submitted calls started
	 * @param answered calls answered
	 * @param throttled calls that failed THROTTLED
	 * @param otherErrors calls that failed otherwise
	 * @param lost calls neither answered nor failed
	 * @param p50 median latency of answered calls, in microseconds
	 * @param p99 99th percentile of answered calls, in microseconds
	 */
	record Outcome(String targets, int seconds, long submitted, long answered, long throttled, long otherErrors,
			long lost, double p50, double p99) {

		double goodput() {
			return (double) this.answered / this.seconds;
		}

		@Override
		public String toString() {
			return String.format(
					"%s: goodput %.1f/s, submitted %d, answered %d, throttled %d, other errors %d, lost %d, p50 %.0f us, p99 %.0f us",
					this.targets, goodput(), this.submitted, this.answered, this.throttled, this.otherErrors, this.lost,
					this.p50, this.p99);
		}

	}

	/** The wall clock, {@code speed} times faster, from now. */
	static final class FastClock extends Clock {

		private final long startNanos = System.nanoTime();

		private final Instant start = Instant.now();

		private final int speed;

		FastClock(int speed) {
			this.speed = speed;
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return this.start.plusNanos((System.nanoTime() - this.startNanos) * this.speed);
		}

	}

}
