package io.bedrockbinding.benchmarks;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link BindingRegistry#resolve(String)} against a plain {@link HashMap#get(Object)}
 * that holds the same bindings under the same keys. Goal: resolve at most 1.5x the map.
 * One operation is one look-up; an invocation walks all {@value SampleRegistry#KEYS} keys
 * so that the harness's own per-call cost does not hide the difference.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class ResolveBenchmark {

	private BindingRegistry registry;

	private Map<String, Binding> map;

	private String[] keys;

	@Setup
	public void setUp() {
		this.registry = SampleRegistry.create();
		this.keys = SampleRegistry.lookupKeys(this.registry);
		this.map = new HashMap<>();
		for (Binding binding : this.registry.bindings()) {
			this.map.put(binding.modelId(), binding);
		}
		for (String key : this.keys) {
			if (this.map.get(key) != this.registry.resolve(key)) {
				throw new IllegalStateException("The map and the registry disagree on " + key);
			}
		}
	}

	@Benchmark
	@OperationsPerInvocation(SampleRegistry.KEYS)
	public void registryResolve(Blackhole blackhole) {
		BindingRegistry registry = this.registry;
		for (String key : this.keys) {
			blackhole.consume(registry.resolve(key));
		}
	}

	@Benchmark
	@OperationsPerInvocation(SampleRegistry.KEYS)
	public void baselineHashMapGet(Blackhole blackhole) {
		Map<String, Binding> map = this.map;
		for (String key : this.keys) {
			blackhole.consume(map.get(key));
		}
	}

}
