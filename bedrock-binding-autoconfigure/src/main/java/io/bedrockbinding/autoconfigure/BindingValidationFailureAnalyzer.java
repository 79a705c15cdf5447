package io.bedrockbinding.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.ProblemCode;
import io.bedrockbinding.registry.ProblemPolicy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a {@link BindingValidationException}: each problem with where it came from,
 * and the exact inference.txt line or YAML that fixes it.
 */
class BindingValidationFailureAnalyzer extends AbstractFailureAnalyzer<BindingValidationException> {

	private static final String STRICT = "bedrock.binding.inference-file.strict";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, BindingValidationException cause) {
		String description = cause.problems()
			.stream()
			.map(BindingValidationFailureAnalyzer::description)
			.collect(Collectors.joining("\n", "Bedrock model bindings are invalid:\n\n", ""));
		String action = cause.problems()
			.stream()
			.map(BindingValidationFailureAnalyzer::action)
			.collect(Collectors.joining("\n\n", "", "\n\n" + setting(cause.problems())));
		return new FailureAnalysis(description, action, cause);
	}

	/**
	 * The setting that lets the application start: a broken line of the inference file
	 * fails start-up only because {@code inference-file.strict} is true
	 * ({@link ProblemPolicy#startup}), every other error because
	 * {@code validation.fail-fast} is.
	 * @param problems the errors that failed start-up
	 * @return the sentence that names it
	 */
	private static String setting(List<BindingProblem> problems) {
		boolean fileProblems = problems.stream().anyMatch((problem) -> problem.code() == ProblemCode.FILE_PROBLEM);
		if (fileProblems && problems.stream().allMatch((problem) -> problem.code() == ProblemCode.FILE_PROBLEM)) {
			return "Or set " + STRICT + "=false to start with the inference file's broken lines logged instead.";
		}
		return "Or set bedrock.binding.validation.fail-fast=false to start with warnings instead"
				+ (fileProblems ? " (the inference file's broken lines are errors because " + STRICT + "=true)." : ".");
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
