package io.bedrockbinding.registry;

import java.util.List;

/**
 * An unparsed binding handed to a layer, e.g. one Spring property.
 *
 * @param modelId the model ID
 * @param target the target text (empty: direct)
 * @param source where it was written, for the binding's origin and error messages
 * @param overridden the entries of the same model within the layer that this one
 * overrides, highest first (for the properties: the values of lower property sources,
 * such as {@code application.yml} under {@code application-prod.yml}); shown among the
 * binding's shadowed ones, never resolved
 */
public record LayerEntry(String modelId, String target, String source, List<LayerEntry> overridden) {

	public LayerEntry {
		overridden = List.copyOf(overridden);
	}

	/**
	 * An entry that overrides nothing within its layer.
	 * @param modelId the model ID
	 * @param target the target text (empty: direct)
	 * @param source where it was written
	 */
	public LayerEntry(String modelId, String target, String source) {
		this(modelId, target, source, List.of());
	}

}
