package io.bedrockbinding.actuate.endpoint;

import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import io.bedrockbinding.Severity;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.file.FileProblem;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.identifier.TargetList;
import io.bedrockbinding.identifier.TemplateValues;
import io.bedrockbinding.identifier.UnresolvedTemplateException;
import io.bedrockbinding.pipe.Cooldowns;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.LayeredTarget;
import io.bedrockbinding.registry.Origin;
import io.bedrockbinding.registry.OriginKind;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;

/**
 * {@link Endpoint @Endpoint} that shows the Bedrock model bindings in force: the target
 * of each model, where it came from, what it shadows and what is wrong with it. Write
 * operations bind and unbind at runtime; they are refused unless
 * {@code management.endpoint.bedrockbindings.access} grants them.
 * <p>
 * Account IDs (the {@code accountId} field and the account inside every ARN and message)
 * are masked unless {@link Show} allows them. This class serves JMX, where, as for Boot's
 * {@code env} endpoint, {@link Show#WHEN_AUTHORIZED} counts as authorized; over HTTP the
 * {@link BedrockBindingsEndpointWebExtension} decides per request.
 */
@Endpoint(id = "bedrockbindings", defaultAccess = Access.READ_ONLY)
public class BedrockBindingsEndpoint {

	private final BindingRegistry registry;

	private final Show showValues;

	private final Supplier<AccountResolver> accounts;

	private final Supplier<@Nullable Cooldowns> cooldowns;

	/**
	 * Creates the endpoint; templates are filled with the registry's account only.
	 * @param registry the registry to show and change
	 * @param showValues when account IDs are shown unmasked
	 */
	public BedrockBindingsEndpoint(BindingRegistry registry, Show showValues) {
		this(registry, showValues, AccountResolver.none());
	}

	/**
	 * Creates the endpoint.
	 * @param registry the registry to show and change
	 * @param showValues when account IDs are shown unmasked
	 * @param accounts the account the application calls with, used to fill
	 * {@code {account}} in targets when it is known without calling AWS
	 */
	public BedrockBindingsEndpoint(BindingRegistry registry, Show showValues, AccountResolver accounts) {
		this(registry, showValues, () -> accounts, () -> null);
	}

	/**
	 * Creates the endpoint, which asks for the resolver and the cooldowns per request.
	 * @param registry the registry to show and change
	 * @param showValues when account IDs are shown unmasked
	 * @param accounts the account the application calls with
	 * @param cooldowns the pipe factory's failover cooldowns to show, if any
	 */
	public BedrockBindingsEndpoint(BindingRegistry registry, Show showValues, Supplier<AccountResolver> accounts,
			Supplier<@Nullable Cooldowns> cooldowns) {
		this.registry = registry;
		this.showValues = showValues;
		this.accounts = accounts;
		this.cooldowns = cooldowns;
	}

	/**
	 * Every binding above the catalog default; with {@code all}, the catalog defaults
	 * too.
	 * @param all whether to list the catalog defaults too
	 * @return the document
	 */
	@ReadOperation
	public BedrockBindingsDescriptor bindings(@Nullable Boolean all) {
		return bindings(Boolean.TRUE.equals(all), this.showValues.isShown(true));
	}

	/**
	 * The binding of one model, or {@code null} (404) for a model no layer knows.
	 * @param model the model ID
	 * @return the binding, or {@code null}
	 */
	@ReadOperation
	public @Nullable BindingDescriptor binding(@Selector String model) {
		return binding(model, this.showValues.isShown(true));
	}

	/**
	 * Binds {@code model} to {@code target} at runtime; with {@code persist}, writes it
	 * to the inference file as well.
	 * @param model the model ID
	 * @param target the target to bind it to
	 * @param persist whether to change the inference file too
	 * @return the binding now in force
	 */
	@WriteOperation
	public BindingDescriptor bind(String model, String target, @Nullable Boolean persist) {
		try {
			return bind(model, target, Boolean.TRUE.equals(persist), this.showValues.isShown(true));
		}
		catch (InvalidTargetException | IllegalStateException ex) {
			throw AccountMask.of(this.showValues.isShown(true)).refused(ex);
		}
	}

	/**
	 * Removes the runtime binding of {@code model}; with {@code persist}, its lines in
	 * the inference file as well.
	 * @param model the model ID
	 * @param persist whether to change the inference file too
	 * @return the binding in force afterwards, or {@code null} if none is left
	 */
	@DeleteOperation
	public @Nullable BindingDescriptor unbind(@Selector String model, @Nullable Boolean persist) {
		try {
			return unbind(model, Boolean.TRUE.equals(persist), this.showValues.isShown(true)).binding();
		}
		catch (IllegalStateException ex) {
			throw AccountMask.of(this.showValues.isShown(true)).refused(ex);
		}
	}

