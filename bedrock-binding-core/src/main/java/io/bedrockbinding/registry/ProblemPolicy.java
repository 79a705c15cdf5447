package io.bedrockbinding.registry;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import io.bedrockbinding.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Which problems count as errors: the one rule the start-up validation, the health
 * indicator and the command line's {@code validate} apply to
 * {@link BindingRegistry#validate()}. Only a problem of severity {@link Severity#ERROR}
 * can count; every other problem is for a warning or the details.
 *
 * @param fileProblems whether a line of the inference file that is not a valid binding
 * counts (a strict file); such a line never becomes a binding, and a broken reload keeps
 * the last good bindings, so by default it does not
 * @param models the models whose problems count, or {@code null} for every model
 */
public record ProblemPolicy(boolean fileProblems, @Nullable Set<String> models) {

	public ProblemPolicy {
		models = (models != null) ? Set.copyOf(models) : null;
	}

	/**
	 * Every error counts, file problems included: the command line's {@code validate}.
	 * @return the policy
	 */
	public static ProblemPolicy everyError() {
		return new ProblemPolicy(true, null);
	}

	/**
	 * Start-up validation: every binding error counts, and file problems only for a
	 * strict file.
	 * @param strictFile whether problems of the inference file count
	 * @return the policy
	 */
	public static ProblemPolicy startup(boolean strictFile) {
		return new ProblemPolicy(strictFile, null);
	}

	/**
	 * Health: only a required model that is unbound or in error counts, so that one
	 * unused model bound wrong does not take an instance out of service; with
	 * {@code anyError}, every binding error counts.
	 * @param requiredModels the models the application cannot work without
	 * @param anyError whether every binding error counts, not only those of required
	 * models
	 * @return the policy
	 */
	public static ProblemPolicy health(Collection<String> requiredModels, boolean anyError) {
		return new ProblemPolicy(false, anyError ? null : Set.copyOf(requiredModels));
	}

	/**
	 * Whether {@code problem} counts as an error.
	 * @param problem a problem of {@link BindingRegistry#validate()}
	 * @return whether it is an error under this policy
	 */
	public boolean isError(BindingProblem problem) {
		if (problem.severity() != Severity.ERROR) {
			return false;
		}
		if (problem.code() == ProblemCode.FILE_PROBLEM) {
			return this.fileProblems;
		}
		return this.models == null || this.models.contains(problem.modelId());
	}

	/**
	 * The problems that count as errors, in their order.
	 * @param problems problems of {@link BindingRegistry#validate()}
	 * @return those that are errors under this policy
	 */
	public List<BindingProblem> errors(Collection<BindingProblem> problems) {
		return problems.stream().filter(this::isError).toList();
	}

}
