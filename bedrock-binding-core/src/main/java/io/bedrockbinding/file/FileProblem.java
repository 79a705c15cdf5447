package io.bedrockbinding.file;

import io.bedrockbinding.Severity;

/**
 * A problem in an inference file.
 *
 * @param source the file, as given to the reader
 * @param line the 1-based line, or 0 for the file as a whole
 * @param severity how bad it is
 * @param message what is wrong and how to fix it
 */
public record FileProblem(String source, int line, Severity severity, String message) {

	/** {@code path:line: severity: message}, the form compilers and the CLI use. */
	@Override
	public String toString() {
		return this.source + ((this.line > 0) ? ":" + this.line : "") + ": "
				+ this.severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + this.message;
	}

}
