package io.bedrockbinding.it;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.emulator.BrokenAnswer;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.pipe.BedrockEmbeddings;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.EmbeddingInputType;
import io.bedrockbinding.pipe.EmbeddingResult;
import io.bedrockbinding.pipe.EmbeddingTruncation;
import io.bedrockbinding.pipe.FailureReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

/**
 * {@link BedrockEmbeddings} against LocalBedrock: batches split at the model's limit and
 * joined in order, Titan's dimensions and normalize, Cohere's options, the profile-only
 * Cohere Embed v4 through its bound profile, and errors with fixes.
 */
class EmbeddingTests {

	static final String TITAN_V2 = "amazon.titan-embed-text-v2:0";

	static final String COHERE_V3 = "cohere.embed-english-v3";

	/** On demand in us-east-1, profile-only in us-east-2 (catalog). */
	static final String COHERE_V4 = "cohere.embed-v4:0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	@Test
	void aLargeBatchIsSplitAtTheModelsLimitAndJoinedInOrder() {
		List<String> texts = IntStream.range(0, 200).mapToObj((i) -> "text number " + i).toList();
		BedrockEmbeddings embeddings = this.factories.of("us-east-1").embeddings(COHERE_V3);

		EmbeddingResult result = embeddings.embed(texts);

		assertThat(embeddings.maxTextsPerCall()).isEqualTo(96);
		assertThat(result.calls()).isEqualTo(3);
		assertThat(result.vectors()).hasSize(200);
		List<JournalEntry> calls = bedrock.get().journal("InvokeModel");
		assertThat(calls).extracting((entry) -> Fixture.body(entry).path("texts").size()).containsExactly(96, 96, 8);
		assertThat(Fixture.body(calls.get(1)).path("texts").path(0).stringValue()).isEqualTo("text number 96");
		// The same text gives the same vector: each vector is its own text's.
		for (int i : new int[] { 0, 95, 96, 150, 199 }) {
			assertThat(result.vectors().get(i)).isEqualTo(embeddings.embed(texts.get(i)).vector());
		}
		assertThat(result.vectors().get(0)).isNotEqualTo(result.vectors().get(1));
		assertThat(result.inputTokens()).isPositive();
	}

	@Test
	void titanTakesOneTextPerCall() {
		EmbeddingResult result = this.factories.of("us-east-1").embeddings(TITAN_V2).embed(List.of("a", "b", "c"));

		assertThat(result.calls()).isEqualTo(3);
		assertThat(bedrock.get().journal("InvokeModel"))
			.extracting((entry) -> Fixture.body(entry).path("inputText").stringValue())
			.containsExactly("a", "b", "c");
		assertThat(result.vectors()).hasSize(3).allSatisfy((vector) -> assertThat(vector).hasSize(1024));
		assertThat(result.inputTokens()).isEqualTo(3);
	}

	@Test
	void titanDimensionsAndNormalize() {
		BedrockEmbeddings titan = this.factories.of("us-east-1").embeddings(TITAN_V2).withDimensions(256);

		float[] normalized = titan.embed("the same text").vector();
		float[] raw = titan.withNormalize(false).embed("the same text").vector();

		assertThat(normalized).hasSize(256);
		assertThat(raw).hasSize(256);
		assertThat(norm(normalized)).isCloseTo(1.0, within(1e-3));
		assertThat(norm(raw)).isNotCloseTo(1.0, within(1e-3));
		JsonNode sent = Fixture.body(bedrock.get().journal("InvokeModel").get(1));
		assertThat(sent.path("dimensions").intValue()).isEqualTo(256);
		assertThat(sent.path("normalize").booleanValue()).isFalse();
	}

	@Test
	void aDimensionTheModelDoesNotOfferIsRefusedWithTheOnesItOffers() {
		BedrockEmbeddings titan = this.factories.of("us-east-1").embeddings(TITAN_V2);
		BedrockEmbeddings cohere = this.factories.of("us-east-1").embeddings(COHERE_V4);

		assertThatIllegalArgumentException().isThrownBy(() -> titan.withDimensions(300))
			.withMessage(TITAN_V2 + " offers 256, 512, 1024 dimensions, not 300");
		assertThatIllegalArgumentException().isThrownBy(() -> cohere.withDimensions(2048))
			.withMessage(COHERE_V4 + " offers 256, 512, 1024, 1536 dimensions, not 2048");
		assertThat(cohere.withDimensions(1536)).isNotNull();
		assertThat(bedrock.get().journal()).isEmpty();
	}

	@Test
	void cohereV4GoesThroughItsProfileWhereItNeedsOne() {
		EmbeddingResult result = this.factories.of("us-east-2")
			.embeddings(COHERE_V4)
			.withInputType(EmbeddingInputType.SEARCH_QUERY)
			.withDimensions(512)
			.withTruncation(EmbeddingTruncation.END)
			.embed(List.of("where is it?", "and this?"));

		assertThat(result.invokedTarget()).isEqualTo("us.cohere.embed-v4:0");
		assertThat(result.targetKind()).isEqualTo(TargetKind.SYSTEM_PROFILE);
		assertThat(result.region()).isEqualTo("us-east-2");
		assertThat(result.vectors()).hasSize(2).allSatisfy((vector) -> assertThat(vector).hasSize(512));
		JournalEntry call = Fixture.only(bedrock.get(), "InvokeModel");
		assertThat(call.modelId()).isEqualTo("us.cohere.embed-v4:0");
		JsonNode sent = Fixture.body(call);
		assertThat(sent.path("input_type").stringValue()).isEqualTo("search_query");
		assertThat(sent.path("output_dimension").intValue()).isEqualTo(512);
		// v4 spells the end RIGHT (v3: END).
		assertThat(sent.path("truncate").stringValue()).isEqualTo("RIGHT");
	}

