package io.bedrockbinding.emulator;

import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The enum-valued query parameters of ListFoundationModels and the values Bedrock takes
 * for them. The values are those of the API reference's "Valid Values"
 * (https://docs.aws.amazon.com/bedrock/latest/APIReference/API_ListFoundationModels.html).
 * No public source quotes Bedrock's own message for a value outside them, so the
 * ValidationException's text is LocalBedrock's: it names the parameter and the values.
 */
enum FoundationModelFilter {

	BY_CUSTOMIZATION_TYPE("byCustomizationType", List.of("FINE_TUNING", "CONTINUED_PRE_TRAINING", "DISTILLATION")),

	BY_INFERENCE_TYPE("byInferenceType", List.of("ON_DEMAND", "PROVISIONED")),

	BY_OUTPUT_MODALITY("byOutputModality", List.of("TEXT", "IMAGE", "EMBEDDING"));

	private final String parameter;

	private final List<String> values;

	FoundationModelFilter(String parameter, List<String> values) {
		this.parameter = parameter;
		this.values = values;
	}

	/**
	 * The filter's value in a call.
	 * @param parameters the query parameters of the call
	 * @return the value, or {@code null} when the parameter is missing or blank
	 * @throws BedrockError a ValidationException when the value is none of the valid ones
	 */
	@Nullable String of(Map<String, String> parameters) {
		String value = parameters.get(this.parameter);
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!this.values.contains(value)) {
			throw BedrockError.validation("Invalid value '" + value + "' for " + this.parameter + ": use one of "
					+ String.join(", ", this.values));
		}
		return value;
	}

}
