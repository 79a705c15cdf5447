package io.bedrockbinding.file;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.Severity;

/**
 * What one read of an inference file found: its valid bindings (the last line of a
 * duplicated key wins) and every problem, each with its line.
 *
 * @param source the file, as named in problems
 * @param exists whether the file existed when read
 * @param readable whether its text could be read: false when it was missing or the read
 * failed (permission denied, a folder, an I/O error), so that a reload keeps the last
 * good bindings whole
 * @param entries the valid bindings in file order, one per model ID
 * @param problems every problem found, in line order
 * @param loadedAt when the file was read
 */
public record InferenceFileContent(String source, boolean exists, boolean readable, List<FileEntry> entries,
		List<FileProblem> problems, Instant loadedAt) {

	public InferenceFileContent {
		entries = List.copyOf(entries);
		problems = List.copyOf(problems);
	}

	/**
	 * A read whose text could be read when the file exists.
	 * @param source the file, as named in problems
	 * @param exists whether the file existed when read
	 * @param entries the valid bindings in file order, one per model ID
	 * @param problems every problem found, in line order
	 * @param loadedAt when the file was read
	 */
	public InferenceFileContent(String source, boolean exists, List<FileEntry> entries, List<FileProblem> problems,
			Instant loadedAt) {
		this(source, exists, exists, entries, problems, loadedAt);
	}

	/**
	 * The bindings by model ID, in file order.
	 * @return a new map of model ID to entry
	 */
	public Map<String, FileEntry> bindings() {
		Map<String, FileEntry> map = new LinkedHashMap<>();
		this.entries.forEach((entry) -> map.put(entry.modelId(), entry));
		return map;
	}

	/**
	 * Whether any problem is an error.
	 * @return true when at least one line (or the file) is broken
	 */
	public boolean hasErrors() {
		return this.problems.stream().anyMatch((problem) -> problem.severity() == Severity.ERROR);
	}

	/**
	 * {@code path:line} of a line, as binding origins show it.
	 * @param line the 1-based line number
	 * @return the location
	 */
	public String location(int line) {
		return this.source + ":" + line;
	}

}
