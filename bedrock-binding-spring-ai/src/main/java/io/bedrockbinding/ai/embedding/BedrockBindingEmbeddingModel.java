package io.bedrockbinding.ai.embedding;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.bedrockbinding.ai.chat.BedrockBindingMetadata;
import io.bedrockbinding.pipe.BedrockEmbeddings;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.EmbeddingResult;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.document.Document;
import org.springframework.ai.embedding.AbstractEmbeddingModel;
import org.springframework.ai.embedding.Embedding;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.ai.embedding.EmbeddingResponseMetadata;
import org.springframework.ai.embedding.observation.DefaultEmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationContext;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationDocumentation;
import org.springframework.ai.observation.conventions.AiProvider;
import org.springframework.util.StringUtils;

/**
 * A Spring AI {@code EmbeddingModel} on bedrock-binding's {@link BedrockEmbeddings}
 * (Titan Text Embeddings, Cohere Embed): every call resolves the model through its
 * binding and is observed with Spring AI's embedding-model conventions.
 */
public final class BedrockBindingEmbeddingModel extends AbstractEmbeddingModel {

	private static final EmbeddingModelObservationConvention DEFAULT_CONVENTION = new DefaultEmbeddingModelObservationConvention();

	/** The property that sets the default model, for the message of a call without. */
	static final String MODEL_PROPERTY = "bedrock.binding.embedding.options.model";

	private final BedrockPipeFactory pipes;

	private final EmbeddingOptions defaultOptions;

	private final ObservationRegistry observationRegistry;

	private @Nullable EmbeddingModelObservationConvention observationConvention;

	/**
	 * An embedding model on the embeddings of {@code pipes}.
	 * @param pipes the pipe factory
	 * @param defaultOptions the model (and dimensions) of calls that name none
	 * @param observationRegistry records the calls
	 */
	public BedrockBindingEmbeddingModel(BedrockPipeFactory pipes, EmbeddingOptions defaultOptions,
			ObservationRegistry observationRegistry) {
		this.pipes = Objects.requireNonNull(pipes, "pipes");
		this.defaultOptions = Objects.requireNonNull(defaultOptions, "defaultOptions");
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
	}

	/**
	 * Replaces Spring AI's default observation convention.
	 * @param observationConvention the convention
	 */
	public void setObservationConvention(EmbeddingModelObservationConvention observationConvention) {
		this.observationConvention = Objects.requireNonNull(observationConvention, "observationConvention");
	}

	@Override
	public EmbeddingResponse call(EmbeddingRequest request) {
		EmbeddingRequest complete = new EmbeddingRequest(request.getInstructions(), options(request.getOptions()));
		// before the observation: a model that is no model ID (an ARN names an account)
		// is refused without becoming a tag
		BedrockEmbeddings embeddings = embeddings(complete.getOptions());
		EmbeddingModelObservationContext context = EmbeddingModelObservationContext.builder()
			.embeddingRequest(complete)
			.provider(AiProvider.BEDROCK_CONVERSE.value())
			.build();
		return EmbeddingModelObservationDocumentation.EMBEDDING_MODEL_OPERATION
			.observation(this.observationConvention, DEFAULT_CONVENTION, () -> context, this.observationRegistry)
			.observe(() -> {
				EmbeddingResponse response = embed(embeddings, complete.getInstructions());
				context.setResponse(response);
				return response;
			});
	}

	/**
	 * The vector size of calls that set none: the default options' dimensions when set
	 * ({@code bedrock.binding.embedding.options.dimensions}), without a call; otherwise
	 * Spring AI's way, which embeds a test string with the default model.
	 * @return the number of dimensions
	 */
	@Override
	public int dimensions() {
		Integer dimensions = this.defaultOptions.getDimensions();
		return (dimensions != null) ? dimensions : super.dimensions();
	}

	@Override
	public float[] embed(Document document) {
		return embed(getEmbeddingContent(document));
	}

	private BedrockEmbeddings embeddings(EmbeddingOptions options) {
		String model = options.getModel();
		if (!StringUtils.hasText(model)) {
			throw new IllegalArgumentException("No model for the embedding call: set " + MODEL_PROPERTY
					+ " or the model of the request's EmbeddingOptions");
		}
		BedrockEmbeddings embeddings = this.pipes.embeddings(model);
		return (options.getDimensions() != null) ? embeddings.withDimensions(options.getDimensions()) : embeddings;
	}

	private static EmbeddingResponse embed(BedrockEmbeddings embeddings, List<String> texts) {
		EmbeddingResult result = embeddings.embed(texts);
		List<Embedding> vectors = new ArrayList<>(result.vectors().size());
		for (int i = 0; i < result.vectors().size(); i++) {
			vectors.add(new Embedding(result.vectors().get(i), i));
		}
		Map<String, Object> metadata = new LinkedHashMap<>();
		metadata.put(BedrockBindingMetadata.REQUESTED_MODEL, result.modelId());
		metadata.put(BedrockBindingMetadata.INVOKED_TARGET, result.invokedTarget());
		metadata.put(BedrockBindingMetadata.TARGET_KIND, result.targetKind().name());
		metadata.put(BedrockBindingMetadata.REGION, result.region());
		return new EmbeddingResponse(vectors, new EmbeddingResponseMetadata(result.modelId(),
				new DefaultUsage(result.inputTokens(), 0, result.inputTokens()), metadata));
	}

	private EmbeddingOptions options(@Nullable EmbeddingOptions requested) {
		if (requested == null) {
			return this.defaultOptions;
		}
		String model = StringUtils.hasText(requested.getModel()) ? requested.getModel()
				: this.defaultOptions.getModel();
		Integer dimensions = (requested.getDimensions() != null) ? requested.getDimensions()
				: this.defaultOptions.getDimensions();
		return EmbeddingOptions.builder().model(model).dimensions(dimensions).build();
	}

}
