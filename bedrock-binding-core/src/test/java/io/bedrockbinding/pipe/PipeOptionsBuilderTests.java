package io.bedrockbinding.pipe;

import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The inference parameters are checked alike, set one by one or all at once. */
class PipeOptionsBuilderTests {

	@Test
	void inferenceConfigChecksTheRangesTheSingleSettersCheck() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PipeOptions.builder().inferenceConfig(config((c) -> c.temperature(1.5f))))
			.withMessage("temperature must be between 0 and 1, got 1.5");
		assertThatIllegalArgumentException().isThrownBy(() -> PipeOptions.builder().temperature(1.5))
			.withMessage("temperature must be between 0 and 1, got 1.5");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PipeOptions.builder().inferenceConfig(config((c) -> c.topP(-0.25f))))
			.withMessage("topP must be between 0 and 1, got -0.25");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PipeOptions.builder().inferenceConfig(config((c) -> c.topP(Float.NaN))))
			.withMessage("topP must be between 0 and 1, got NaN");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> PipeOptions.builder().inferenceConfig(config((c) -> c.maxTokens(0))))
			.withMessage("maxTokens must be at least 1, got 0");
		assertThatIllegalArgumentException().isThrownBy(
				() -> PipeOptions.builder().inferenceConfig(config((c) -> c.stopSequences("a", "b", "c", "d", "e"))))
			.withMessage("Bedrock accepts at most 4 stop sequences, got 5");
	}

	@Test
	void anInferenceConfigOutOfRangeChangesNothing() {
		PipeOptionsBuilder builder = PipeOptions.builder().temperature(0.5).maxTokens(100);

		assertThatIllegalArgumentException()
			.isThrownBy(() -> builder.inferenceConfig(config((c) -> c.temperature(0.1f).maxTokens(-1))));

		assertThat(builder.build().inferenceConfig()).isEqualTo(config((c) -> c.temperature(0.5f).maxTokens(100)));
	}

	@Test
	void anInferenceConfigInRangeIsTakenAndClearedWithNull() {
		InferenceConfiguration config = config(
				(c) -> c.temperature(0.2f).topP(0.9f).maxTokens(50).stopSequences("END"));

		PipeOptions options = PipeOptions.builder().inferenceConfig(config).build();

		assertThat(options.inferenceConfig()).isEqualTo(config);
		assertThat(options.with((o) -> o.inferenceConfig(null)).inferenceConfig()).isNull();
		assertThat(options.with((o) -> o.maxTokens(7)).inferenceConfig())
			.isEqualTo(config((c) -> c.temperature(0.2f).topP(0.9f).maxTokens(7).stopSequences(List.of("END"))));
	}

	private static InferenceConfiguration config(java.util.function.Consumer<InferenceConfiguration.Builder> settings) {
		InferenceConfiguration.Builder builder = InferenceConfiguration.builder();
		settings.accept(builder);
		return builder.build();
	}

}
