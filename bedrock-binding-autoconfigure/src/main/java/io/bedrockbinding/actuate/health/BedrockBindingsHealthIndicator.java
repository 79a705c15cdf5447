package io.bedrockbinding.actuate.health;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.Severity;
import io.bedrockbinding.actuate.endpoint.AccountMask;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import io.bedrockbinding.registry.ProblemCode;
import io.bedrockbinding.registry.ProblemPolicy;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * {@link HealthIndicator} of the Bedrock model bindings. By default it is DOWN only when
 * a required model ({@code bedrock.binding.required-models}) is unbound or its binding
 * has an error: one unused model bound wrong must not take every instance out of service.
 * Every other error shows in the details with status UP; a {@link ProblemPolicy} that
 * counts every error (see {@link ProblemPolicy#health(java.util.Collection, boolean)})
 * makes any error DOWN.
 * <p>
 * Problems of the inference file alone do not make it DOWN: broken lines never become
 * bindings, and a broken reload keeps the last good bindings in force; they show in the
 * details, as does when the file was last read. Bound or required models that are
 * {@code LEGACY} show in {@code legacyModels} (a model past its end of life is an error).
 * Account IDs in messages are always masked.
 */
public class BedrockBindingsHealthIndicator extends AbstractHealthIndicator {

	private final BindingRegistry registry;

	private final ProblemPolicy policy;

	/**
	 * Creates an indicator that is DOWN only for the registry's required models.
	 * @param registry the registry whose bindings are checked
	 */
	public BedrockBindingsHealthIndicator(BindingRegistry registry) {
		this(registry, ProblemPolicy.health(registry.requiredModels(), false));
	}

	/**
	 * Creates an indicator that is DOWN when {@code policy} counts a problem as an error.
	 * @param registry the registry whose bindings are checked
	 * @param policy which problems make it DOWN
	 */
	public BedrockBindingsHealthIndicator(BindingRegistry registry, ProblemPolicy policy) {
		super("Bedrock bindings health check failed");
		this.registry = registry;
		this.policy = policy;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		List<BindingProblem> problems = this.registry.validate();
		List<String> unbound = problems.stream()
			.filter((problem) -> problem.code() == ProblemCode.REQUIRED_UNBOUND)
			.map(BindingProblem::modelId)
			.sorted()
			.toList();
		List<String> errors = problems.stream()
			.filter((problem) -> problem.severity() == Severity.ERROR)
			.filter((problem) -> problem.code() != ProblemCode.REQUIRED_UNBOUND
					&& problem.code() != ProblemCode.FILE_PROBLEM)
			.map((problem) -> AccountMask.ACCOUNTS.text(problem.message()))
			.toList();
		if (this.policy.errors(problems).isEmpty()) {
			builder.up();
		}
		else {
			builder.down();
		}
		this.registry.region().ifPresent((region) -> builder.withDetail("region", region));
		builder.withDetail("bindings", countsByOrigin());
		if (!unbound.isEmpty()) {
			builder.withDetail("unboundRequiredModels", unbound);
		}
		if (!errors.isEmpty()) {
			builder.withDetail("errors", errors);
		}
		List<String> legacy = problems.stream()
			.filter((problem) -> problem.code() == ProblemCode.LEGACY)
			.map((problem) -> AccountMask.ACCOUNTS.text(problem.message()))
			.toList();
		if (!legacy.isEmpty()) {
			builder.withDetail("legacyModels", legacy);
		}
		this.registry.inferenceFile()
			.ifPresent((file) -> builder.withDetail("inferenceFile", inferenceFile(file.path().toString())));
	}

	/**
	 * How many bindings each origin supplies, highest precedence first, zeros left out.
	 * @return how many bindings each origin supplies, highest precedence first, zeros
	 * left out
	 */
	private Map<OriginKind, Integer> countsByOrigin() {
		Map<OriginKind, Integer> counts = new EnumMap<>(OriginKind.class);
		for (Binding binding : this.registry.bindings()) {
			counts.merge(binding.origin().kind(), 1, Integer::sum);
		}
		Map<OriginKind, Integer> highestFirst = new LinkedHashMap<>();
		OriginKind[] kinds = OriginKind.values();
		for (int i = kinds.length - 1; i >= 0; i--) {
			Integer count = counts.get(kinds[i]);
			if (count != null) {
				highestFirst.put(kinds[i], count);
			}
		}
		return highestFirst;
	}

	private Map<String, Object> inferenceFile(String location) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("location", location);
		InferenceFileContent read = this.registry.lastFileRead().orElse(null);
		if (read != null) {
			details.put("exists", read.exists());
		}
		this.registry.fileLoadedAt().ifPresent((loadedAt) -> details.put("loadedAt", loadedAt.toString()));
		if (read != null) {
			details.put("problems",
					read.problems().stream().map((problem) -> AccountMask.ACCOUNTS.text(problem.toString())).toList());
		}
		return details;
	}

}
