package io.bedrockbinding.autoconfigure;

import java.util.stream.Collectors;

import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.ProblemCode;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link BindingValidationException}: each problem with where it came from,
 * and the exact inference.txt line or YAML that fixes it.
 */
class BindingValidationFailureAnalyzer extends AbstractFailureAnalyzer<BindingValidationException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindingValidationException cause) {
		String description = cause.problems()
			.stream()
			.map(BindingValidationFailureAnalyzer::description)
			.collect(Collectors.joining("\n", "Bedrock model bindings are invalid:\n\n", ""));
		String action = cause.problems()
			.stream()
			.map(BindingValidationFailureAnalyzer::action)
			.collect(Collectors.joining("\n\n", "",
					"\n\nOr set bedrock.binding.validation.fail-fast=false to start with warnings instead."));
		return new FailureAnalysis(description, action, cause);
	}

	/**
	 * The problem, named by its model when the message does not name it (a target parse
	 * error).
	 * @param problem the problem
	 * @return the text that describes it
	 */
	private static String description(BindingProblem problem) {
		boolean named = problem.modelId().isEmpty() || problem.message().startsWith(problem.modelId());
		return "- " + (named ? "" : problem.modelId() + ": ") + problem.message();
	}

	private static String action(BindingProblem problem) {
		String subject = problem.modelId().isEmpty() ? "" : "For " + problem.modelId() + ", ";
		if (problem.code() == ProblemCode.INVALID_TARGET && problem.suggestedTarget() != null
				&& problem.origin() != null) {
			// The invalid entry must go: say where it is, then the line that would
			// replace it.
			return subject + "correct the binding at " + problem.origin().source() + "; for example, " + problem.fix();
		}
		return subject + problem.fix();
	}

}
