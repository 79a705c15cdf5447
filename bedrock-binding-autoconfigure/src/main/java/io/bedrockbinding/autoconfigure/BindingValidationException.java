package io.bedrockbinding.autoconfigure;

import java.util.List;
import java.util.stream.Collectors;

import io.bedrockbinding.registry.BindingProblem;

/** Start-up stopped because bindings have errors; the failure analyzer explains them. */
public class BindingValidationException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient List<BindingProblem> problems;

	public BindingValidationException(List<BindingProblem> problems) {
		super("Invalid Bedrock model bindings:\n"
				+ problems.stream().map((problem) -> " - " + problem.message()).collect(Collectors.joining("\n")));
		this.problems = List.copyOf(problems);
	}

	public List<BindingProblem> problems() {
		return this.problems;
	}

}
