package io.bedrockbinding.autoconfigure;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Finds the binding validation failure in a start-up failure, and analyzes it as Boot
 * would.
 */
final class StartupFailures {

	private StartupFailures() {
	}

	/** The {@link BindingValidationException} in {@code failure}'s cause chain. */
	static BindingValidationException validation(@Nullable Throwable failure) {
		for (Throwable current = failure; current != null; current = current.getCause()) {
			if (current instanceof BindingValidationException validation) {
				return validation;
			}
		}
		return fail("Expected a BindingValidationException in the cause chain of %s", failure);
	}

	/** What the registered failure analyzer tells the user about {@code failure}. */
	static FailureAnalysis analyze(@Nullable Throwable failure) {
		assertThat(failure).as("start-up failure").isNotNull();
		FailureAnalysis analysis = new BindingValidationFailureAnalyzer().analyze(failure);
		assertThat(analysis).as("analysis of %s", failure).isNotNull();
		return analysis;
	}

}
