package io.bedrockbinding.autoconfigure;

import java.util.stream.Collectors;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

import io.bedrockbinding.registry.BindingProblem;

/**
 * Explains a {@link BindingValidationException}: each problem with where it came from,
 * and the exact inference.txt line or YAML that fixes it.
 */
class BindingValidationFailureAnalyzer extends AbstractFailureAnalyzer<BindingValidationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindingValidationException cause) {
		String description = cause.problems()
			.stream()
			.map((problem) -> "- " + problem.message())
			.collect(Collectors.joining("\n", "Bedrock model bindings are invalid:\n\n", ""));
		String action = cause.problems()
			.stream()
			.map(BindingValidationFailureAnalyzer::action)
			.collect(Collectors.joining("\n\n", "", "\n\nOr set bedrock.binding.validation.fail-fast=false to start with warnings instead."));
		return new FailureAnalysis(description, action, cause);
	}

	private static String action(BindingProblem problem) {
		String subject = problem.modelId().isEmpty() ? "" : "For " + problem.modelId() + ", ";
		return subject + problem.fix();
	}

}
