package io.bedrockbinding.benchmarks;

import java.util.concurrent.TimeUnit;

import io.bedrockbinding.pipe.PipeResult;
import org.openjdk.jmh.annotations.Benchmark;
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
import org.openjdk.jmh.infra.Blackhole;
import org.openjdk.jmh.infra.IterationParams;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * {@code pipe.execute(prompt)} against a raw {@link BedrockRuntimeClient#converse} of the
 * same request with the same client, both over loopback to the same LocalBedrock. The
 * pipe resolves the binding, picks the region's client and builds a result on every call;
 * the baseline builds the request and reads the reply text. Goal: pipe p50 at most 1.03x
 * raw p50. {@link #pairedPipeAndRaw(Blackhole)} measures both in one fork.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 12, time = 2)
@Measurement(iterations = 10, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Dsun.net.httpserver.nodelay=true" })
@State(Scope.Benchmark)
public class PipeExecuteBenchmark {

	private LocalSetup local;

	private BedrockRuntimeClient raw;

	private final PairedSamples paired = new PairedSamples("pipe", "raw");

	@Setup
	public void setUp() {
		this.local = new LocalSetup();
		this.raw = this.local.clients.sync(LocalSetup.REGION);
		String viaPipe = pipeExecute().text();
		String viaRaw = baselineRawConverse();
		if (!viaPipe.equals(viaRaw) || viaPipe.isEmpty()) {
			throw new IllegalStateException("pipe and raw calls differ: '" + viaPipe + "' vs '" + viaRaw + "'");
		}
	}

	@Setup(Level.Iteration)
	public void iteration(IterationParams params) {
		this.paired.iteration(params);
	}

	@TearDown
	public void tearDown() {
		this.local.close();
		this.paired.printSummary();
	}

	@Benchmark
	public PipeResult pipeExecute() {
		return this.local.pipe.execute(LocalSetup.PROMPT);
	}

	@Benchmark
	public String baselineRawConverse() {
		ConverseResponse response = this.raw.converse(ConverseRequest.builder()
			.modelId(this.local.target)
			.messages(LocalSetup.messages())
			.system(LocalSetup.system())
			.inferenceConfig(LocalSetup.inferenceConfig())
			.build());
		StringBuilder text = new StringBuilder();
		for (ContentBlock block : response.output().message().content()) {
			if (block.text() != null) {
				text.append(block.text());
			}
		}
		return text.toString();
	}

	/**
	 * A cross-check of the two figures above: one pipe call and one raw call per
	 * invocation, in alternating order, each timed on its own; the p50 of each and their
	 * ratio are printed at the end of the run ({@link PairedSamples}). The score of this
	 * benchmark is the time of both calls together.
	 * @param blackhole receives both results
	 */
	@Benchmark
	public void pairedPipeAndRaw(Blackhole blackhole) {
		this.paired.measure(() -> PairedSamples.timed(blackhole, this::pipeExecute),
				() -> PairedSamples.timed(blackhole, this::baselineRawConverse));
	}

}
