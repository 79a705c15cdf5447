package io.bedrockbinding.file;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The one rule that splits a line of an inference file into its model ID and target,
 * shared by reading (which validates the parts) and editing (which finds the line of a
 * model). Only spaces and tabs surround the parts; any other character that looks like
 * white space, or is invisible, makes the line broken, so that a pasted U+00A0 never
 * binds silently. Reusable and allocation-free until a part is asked for: a read parses
 * every line of the file.
 */
final class BindingLine {

	/** What a line is. */
	enum Kind {

		/** Empty, or only spaces and tabs. */
		BLANK,

		/** The first character after spaces and tabs is {@code #}. */
		COMMENT,

		/** Has an {@code =}: a model ID and a target (either may still be invalid). */
		BINDING,

		/** Not a comment, not blank, and no {@code =}. */
		NO_EQUALS

	}

	private String text = "";

	private int lineStart;

	private int start;

	private int end;

	private int equals;

	private Kind kind = Kind.BLANK;

	/**
	 * Parses {@code text[from, to)}: one line, without its line ending.
	 * @param text the text that holds the line
	 * @param from the index of the line's first character
	 * @param to the index after the line's last character
	 * @return this, holding the parts of that line
	 */
	BindingLine parse(String text, int from, int to) {
		this.text = text;
		this.lineStart = from;
		int start = from;
		int end = to;
		while (start < end && isSpaceOrTab(text.charAt(start))) {
			start++;
		}
		while (end > start && isSpaceOrTab(text.charAt(end - 1))) {
			end--;
		}
		this.start = start;
		this.end = end;
		this.equals = -1;
		if (start == end) {
			this.kind = Kind.BLANK;
			return this;
		}
		if (text.charAt(start) == '#') {
			this.kind = Kind.COMMENT;
			return this;
		}
		int equals = text.indexOf('=', start);
		this.equals = (equals < end) ? equals : -1;
		this.kind = (this.equals < 0) ? Kind.NO_EQUALS : Kind.BINDING;
		return this;
	}

	/**
	 * Parses a whole line.
	 * @param line the line, without its line ending
	 * @return this, holding the parts of that line
	 */
	BindingLine parse(String line) {
		return parse(line, 0, line.length());
	}

	Kind kind() {
		return this.kind;
	}

	/**
	 * Whether the line names {@code modelId} before its {@code =}, broken or not: the
	 * line an edit of that model changes. Allocates nothing.
	 * @param modelId the model ID to look for
	 * @return whether this is a line of that model
	 */
	boolean isLineOf(String modelId) {
		if (this.kind != Kind.BINDING) {
			return false;
		}
		int keyStart = keyStart();
		int keyEnd = keyEnd(keyStart);
		return keyEnd - keyStart == modelId.length() && this.text.startsWith(modelId, keyStart);
	}

	/**
	 * The model ID the line names, without the spaces, tabs and look-alike characters
	 * around it; null when the line has no {@code =} or nothing before it.
	 * @return the model ID text, or null
	 */
	@Nullable String modelId() {
		if (this.kind != Kind.BINDING) {
			return null;
		}
		int keyStart = keyStart();
		int keyEnd = keyEnd(keyStart);
		return (keyEnd > keyStart) ? this.text.substring(keyStart, keyEnd) : null;
	}

	/**
	 * The text after the first {@code =}, without the spaces and tabs around it.
	 * @return the target text ({@code ""} for a direct call)
	 */
	String target() {
		int targetStart = this.equals + 1;
		while (targetStart < this.end && isSpaceOrTab(this.text.charAt(targetStart))) {
			targetStart++;
		}
		return this.text.substring(targetStart, this.end);
	}

	/**
	 * What is wrong with the line's shape, before its model ID and target are validated:
	 * a look-alike or invisible character, no {@code =}, or nothing before it.
	 * @return the problem and its fix, or null if the line has a model ID and a target
	 */
	@Nullable String problem() {
		return problem(true);
	}

	/**
	 * What is wrong with the line's shape, as {@link #problem()} tells.
	 * @param lookForInvisible false when the text is known to hold no character but
	 * printable ASCII, tab and line endings, so that no character needs a look
	 * @return the problem and its fix, or null if the line has a model ID and a target
	 */
	@Nullable String problem(boolean lookForInvisible) {
		if (this.kind == Kind.BLANK || this.kind == Kind.COMMENT) {
			return null;
		}
		int odd = lookForInvisible ? firstInvisible() : -1;
		if (odd >= 0) {
			int codePoint = this.text.codePointAt(odd);
			return describe(codePoint) + " at column " + (this.text.codePointCount(this.lineStart, odd) + 1)
					+ ": only spaces and tabs may stand around the model ID and the target; delete it (it may have "
					+ "come with a copy and paste) or start the line with '#' to make it a comment";
		}
		if (this.kind == Kind.NO_EQUALS) {
			return "no '=' in '" + abbreviate(this.text.substring(this.start, this.end))
					+ "': write model=target, or start the line with '#' to make it a comment";
		}
		int keyStart = keyStart();
		if (keyEnd(keyStart) == keyStart) {
			return "no model ID before '=': write model=target, e.g. amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0";
		}
		return null;
	}

	/**
	 * The first character between the spaces and tabs around the line that a reader
	 * cannot see or tells from a space. Only validation asks: an edit only needs the
	 * model ID.
	 * @return its index, or -1
	 */
	private int firstInvisible() {
		for (int i = this.start; i < this.end; i++) {
			char c = this.text.charAt(i);
			if ((c < '!' || c > '~') && isInvisible(this.text, i)) {
				return i;
			}
		}
		return -1;
	}

	private int keyStart() {
		int keyStart = this.start;
		while (keyStart < this.equals
				&& (isSpaceOrTab(this.text.charAt(keyStart)) || isInvisible(this.text, keyStart))) {
			keyStart++;
		}
		return keyStart;
	}

	private int keyEnd(int keyStart) {
		int keyEnd = this.equals;
		while (keyEnd > keyStart
				&& (isSpaceOrTab(this.text.charAt(keyEnd - 1)) || isInvisible(this.text, keyEnd - 1))) {
			keyEnd--;
		}
		return keyEnd;
	}

	/**
	 * {@code U+2003 EM SPACE}: the code point and its Unicode name.
	 * @param codePoint the character
	 * @return how problems name it
	 */
	static String describe(int codePoint) {
		String name = Character.getName(codePoint);
		return String.format(Locale.ROOT, "U+%04X", codePoint) + ((name != null) ? " " + name : "");
	}

	private static boolean isSpaceOrTab(char c) {
		return c == ' ' || c == '\t';
	}

	/**
	 * Whether the character at {@code index} is one a reader cannot see or tells from a
	 * space: controls other than tab, Unicode spaces, line and paragraph separators, and
	 * format characters such as U+FEFF and U+200B.
	 * @param text the text
	 * @param index where the character is
	 * @return whether it is invisible or looks like a space
	 */
	private static boolean isInvisible(String text, int index) {
		char c = text.charAt(index);
		if (c >= '!' && c <= '~') {
			return false;
		}
		if (c == ' ' || c == '\t') {
			return false;
		}
		return switch (Character.getType(text.codePointAt(index))) {
			case Character.CONTROL, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.FORMAT ->
				true;
			default -> false;
		};
	}

	private static String abbreviate(String line) {
		return (line.length() <= 80) ? line : line.substring(0, 80) + "... (" + line.length() + " characters)";
	}

}
