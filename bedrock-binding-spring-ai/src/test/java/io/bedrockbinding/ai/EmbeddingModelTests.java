package io.bedrockbinding.ai;

import java.util.List;

import io.bedrockbinding.ai.chat.BedrockBindingMetadata;
import io.bedrockbinding.emulator.LocalBedrock;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.embedding.EmbeddingRequest;
import org.springframework.ai.embedding.EmbeddingResponse;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Spring AI's {@link EmbeddingModel} through bedrock-binding's embeddings, against
 * LocalBedrock.
 */
@SpringBootTest(classes = SpringAiTestApplication.class,
		properties = { "bedrock.binding.local-bedrock.enabled=true", "bedrock.binding.region=us-east-1",
				"bedrock.binding.inference-file.enabled=false",
				"bedrock.binding.embedding.options.model=amazon.titan-embed-text-v2:0" })
class EmbeddingModelTests {

	@Autowired
	private EmbeddingModel embeddingModel;

	@Autowired
	private LocalBedrock localBedrock;

	@Autowired
	private TestObservationRegistry observations;

	@BeforeEach
	void reset() {
		this.localBedrock.reset();
		this.observations.clear();
	}

	@Test
	void embedsEachTextWithTheDefaultModelThroughItsBinding() {
		EmbeddingResponse response = this.embeddingModel.embedForResponse(List.of("first text", "second text"));

		assertThat(response.getResults()).hasSize(2);
		assertThat(response.getResults().get(0).getOutput()).isNotEmpty();
		assertThat(response.getResults().get(0).getOutput()).isNotEqualTo(response.getResults().get(1).getOutput());
		assertThat(response.getMetadata().getModel()).isEqualTo("amazon.titan-embed-text-v2:0");
		assertThat(response.getMetadata().getUsage().getPromptTokens()).isPositive();
		assertThat((String) response.getMetadata().get(BedrockBindingMetadata.REGION)).isEqualTo("us-east-1");
		// Titan takes one text per InvokeModel call
		assertThat(this.localBedrock.journal("InvokeModel")).hasSize(2)
			.allSatisfy((call) -> assertThat(call.modelId()).isEqualTo("amazon.titan-embed-text-v2:0"));
		assertThat(this.observations).hasObservationWithNameEqualTo("gen_ai.client.operation")
			.that()
			.hasLowCardinalityKeyValue("gen_ai.operation.name", "embedding")
			.hasLowCardinalityKeyValue("gen_ai.request.model", "amazon.titan-embed-text-v2:0");
	}

	@Test
	void modelThatIsAnArnIsRefusedBeforeAnObservationCouldNameIt() {
		EmbeddingRequest request = new EmbeddingRequest(List.of("a text"),
				EmbeddingOptions.builder()
					.model("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6")
					.build());

		assertThatIllegalArgumentException().isThrownBy(() -> this.embeddingModel.call(request))
			.withMessageContaining("model ID must look like");
		// refused before the call is observed: no tag names the ARN (and its account)
		assertThat(this.observations).doesNotHaveAnyObservation();
		assertThat(this.localBedrock.journal()).isEmpty();
	}

	@Test
	void requestOptionsChooseTheModelAndDimensions() {
		EmbeddingResponse response = this.embeddingModel.call(new EmbeddingRequest(List.of("a text"),
				EmbeddingOptions.builder().model("cohere.embed-v4:0").dimensions(256).build()));

		assertThat(response.getResult().getOutput()).hasSize(256);
		assertThat(this.localBedrock.journal("InvokeModel")).singleElement().satisfies((call) -> {
			assertThat(call.modelId()).isEqualTo("cohere.embed-v4:0");
			assertThat(call.body()).contains("\"output_dimension\":256");
		});
	}

}
