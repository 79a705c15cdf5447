package io.bedrockbinding.emulator;

import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.Set;

import io.bedrockbinding.catalog.ModelInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * InvokeModel bodies of the text embedding models: Amazon Titan Text Embeddings (G1 and
 * V2) and Cohere Embed (v3 and v4). Vectors are deterministic: the same text gives the
 * same vector, different texts differ.
 * <p>
 * Shapes and limits from the AWS documentation: "Amazon Titan Embeddings G1 - Text"
 * (docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-titan-embed-text.html:
 * {@code inputText}, {@code dimensions} 1024/512/256, {@code normalize} default true;
 * reply {@code embedding}, {@code inputTextTokenCount}, {@code embeddingsByType}),
 * "Cohere Embed v3" (model-parameters-embed-v3.html: {@code texts} at most 96 of at most
 * 2,048 characters, {@code input_type}, {@code truncate} NONE/START/END,
 * {@code embedding_types}; reply {@code id}, {@code embeddings}, {@code response_type},
 * {@code texts}) and "Cohere Embed v4" (model-parameters-embed-v4.html: {@code truncate}
 * NONE/LEFT/RIGHT, {@code output_dimension} 256/512/1024/1536) and "Amazon Titan
 * Multimodal Embeddings G1" (model-parameters-titan-embed-mm.html: {@code inputText},
 * {@code inputImage} in base64 or both, whose vectors are averaged,
 * {@code embeddingConfig.outputEmbeddingLength} 256/384/1024, default 1024; reply
 * {@code embedding}, {@code inputTextTokenCount}). Error texts follow the JSON-schema
 * wording Bedrock uses for malformed native bodies ("Malformed input request: #: required
 * key [...] not found").
 */
final class EmbeddingBodies {

	private static final Set<Integer> TITAN_V2_DIMENSIONS = Set.of(256, 512, 1024);

	private static final int TITAN_V2_DEFAULT_DIMENSIONS = 1024;

	/** Titan Embeddings G1 answers 1,536 floats. */
	private static final int TITAN_G1_DIMENSIONS = 1536;

	private static final Set<Integer> TITAN_MULTIMODAL_LENGTHS = Set.of(256, 384, 1024);

	private static final int TITAN_MULTIMODAL_DEFAULT_LENGTH = 1024;

	private static final int COHERE_MAX_TEXTS = 96;

	private static final int COHERE_V3_MAX_CHARACTERS = 2048;

	private static final int COHERE_V3_DIMENSIONS = 1024;

	private static final Set<Integer> COHERE_V4_DIMENSIONS = Set.of(256, 512, 1024, 1536);

	private static final int COHERE_V4_DEFAULT_DIMENSIONS = 1536;

	private static final Set<String> COHERE_V3_INPUT_TYPES = Set.of("search_document", "search_query", "classification",
			"clustering", "image");

	private static final Set<String> COHERE_V4_INPUT_TYPES = Set.of("search_document", "search_query", "classification",
			"clustering");

	private static final Set<String> COHERE_V3_TRUNCATE = Set.of("NONE", "START", "END");

	private static final Set<String> COHERE_V4_TRUNCATE = Set.of("NONE", "LEFT", "RIGHT");

	private static final Set<String> COHERE_EMBEDDING_TYPES = Set.of("float", "int8", "uint8", "binary", "ubinary");

	private EmbeddingBodies() {
	}

	/**
	 * Whether {@code model} is one of the embedding models answered here.
	 * @param model the catalog model called
	 * @return true for a model whose output is embeddings
	 */
	static boolean answers(ModelInfo model) {
		return model.outputModalities().contains("EMBEDDING");
	}

	static NativeBodies.Reply answer(ModelInfo model, JsonNode request) {
		// The model called decides the body it takes; the body's shape only for the
		// providers of neither family.
		if (model.provider().equals("cohere") || (!model.provider().equals("amazon") && request.has("texts"))) {
			return cohere(model, request);
		}
		if (model.modelId().startsWith("amazon.titan-embed-image")) {
			return titanMultimodal(request);
		}
		if (model.provider().equals("amazon") && !model.modelId().startsWith("amazon.titan-embed")) {
			// Nova Multimodal Embeddings: its body is not emulated
			throw BedrockError.validation("LocalBedrock: the InvokeModel body of " + model.modelId()
					+ " is not emulated; call a Titan Text or Multimodal Embeddings or a Cohere Embed model");
		}
		return titan(model, request);
	}

	private static NativeBodies.Reply titanMultimodal(JsonNode request) {
		String text = Json.text(request, "inputText");
		String image = Json.text(request, "inputImage");
		if (text == null && image == null) {
			throw BedrockError.validation("LocalBedrock: Titan Multimodal Embeddings G1 needs inputText, inputImage "
					+ "(the image in base64) or both");
		}
		if (image != null) {
			try {
				Base64.getDecoder().decode(image);
			}
			catch (IllegalArgumentException ex) {
				throw BedrockError.validation("LocalBedrock: inputImage is not base64: " + ex.getMessage());
			}
		}
		int length = TITAN_MULTIMODAL_DEFAULT_LENGTH;
		JsonNode requested = request.path("embeddingConfig").get("outputEmbeddingLength");
		if (requested != null) {
			if (!requested.isInt() || !TITAN_MULTIMODAL_LENGTHS.contains(requested.intValue())) {
				throw malformed("#/embeddingConfig/outputEmbeddingLength: " + requested + " is not a valid enum value");
			}
			length = requested.intValue();
		}
		double[] values = (text != null) ? values(text, length) : values(image, length);
		if (text != null && image != null) {
			double[] imageValues = values(image, length);
			for (int i = 0; i < length; i++) {
				values[i] = (values[i] + imageValues[i]) / 2;
			}
		}
		ObjectNode reply = Json.newObject();
		ArrayNode embedding = reply.putArray("embedding");
		for (double value : values) {
			embedding.add((float) value);
		}
		int tokens = (text != null) ? Generation.tokens(text) : 0;
		reply.put("inputTextTokenCount", tokens);
		return new NativeBodies.Reply(reply, tokens, 0);
	}

	private static NativeBodies.Reply titan(ModelInfo model, JsonNode request) {
		JsonNode input = request.get("inputText");
		if (input == null || !input.isString()) {
			throw malformed("#: required key [inputText] not found");
		}
		String text = input.stringValue();
		boolean v2 = model.modelId().startsWith("amazon.titan-embed-text-v2");
		int dimensions = v2 ? TITAN_V2_DEFAULT_DIMENSIONS : TITAN_G1_DIMENSIONS;
		boolean normalize = true;
		if (v2) {
			JsonNode requested = request.get("dimensions");
			if (requested != null) {
				if (!requested.isInt() || !TITAN_V2_DIMENSIONS.contains(requested.intValue())) {
					throw malformed("#/dimensions: " + requested + " is not a valid enum value");
				}
				dimensions = requested.intValue();
			}
			JsonNode normalizeNode = request.get("normalize");
			if (normalizeNode != null) {
				if (!normalizeNode.isBoolean()) {
					throw malformed("#/normalize: expected type: Boolean, found: " + typeOf(normalizeNode));
				}
				normalize = normalizeNode.booleanValue();
			}
		}
		else if (request.size() > 1) {
			// G1 takes inputText only.
			throw malformed("#: extraneous key [" + firstOtherKey(request, "inputText") + "] is not permitted");
		}
		ObjectNode reply = Json.newObject();
		ArrayNode embedding = reply.putArray("embedding");
		vector(embedding, text, dimensions, normalize);
		int tokens = Generation.tokens(text);
		reply.put("inputTextTokenCount", tokens);
		if (v2) {
			reply.putObject("embeddingsByType").set("float", embedding.deepCopy());
		}
		return new NativeBodies.Reply(reply, tokens, 0);
	}

	private static NativeBodies.Reply cohere(ModelInfo model, JsonNode request) {
		boolean v4 = model.modelId().startsWith("cohere.embed-v4");
		JsonNode textsNode = request.get("texts");
		if (textsNode == null || !textsNode.isArray()) {
			throw malformed("#: required key [texts] not found");
		}
		List<String> texts = Json.texts(request, "texts");
		if (texts.size() != textsNode.size()) {
			throw malformed("#/texts: expected type: String, found: " + typeOf(firstNonString(textsNode)));
		}
		if (texts.size() > COHERE_MAX_TEXTS) {
			throw malformed("#/texts: expected maximum item count: " + COHERE_MAX_TEXTS + ", found: " + texts.size());
		}
		if (!v4) {
			for (int i = 0; i < texts.size(); i++) {
				if (texts.get(i).length() > COHERE_V3_MAX_CHARACTERS) {
					throw malformed("#/texts/" + i + ": expected maxLength: " + COHERE_V3_MAX_CHARACTERS + ", actual: "
							+ texts.get(i).length());
				}
			}
		}
		String inputType = Json.text(request, "input_type");
		if (inputType == null) {
			throw malformed("#: required key [input_type] not found");
		}
		requireEnum("input_type", inputType, v4 ? COHERE_V4_INPUT_TYPES : COHERE_V3_INPUT_TYPES);
		String truncate = Json.text(request, "truncate");
		if (truncate != null) {
			requireEnum("truncate", truncate, v4 ? COHERE_V4_TRUNCATE : COHERE_V3_TRUNCATE);
		}
		List<String> types = Json.texts(request, "embedding_types");
		for (String type : types) {
			requireEnum("embedding_types", type, COHERE_EMBEDDING_TYPES);
		}
		int dimensions = v4 ? COHERE_V4_DEFAULT_DIMENSIONS : COHERE_V3_DIMENSIONS;
		JsonNode outputDimension = request.get("output_dimension");
		if (v4 && outputDimension != null) {
			if (!outputDimension.isInt() || !COHERE_V4_DIMENSIONS.contains(outputDimension.intValue())) {
				throw malformed("#/output_dimension: " + outputDimension + " is not a valid enum value");
			}
			dimensions = outputDimension.intValue();
		}
		ObjectNode reply = Json.newObject();
		reply.put("id", Answers.requestId());
		int tokens = 0;
		for (String text : texts) {
			tokens += Generation.tokens(text);
		}
		if (types.isEmpty() && !v4) {
			ArrayNode embeddings = reply.putArray("embeddings");
			for (String text : texts) {
				vector(embeddings.addArray(), text, dimensions, true);
			}
			reply.put("response_type", "embeddings_floats");
		}
		else {
			// Embedding types asked for (v4 always answers by type): only float vectors
			// are emulated; other types come back as float values too.
			ObjectNode byType = reply.putObject("embeddings");
			for (String type : types.isEmpty() ? List.of("float") : types) {
				ArrayNode vectors = byType.putArray(type);
				for (String text : texts) {
					vector(vectors.addArray(), text, dimensions, true);
				}
			}
			reply.put("response_type", "embeddings_by_type");
		}
		ArrayNode echoed = reply.putArray("texts");
		texts.forEach(echoed::add);
		return new NativeBodies.Reply(reply, tokens, 0);
	}

	/**
	 * A vector that depends only on the text: unit length when normalized, else scaled by
	 * a factor that depends on the text too.
	 * @param vector the array to add the values to
	 * @param text the embedded text
	 * @param dimensions the vector size
	 * @param normalize whether the vector has unit length
	 */
	private static void vector(ArrayNode vector, String text, int dimensions, boolean normalize) {
		double scale = normalize ? 1 : 1 + (text.length() % 7);
		for (double value : values(text, dimensions)) {
			vector.add((float) (value * scale));
		}
	}

	// A unit vector that depends only on the text.
	private static double[] values(String text, int dimensions) {
		Random random = new Random(text.hashCode() * 31L + text.length());
		double[] values = new double[dimensions];
		double norm = 0;
		for (int i = 0; i < dimensions; i++) {
			values[i] = random.nextGaussian();
			norm += values[i] * values[i];
		}
		double scale = (norm > 0) ? 1 / Math.sqrt(norm) : 0;
		for (int i = 0; i < dimensions; i++) {
			values[i] *= scale;
		}
		return values;
	}

	private static void requireEnum(String field, String value, Set<String> allowed) {
		if (!allowed.contains(value)) {
			throw malformed("#/" + field + ": " + value + " is not a valid enum value");
		}
	}

	private static BedrockError malformed(String problem) {
		return BedrockError
			.validation("Malformed input request: " + problem + ", please reformat your input and try again.");
	}

	private static String typeOf(JsonNode node) {
		if (node.isString()) {
			return "String";
		}
		if (node.isNumber()) {
			return node.isIntegralNumber() ? "Integer" : "BigDecimal";
		}
		if (node.isBoolean()) {
			return "Boolean";
		}
		return node.isArray() ? "JSONArray" : (node.isNull() ? "Null" : "JSONObject");
	}

	private static JsonNode firstNonString(JsonNode array) {
		for (JsonNode element : array) {
			if (!element.isString()) {
				return element;
			}
		}
		return array;
	}

	private static String firstOtherKey(JsonNode request, String allowed) {
		for (String name : request.propertyNames()) {
			if (!name.equals(allowed)) {
				return name;
			}
		}
		return allowed;
	}

}
