package io.bedrockbinding.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import io.bedrockbinding.identifier.BedrockArn;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;

/**
 * Embeds texts with one embedding model through its binding, over InvokeModel: Amazon
 * Titan Text Embeddings (G1, V2) and Cohere Embed (v3, v4). Immutable and thread-safe,
 * like {@link BedrockPipe}: every {@link #embed(List)} resolves the binding anew and
 * sends its calls to the region the target names, or else the factory's. Texts are sent
 * in batches as large as the model takes (Titan one per call, Cohere 96), and the vectors
 * come back in the order of the texts. Failures are {@link BedrockPipeException}s, as a
 * pipe's are.
 *
 * <pre>{@code
 * EmbeddingResult result = factory.embeddings("cohere.embed-v4:0")
 *     .withInputType(EmbeddingInputType.SEARCH_DOCUMENT)
 *     .withDimensions(512)
 *     .embed(List.of("first text", "second text"));
 * }</pre>
 */
public final class BedrockEmbeddings {

	private static final String JSON = "application/json";

	private final PipeContext context;

	private final String modelId;

	private final EmbeddingFamily family;

	private final @Nullable String region;

	private final EmbeddingOptions options;

	private BedrockEmbeddings(PipeContext context, String modelId, EmbeddingFamily family, @Nullable String region,
			EmbeddingOptions options) {
		this.context = context;
		this.modelId = modelId;
		this.family = family;
		this.region = region;
		this.options = options;
	}

	/**
	 * Embeddings of a model.
	 * @param context the factory's context
	 * @param modelId a model ID (the factory refuses profile IDs and ARNs)
	 * @return the embeddings
	 */
	static BedrockEmbeddings of(PipeContext context, String modelId) {
		EmbeddingFamily family = EmbeddingFamily.of(modelId)
			.orElseThrow(() -> new IllegalArgumentException(modelId + " is not a text embedding model that "
					+ "BedrockEmbeddings speaks: use amazon.titan-embed-text-v2:0, amazon.titan-embed-text-v1, "
					+ "cohere.embed-english-v3, cohere.embed-multilingual-v3 or cohere.embed-v4:0, or call "
					+ "InvokeModel on a client with the BindingInterceptor"));
		return new BedrockEmbeddings(context, modelId, family, null, EmbeddingOptions.DEFAULTS);
	}

	/**
	 * The model ID these embeddings call (through its binding).
	 * @return the model ID
	 */
	public String model() {
		return this.modelId;
	}

	/**
	 * How many texts one InvokeModel call of this model takes.
	 * @return 1 for Titan, 96 for Cohere
	 */
	public int maxTextsPerCall() {
		return this.family.maxTextsPerCall();
	}

	/**
	 * Calls go to {@code region} unless the target is an ARN of another region.
	 * @param region the region, or {@code null} for the factory's
	 * @return a copy with that region
	 * @throws IllegalArgumentException if {@code region} is not a region name
	 * ({@link BedrockArn#regionNameProblem})
	 */
	public BedrockEmbeddings withRegion(@Nullable String region) {
		return new BedrockEmbeddings(this.context, this.modelId, this.family,
				BedrockArn.requireRegionName(region, "the embeddings' region, withRegion"), this.options);
	}

	/**
	 * The vector size: Titan V2 {@code dimensions} (256, 512, 1024), Cohere v4
	 * {@code output_dimension} (256, 512, 1024, 1536).
	 * @param dimensions the number of dimensions, one the model offers
	 * @return a copy with that size
	 * @throws IllegalArgumentException for a model with a fixed size, or a size the model
	 * does not offer
	 */
	public BedrockEmbeddings withDimensions(int dimensions) {
		List<Integer> offered = this.family.dimensions();
		if (offered.isEmpty()) {
			throw new IllegalArgumentException(this.modelId + " has a fixed vector size; "
					+ "only Titan Text Embeddings V2 and Cohere Embed v4 take dimensions");
		}
		if (!offered.contains(dimensions)) {
			throw new IllegalArgumentException(
					this.modelId + " offers " + offered.stream().map(String::valueOf).collect(Collectors.joining(", "))
							+ " dimensions, not " + dimensions);
		}
		return with(new EmbeddingOptions(this.options.inputType(), dimensions, this.options.normalize(),
				this.options.truncation()));
	}

	/**
	 * Whether Titan V2 normalizes the vectors (its default: true).
	 * @param normalize whether to normalize
	 * @return a copy with that setting
	 * @throws IllegalArgumentException for a model other than Titan V2
	 */
	public BedrockEmbeddings withNormalize(boolean normalize) {
		if (this.family != EmbeddingFamily.TITAN_V2) {
			throw new IllegalArgumentException(
					"Only Titan Text Embeddings V2 takes normalize; " + this.modelId + " does not");
		}
		return with(new EmbeddingOptions(this.options.inputType(), this.options.dimensions(), normalize,
				this.options.truncation()));
	}

