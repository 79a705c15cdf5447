package io.bedrockbinding.pipe;

import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.registry.Binding;

/**
 * Where one call goes: the binding in force, its target with templates filled in, and the
 * region of the client that sends it.
 *
 * @param modelId the model ID the caller asked for
 * @param binding the binding in force
 * @param target the target to call, templates filled in
 * @param region the region of the client that sends the call
 */
record Route(String modelId, Binding binding, BindingTarget target, String region) {
}
