package io.bedrockbinding.file;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.Severity;
import io.bedrockbinding.identifier.TargetList;
import org.jspecify.annotations.Nullable;

/**
 * A new read of the inference file merged with the bindings in force, so that editing one
 * line never freezes the others: every valid line applies; a broken line that names a
 * model keeps that model's last good binding, with a warning on the line; a file that
 * cannot be read at all (missing, mid-swap, permission denied) keeps the last good
 * bindings whole. An empty file, or one with only comments, has no bindings: it is what
 * unbinding the last model leaves.
 *
 * @param applied the content to put in force
 * @param reported the read as it was, with a warning for each binding kept
 * @param keptWhole whether the read could not be used at all and the bindings in force
 * stay as they were
 */
public record FileReload(InferenceFileContent applied, InferenceFileContent reported, boolean keptWhole) {

	/**
	 * Merges a read into the bindings in force.
	 * @param inForce the content in force (the last one applied), or null before the
	 * first read
	 * @param read the new read
	 * @return what to apply and what to report
	 */
	public static FileReload of(@Nullable InferenceFileContent inForce, InferenceFileContent read) {
		if (inForce == null || inForce.entries().isEmpty()) {
			return new FileReload(read, read, false);
		}
		if (!read.readable()) {
			FileProblem kept = new FileProblem(read.source(), 0, Severity.WARNING,
					(read.exists() ? "cannot be read" : "is missing") + ": keeping "
							+ ((inForce.entries().size() == 1) ? "the binding"
									: "the " + inForce.entries().size() + " bindings")
							+ " read at " + inForce.loadedAt() + " until it can be read again");
			InferenceFileContent reported = with(read, read.entries(), kept);
			return new FileReload(new InferenceFileContent(inForce.source(), inForce.exists(), true, inForce.entries(),
					reported.problems(), inForce.loadedAt()), reported, true);
		}
		Map<String, FileEntry> valid = read.bindings();
		Map<String, FileEntry> previous = inForce.bindings();
		Map<String, FileProblem> brokenLines = new LinkedHashMap<>();
		for (FileProblem problem : read.problems()) {
			String modelId = problem.modelId();
			if (problem.severity() == Severity.ERROR && modelId != null && !valid.containsKey(modelId)
					&& previous.containsKey(modelId)) {
				brokenLines.put(modelId, problem);
			}
		}
		if (brokenLines.isEmpty()) {
			return new FileReload(read, read, false);
		}
		List<FileEntry> entries = new ArrayList<>(read.entries());
		List<FileProblem> notes = new ArrayList<>();
		brokenLines.forEach((modelId, problem) -> {
			FileEntry last = previous.get(modelId);
			entries.add(new FileEntry(modelId, last.targets(), problem.line()));
			notes.add(new FileProblem(read.source(), problem.line(), Severity.WARNING,
					"keeping the last good binding " + modelId + "=" + TargetList.format(last.targets()) + " (read at "
							+ inForce.loadedAt() + ") until this line is fixed",
					modelId));
		});
		entries.sort(Comparator.comparingInt(FileEntry::line));
		InferenceFileContent reported = with(read, read.entries(), notes.toArray(FileProblem[]::new));
		return new FileReload(with(reported, entries), reported, false);
	}

	private static InferenceFileContent with(InferenceFileContent content, List<FileEntry> entries,
			FileProblem... extra) {
		List<FileProblem> problems = new ArrayList<>(content.problems());
		problems.addAll(List.of(extra));
		problems.sort(Comparator.comparingInt(FileProblem::line));
		return new InferenceFileContent(content.source(), content.exists(), content.readable(), entries, problems,
				content.loadedAt());
	}

}
