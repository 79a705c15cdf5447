package io.bedrockbinding.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a start-up that failed on a {@code bedrock.binding.*} setting the starter
 * refused (a negative duration, a port out of range, a malformed account ID, ...): the
 * message that names the property, as Boot's report, not a stack trace.
 */
class InvalidSettingFailureAnalyzer extends AbstractFailureAnalyzer<IllegalArgumentException> {

	private static final String PREFIX = "bedrock.binding.";

	@Override
	protected @Nullable FailureAnalysis analyze(Throwable rootFailure, IllegalArgumentException cause) {
		String message = cause.getMessage();
		if (message == null || !message.contains(PREFIX)) {
			// not one of ours: Boot's other analyzers, or its stack trace
			return null;
		}
		String action = "Change the " + PREFIX + "* property named above (docs/configuration.md lists each one "
				+ "and the values it takes).";
		return new FailureAnalysis("A Bedrock binding setting is invalid: " + message, action, cause);
	}

}
