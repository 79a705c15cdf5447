package io.bedrockbinding.pipe;

import java.util.Optional;

import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.registry.Binding;

/**
 * Where one call goes: the binding in force, its target with templates filled in, the
 * region of the client that sends it, and the geo profile to retry an on-demand refusal
 * with (empty unless the target is invoked on demand).
 */
record Route(String modelId, Binding binding, BindingTarget target, String region,
		Optional<BindingTarget> onDemandFallback) {
}
