package io.bedrockbinding.ai;

import io.bedrockbinding.emulator.LocalBedrock;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bedrock.binding.embedding.options.dimensions}: the vector size of calls that set
 * none, which {@link EmbeddingModel#dimensions()} answers without a call.
 */
@SpringBootTest(classes = SpringAiTestApplication.class,
		properties = { "bedrock.binding.local-bedrock.enabled=true", "bedrock.binding.region=us-east-1",
				"bedrock.binding.inference-file.enabled=false",
				"bedrock.binding.embedding.options.model=amazon.titan-embed-text-v2:0",
				"bedrock.binding.embedding.options.dimensions=512" })
class EmbeddingDimensionsTests {

	@Autowired
	private EmbeddingModel embeddingModel;

	@Autowired
	private LocalBedrock localBedrock;

	@BeforeEach
	void reset() {
		this.localBedrock.reset();
	}

	@Test
	void dimensionsAreTheConfiguredOnesWithoutACall() {
		assertThat(this.embeddingModel.dimensions()).isEqualTo(512);
		// Spring AI's own way embeds a test string to count them
		assertThat(this.localBedrock.journal()).isEmpty();
	}

	@Test
	void callsThatSetNoneAskForTheConfiguredDimensions() {
		float[] vector = this.embeddingModel.embed("a text");

		assertThat(vector).hasSize(512);
		assertThat(this.localBedrock.journal("InvokeModel")).singleElement()
			.satisfies((call) -> assertThat(call.body()).contains("\"dimensions\":512"));
	}

}
