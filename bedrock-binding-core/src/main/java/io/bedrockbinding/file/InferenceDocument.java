package io.bedrockbinding.file;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.identifier.TargetList;

/**
 * An inference file as lines, so that an edit changes one line and keeps every comment,
 * blank line, bad line, the byte order mark, each line's own line ending and whether the
 * file ends with one. Binding a model and unbinding it again gives back the same bytes.
 * Immutable: edits return a new document.
 */
public final class InferenceDocument {

	private static final char BOM = '\uFEFF';

	private final boolean bom;

	private final List<String> lines;

	/**
	 * The ending of each line ({@code "\n"}, {@code "\r\n"} or {@code "\r"}); only the
	 * last may be {@code ""}, when the file does not end with a line ending.
	 */
	private final List<String> endings;

	private InferenceDocument(boolean bom, List<String> lines, List<String> endings) {
		this.bom = bom;
		this.lines = List.copyOf(lines);
		this.endings = List.copyOf(endings);
	}

	/**
	 * An empty document.
	 * @return a document without lines
	 */
	public static InferenceDocument empty() {
		return new InferenceDocument(false, List.of(), List.of());
	}

	/**
	 * Splits text into lines: a leading BOM is kept aside; LF, CRLF and CR each end a
	 * line.
	 * @param text the whole file as text
	 * @return the document
	 */
	public static InferenceDocument parse(String text) {
		boolean bom = !text.isEmpty() && text.charAt(0) == BOM;
		List<String> lines = new ArrayList<>();
		List<String> endings = new ArrayList<>();
		LineScanner scanner = new LineScanner(text, bom ? 1 : 0);
		while (scanner.next()) {
			lines.add(text.substring(scanner.start(), scanner.end()));
			endings.add(scanner.ending());
		}
		return new InferenceDocument(bom, lines, endings);
	}

	/**
	 * The lines, without their line endings.
	 * @return every line in file order
	 */
	public List<String> lines() {
		return this.lines;
	}

	/**
	 * The document as text, with its original BOM and line endings.
	 * @return the text to write
	 */
	public String render() {
		StringBuilder text = new StringBuilder();
		if (this.bom) {
			text.append(BOM);
		}
		for (int i = 0; i < this.lines.size(); i++) {
			text.append(this.lines.get(i)).append(this.endings.get(i));
		}
		return text.toString();
	}

	/**
	 * Binds {@code modelId}: the line that names it now (the last one) gets the new
	 * target in place, or stays byte for byte when it names that target already; a
	 * {@code #modelId=} placeholder of the default file is filled in; otherwise a line is
	 * appended, with the line ending of the line before it, and without one if the file
	 * had none at its end. Both sides are validated first. The earlier lines that bind
	 * the model too ({@link #duplicateLinesOf}, shadowed by the last one) are removed, as
	 * {@link #without} removes them, so that the file binds the model on one line; a
	 * broken line that names the model stays (what it meant is the user's to say).
	 * @param modelId the model ID to bind
	 * @param target the target text ({@code ""} for a direct call)
	 * @return the edited document
	 * @throws InvalidTargetException if the model ID or the target is invalid
	 */
	public InferenceDocument with(String modelId, String target) {
		ModelIds.requireModelId(modelId);
		String trimmedTarget = target.strip();
		List<BindingTarget> targets = TargetList.parse(modelId, trimmedTarget);
		// a chain is written in its one text form, so that a read gives back the same
		// list
		String text = (targets.size() > 1) ? TargetList.format(targets) : trimmedTarget;
		int index = lastLineOf(modelId);
		String written = (index >= 0) ? new BindingLine().parse(this.lines.get(index)).target() : null;
		List<Integer> duplicates = duplicateLinesOf(modelId);
		if (written != null && (written.equals(text) || sameTargets(modelId, written, targets))) {
			// bound so already (a chain however its commas are spaced, direct as empty or
			// as the model ID): the line stays as its author wrote it (spaces, tabs)
			return duplicates.isEmpty() ? this : withoutLines(duplicates, modelId);
		}
		String line = modelId + "=" + text;
		List<String> lines = new ArrayList<>(this.lines);
		List<String> endings = new ArrayList<>(this.endings);
		if (index >= 0 && !duplicates.isEmpty()) {
			lines.set(index, line);
			return new InferenceDocument(this.bom, lines, endings).withoutLines(duplicates, modelId);
		}
		if (index < 0 && DefaultInferenceFile.isDefaultFile(this.lines)) {
			// only there: unbind restores a placeholder only there
			index = lines.indexOf(DefaultInferenceFile.placeholder(modelId));
		}
		if (index >= 0) {
			lines.set(index, line);
			return new InferenceDocument(this.bom, lines, endings);
		}
		int last = lines.size() - 1;
		if (last < 0) {
			endings.add(System.lineSeparator());
		}
		else if (endings.get(last).isEmpty()) {
			endings.set(last, defaultEnding());
			endings.add("");
		}
		else {
			endings.add(endings.get(last));
		}
		lines.add(line);
		return new InferenceDocument(this.bom, lines, endings);
	}

