package io.bedrockbinding.pipe;

import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.registry.Binding;

/**
 * Where one call goes: the binding in force, its target with templates filled in, and the
 * region of the client that sends it.
 */
record Route(String modelId, Binding binding, BindingTarget target, String region) {
}