	BedrockBindingsDescriptor bindings(boolean all, boolean showValues) {
		AccountMask mask = AccountMask.of(showValues);
		List<Binding> bindings = all ? this.registry.bindings() : this.registry.explicitBindings();
		Cooldowns cooldowns = this.cooldowns.get();
		return new BedrockBindingsDescriptor(this.registry.region().orElse(null),
				mask.account(this.registry.accountId().orElse(null)), inferenceFile(mask),
				(cooldowns != null) ? FailoverDescriptor.of(cooldowns, mask) : null,
				bindings.stream()
					.sorted(Comparator.comparing(Binding::modelId))
					.map((binding) -> describe(binding, mask))
					.toList());
	}

	@Nullable BindingDescriptor binding(String model, boolean showValues) {
		return this.registry.find(model).map((binding) -> describe(binding, AccountMask.of(showValues))).orElse(null);
	}

	/**
	 * Binds at runtime, for the JMX operation and the web extension.
	 * @param model the model ID
	 * @param target the target to bind it to
	 * @param persist whether to change the inference file too
	 * @param showValues whether account IDs are shown unmasked
	 * @return the binding now in force
	 * @throws InvalidTargetException if the model ID or target is invalid; nothing
	 * changes
	 * @throws IllegalStateException if persisting is asked for without an inference file
	 * @throws UncheckedIOException if the inference file cannot be written; nothing
	 * changes
	 */
	BindingDescriptor bind(String model, String target, boolean persist, boolean showValues) {
		Binding bound = this.registry.bind(model, target, persist);
		return describe(bound, AccountMask.of(showValues));
	}

	/**
	 * Unbinds at runtime, for the JMX operation and the web extension.
	 * @param model the model ID
	 * @param persist whether to change the inference file too
	 * @param showValues whether account IDs are shown unmasked
	 * @return whether anything was removed, and the binding in force now
	 * @throws IllegalStateException if persisting is asked for without an inference file
	 * @throws UncheckedIOException if the inference file cannot be written; nothing
	 * changes
	 */
	Unbound unbind(String model, boolean persist, boolean showValues) {
		boolean inFile = this.registry.find(model).map(BedrockBindingsEndpoint::hasFileLayer).orElse(false);
		Optional<LayeredTarget> removed = this.registry.unbind(model, persist);
		boolean changed = removed.isPresent() || (persist && inFile);
		return new Unbound(changed, binding(model, showValues));
	}

	private static boolean hasFileLayer(Binding binding) {
		return binding.origin().kind() == OriginKind.FILE
				|| binding.shadowed().stream().anyMatch((layered) -> layered.origin().kind() == OriginKind.FILE);
	}

	private @Nullable InferenceFileDescriptor inferenceFile(AccountMask mask) {
		return this.registry.inferenceFile().map((file) -> {
			InferenceFileContent read = this.registry.lastFileRead().orElse(null);
			List<FileProblemDescriptor> problems = (read != null)
					? read.problems().stream().map((problem) -> FileProblemDescriptor.of(problem, mask)).toList()
					: List.of();
			return new InferenceFileDescriptor(file.path().toString(), (read != null) ? read.exists() : file.exists(),
					this.registry.fileLoadedAt().orElse(null), problems);
		}).orElse(null);
	}

	private BindingDescriptor describe(Binding binding, AccountMask mask) {
		BindingTarget template = binding.target();
		BindingTarget target = asCalled(template);
		List<BindingProblem> problems = this.registry.problemsOf(binding);
		List<String> chain = (binding.targets().size() > 1)
				? binding.targets().stream().map((element) -> mask.text(asCalled(element).value())).toList() : null;
		return new BindingDescriptor(binding.modelId(), mask.text(target.value()), chain,
				template.hasTemplate() ? mask.text(template.value()) : null, target.kind(),
				target.region().or(this.registry::region).orElse(null), OriginDescriptor.of(binding.origin(), mask),
				binding.shadowed().stream().map((layered) -> ShadowedDescriptor.of(layered, mask)).toList(),
				this.registry.needsProfile(binding.modelId()), BindingStatus.of(problems),
				problems.stream().map((problem) -> ProblemDescriptor.of(problem, mask)).toList());
	}

	/**
	 * The target as it will be called: its templates filled with the configured region
	 * and the account, when both are known without calling AWS; else the template.
	 * @param target the target to bind it to
	 * @return the target with its templates filled in, or as it is
	 */
	private BindingTarget asCalled(BindingTarget target) {
		if (!target.hasTemplate()) {
			return target;
		}
		String account = this.accounts.get().knownAccountId().or(this.registry::accountId).orElse(null);
		try {
			return target
				.resolve(new TemplateValues(() -> account, this.registry.region().orElse(null), this.registry.hints()));
		}
		catch (UnresolvedTemplateException | InvalidTargetException ex) {
			return target;
		}
	}

