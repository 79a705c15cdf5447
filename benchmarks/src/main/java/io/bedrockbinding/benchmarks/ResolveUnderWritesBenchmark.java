package io.bedrockbinding.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.registry.BindingRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Reader throughput of {@link BindingRegistry#resolve(String)} while a background thread
 * binds models at runtime ({@code writesPerSecond=1000}) and, as the same-run baseline,
 * with no writer ({@code writesPerSecond=0}). Goal: the writer costs readers at most 10%.
 * <p>
 * The writer is an ordinary thread started in {@link #startWriter()}, not a JMH thread:
 * it paces itself against a deadline with {@link LockSupport#parkNanos(long)}, so the
 * measured thread never sleeps, and it binds the same keys the reader looks up (each bind
 * publishes a new snapshot the reader then has to load).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class ResolveUnderWritesBenchmark {

	/** Runtime binds per second of the background writer; 0 is the baseline. */
	@Param({ "0", "1000" })
	public int writesPerSecond;

	private BindingRegistry registry;

	private String[] keys;

	private volatile boolean running;

	private Thread writer;

	private final AtomicLong writes = new AtomicLong();

	private long writerStartNanos;

	@Setup(Level.Trial)
	public void startWriter() {
		this.registry = SampleRegistry.create();
		this.keys = SampleRegistry.lookupKeys(this.registry);
		if (this.writesPerSecond <= 0) {
			return;
		}
		List<String> bindable = new ArrayList<>();
		for (String key : this.keys) {
			if (ModelIds.isSystemProfileId("us." + key)) {
				bindable.add(key);
			}
		}
		String[] writeKeys = bindable.toArray(String[]::new);
		long interval = TimeUnit.SECONDS.toNanos(1) / this.writesPerSecond;
		this.running = true;
		this.writer = new Thread(() -> write(writeKeys, interval), "registry-writer");
		this.writer.setDaemon(true);
		this.writerStartNanos = System.nanoTime();
		this.writer.start();
	}

	private void write(String[] writeKeys, long interval) {
		long deadline = System.nanoTime();
		int i = 0;
		while (this.running) {
			String key = writeKeys[i % writeKeys.length];
			// Alternate between the us profile and a direct call, so each bind really
			// changes something.
			this.registry.bind(key, ((i / writeKeys.length) % 2 == 0) ? "us." + key : "");
			this.writes.incrementAndGet();
			i++;
			deadline += interval;
			long wait;
			while (this.running && (wait = deadline - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
		}
	}

	@TearDown(Level.Trial)
	public void stopWriter() throws InterruptedException {
		if (this.writer == null) {
			return;
		}
		this.running = false;
		this.writer.join();
		double seconds = (System.nanoTime() - this.writerStartNanos) / 1e9;
		System.out.printf("%nwriter: %d binds in %.1f s = %.0f binds/s%n", this.writes.get(), seconds,
				this.writes.get() / seconds);
	}

	@Benchmark
	@OperationsPerInvocation(SampleRegistry.KEYS)
	public void registryResolve(Blackhole blackhole) {
		BindingRegistry registry = this.registry;
		for (String key : this.keys) {
			blackhole.consume(registry.resolve(key));
		}
	}

}
