package io.bedrockbinding.registry;

/**
 * An unparsed binding handed to a layer, e.g. one Spring property.
 *
 * @param modelId the model ID
 * @param target the target text (empty: direct)
 * @param source where it was written, for the binding's origin and error messages
 */
public record LayerEntry(String modelId, String target, String source) {
}
