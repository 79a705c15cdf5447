package io.bedrockbinding.registry;

import io.bedrockbinding.identifier.BindingTarget;

/**
 * A target as one layer has it; the lower-precedence ones a binding shadows are listed
 * this way.
 *
 * @param target the target
 * @param origin where it came from
 */
public record LayeredTarget(BindingTarget target, Origin origin) {
}
