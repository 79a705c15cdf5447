package io.bedrockbinding.cli;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.bedrockbinding.Severity;
import io.bedrockbinding.file.FileChange;
import io.bedrockbinding.file.FileProblem;
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
	 * @param context the command's context
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
	 * @param change what the edit did
	 * @param path the file, as the line names it
	 * @return the line to print
	 */
	static String describe(FileChange change, String path) {
		String where = " (" + path + ")";
		if (!change.changed()) {
			return (change.after() != null)
					? change.modelId() + ": unchanged, already " + BindingText.fileTarget(change.after()) + where
					: change.modelId() + ": not bound in the file, nothing to remove" + where;
		}
		return describeLine(change, where) + removed(change.removedLines());
	}

	private static String describeLine(FileChange change, String where) {
		if (change.after() == null) {
			return change.modelId() + ": " + BindingText.fileTarget(change.before()) + " -> unbound" + where;
		}
		if (change.after().equals(change.before())) {
			// only the duplicate lines went
			return change.modelId() + ": already " + BindingText.fileTarget(change.after()) + where;
		}
		if (change.before() == null && change.after().isEmpty()) {
			return change.modelId() + ": bound direct" + where;
		}
		return change.modelId() + ": " + BindingText.fileTarget(change.before()) + " -> "
				+ BindingText.fileTarget(change.after()) + where;
	}

	/**
	 * The other lines of the model an edit removed: the duplicates a bind removes (the
	 * file binds the model on one line after it), every other line of an unbind.
	 * @param lines their numbers before the edit
	 * @return the text after the change, empty when there are none
	 */
	private static String removed(List<Integer> lines) {
		if (lines.isEmpty()) {
			return "";
		}
		return "; also removed line" + ((lines.size() > 1) ? "s " : " ")
				+ String.join(", ", lines.stream().map(String::valueOf).toList()) + ", which named it too";
	}

	/**
	 * The errors the file still has after an edit of {@code modelId}, each named by
	 * {@code file:line}. Applications apply every valid line and keep the last good
	 * binding of a broken one, so an error elsewhere does not change what the edit did:
	 * it is only reported. A broken line that names the same model is what makes the
	 * edit's result doubtful (the file still says two things about the model), as does an
	 * error of the whole file (line 0, named without a line to fix), and so the command
	 * fails.
	 * @param context the command's context
	 * @param modelId the model the command edited
	 * @return the broken lines of the file
	 */
	static BrokenLines brokenLines(CommandContext context, String modelId) {
		return brokenLines(context, Set.of(modelId));
	}

	/**
	 * {@link #brokenLines(CommandContext, String)} after an edit of several models.
	 * @param context the command's context
	 * @param modelIds the models the command edited
	 * @return the broken lines of the file
	 */
	static BrokenLines brokenLines(CommandContext context, Set<String> modelIds) {
		List<String> elsewhere = new ArrayList<>();
		List<String> sameModel = new ArrayList<>();
		for (FileProblem problem : context.inferenceFile().read().problems()) {
			if (problem.severity() != Severity.ERROR) {
				continue;
			}
			if (problem.line() == 0) {
				// the whole file (a directory, unreadable): no line to fix, and the
				// message names the fix; the binding is as doubtful as with a line of it
				sameModel.add(problem.toString());
			}
			else if (problem.modelId() != null && modelIds.contains(problem.modelId())) {
				sameModel.add(problem + " (fix or delete this line: it names " + problem.modelId() + " too)");
			}
			else {
				elsewhere.add(problem + " (skipped by applications, which apply every other line)");
			}
		}
		return new BrokenLines(elsewhere, sameModel);
	}

	static CommandException writeFailed(IOException ex) {
		return new CommandException(String.valueOf(ex.getMessage()), ex);
	}

	/**
	 * The broken lines of the file after an edit.
	 *
	 * @param elsewhere errors on lines of other models, or that name none
	 * @param sameModel errors of the whole file, and on lines that name the edited model
	 */
	record BrokenLines(List<String> elsewhere, List<String> sameModel) {

		/**
		 * Every error, the same model's first.
		 * @return the messages to show
		 */
		List<String> all() {
			List<String> all = new ArrayList<>(this.sameModel);
			all.addAll(this.elsewhere);
			return all;
		}

		/**
		 * The exit code these errors give the command.
		 * @return {@link ExitCode#PROBLEMS} when a line of the same model is broken
		 */
		int exitCode() {
			return this.sameModel.isEmpty() ? ExitCode.OK : ExitCode.PROBLEMS;
		}

	}

	/**
	 * A change as JSON.
	 *
	 * @param modelId the model ID
	 * @param before the target text before ({@code ""} is direct), null if the file did
	 * not bind it
	 * @param after the target text after, null if the binding was removed
	 * @param changed whether the file changed
	 * @param removedLines the other lines of the model the edit removed (their numbers
	 * before it): a bind's duplicates, an unbind's other lines
	 */
	record Change(String modelId, @Nullable String before, @Nullable String after, boolean changed,
			List<Integer> removedLines) {

		static Change of(FileChange change) {
			return new Change(change.modelId(), change.before(), change.after(), change.changed(),
					change.removedLines());
		}

	}

}
