package io.bedrockbinding.file;

import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What a bind or unbind did to the file.
 *
 * @param modelId the model ID
 * @param before the target text before, or null if the file did not bind the model
 * @param after the target text after, or null if the binding was removed
 * @param removedLines the other lines of the model that the edit removed, by their
 * 1-based numbers before it, besides the line whose target is {@code before}: the
 * duplicates a bind removes, or every other line that named the model for an unbind
 */
public record FileChange(String modelId, @Nullable String before, @Nullable String after, List<Integer> removedLines) {

	public FileChange {
		removedLines = List.copyOf(removedLines);
	}

	/**
	 * A change that removed no other line.
	 * @param modelId the model ID
	 * @param before the target text before, or null if the file did not bind the model
	 * @param after the target text after, or null if the binding was removed
	 */
	public FileChange(String modelId, @Nullable String before, @Nullable String after) {
		this(modelId, before, after, List.of());
	}

	/** Whether the file content changed. */
	public boolean changed() {
		return !Objects.equals(this.before, this.after) || !this.removedLines.isEmpty();
	}

}
