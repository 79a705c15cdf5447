package io.bedrockbinding.registry;

import java.util.List;

import io.bedrockbinding.identifier.BindingTarget;

/**
 * The binding in force for one model.
 *
 * @param modelId the model ID callers ask for
 * @param target what Bedrock is called with
 * @param origin where the binding came from
 * @param shadowed the lower-precedence bindings of the same model, highest first
 */
public record Binding(String modelId, BindingTarget target, Origin origin, List<LayeredTarget> shadowed) {

	public Binding {
		shadowed = List.copyOf(shadowed);
	}

	/** Whether someone bound it (anything above the catalog default). */
	public boolean isExplicit() {
		return this.origin.kind() != OriginKind.CATALOG;
	}

}