	/**
	 * What a delete did.
	 *
	 * @param removed whether anything was removed
	 * @param binding the binding in force now, or {@code null} when none is left
	 */
	record Unbound(boolean removed, @Nullable BindingDescriptor binding) {
	}

	/**
	 * The whole document.
	 *
	 * @param region the configured region, absent when none is known
	 * @param accountId the configured account, masked unless values are shown; absent
	 * when none is configured
	 * @param inferenceFile the inference file, absent when reading one is switched off
	 * @param failover the pipe factory's cooldowns, absent without a factory
	 * @param bindings the bindings, sorted by model ID
	 */
	public record BedrockBindingsDescriptor(@Nullable String region, @Nullable String accountId,
			@Nullable InferenceFileDescriptor inferenceFile, @Nullable FailoverDescriptor failover,
			List<BindingDescriptor> bindings) implements OperationResponseBody {
	}

	/**
	 * The inference file.
	 *
	 * @param location its absolute path
	 * @param exists whether it existed when last read
	 * @param loadedAt when the file bindings now in force were read
	 * @param problems the problems of the last read (a broken reload keeps the previous
	 * bindings in force, and its problems show here)
	 */
	public record InferenceFileDescriptor(String location, boolean exists, @Nullable Instant loadedAt,
			List<FileProblemDescriptor> problems) {
	}

	/**
	 * A problem in the inference file.
	 *
	 * @param line its 1-based line, 0 for the file as a whole
	 * @param severity how bad it is
	 * @param message what is wrong
	 */
	public record FileProblemDescriptor(int line, Severity severity, String message) {

		static FileProblemDescriptor of(FileProblem problem, AccountMask mask) {
			return new FileProblemDescriptor(problem.line(), problem.severity(), mask.text(problem.message()));
		}

	}

	/**
	 * One binding.
	 *
	 * @param model the model ID callers ask for
	 * @param target what Bedrock is called with: templates filled when the account and
	 * region are known without calling AWS (account IDs masked unless values are shown)
	 * @param targets the failover chain, first tried first ({@code target} is its first
	 * element, filled in the same way); absent when the binding names one target
	 * @param template the target as bound, with its {@code {account}} and
	 * {@code {region}} templates, masked as {@code target} is; absent when it has none
	 * @param kind the kind of target
	 * @param region where calls go: the ARN's region, else the configured one
	 * @param origin where the binding came from
	 * @param shadowed the lower-precedence bindings of the model, highest first
	 * @param needsProfile whether the model cannot be called on demand in the configured
	 * region
	 * @param status {@code ERROR} if a problem is an error, {@code WARNING} if one is a
	 * warning, else {@code OK}
	 * @param problems what is wrong with the binding
	 */
	public record BindingDescriptor(String model, String target, @Nullable List<String> targets,
			@Nullable String template, TargetKind kind, @Nullable String region, OriginDescriptor origin,
			List<ShadowedDescriptor> shadowed, boolean needsProfile, BindingStatus status,
			List<ProblemDescriptor> problems) implements OperationResponseBody {
	}

	/**
	 * Where a binding came from.
	 *
	 * @param kind the layer
	 * @param source the file and line, the property source, ...
	 */
	public record OriginDescriptor(OriginKind kind, String source) {

		static OriginDescriptor of(Origin origin, AccountMask mask) {
			return new OriginDescriptor(origin.kind(), mask.text(origin.source()));
		}

	}

	/**
	 * A lower-precedence binding that the binding in force overrides.
	 *
	 * @param target its target
	 * @param origin where it came from
	 */
	public record ShadowedDescriptor(String target, OriginDescriptor origin) {

		static ShadowedDescriptor of(LayeredTarget layered, AccountMask mask) {
			return new ShadowedDescriptor(mask.text(TargetList.format(layered.targets())),
					OriginDescriptor.of(layered.origin(), mask));
		}

	}

	/**
	 * A problem of a binding.
	 *
	 * @param severity how bad it is
	 * @param code what kind of problem, e.g. {@code NEEDS_PROFILE}
	 * @param message what is wrong, with where the binding came from
	 * @param fix how to fix it: the inference.txt line and YAML that would, or what to
	 * change
	 */
	public record ProblemDescriptor(Severity severity, String code, String message, String fix) {

		static ProblemDescriptor of(BindingProblem problem, AccountMask mask) {
			return new ProblemDescriptor(problem.severity(), problem.code().name(), mask.text(problem.message()),
					mask.text(problem.fix()));
		}

	}

	/** How healthy one binding is. */
	public enum BindingStatus {

		/** No problem. */
		OK,

		/** Works, but is probably not what was meant. */
		WARNING,

		/** Calls will fail. */
		ERROR;

		static BindingStatus of(List<BindingProblem> problems) {
			if (problems.stream().anyMatch((problem) -> problem.severity() == Severity.ERROR)) {
				return ERROR;
			}
			return problems.isEmpty() ? OK : WARNING;
		}

	}

}
