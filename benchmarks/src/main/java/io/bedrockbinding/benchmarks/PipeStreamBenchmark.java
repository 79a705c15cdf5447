package io.bedrockbinding.benchmarks;

import java.util.concurrent.CompletableFuture;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;

/**
 * Time to first text of a stream: from the call to the first text delta handed to the
 * caller, {@code pipe.stream(prompt, onText)} against a raw
 * {@link BedrockRuntimeAsyncClient#converseStream} of the same request with the same
 * client and emulator. Each sample ends at the first delta; the rest of the stream is
 * drained after the sample ({@link InFlight#drain()}, outside the timing) so that calls
 * never overlap. Goal: pipe p50 at most 1.03x raw p50. {@link #pairedPipeAndRaw} measures
 * both in one fork.
 */
public class PipeStreamBenchmark extends PairedBenchmark {

	private LocalSetup local;

	private BedrockRuntimeAsyncClient raw;

	public PipeStreamBenchmark() {
		super("pipe", "raw");
	}

	@Setup
	public void setUp() {
		this.local = new LocalSetup();
		this.raw = this.local.clients.async(LocalSetup.REGION);
		InFlight check = new InFlight();
		String viaPipe = pipeStreamFirstText(check);
		check.drain();
		String viaRaw = baselineRawConverseStreamFirstText(check);
		check.drain();
		sameAnswer(viaPipe, viaRaw);
	}

	@Override
	protected void close() {
		this.local.close();
	}

	@Benchmark
	public String pipeStreamFirstText(InFlight inFlight) {
		CompletableFuture<String> first = new CompletableFuture<>();
		inFlight.stream = endsFirst(this.local.pipe.stream(LocalSetup.PROMPT, first::complete), first);
		return first.join();
	}

	@Benchmark
	public String baselineRawConverseStreamFirstText(InFlight inFlight) {
		CompletableFuture<String> first = new CompletableFuture<>();
		ConverseStreamRequest request = ConverseStreamRequest.builder()
			.modelId(this.local.target)
			.messages(LocalSetup.messages())
			.system(LocalSetup.system())
			.inferenceConfig(LocalSetup.inferenceConfig())
			.build();
		ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
			.subscriber(ConverseStreamResponseHandler.Visitor.builder().onContentBlockDelta((event) -> {
				if (event.delta() != null && event.delta().text() != null) {
					first.complete(event.delta().text());
				}
			}).build())
			.build();
		inFlight.stream = endsFirst(this.raw.converseStream(request, handler), first);
		return first.join();
	}

	/**
	 * A cross-check of the two figures above: the time to first text of one pipe stream
	 * and one raw stream per invocation, in alternating order, each timed on its own and
	 * each drained before the next starts; the p50 of each and their ratio are printed at
	 * the end of the run ({@link PairedSamples}). The score is not a figure of its own.
	 * @param inFlight the streams of this invocation
	 * @param blackhole receives both first texts
	 */
	@Benchmark
	public void pairedPipeAndRaw(InFlight inFlight, Blackhole blackhole) {
		this.paired.measure(
				() -> drained(inFlight, PairedSamples.timed(blackhole, () -> pipeStreamFirstText(inFlight))),
				() -> drained(inFlight,
						PairedSamples.timed(blackhole, () -> baselineRawConverseStreamFirstText(inFlight))));
	}

	/**
	 * Waits for the rest of the stream, outside the timed part, so that the next sample
	 * never overlaps it.
	 * @param inFlight the stream just sampled
	 * @param nanos the sample's time
	 * @return {@code nanos}
	 */
	private static long drained(InFlight inFlight, long nanos) {
		inFlight.drain();
		return nanos;
	}

	/**
	 * A stream that fails, or ends without text, must not leave the sample waiting
	 * forever.
	 * @param stream the completion of the whole stream
	 * @param first the completion of its first text
	 * @return the stream's future, which on completion fails {@code first} unless a text
	 * completed it
	 */
	private static CompletableFuture<?> endsFirst(CompletableFuture<?> stream, CompletableFuture<String> first) {
		return stream.whenComplete((ignored, failure) -> first.completeExceptionally(
				(failure != null) ? failure : new IllegalStateException("the stream ended without text")));
	}

	/** The stream of the current sample, finished after the sample is taken. */
	@State(Scope.Thread)
	public static class InFlight {

		CompletableFuture<?> stream = CompletableFuture.completedFuture(null);

		@TearDown(Level.Invocation)
		public void drain() {
			this.stream.join();
		}

	}

}
