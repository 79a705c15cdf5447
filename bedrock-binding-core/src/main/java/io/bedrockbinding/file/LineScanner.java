package io.bedrockbinding.file;

/**
 * Walks the lines of a text: LF, CRLF and a lone CR each end a line (old Mac editors and
 * some tools write CR only). One scanner serves both the read, which needs only where
 * each line starts and ends, and the document, which keeps each line's own ending.
 */
final class LineScanner {

	private final String text;

	private final int length;

	private int start;

	private int end;

	private int next;

	/** The next LF at or after {@link #next}, or the length when there is none. */
	private int lf = -1;

	/** The next CR at or after {@link #next}, or the length when there is none. */
	private int cr = -1;

	/**
	 * Starts before the first line at {@code from}.
	 * @param text the whole text
	 * @param from where the first line starts (1 to skip a byte order mark)
	 */
	LineScanner(String text, int from) {
		this.text = text;
		this.length = text.length();
		this.next = from;
	}

	/**
	 * Moves to the next line.
	 * @return whether there is one (a final line ending starts no empty line)
	 */
	boolean next() {
		if (this.next >= this.length) {
			return false;
		}
		this.start = this.next;
		if (this.lf < this.start) {
			this.lf = indexOf('\n', this.start);
		}
		if (this.cr < this.start) {
			this.cr = indexOf('\r', this.start);
		}
		this.end = Math.min(this.lf, this.cr);
		if (this.end == this.length) {
			this.next = this.length;
		}
		else if (this.end == this.cr && this.lf == this.cr + 1 && this.lf < this.length) {
			this.next = this.end + 2;
		}
		else {
			this.next = this.end + 1;
		}
		return true;
	}

	/**
	 * Where the current line starts.
	 * @return the index of its first character
	 */
	int start() {
		return this.start;
	}

	/**
	 * Where the current line ends, before its line ending.
	 * @return the index after its last character
	 */
	int end() {
		return this.end;
	}

	/**
	 * The current line's own ending.
	 * @return {@code "\n"}, {@code "\r\n"}, {@code "\r"}, or {@code ""} for a last line
	 * without one
	 */
	String ending() {
		return switch (this.next - this.end) {
			case 0 -> "";
			case 2 -> "\r\n";
			default -> (this.text.charAt(this.end) == '\r') ? "\r" : "\n";
		};
	}

	private int indexOf(char c, int from) {
		int index = this.text.indexOf(c, from);
		return (index < 0) ? this.length : index;
	}

}
