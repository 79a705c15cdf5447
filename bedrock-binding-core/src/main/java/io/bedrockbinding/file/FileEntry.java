package io.bedrockbinding.file;

import io.bedrockbinding.identifier.BindingTarget;

/**
 * A valid {@code model=target} line.
 *
 * @param modelId the model ID on the left of {@code =}
 * @param target the parsed target on the right
 * @param line the 1-based line number
 */
public record FileEntry(String modelId, BindingTarget target, int line) {
}