	private static boolean sameTargets(String modelId, String written, List<BindingTarget> targets) {
		try {
			return TargetList.parse(modelId, written.strip()).equals(targets);
		}
		catch (InvalidTargetException ex) {
			// a broken line: the bind replaces it
			return false;
		}
	}

	/**
	 * Removes every line that names {@code modelId}; comments stay. In the default file a
	 * line that filled a model's placeholder becomes the placeholder again. A removed
	 * last line hands its ending (or the lack of one) to the line before it, unless that
	 * line is empty.
	 * @param modelId the model ID to unbind
	 * @return the edited document
	 */
	public InferenceDocument without(String modelId) {
		boolean defaultFile = DefaultInferenceFile.isDefaultFile(this.lines);
		List<String> lines = new ArrayList<>(this.lines.size());
		List<String> endings = new ArrayList<>(this.lines.size());
		BindingLine parsed = new BindingLine();
		for (int i = 0; i < this.lines.size(); i++) {
			String line = this.lines.get(i);
			if (!parsed.parse(line).isLineOf(modelId)) {
				lines.add(line);
				endings.add(this.endings.get(i));
			}
			else if (defaultFile && i > 0 && DefaultInferenceFile.describesAModel(this.lines.get(i - 1))) {
				lines.add(DefaultInferenceFile.placeholder(modelId));
				endings.add(this.endings.get(i));
			}
			else if (i == this.lines.size() - 1 && !lines.isEmpty() && !lines.get(lines.size() - 1).isEmpty()) {
				// an empty line cannot go without its ending: it would vanish
				endings.set(endings.size() - 1, this.endings.get(i));
			}
		}
		return new InferenceDocument(this.bom, lines, endings);
	}

	/**
	 * The earlier lines that bind {@code modelId} validly besides its last line, which
	 * shadows them (the duplicates validation warns of): what {@link #with} removes.
	 * @param modelId the model ID to look for
	 * @return their 1-based numbers, in file order; empty when one line at most binds it
	 */
	public List<Integer> duplicateLinesOf(String modelId) {
		int last = lastLineOf(modelId);
		List<Integer> duplicates = new ArrayList<>();
		BindingLine parsed = new BindingLine();
		for (int i = 0; i < last; i++) {
			String line = this.lines.get(i);
			if (parsed.parse(line).isLineOf(modelId) && isValidBinding(line)) {
				duplicates.add(i + 1);
			}
		}
		return duplicates;
	}

	/**
	 * Every line that names {@code modelId}, broken or not: what {@link #without}
	 * removes.
	 * @param modelId the model ID to look for
	 * @return their 1-based numbers, in file order
	 */
	public List<Integer> linesOf(String modelId) {
		List<Integer> numbers = new ArrayList<>();
		BindingLine parsed = new BindingLine();
		for (int i = 0; i < this.lines.size(); i++) {
			if (parsed.parse(this.lines.get(i)).isLineOf(modelId)) {
				numbers.add(i + 1);
			}
		}
		return numbers;
	}

	private static boolean isValidBinding(String line) {
		FileValidator validator = new FileValidator("", false);
		validator.line(line, 0, line.length(), 1);
		return !validator.content(true, Instant.EPOCH).entries().isEmpty();
	}

