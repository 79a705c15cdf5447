package io.bedrockbinding.benchmarks;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.IterationParams;

/**
 * What every call-against-baseline benchmark shares: sample-time mode in microseconds,
 * the 12 x 2 s warm-up, one fork with a fixed heap and {@code TCP_NODELAY} on the
 * emulator's server, and the {@link PairedSamples} of its paired benchmark, recorded in
 * measurement iterations only and summarised after the run.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true" })
@State(Scope.Benchmark)
public abstract class PairedBenchmark {

	/**
	 * The samples of the paired benchmark: the measured side first, its baseline second.
	 */
	protected final PairedSamples paired;

	/**
	 * The names the summary prints for the two sides.
	 * @param measured the side the goal is about
	 * @param baseline what it is compared with
	 */
	protected PairedBenchmark(String measured, String baseline) {
		this.paired = new PairedSamples(measured, baseline);
	}

	@Setup(Level.Iteration)
	public void iteration(IterationParams params) {
		this.paired.iteration(params);
	}

	@TearDown
	public void tearDown() {
		close();
		this.paired.printSummary();
	}

	/**
	 * Releases what the trial's set-up built (clients, emulator).
	 */
	protected abstract void close();

	/**
	 * Fails the set-up unless both sides answered the same non-empty text, so that the
	 * two figures are of the same work.
	 * @param measured the measured side's answer
	 * @param baseline the baseline's answer
	 */
	protected static void sameAnswer(String measured, String baseline) {
		if (measured.isEmpty() || !measured.equals(baseline)) {
			throw new IllegalStateException("the two calls differ: '" + measured + "' vs '" + baseline + "'");
		}
	}

}
