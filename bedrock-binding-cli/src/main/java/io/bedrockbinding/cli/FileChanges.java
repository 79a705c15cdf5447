package io.bedrockbinding.cli;

import java.io.IOException;

import io.bedrockbinding.file.FileChange;
import io.bedrockbinding.file.InferenceFile;
import org.jspecify.annotations.Nullable;

/** Writing the inference file on behalf of bind, unbind and discover --write. */
final class FileChanges {

	private FileChanges() {
	}

	/**
	 * Creates a missing file the way applications do (a header that explains the format
	 * and every catalog model, commented out), so that the user finds the format beside
	 * the first binding.
	 * @param context the command's context (its file and catalog)
	 * @return whether the file was created
	 */
	static boolean createIfMissing(CommandContext context) {
		InferenceFile file = context.inferenceFile();
		if (file.exists() || !file.createIfMissing(context.catalog())) {
			return false;
		}
		context.note("Created " + file.path() + " (a header and every catalog model, commented out)");
		return true;
	}

	/**
	 * {@code model: before -> after (path)}, or why nothing changed.
	 * @param change the change to the file
	 * @param path the file's path as messages show it
	 * @return the description
	 */
	static String describe(FileChange change, String path) {
		String where = " (" + path + ")";
		if (!change.changed()) {
			return (change.after() != null)
					? change.modelId() + ": unchanged, already " + BindingText.fileTarget(change.after()) + where
					: change.modelId() + ": not bound in the file, nothing to remove" + where;
		}
		if (change.after() == null) {
			return change.modelId() + ": " + BindingText.fileTarget(change.before()) + " -> unbound" + where;
		}
		if (change.before() == null && change.after().isEmpty()) {
			return change.modelId() + ": bound direct" + where;
		}
		return change.modelId() + ": " + BindingText.fileTarget(change.before()) + " -> "
				+ BindingText.fileTarget(change.after()) + where;
	}

	static CommandException writeFailed(IOException ex) {
		return new CommandException(String.valueOf(ex.getMessage()), ex);
	}

	/**
	 * A change as JSON.
	 *
	 * @param modelId the model ID
	 * @param before the target text before ({@code ""} is direct), null if the file did
	 * not bind it
	 * @param after the target text after, null if the binding was removed
	 * @param changed whether the file changed
	 */
	record Change(String modelId, @Nullable String before, @Nullable String after, boolean changed) {

		static Change of(FileChange change) {
			return new Change(change.modelId(), change.before(), change.after(), change.changed());
		}

	}

}