	/**
	 * Removes lines of {@code modelId} that are not the last line of the document: in the
	 * default file, a line under a model's note becomes the model's placeholder again, as
	 * in {@link #without}.
	 * @param numbers the 1-based numbers of the lines
	 * @param modelId the model the lines bind
	 * @return the edited document
	 */
	private InferenceDocument withoutLines(List<Integer> numbers, String modelId) {
		boolean defaultFile = DefaultInferenceFile.isDefaultFile(this.lines);
		List<String> lines = new ArrayList<>(this.lines.size());
		List<String> endings = new ArrayList<>(this.lines.size());
		for (int i = 0; i < this.lines.size(); i++) {
			if (!numbers.contains(i + 1)) {
				lines.add(this.lines.get(i));
				endings.add(this.endings.get(i));
			}
			else if (defaultFile && i > 0 && DefaultInferenceFile.describesAModel(this.lines.get(i - 1))) {
				lines.add(DefaultInferenceFile.placeholder(modelId));
				endings.add(this.endings.get(i));
			}
		}
		return new InferenceDocument(this.bom, lines, endings);
	}

	/**
	 * The 1-based number of the line that binds {@code modelId} (the last one), or 0.
	 * @param modelId the model ID to look for
	 * @return the line number, or 0 when no line names the model
	 */
	public int lineOf(String modelId) {
		return lastLineOf(modelId) + 1;
	}

	/**
	 * The target text bound to {@code modelId} by its last line, if any.
	 * @param modelId the model ID to look for
	 * @return the target text ({@code ""} for direct), or empty when no line names it
	 */
	public Optional<String> targetOf(String modelId) {
		int index = lastLineOf(modelId);
		return (index >= 0) ? Optional.of(new BindingLine().parse(this.lines.get(index)).target()) : Optional.empty();
	}

	/**
	 * Validates every line.
	 * @param source the file, as problems name it
	 * @param exists whether the file existed
	 * @param loadedAt when the text was read
	 * @return the bindings and problems of the document
	 */
	public InferenceFileContent content(String source, boolean exists, Instant loadedAt) {
		FileValidator validator = new FileValidator(source, false);
		for (int i = 0; i < this.lines.size(); i++) {
			String line = this.lines.get(i);
			validator.line(line, 0, line.length(), i + 1);
		}
		return validator.content(exists, loadedAt);
	}

	/**
	 * Validates the lines of {@code text} without building a document: a read needs only
	 * the bindings, not the lines, so no line is copied out of the text.
	 * @param text the whole file as text
	 * @param source the file, as problems name it
	 * @param exists whether the file existed
	 * @param loadedAt when the text was read
	 * @return the bindings and problems of the text
	 */
	public static InferenceFileContent content(String text, String source, boolean exists, Instant loadedAt) {
		return content(text, source, exists, loadedAt, false);
	}

	/**
	 * Validates the lines of {@code text}, as
	 * {@link #content(String, String, boolean, Instant)} does.
	 * @param text the whole file as text
	 * @param source the file, as problems name it
	 * @param exists whether the file existed
	 * @param loadedAt when the text was read
	 * @param plain whether the text is known to hold only printable ASCII, tabs and line
	 * endings
	 * @return the bindings and problems of the text
	 */
	static InferenceFileContent content(String text, String source, boolean exists, Instant loadedAt, boolean plain) {
		FileValidator validator = new FileValidator(source, plain);
		LineScanner scanner = new LineScanner(text, (!text.isEmpty() && text.charAt(0) == BOM) ? 1 : 0);
		for (int number = 1; scanner.next(); number++) {
			validator.line(text, scanner.start(), scanner.end(), number);
		}
		return validator.content(exists, loadedAt);
	}

	/**
	 * The ending for a new line after one that has none.
	 * @return the last ending the file uses, or the platform's
	 */
	private String defaultEnding() {
		for (int i = this.endings.size() - 1; i >= 0; i--) {
			if (!this.endings.get(i).isEmpty()) {
				return this.endings.get(i);
			}
		}
		return System.lineSeparator();
	}

	private int lastLineOf(String modelId) {
		BindingLine parsed = new BindingLine();
		for (int i = this.lines.size() - 1; i >= 0; i--) {
			if (parsed.parse(this.lines.get(i)).isLineOf(modelId)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Whether both documents render to the same text.
	 * @param other the document to compare with
	 * @return whether writing this one instead would change no byte
	 */
	boolean sameAs(InferenceDocument other) {
		return this.bom == other.bom && this.lines.equals(other.lines) && this.endings.equals(other.endings);
	}

}
