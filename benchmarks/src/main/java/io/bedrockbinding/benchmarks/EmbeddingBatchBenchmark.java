package io.bedrockbinding.benchmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import io.bedrockbinding.pipe.BedrockEmbeddings;
import io.bedrockbinding.pipe.EmbeddingResult;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A batch of {@value #BATCH} texts embedded through the binding
 * ({@link BedrockEmbeddings#embed(List)}: resolve, one InvokeModel, float vectors)
 * against a raw InvokeModel of the same body on the same client that reads the same
 * vectors with the same JSON library. Goal: binding p50 at most 1.03x raw p50.
 */
public class EmbeddingBatchBenchmark extends PairedBenchmark {

	/** On demand in us-east-1: both sides call the model ID itself. */
	static final String MODEL = "cohere.embed-english-v3";

	static final int BATCH = 16;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final List<String> texts = IntStream.range(0, BATCH)
		.mapToObj((i) -> "Document " + i + " about inference profiles")
		.toList();

	private LocalSetup local;

	private BedrockEmbeddings embeddings;

	private BedrockRuntimeClient raw;

	public EmbeddingBatchBenchmark() {
		super("binding", "raw");
	}

	@Setup
	public void setUp() {
		this.local = new LocalSetup();
		this.embeddings = this.local.factory.embeddings(MODEL);
		this.raw = this.local.clients.sync(LocalSetup.REGION);
		List<float[]> viaBinding = bindingEmbed().vectors();
		List<float[]> viaRaw = baselineRawInvokeModel();
		if (viaBinding.size() != BATCH || viaRaw.size() != BATCH || viaBinding.get(3)[7] != viaRaw.get(3)[7]) {
			throw new IllegalStateException("the binding and the raw call answer different vectors");
		}
	}

	@Override
	protected void close() {
		this.local.close();
	}

	@Benchmark
	public EmbeddingResult bindingEmbed() {
		return this.embeddings.embed(this.texts);
	}

	@Benchmark
	public List<float[]> baselineRawInvokeModel() {
		ObjectNode body = JSON.createObjectNode();
		ArrayNode array = body.putArray("texts");
		this.texts.forEach(array::add);
		body.put("input_type", "search_document");
		body.putArray("embedding_types").add("float");
		byte[] reply = this.raw
			.invokeModel(InvokeModelRequest.builder()
				.modelId(MODEL)
				.contentType("application/json")
				.accept("application/json")
				.body(SdkBytes.fromByteArrayUnsafe(JSON.writeValueAsBytes(body)))
				.build())
			.body()
			.asByteArrayUnsafe();
		List<float[]> vectors = new ArrayList<>(BATCH);
		for (JsonNode vector : JSON.readTree(reply).path("embeddings").path("float")) {
			float[] values = new float[vector.size()];
			for (int i = 0; i < values.length; i++) {
				values[i] = vector.get(i).floatValue();
			}
			vectors.add(values);
		}
		return vectors;
	}

	/**
	 * One binding and one raw call per invocation, in alternating order, each timed on
	 * its own; the p50 of each and their ratio are printed at the end of the run.
	 * @param blackhole keeps the vectors
	 */
	@Benchmark
	public void pairedBindingAndRaw(Blackhole blackhole) {
		this.paired.measure(() -> PairedSamples.timed(blackhole, this::bindingEmbed),
				() -> PairedSamples.timed(blackhole, this::baselineRawInvokeModel));
	}

}
