package io.bedrockbinding.benchmarks;

import java.util.Arrays;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.runner.IterationType;

/**
 * Latencies of two calls measured side by side in one fork, one sample of each per
 * benchmark invocation, kept only during measurement iterations. On a 2-core machine the
 * latency of a loopback call moves by 10-30% from one JVM to the next (thread placement,
 * what else runs), which hides a 3% difference between two separately forked benchmarks;
 * interleaving both calls in the same fork exposes them to the same conditions, so their
 * ratio stays meaningful.
 */
final class PairedSamples {

	private static final int CAPACITY = 1 << 19;

	private final String first;

	private final String second;

	private final long[] firstNanos = new long[CAPACITY];

	private final long[] secondNanos = new long[CAPACITY];

	private int count;

	private boolean recording;

	private boolean firstFirst;

	private boolean ran;

	PairedSamples(String first, String second) {
		this.first = first;
		this.second = second;
	}

	/**
	 * Records only in measurement iterations; warm-up samples are dropped.
	 * @param params the iteration JMH is about to run
	 */
	void iteration(IterationParams params) {
		this.recording = params.getType() == IterationType.MEASUREMENT;
	}

	/**
	 * One sample of each, in alternating order from one invocation to the next (so that
	 * neither always runs second, on what the other just warmed), recorded as a pair.
	 * @param first takes one sample of the first call and answers its nanoseconds
	 * @param second takes one sample of the second call and answers its nanoseconds
	 */
	void measure(LongSupplier first, LongSupplier second) {
		this.ran = true;
		this.firstFirst = !this.firstFirst;
		if (this.firstFirst) {
			long firstNanos = first.getAsLong();
			record(firstNanos, second.getAsLong());
		}
		else {
			long secondNanos = second.getAsLong();
			record(first.getAsLong(), secondNanos);
		}
	}

	/**
	 * The time of one call, its result kept from dead-code elimination.
	 * @param blackhole receives the result
	 * @param call the call
	 * @return the nanoseconds the call took
	 */
	static long timed(Blackhole blackhole, Supplier<?> call) {
		long start = System.nanoTime();
		blackhole.consume(call.get());
		return System.nanoTime() - start;
	}

	/**
	 * Prints the {@linkplain #summary() summary} at the end of a fork in which the paired
	 * benchmark ran.
	 */
	void printSummary() {
		if (this.ran) {
			System.out.printf("%n%s%n", summary());
		}
	}

	private void record(long firstNanos, long secondNanos) {
		if (this.recording && this.count < CAPACITY) {
			this.firstNanos[this.count] = firstNanos;
			this.secondNanos[this.count] = secondNanos;
			this.count++;
		}
	}

	/**
	 * p50 and p90 of both, and their ratios, over every measurement iteration.
	 * @return the summary, one line
	 */
	String summary() {
		if (this.count == 0) {
			return "paired: no samples";
		}
		long[] a = Arrays.copyOf(this.firstNanos, this.count);
		long[] b = Arrays.copyOf(this.secondNanos, this.count);
		Arrays.sort(a);
		Arrays.sort(b);
		return String.format(
				"paired, %d samples each: %s p50 %.1f us, p90 %.1f us; %s p50 %.1f us, p90 %.1f us;"
						+ " ratio p50 %.3f, p90 %.3f",
				this.count, this.first, percentile(a, 0.5), percentile(a, 0.9), this.second, percentile(b, 0.5),
				percentile(b, 0.9), percentile(a, 0.5) / percentile(b, 0.5), percentile(a, 0.9) / percentile(b, 0.9));
	}

	private static double percentile(long[] sorted, double p) {
		return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1000.0;
	}

}
