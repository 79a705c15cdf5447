package io.bedrockbinding.benchmarks;

import java.util.List;
import java.util.concurrent.TimeUnit;

import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.registry.BindingRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of one in-memory runtime bind with 1,000 and with 31,000 runtime bindings in
 * the registry. Goal: the same cost at both sizes (before the runtime layer became a
 * persistent map, a bind copied the whole layer: 0.26 ms at 1k, 8.3 ms at 31k). Each bind
 * rebinds one of the existing models to the other of two targets, so the number of
 * bindings stays as set.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
@State(Scope.Benchmark)
public class RuntimeBindBenchmark {

	/** No models, so that the registry holds only what the benchmark binds. */
	private static final ModelCatalog CATALOG = new ModelCatalog(List.of(),
			new Geographies(List.of(new Geography("us", List.of("us-east-1")))));

	/** How many runtime bindings the registry holds before the measured bind. */
	@Param({ "1000", "31000" })
	public int runtimeBindings;

	private BindingRegistry registry;

	private String[] modelIds;

	private String[][] targets;

	private int next;

	@Setup(Level.Trial)
	public void setUp() {
		this.registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.maxRuntimeBindings(this.runtimeBindings)
			.build();
		this.modelIds = new String[this.runtimeBindings];
		this.targets = new String[this.runtimeBindings][];
		for (int i = 0; i < this.runtimeBindings; i++) {
			String modelId = "acme.model-" + i + "-v1:0";
			this.modelIds[i] = modelId;
			this.targets[i] = new String[] { "us." + modelId, modelId };
			this.registry.bind(modelId, this.targets[i][0]);
		}
	}

	@Benchmark
	public Object bind() {
		int at = this.next++ % this.runtimeBindings;
		int round = (this.next / this.runtimeBindings) & 1;
		return this.registry.bind(this.modelIds[at], this.targets[at][round ^ 1]);
	}

}
