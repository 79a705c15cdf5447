package io.bedrockbinding.emulator;

import java.util.Base64;
import java.util.Collections;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Titan Text and Multimodal Embeddings and Cohere Embed bodies: vectors of the asked
 * size, the same for the same text, and Bedrock's refusals of bodies the model does not
 * take.
 */
class EmbeddingBodiesTests {

	private static final String TITAN_V2 = "amazon.titan-embed-text-v2:0";

	private static final String TITAN_MULTIMODAL = "amazon.titan-embed-image-v1";

	private static final String COHERE_V3 = "cohere.embed-english-v3";

	private static final String COHERE_V4 = "cohere.embed-v4:0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	static final NoRetryRuntimeClient client = new NoRetryRuntimeClient(bedrock);

	@Test
	void titanV2AnswersTheAskedDimensionsAndVectorsByType() {
		JsonNode body = invoke(TITAN_V2, "{\"inputText\":\"hello\",\"dimensions\":512,\"normalize\":true}");

		assertThat(body.get("embedding")).hasSize(512);
		assertThat(body.at("/embeddingsByType/float")).isEqualTo(body.get("embedding"));
		assertThat(body.get("inputTextTokenCount").intValue()).isEqualTo(2);
	}

	@Test
	void titanMultimodalEmbedsATextAnImageOrBothAtTheAskedLength() {
		String image = Base64.getEncoder().encodeToString(new byte[] { 1, 2, 3 });
		JsonNode text = invoke(TITAN_MULTIMODAL, "{\"inputText\":\"a red dot\"}");
		JsonNode picture = invoke(TITAN_MULTIMODAL,
				"{\"inputImage\":\"" + image + "\",\"embeddingConfig\":{\"outputEmbeddingLength\":384}}");
		JsonNode both = invoke(TITAN_MULTIMODAL, "{\"inputText\":\"a red dot\",\"inputImage\":\"" + image + "\"}");

		assertThat(text.get("embedding")).hasSize(1024);
		assertThat(text.get("inputTextTokenCount").intValue()).isEqualTo(3);
		assertThat(text.has("embeddingsByType")).isFalse();
		assertThat(picture.get("embedding")).hasSize(384);
		assertThat(picture.get("inputTextTokenCount").intValue()).isZero();
		assertThat(both.get("embedding")).hasSize(1024).isNotEqualTo(text.get("embedding"));
	}

	@Test
	void titanMultimodalRefusesOtherLengthsAndABodyWithNeitherTextNorImage() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> invoke(TITAN_MULTIMODAL,
					"{\"inputText\":\"x\",\"embeddingConfig\":{\"outputEmbeddingLength\":512}}"))
			.withMessageContaining("#/embeddingConfig/outputEmbeddingLength: 512 is not a valid enum value");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> invoke(TITAN_MULTIMODAL, "{\"embeddingConfig\":{\"outputEmbeddingLength\":256}}"))
			.withMessageContaining("needs inputText, inputImage");
	}

	@Test
	void aNovaMultimodalEmbeddingsBodyIsRefusedAsNotEmulated() {
		String nova = "{\"taskType\":\"SINGLE_EMBEDDING\",\"singleEmbeddingParams\":{\"embeddingPurpose\":\"GENERIC_INDEX\","
				+ "\"text\":{\"truncationMode\":\"END\",\"value\":\"hello\"}}}";

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> invoke("amazon.nova-2-multimodal-embeddings-v1:0", nova))
			.withMessageContaining(
					"LocalBedrock: the InvokeModel body of amazon.nova-2-multimodal-embeddings-v1:0 is not emulated");
	}

	@Test
	void differentTextsGiveDifferentVectors() {
		JsonNode one = invoke(TITAN_V2, "{\"inputText\":\"one\"}");
		JsonNode two = invoke(TITAN_V2, "{\"inputText\":\"two\"}");

		assertThat(one.get("embedding")).hasSize(1024);
		assertThat(one.get("embedding")).isNotEqualTo(two.get("embedding"));
	}

	@Test
	void titanV2RefusesOtherDimensionsAndAMissingText() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> invoke(TITAN_V2, "{\"inputText\":\"x\",\"dimensions\":300}"))
			.withMessageContaining("#/dimensions: 300 is not a valid enum value");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> invoke(TITAN_V2, "{\"dimensions\":256}"))
			.withMessageContaining("required key [inputText] not found");
	}

	@Test
	void titanRefusesACohereBody() {
		// It was answered as Cohere: the shape of the body won over the model called.
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> invoke(TITAN_V2, "{\"texts\":[\"a\"],\"input_type\":\"search_query\"}"))
			.withMessageContaining("required key [inputText] not found");
	}

	@Test
	void cohereV3AnswersFloatsOrVectorsByType() {
		JsonNode floats = invoke(COHERE_V3, "{\"texts\":[\"a\",\"b\"],\"input_type\":\"search_query\"}");
		JsonNode byType = invoke(COHERE_V3,
				"{\"texts\":[\"a\"],\"input_type\":\"search_query\",\"embedding_types\":[\"float\"],\"truncate\":\"END\"}");

		assertThat(floats.get("response_type").stringValue()).isEqualTo("embeddings_floats");
		assertThat(floats.get("embeddings")).hasSize(2);
		assertThat(floats.at("/embeddings/0")).hasSize(1024);
		assertThat(byType.get("response_type").stringValue()).isEqualTo("embeddings_by_type");
		assertThat(byType.at("/embeddings/float/0")).isEqualTo(floats.at("/embeddings/0"));
		assertThat(byType.get("id").stringValue()).isNotBlank();
	}

	@Test
	void cohereRefusesMoreThan96TextsAndAMissingInputType() {
		String texts = String.join(",", Collections.nCopies(97, "\"t\""));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> invoke(COHERE_V3, "{\"texts\":[" + texts + "],\"input_type\":\"search_query\"}"))
			.withMessageContaining("#/texts: expected maximum item count: 96, found: 97");
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> invoke(COHERE_V3, "{\"texts\":[\"a\"]}"))
			.withMessageContaining("required key [input_type] not found");
	}

	@Test
	void cohereV4HasItsOwnTruncationAndDimensions() {
		JsonNode body = invoke(COHERE_V4,
				"{\"texts\":[\"a\"],\"input_type\":\"clustering\",\"truncate\":\"RIGHT\",\"output_dimension\":256}");

		assertThat(body.get("response_type").stringValue()).isEqualTo("embeddings_by_type");
		assertThat(body.at("/embeddings/float/0")).hasSize(256);
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(
					() -> invoke(COHERE_V4, "{\"texts\":[\"a\"],\"input_type\":\"clustering\",\"truncate\":\"END\"}"))
			.withMessageContaining("#/truncate: END is not a valid enum value");
	}

	private static JsonNode invoke(String modelId, String body) {
		return JSON.readTree(client.get()
			.invokeModel((request) -> request.modelId(modelId)
				.contentType("application/json")
				.body(SdkBytes.fromUtf8String(body)))
			.body()
			.asUtf8String());
	}

}
