package io.bedrockbinding.emulator;

import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.TargetKind;

/**
 * What a runtime call's model identifier resolved to.
 *
 * @param model the catalog model that answers
 * @param identifier the identifier as the caller sent it (model ID, profile ID or ARN)
 * @param kind what kind of identifier it was
 */
record ResolvedTarget(ModelInfo model, String identifier, TargetKind kind) {

	/**
	 * {@code amazon.nova-pro-v1:0 via us.amazon.nova-pro-v1:0}, or just the model ID for
	 * direct calls.
	 */
	String label() {
		return (this.kind == TargetKind.DIRECT) ? this.model.modelId()
				: this.model.modelId() + " via " + this.identifier;
	}

}
