package io.bedrockbinding.file;

import org.jspecify.annotations.Nullable;

/**
 * What a bind or unbind did to the file.
 *
 * @param modelId the model ID
 * @param before the target text before, or null if the file did not bind the model
 * @param after the target text after, or null if the binding was removed
 */
public record FileChange(String modelId, @Nullable String before, @Nullable String after) {

	/** Whether the file content changed. */
	public boolean changed() {
		return !java.util.Objects.equals(this.before, this.after);
	}

}
