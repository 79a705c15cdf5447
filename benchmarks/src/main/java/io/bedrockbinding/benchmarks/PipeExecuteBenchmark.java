package io.bedrockbinding.benchmarks;

import io.bedrockbinding.pipe.PipeResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/**
 * {@code pipe.execute(prompt)} against a raw {@link BedrockRuntimeClient#converse} of the
 * same request with the same client, both over loopback to the same LocalBedrock. The
 * pipe resolves the binding, picks the region's client and builds a result on every call;
 * the baseline builds the request and reads the reply text. Goal: pipe p50 at most 1.03x
 * raw p50. {@link #pairedPipeAndRaw(Blackhole)} measures both in one fork.
 */
public class PipeExecuteBenchmark extends PairedBenchmark {

	private LocalSetup local;

	private BedrockRuntimeClient raw;

	public PipeExecuteBenchmark() {
		super("pipe", "raw");
	}

	@Setup
	public void setUp() {
		this.local = new LocalSetup();
		this.raw = this.local.clients.sync(LocalSetup.REGION);
		String viaPipe = pipeExecute().text();
		String viaRaw = baselineRawConverse();
		sameAnswer(viaPipe, viaRaw);
	}

	@Override
	protected void close() {
		this.local.close();
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
		return LocalSetup.text(response);
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
