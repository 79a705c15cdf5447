package io.bedrockbinding.file;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.Severity;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;

/**
 * An inference file as lines, so that an edit changes one line and keeps every comment,
 * blank line, bad line, the byte order mark and the line endings as they were. Immutable:
 * edits return a new document.
 */
public final class InferenceDocument {

	private static final char BOM = '\uFEFF';

	private final boolean bom;

	private final String newline;

	private final List<String> lines;

	private final boolean endsWithNewline;

	private InferenceDocument(boolean bom, String newline, List<String> lines, boolean endsWithNewline) {
		this.bom = bom;
		this.newline = newline;
		this.lines = List.copyOf(lines);
		this.endsWithNewline = endsWithNewline;
	}

	/** An empty document. */
	public static InferenceDocument empty() {
		return new InferenceDocument(false, "\n", List.of(), true);
	}

	/**
	 * Splits text into lines: a leading BOM is kept aside, LF and CRLF both end a line.
	 */
	public static InferenceDocument parse(String text) {
		boolean bom = !text.isEmpty() && text.charAt(0) == BOM;
		String body = bom ? text.substring(1) : text;
		List<String> lines = new ArrayList<>();
		String newline = null;
		int start = 0;
		int length = body.length();
		for (int i = body.indexOf('\n'); i >= 0; i = body.indexOf('\n', start)) {
			boolean crlf = i > start && body.charAt(i - 1) == '\r';
			lines.add(body.substring(start, crlf ? i - 1 : i));
			if (newline == null) {
				newline = crlf ? "\r\n" : "\n";
			}
			start = i + 1;
		}
		boolean endsWithNewline = start == length;
		if (!endsWithNewline) {
			lines.add(body.substring(start));
		}
		return new InferenceDocument(bom, (newline != null) ? newline : System.lineSeparator(), lines,
				endsWithNewline || lines.isEmpty());
	}

	public List<String> lines() {
		return this.lines;
	}

	/** The document as text, with its original BOM and line endings. */
	public String render() {
		StringBuilder text = new StringBuilder();
		if (this.bom) {
			text.append(BOM);
		}
		for (int i = 0; i < this.lines.size(); i++) {
			text.append(this.lines.get(i));
			if (i < this.lines.size() - 1 || this.endsWithNewline) {
				text.append(this.newline);
			}
		}
		return text.toString();
	}

	/**
	 * Binds {@code modelId}: the line that binds it now gets the new target in place; a
	 * {@code #modelId=} placeholder of the default file is filled in; otherwise a line is
	 * appended. Both sides are validated first.
	 * @throws InvalidTargetException if the model ID or the target is invalid
	 */
	public InferenceDocument with(String modelId, String target) {
		ModelIds.requireModelId(modelId);
		String trimmedTarget = target.strip();
		BindingTarget.parse(modelId, trimmedTarget);
		String line = modelId + "=" + trimmedTarget;
		List<String> edited = new ArrayList<>(this.lines);
		int index = lastLineBinding(modelId);
		if (index < 0) {
			index = edited.indexOf("#" + modelId + "=");
		}
		if (index >= 0) {
			edited.set(index, line);
		}
		else {
			edited.add(line);
		}
		return new InferenceDocument(this.bom, this.newline, edited, true);
	}

	/** Removes every line that binds {@code modelId}; comments stay. */
	public InferenceDocument without(String modelId) {
		List<String> edited = new ArrayList<>(this.lines.size());
		for (String line : this.lines) {
			if (!isBindingOf(line, modelId)) {
				edited.add(line);
			}
		}
		// Removing an unterminated last line leaves the line before it with its line
		// ending.
		boolean lastRemoved = !this.lines.isEmpty() && isBindingOf(this.lines.get(this.lines.size() - 1), modelId);
		return new InferenceDocument(this.bom, this.newline, edited, this.endsWithNewline || lastRemoved);
	}

	/** The 1-based number of the line that binds {@code modelId} (the last one), or 0. */
	public int lineOf(String modelId) {
		return lastLineBinding(modelId) + 1;
	}

	/** The target text bound to {@code modelId} by its last line, if any. */
	public java.util.Optional<String> targetOf(String modelId) {
		int index = lastLineBinding(modelId);
		if (index < 0) {
			return java.util.Optional.empty();
		}
		String line = this.lines.get(index);
		return java.util.Optional.of(line.substring(line.indexOf('=') + 1).strip());
	}

	/** Validates every line. */
	public InferenceFileContent content(String source, boolean exists, Instant loadedAt) {
		Validator validator = new Validator(source);
		for (int i = 0; i < this.lines.size(); i++) {
			String line = this.lines.get(i);
			validator.line(line, 0, line.length(), i + 1);
		}
		return validator.content(exists, loadedAt);
	}

