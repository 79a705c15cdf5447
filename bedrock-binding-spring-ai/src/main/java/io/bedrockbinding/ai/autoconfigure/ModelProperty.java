package io.bedrockbinding.ai.autoconfigure;

import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import org.jspecify.annotations.Nullable;

/**
 * Checks a model ID property: the binding picks the target, so the value is a model ID.
 */
final class ModelProperty {

	private ModelProperty() {
	}

	/**
	 * The model ID a property names.
	 * @param property the property's name, for the message
	 * @param value its value
	 * @param example a model ID to show in the message
	 * @return the trimmed model ID, or {@code null} when the property is unset or blank
	 * @throws IllegalArgumentException naming the property when the value is no model ID
	 */
	static @Nullable String modelId(String property, @Nullable String value, String example) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return ModelIds.requireModelId(value.trim());
		}
		catch (InvalidTargetException ex) {
			throw new IllegalArgumentException(property + " must be a Bedrock model ID such as " + example
					+ " (its binding picks the profile or ARN), got '" + value + "': " + ex.getMessage());
		}
	}

}
