package io.bedrockbinding.registry;

import java.util.List;

import io.bedrockbinding.identifier.BindingTarget;

/**
 * A target as one layer has it; the lower-precedence ones a binding shadows are listed
 * this way.
 *
 * @param targets the targets, first tried first; never empty
 * @param origin where it came from
 * @param overridden the targets of the same model within the layer that this one
 * overrides, highest first (a property of {@code application.yml} under one of
 * {@code application-prod.yml}): listed among a binding's shadowed ones, right after this
 * one
 */
public record LayeredTarget(List<BindingTarget> targets, Origin origin, List<LayeredTarget> overridden) {

	public LayeredTarget {
		targets = List.copyOf(targets);
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("A layered binding needs at least one target (" + origin + ")");
		}
		overridden = List.copyOf(overridden);
	}

	/**
	 * Targets that override nothing within their layer.
	 * @param targets the targets, first tried first; never empty
	 * @param origin where they came from
	 */
	public LayeredTarget(List<BindingTarget> targets, Origin origin) {
		this(targets, origin, List.of());
	}

	/**
	 * One target.
	 * @param target the target
	 * @param origin where it came from
	 */
	public LayeredTarget(BindingTarget target, Origin origin) {
		this(List.of(target), origin);
	}

	/**
	 * The first target.
	 * @return the target tried first
	 */
	public BindingTarget target() {
		return this.targets.get(0);
	}

}