	/**
	 * What the texts are for (Cohere's {@code input_type}); default
	 * {@link EmbeddingInputType#SEARCH_DOCUMENT}.
	 * @param inputType the input type
	 * @return a copy with that input type
	 * @throws IllegalArgumentException for a Titan model, which takes none
	 */
	public BedrockEmbeddings withInputType(EmbeddingInputType inputType) {
		requireCohere("an input type");
		return with(new EmbeddingOptions(Objects.requireNonNull(inputType, "inputType"), this.options.dimensions(),
				this.options.normalize(), this.options.truncation()));
	}

	/**
	 * What Cohere does with a text longer than it takes; default: its own (an error).
	 * @param truncation the truncation
	 * @return a copy with that truncation
	 * @throws IllegalArgumentException for a Titan model, which takes none
	 */
	public BedrockEmbeddings withTruncation(EmbeddingTruncation truncation) {
		requireCohere("truncation");
		return with(new EmbeddingOptions(this.options.inputType(), this.options.dimensions(), this.options.normalize(),
				Objects.requireNonNull(truncation, "truncation")));
	}

	/**
	 * Embeds one text.
	 * @param text the text
	 * @return its vector and usage
	 * @throws BedrockPipeException when the call fails
	 */
	public EmbeddingResult embed(String text) {
		return embed(List.of(Objects.requireNonNull(text, "text is null")));
	}

	/**
	 * Embeds {@code texts}, in as many calls as the model's batch size needs.
	 * @param texts the texts, none of them null
	 * @return one vector per text, in order, and the usage of every call
	 * @throws BedrockPipeException when a call fails
	 */
	public EmbeddingResult embed(List<String> texts) {
		Objects.requireNonNull(texts, "texts is null");
		for (int at = 0; at < texts.size(); at++) {
			if (texts.get(at) == null) {
				throw new IllegalArgumentException("texts holds null at index " + at);
			}
		}
		List<String> all = List.copyOf(texts);
		Route route;
		try {
			route = this.context.route(this.modelId, this.region);
		}
		catch (RuntimeException ex) {
			throw this.context.errors.translate(ex, this.modelId, null, this.context.timeouts.apiCall(), false);
		}
		List<float[]> vectors = new ArrayList<>(all.size());
		int tokens = 0;
		int calls = 0;
		int batch = this.family.maxTextsPerCall();
		for (int start = 0; start < all.size(); start += batch) {
			List<String> part = all.subList(start, Math.min(all.size(), start + batch));
			InvokeModelResponse response;
			try {
				InvokeModelRequest request = InvokeModelRequest.builder()
					.modelId(route.target().value())
					.contentType(JSON)
					.accept(JSON)
					.body(SdkBytes.fromByteArrayUnsafe(this.family.request(part, this.options)))
					.build();
				// Leased per call: the region's client may be evicted between batches.
				response = this.context.clients.sync(route.region(), (client) -> client.invokeModel(request));
			}
			catch (RuntimeException ex) {
				throw this.context.errors.translate(ex, this.modelId, route, this.context.timeouts.apiCall(), false);
			}
			calls++;
			String requestId = response.responseMetadata().requestId();
			EmbeddingFamily.Reply reply;
			try {
				reply = this.family.reply(response.body().asByteArrayUnsafe());
			}
			catch (RuntimeException ex) {
				throw TransportErrors.unreadable(this.modelId, route, requestId, ex, this.context.hints);
			}
			if (reply.vectors().isEmpty() || reply.vectors().stream().anyMatch((vector) -> vector.length == 0)) {
				throw TransportErrors.noOutput(this.modelId, route, requestId, this.context.hints);
			}
			if (reply.vectors().size() != part.size()) {
				throw new BedrockPipeException(FailureReason.MALFORMED_RESPONSE, this.modelId, route.target().value(),
						route.region(), null, requestId,
						"Bedrock answered " + reply.vectors().size() + " vectors for " + part.size() + " texts",
						"check that the model is a text embedding model of the family " + this.family, null);
			}
			vectors.addAll(reply.vectors());
			tokens += inputTokens(response, reply);
		}
		return new EmbeddingResult(vectors, tokens, calls, this.modelId, route.target().value(), route.target().kind(),
				route.region());
	}

	/**
	 * The tokens of one call: Bedrock's {@code X-Amzn-Bedrock-Input-Token-Count} header,
	 * else the count the body reports.
	 * @param response the call's response
	 * @param reply its parsed body
	 * @return the input tokens of the call
	 */
	private static int inputTokens(InvokeModelResponse response, EmbeddingFamily.Reply reply) {
		String header = response.sdkHttpResponse().firstMatchingHeader("X-Amzn-Bedrock-Input-Token-Count").orElse(null);
		if (header != null) {
			try {
				return Integer.parseInt(header.trim());
			}
			catch (NumberFormatException ex) {
				// fall back to the body's count
			}
		}
		return (reply.inputTokens() != null) ? reply.inputTokens() : 0;
	}

	private void requireCohere(String what) {
		if (!this.family.isCohere()) {
			throw new IllegalArgumentException(
					"Only Cohere Embed models take " + what + "; " + this.modelId + " does not");
		}
	}

	private BedrockEmbeddings with(EmbeddingOptions options) {
		return new BedrockEmbeddings(this.context, this.modelId, this.family, this.region, options);
	}

}
