package io.bedrockbinding.file;

import java.util.Locale;

import io.bedrockbinding.Severity;
import org.jspecify.annotations.Nullable;

/**
 * A problem in an inference file.
 *
 * @param source the file, as given to the reader
 * @param line the 1-based line, or 0 for the file as a whole
 * @param severity how bad it is
 * @param message what is wrong and how to fix it
 * @param modelId the model ID the line names before its {@code =}, or null when it names
 * none (a reload keeps that model's last good binding while the line is broken)
 */
public record FileProblem(String source, int line, Severity severity, String message, @Nullable String modelId) {

	/**
	 * A problem that names no model.
	 * @param source the file, as given to the reader
	 * @param line the 1-based line, or 0 for the file as a whole
	 * @param severity how bad it is
	 * @param message what is wrong and how to fix it
	 */
	public FileProblem(String source, int line, Severity severity, String message) {
		this(source, line, severity, message, null);
	}

	/** {@code path:line: severity: message}, the form compilers and the CLI use. */
	@Override
	public String toString() {
		return this.source + ((this.line > 0) ? ":" + this.line : "") + ": "
				+ this.severity.name().toLowerCase(Locale.ROOT) + ": " + this.message;
	}

}
