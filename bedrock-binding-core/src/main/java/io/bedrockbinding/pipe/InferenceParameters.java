package io.bedrockbinding.pipe;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;

/**
 * Temperature, top-p, max tokens and stop sequences of a {@link PipeOptionsBuilder}: the
 * one place their ranges are checked, for their own setters and for
 * {@link PipeOptionsBuilder#inferenceConfig} alike.
 *
 * @param temperature 0 to 1, or {@code null} for the model's default
 * @param topP 0 to 1, or {@code null} for the model's default
 * @param maxTokens at least 1, or {@code null} for the model's default
 * @param stopSequences up to four, none {@code null}
 */
record InferenceParameters(@Nullable Float temperature, @Nullable Float topP, @Nullable Integer maxTokens,
		List<String> stopSequences) {

	/** None set: the model's defaults. */
	static final InferenceParameters NONE = new InferenceParameters(null, null, null, List.of());

	InferenceParameters {
		if (temperature != null) {
			unitInterval("temperature", temperature);
		}
		if (topP != null) {
			unitInterval("topP", topP);
		}
		if (maxTokens != null && maxTokens < 1) {
			throw new IllegalArgumentException("maxTokens must be at least 1, got " + maxTokens);
		}
		Objects.requireNonNull(stopSequences, "stopSequences is null: give an empty list for none");
		if (stopSequences.size() > 4) {
			throw new IllegalArgumentException("Bedrock accepts at most 4 stop sequences, got " + stopSequences.size());
		}
		if (stopSequences.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("stopSequences holds null: " + stopSequences);
		}
		stopSequences = List.copyOf(stopSequences);
	}

	/**
	 * The parameters of an SDK configuration, checked.
	 * @param config the configuration, or {@code null} for none
	 * @return the parameters
	 * @throws IllegalArgumentException naming the first parameter out of range
	 */
	static InferenceParameters of(@Nullable InferenceConfiguration config) {
		if (config == null) {
			return NONE;
		}
		return new InferenceParameters(config.temperature(), config.topP(), config.maxTokens(),
				config.hasStopSequences() ? config.stopSequences() : List.of());
	}

	InferenceParameters withTemperature(double temperature) {
		return new InferenceParameters(unitInterval("temperature", temperature), this.topP, this.maxTokens,
				this.stopSequences);
	}

	InferenceParameters withTopP(double topP) {
		return new InferenceParameters(this.temperature, unitInterval("topP", topP), this.maxTokens,
				this.stopSequences);
	}

	InferenceParameters withMaxTokens(int maxTokens) {
		return new InferenceParameters(this.temperature, this.topP, maxTokens, this.stopSequences);
	}

	InferenceParameters withStopSequences(List<String> stopSequences) {
		return new InferenceParameters(this.temperature, this.topP, this.maxTokens, stopSequences);
	}

	/**
	 * The SDK's configuration of these parameters.
	 * @return it, or {@code null} when none is set
	 */
	@Nullable InferenceConfiguration toSdk() {
		if (this.equals(NONE)) {
			return null;
		}
		return InferenceConfiguration.builder()
			.temperature(this.temperature)
			.topP(this.topP)
			.maxTokens(this.maxTokens)
			.stopSequences(this.stopSequences.isEmpty() ? null : this.stopSequences)
			.build();
	}

	/**
	 * Checks the value before it becomes a float, so that no value just above 1 rounds
	 * into the range.
	 */
	private static float unitInterval(String name, double value) {
		if (!(value >= 0 && value <= 1)) {
			throw new IllegalArgumentException(name + " must be between 0 and 1, got " + value);
		}
		return (float) value;
	}

}
