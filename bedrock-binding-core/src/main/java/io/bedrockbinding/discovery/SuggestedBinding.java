package io.bedrockbinding.discovery;

/**
 * A binding discovery proposes.
 *
 * @param modelId the model ID
 * @param target the profile ID or ARN to bind it to
 * @param reason why, for people reading the suggestion
 */
public record SuggestedBinding(String modelId, String target, String reason) {
}