	/**
	 * Validates the lines of {@code text} without building a document: a read needs only
	 * the bindings, not the lines, so no line is copied out of the text.
	 */
	public static InferenceFileContent content(String text, String source, boolean exists, Instant loadedAt) {
		Validator validator = new Validator(source);
		int start = (!text.isEmpty() && text.charAt(0) == BOM) ? 1 : 0;
		int length = text.length();
		for (int number = 1; start < length; number++) {
			int newline = text.indexOf('\n', start);
			int end = (newline < 0) ? length : newline;
			validator.line(text, start, end, number);
			start = end + 1;
		}
		return validator.content(exists, loadedAt);
	}

	private int lastLineBinding(String modelId) {
		for (int i = this.lines.size() - 1; i >= 0; i--) {
			if (isBindingOf(this.lines.get(i), modelId)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Whether a line binds {@code modelId}: not a comment, and its text before the first
	 * {@code =}, stripped, is the model ID. Allocates nothing: a bind scans every line.
	 */
	private static boolean isBindingOf(String line, String modelId) {
		int length = line.length();
		int start = 0;
		while (start < length && Character.isWhitespace(line.charAt(start))) {
			start++;
		}
		if (start == length || line.charAt(start) == '#') {
			return false;
		}
		int equals = line.indexOf('=', start);
		if (equals <= start) {
			return false;
		}
		int end = equals;
		while (end > start && Character.isWhitespace(line.charAt(end - 1))) {
			end--;
		}
		return end - start == modelId.length() && line.startsWith(modelId, start);
	}

	/** Whether both documents render to the same text. */
	boolean sameAs(InferenceDocument other) {
		return this.bom == other.bom && this.lines.equals(other.lines) && (this.lines.isEmpty()
				|| (this.newline.equals(other.newline) && this.endsWithNewline == other.endsWithNewline));
	}

	private static String abbreviate(String line) {
		return (line.length() <= 80) ? line : line.substring(0, 80) + "... (" + line.length() + " characters)";
	}

	/** Validates lines one at a time; the last line of a duplicated key wins. */
	private static final class Validator {

		private final String source;

		private final Map<String, FileEntry> entries = new LinkedHashMap<>();

		private final List<FileProblem> problems = new ArrayList<>();

		Validator(String source) {
			this.source = source;
		}

		/** Validates {@code text[start, end)}, line {@code number}. */
		void line(String text, int start, int end, int number) {
			while (start < end && Character.isWhitespace(text.charAt(start))) {
				start++;
			}
			while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
				end--;
			}
			if (start == end || text.charAt(start) == '#') {
				return;
			}
			int equals = start;
			while (equals < end && text.charAt(equals) != '=') {
				equals++;
			}
			if (equals == end) {
				this.problems.add(new FileProblem(this.source, number, Severity.ERROR,
						"no '=' in '" + abbreviate(text.substring(start, end))
								+ "': write model=target, or start the line with '#' to make it a comment"));
				return;
			}
			int modelEnd = equals;
			while (modelEnd > start && Character.isWhitespace(text.charAt(modelEnd - 1))) {
				modelEnd--;
			}
			if (modelEnd == start) {
				this.problems.add(new FileProblem(this.source, number, Severity.ERROR,
						"no model ID before '=': write model=target, e.g. amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0"));
				return;
			}
			int targetStart = equals + 1;
			while (targetStart < end && Character.isWhitespace(text.charAt(targetStart))) {
				targetStart++;
			}
			String modelId = text.substring(start, modelEnd);
			BindingTarget parsed;
			try {
				ModelIds.requireModelId(modelId);
				parsed = BindingTarget.parse(modelId, text.substring(targetStart, end));
			}
			catch (InvalidTargetException ex) {
				this.problems.add(new FileProblem(this.source, number, Severity.ERROR, ex.getMessage()));
				return;
			}
			FileEntry previous = this.entries.remove(modelId);
			if (previous != null) {
				this.problems.add(new FileProblem(this.source, number, Severity.WARNING,
						modelId + " is bound on line " + previous.line() + " and again on line " + number + "; line "
								+ number + " wins: delete one of them"));
			}
			this.entries.put(modelId, new FileEntry(modelId, parsed, number));
		}

		InferenceFileContent content(boolean exists, Instant loadedAt) {
			return new InferenceFileContent(this.source, exists, List.copyOf(this.entries.values()), this.problems,
					loadedAt);
		}

	}

}
