package io.bedrockbinding.registry;

import java.util.List;

import io.bedrockbinding.identifier.BindingTarget;

/**
 * The binding in force for one model.
 *
 * @param modelId the model ID callers ask for
 * @param targets what Bedrock is called with, in the order a call tries them (a failover
 * chain when there are several); never empty
 * @param origin where the binding came from
 * @param shadowed the lower-precedence bindings of the same model, highest first
 */
public record Binding(String modelId, List<BindingTarget> targets, Origin origin, List<LayeredTarget> shadowed) {

	public Binding {
		targets = List.copyOf(targets);
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("A binding of " + modelId + " needs at least one target");
		}
		shadowed = List.copyOf(shadowed);
	}

	/**
	 * A binding to one target.
	 * @param modelId the model ID callers ask for
	 * @param target what Bedrock is called with
	 * @param origin where the binding came from
	 * @param shadowed the lower-precedence bindings of the same model, highest first
	 */
	public Binding(String modelId, BindingTarget target, Origin origin, List<LayeredTarget> shadowed) {
		this(modelId, List.of(target), origin, shadowed);
	}

	/**
	 * The first target of the chain: the one every call tries first.
	 * @return the first target
	 */
	public BindingTarget target() {
		return this.targets.get(0);
	}

	/** Whether someone bound it (anything above the catalog default). */
	public boolean isExplicit() {
		return this.origin.kind() != OriginKind.CATALOG;
	}

}
