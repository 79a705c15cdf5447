package io.bedrockbinding.file;

import java.util.List;

import io.bedrockbinding.identifier.BindingTarget;

/**
 * A valid {@code model=target} line.
 *
 * @param modelId the model ID on the left of {@code =}
 * @param targets the parsed targets on the right, first tried first; never empty
 * @param line the 1-based line number
 */
public record FileEntry(String modelId, List<BindingTarget> targets, int line) {

	public FileEntry {
		targets = List.copyOf(targets);
		if (targets.isEmpty()) {
			throw new IllegalArgumentException("Line " + line + " needs at least one target");
		}
	}

	/**
	 * A line with one target.
	 * @param modelId the model ID
	 * @param target the target
	 * @param line the 1-based line number
	 */
	public FileEntry(String modelId, BindingTarget target, int line) {
		this(modelId, List.of(target), line);
	}

	/**
	 * The first target.
	 * @return the target tried first
	 */
	public BindingTarget target() {
		return this.targets.get(0);
	}

}
