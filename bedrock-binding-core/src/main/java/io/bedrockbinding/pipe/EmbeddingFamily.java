package io.bedrockbinding.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The InvokeModel bodies of the text embedding models {@link BedrockEmbeddings} speaks,
 * and how many texts each takes per call.
 * <p>
 * From the AWS documentation: "Amazon Titan Embeddings G1 - Text"
 * (docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html:
 * one {@code inputText} per call; V2 adds {@code dimensions} and {@code normalize}; reply
 * {@code embedding}, {@code inputTextTokenCount}), "Cohere Embed v3"
 * (model-parameters-embed-v3.html: {@code texts} up to 96 per call, {@code input_type},
 * {@code truncate} NONE/START/END, {@code embedding_types}; reply {@code embeddings}, a
 * list of vectors, or by type when types were asked for) and "Cohere Embed v4"
 * (model-parameters-embed-v4.html: the same with {@code truncate} NONE/LEFT/RIGHT and
 * {@code output_dimension}).
 */
enum EmbeddingFamily {

	/** {@code amazon.titan-embed-text-v1}, {@code amazon.titan-embed-g1-text-02}. */
	TITAN_G1(1),

	/** {@code amazon.titan-embed-text-v2:0}. */
	TITAN_V2(1),

	/** {@code cohere.embed-english-v3}, {@code cohere.embed-multilingual-v3}. */
	COHERE_V3(96),

	/** {@code cohere.embed-v4:0}. */
	COHERE_V4(96);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final int maxTextsPerCall;

	EmbeddingFamily(int maxTextsPerCall) {
		this.maxTextsPerCall = maxTextsPerCall;
	}

	/**
	 * The family of a model ID.
	 * @param modelId a model ID (not a profile ID)
	 * @return its family, or empty for a model this class does not speak
	 */
	static Optional<EmbeddingFamily> of(String modelId) {
		String id = modelId.toLowerCase(Locale.ROOT);
		if (id.startsWith("amazon.titan-embed-text-v2")) {
			return Optional.of(TITAN_V2);
		}
		if (id.startsWith("amazon.titan-embed-text-v1") || id.startsWith("amazon.titan-embed-g1-text")) {
			return Optional.of(TITAN_G1);
		}
		if (id.startsWith("cohere.embed-v4")) {
			return Optional.of(COHERE_V4);
		}
		if (id.startsWith("cohere.embed-") && id.contains("-v3")) {
			return Optional.of(COHERE_V3);
		}
		return Optional.empty();
	}

	int maxTextsPerCall() {
		return this.maxTextsPerCall;
	}

	boolean isCohere() {
		return this == COHERE_V3 || this == COHERE_V4;
	}

	/**
	 * The vector sizes the family takes: Titan V2's {@code dimensions} "1024 (default),
	 * 512, 256" (model-parameters-titan-embed-text.html), Cohere v4's
	 * {@code output_dimension} "256 | 512 | 1024 | 1536"
	 * (model-parameters-embed-v4.html).
	 * @return the sizes, none for a family of one fixed size
	 */
	List<Integer> dimensions() {
		return switch (this) {
			case TITAN_V2 -> List.of(256, 512, 1024);
			case COHERE_V4 -> List.of(256, 512, 1024, 1536);
			default -> List.of();
		};
	}

	/**
	 * The JSON body of one call.
	 * @param texts the texts, at most {@link #maxTextsPerCall}
	 * @param options the caller's settings
	 * @return the body
	 */
	byte[] request(List<String> texts, EmbeddingOptions options) {
		ObjectNode body = JSON.createObjectNode();
		if (isCohere()) {
			ArrayNode array = body.putArray("texts");
			texts.forEach(array::add);
			body.put("input_type", options.inputType().wireName());
			body.putArray("embedding_types").add("float");
			if (options.truncation() != null) {
				body.put("truncate", truncate(options.truncation()));
			}
			if (options.dimensions() != null) {
				body.put("output_dimension", options.dimensions());
			}
		}
		else {
			body.put("inputText", texts.get(0));
			if (options.dimensions() != null) {
				body.put("dimensions", options.dimensions());
			}
			if (options.normalize() != null) {
				body.put("normalize", options.normalize());
			}
		}
		return JSON.writeValueAsBytes(body);
	}

	/**
	 * The vectors of one reply and the token count the body reports (Titan), if any.
	 * @param body the reply body
	 * @return its vectors, in the order of the texts sent
	 */
	Reply reply(byte[] body) {
		JsonNode root = JSON.readTree(body);
		List<float[]> vectors = new ArrayList<>();
		if (isCohere()) {
			JsonNode embeddings = root.path("embeddings");
			// A list of vectors (embeddings_floats), or vectors by type
			// (embeddings_by_type).
			JsonNode floats = embeddings.isObject() ? embeddings.path("float") : embeddings;
			for (JsonNode vector : floats) {
				vectors.add(floats(vector));
			}
			return new Reply(vectors, null);
		}
		vectors.add(floats(root.path("embedding")));
		JsonNode tokens = root.get("inputTextTokenCount");
		return new Reply(vectors, (tokens != null && tokens.isNumber()) ? tokens.intValue() : null);
	}

	private String truncate(EmbeddingTruncation truncation) {
		if (this == COHERE_V4) {
			return switch (truncation) {
				case NONE -> "NONE";
				case START -> "LEFT";
				case END -> "RIGHT";
			};
		}
		return truncation.name();
	}

	private static float[] floats(JsonNode array) {
		float[] vector = new float[array.size()];
		for (int i = 0; i < vector.length; i++) {
			vector[i] = array.get(i).floatValue();
		}
		return vector;
	}

	/**
	 * One reply's vectors and the token count its body reports, if it reports one.
	 *
	 * @param vectors the vectors, in the order of the texts sent
	 * @param inputTokens the body's token count, or {@code null}
	 */
	record Reply(List<float[]> vectors, @Nullable Integer inputTokens) {
	}

}
