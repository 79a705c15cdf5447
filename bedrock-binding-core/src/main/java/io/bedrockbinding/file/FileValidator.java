package io.bedrockbinding.file;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.bedrockbinding.Severity;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.identifier.TargetList;

/**
 * Validates the lines of one file, one at a time, split by {@link BindingLine}: the last
 * line of a duplicated key wins, with a warning naming both lines.
 */
final class FileValidator {

	private final String source;

	private final BindingLine parsed = new BindingLine();

	private final Map<String, FileEntry> entries = new LinkedHashMap<>();

	private final List<FileProblem> problems = new ArrayList<>();

	/** Whether the text holds only printable ASCII, tabs and line endings. */
	private final boolean plain;

	/**
	 * A validator of one file.
	 * @param source the file, as problems name it
	 * @param plain whether the text is known to hold only printable ASCII, tabs and line
	 * endings (then no line needs a look for invisible characters)
	 */
	FileValidator(String source, boolean plain) {
		this.source = source;
		this.plain = plain;
	}

	/**
	 * Validates {@code text[start, end)}.
	 * @param text the text that holds the line
	 * @param start the index of the line's first character
	 * @param end the index after its last character
	 * @param number the 1-based line number
	 */
	void line(String text, int start, int end, int number) {
		BindingLine line = this.parsed.parse(text, start, end);
		if (line.kind() == BindingLine.Kind.BLANK || line.kind() == BindingLine.Kind.COMMENT) {
			return;
		}
		String problem = line.problem(!this.plain);
		if (problem != null) {
			this.problems.add(new FileProblem(this.source, number, Severity.ERROR, problem, line.modelId()));
			return;
		}
		String modelId = Objects.requireNonNull(line.modelId());
		List<BindingTarget> targets;
		try {
			ModelIds.requireModelId(modelId);
			targets = TargetList.parse(modelId, line.target());
		}
		catch (InvalidTargetException ex) {
			// no target has a '#': it is a comment after the binding, as other formats
			// allow
			String message = line.target().contains("#") ? ex.getMessage()
					+ ": '#' starts a comment only as the first character of a line: put the comment on a line of its own"
					: ex.getMessage();
			this.problems.add(new FileProblem(this.source, number, Severity.ERROR, message, modelId));
			return;
		}
		FileEntry previous = this.entries.remove(modelId);
		if (previous != null) {
			this.problems.add(new FileProblem(
					this.source, number, Severity.WARNING, modelId + " is bound on line " + previous.line()
							+ " and again on line " + number + "; line " + number + " wins: delete one of them",
					modelId));
		}
		this.entries.put(modelId, new FileEntry(modelId, targets, number));
	}

	/**
	 * What the lines validated so far hold.
	 * @param exists whether the file existed
	 * @param loadedAt when it was read
	 * @return the bindings and problems
	 */
	InferenceFileContent content(boolean exists, Instant loadedAt) {
		return new InferenceFileContent(this.source, exists, List.copyOf(this.entries.values()), this.problems,
				loadedAt);
	}

}