	@Test
	void cohereV4IsCalledDirectlyWhereItRunsOnDemand() {
		EmbeddingResult result = this.factories.of("us-east-1").embeddings(COHERE_V4).embed("hello");

		assertThat(result.invokedTarget()).isEqualTo(COHERE_V4);
		assertThat(result.vector()).hasSize(1536);
	}

	@Test
	void anUnboundProfileOnlyModelFailsWithTheBindingToAdd() {
		BedrockEmbeddings embeddings = this.factories.of(Fixture.directRegistry("us-east-2")).embeddings(COHERE_V4);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> embeddings.embed("x"))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(FailureReason.ON_DEMAND_NOT_SUPPORTED);
				assertThat(ex.fix()).contains("cohere.embed-v4:0=us.cohere.embed-v4:0");
			});
	}

	@Test
	void optionsAModelDoesNotTakeAreRefusedAtOnce() {
		BedrockPipeFactory factory = this.factories.of("us-east-1");

		assertThatIllegalArgumentException().isThrownBy(() -> factory.embeddings(COHERE_V3).withNormalize(false))
			.withMessageContaining("normalize");
		assertThatIllegalArgumentException().isThrownBy(() -> factory.embeddings(COHERE_V3).withDimensions(512))
			.withMessageContaining("fixed vector size");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> factory.embeddings(TITAN_V2).withInputType(EmbeddingInputType.SEARCH_QUERY))
			.withMessageContaining("Cohere");
		assertThatIllegalArgumentException().isThrownBy(() -> factory.embeddings(Fixture.NOVA_PRO))
			.withMessageContaining("not a text embedding model");
		assertThat(bedrock.get().journal()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { TITAN_V2, COHERE_V3 })
	void anAnswerWithoutVectorsIsAnErrorNamingTheRequest(String model) {
		BedrockEmbeddings embeddings = this.factories.of("us-east-1").embeddings(model);
		// A 200 whose body is {}: Titan's came back as one empty vector.
		bedrock.faults().breakNext(1, BrokenAnswer.EMPTY_OUTPUT);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> embeddings.embed("x"))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(FailureReason.MALFORMED_RESPONSE);
				assertThat(ex.requestId()).isNotBlank();
				assertThat(ex.getMessage()).contains("no output", ex.requestId());
				assertThat(ex.fix()).contains("retry");
			});
	}

	@ParameterizedTest
	@ValueSource(strings = { TITAN_V2, COHERE_V3 })
	void anAnswerThatIsNotJsonIsAMalformedResponse(String model) {
		BedrockEmbeddings embeddings = this.factories.of("us-east-1").embeddings(model);
		// It escaped as Jackson's StreamReadException.
		bedrock.faults().breakNext(1, BrokenAnswer.MALFORMED);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> embeddings.embed("x"))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(FailureReason.MALFORMED_RESPONSE);
				assertThat(ex.requestId()).isNotBlank();
				assertThat(ex.fix()).contains("ClientSettings.endpoint", "proxy");
			});
	}

	@Test
	void anAnswerWithFewerVectorsThanTextsIsAMalformedResponse() {
		// Cohere's answer loses its first vector on the way back.
		ExecutionInterceptor dropFirstVector = new ExecutionInterceptor() {

			@Override
			public Optional<InputStream> modifyHttpResponseContent(Context.ModifyHttpResponse context,
					ExecutionAttributes attributes) {
				ObjectNode body = (ObjectNode) JSON.readTree(context.responseBody().orElseThrow());
				// the pipe asks for embedding_types: {"embeddings": {"float": [...]}}
				((ArrayNode) body.get("embeddings").get("float")).remove(0);
				return Optional.of(new ByteArrayInputStream(JSON.writeValueAsBytes(body)));
			}

		};
		BedrockEmbeddings embeddings = this.factories
			.track(BedrockPipeFactory.builder(Fixture.registry("us-east-1"), Fixture.clients(bedrock.get(), 1)
				.syncCustomizer((builder) -> builder.overrideConfiguration(
						builder.overrideConfiguration().toBuilder().addExecutionInterceptor(dropFirstVector).build()))
				.build()).accountResolver(AccountResolver.none()).build())
			.embeddings(COHERE_V3);

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> embeddings.embed(List.of("a", "b")))
			.satisfies((ex) -> {
				assertThat(ex.reason()).isEqualTo(FailureReason.MALFORMED_RESPONSE);
				assertThat(ex.requestId()).isNotBlank();
				assertThat(ex.getMessage()).contains("1 vectors for 2 texts");
			});
	}

	private static double norm(float[] vector) {
		double sum = 0;
		for (float value : vector) {
			sum += value * value;
		}
		return Math.sqrt(sum);
	}

}
