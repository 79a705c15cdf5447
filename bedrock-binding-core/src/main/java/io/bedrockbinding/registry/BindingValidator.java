package io.bedrockbinding.registry;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.file.FileProblem;
import io.bedrockbinding.identifier.BedrockArn;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.identifier.TargetKind;
import org.jspecify.annotations.Nullable;

/**
 * The rules a binding is checked against: the region's geography, profiles a model needs
 * there, ARNs of other regions and accounts, models the catalog does not know, required
 * models without a binding, and the lifecycle of the models that bindings someone made
 * (or required models) call.
 */
final class BindingValidator {

	private final ModelCatalog catalog;

	private final @Nullable String region;

	private final @Nullable String accountId;

	private final Set<String> requiredModels;

	private final SettingHints hints;

	private final Clock clock;

	/**
	 * The region the catalog's rules (needs a profile, which geographies serve it) and
	 * the regions of ARNs are checked against: none for a region the SDK does not know,
	 * whose one warning says so rather than a problem for every binding.
	 */
	private final @Nullable String judgedRegion;

	BindingValidator(ModelCatalog catalog, @Nullable String region, @Nullable String accountId,
			Set<String> requiredModels, SettingHints hints, Clock clock) {
		this.catalog = catalog;
		this.region = region;
		this.judgedRegion = (region != null && BedrockArn.isKnownRegion(region)) ? region : null;
		this.accountId = accountId;
		this.requiredModels = requiredModels;
		this.hints = hints;
		this.clock = clock;
	}

	/**
	 * Every problem of one version of the registry: invalid entries, file problems, the
	 * rules of each binding, and required models without a binding.
	 * @param current the version to check
	 * @return the problems, in that order
	 */
	List<BindingProblem> validate(RegistryState current) {
		List<BindingProblem> problems = new ArrayList<>();
		BindingProblem.unknownRegion(this.region, this.hints).ifPresent(problems::add);
		current.layerProblems.values().forEach(problems::addAll);
		if (current.lastFileRead != null) {
			for (FileProblem problem : current.lastFileRead.problems()) {
				problems.add(new BindingProblem("", problem.severity(), ProblemCode.FILE_PROBLEM, problem.toString(),
						new Origin(OriginKind.FILE, problem.source() + ":" + problem.line()), null, this.hints));
			}
		}
		for (Binding binding : current.bindings()) {
			problems.addAll(problemsOf(binding));
		}
		for (String required : this.requiredModels) {
			String notAModelId = notAModelId(required);
			if (notAModelId != null) {
				// a profile ID or ARN where a model ID belongs: no binding can make it
				// right
				problems.add(new BindingProblem(
						required, Severity.ERROR, ProblemCode.REQUIRED_UNBOUND, required + " is listed in "
								+ this.hints.requiredModels() + " but is not a model ID: " + notAModelId,
						null, null, this.hints));
				continue;
			}
			Binding binding = current.binding(required);
			if (binding == null || !binding.isExplicit()) {
				// upper case in the name: no binding is the fix, the model ID in lower
				// case is (BindingProblem#fix)
				String lowerCase = ModelIds.lowerCased(required);
				String suggestion = (this.judgedRegion != null && lowerCase == null)
						? requiredTarget(required, this.judgedRegion) : null;
				problems.add(new BindingProblem(required, Severity.ERROR, ProblemCode.REQUIRED_UNBOUND,
						required + " is listed in " + this.hints.requiredModels() + " but has no binding"
								+ ((lowerCase != null) ? ": " + ModelIds.lowerCaseAdvice(lowerCase) : ""),
						null, suggestion, this.hints));
			}
			if (binding == null || !isChosen(binding)) {
				String called = (binding != null) ? binding.target().namedModel().orElse(required) : required;
				lifecycleProblem(required, called, null, "listed in " + this.hints.requiredModels())
					.ifPresent(problems::add);
			}
		}
		return problems;
	}

	/**
	 * The target to suggest for a required model without a binding: the region's system
	 * profile, else direct (empty) where the catalog says it is served on demand.
	 * @param required the model ID
	 * @param region the region
	 * @return the target, or {@code null} if the catalog knows none
	 */
	private @Nullable String requiredTarget(String required, String region) {
		String profile = this.catalog.systemProfileFor(required, region).orElse(null);
		if (profile != null) {
			return profile;
		}
		ModelInfo model = this.catalog.find(required).orElse(null);
		return (model != null && model.onDemandRegions().contains(region)) ? "" : null;
	}

	/**
	 * Why a required model is not a model ID.
	 * @param required an entry of the required models
	 * @return the reason, or {@code null} if it is a model ID
	 */
	static @Nullable String notAModelId(String required) {
		try {
			ModelIds.requireModelId(required);
			return null;
		}
		catch (InvalidTargetException ex) {
			return ex.reason();
		}
	}

	/**
	 * The problems of one binding (the rules of {@link #validate} that concern it).
	 * @param binding the binding
	 * @return its problems; none for a catalog default
	 */
	List<BindingProblem> problemsOf(Binding binding) {
		if (!binding.isExplicit()) {
			return List.of();
		}
		List<BindingProblem> problems = new ArrayList<>();
		String modelId = binding.modelId();
		Origin origin = binding.origin();
		ModelInfo model = this.catalog.find(modelId).orElse(null);
		if (model == null) {
			String lowerCase = ModelIds.lowerCased(modelId);
			String advice = (lowerCase != null && this.catalog.contains(lowerCase))
					? ": " + ModelIds.lowerCaseAdvice(lowerCase) : "";
			problems.add(new BindingProblem(modelId, Severity.WARNING, ProblemCode.UNKNOWN_MODEL,
					modelId + " (" + origin.source() + ") is not in the model catalog" + advice, origin, null,
					this.hints));
		}
		// every target of a chain is checked as a single target is, and named by its
		// place in the chain
		List<BindingTarget> targets = binding.targets();
		for (int i = 0; i < targets.size(); i++) {
			String where = (targets.size() == 1) ? origin.source()
					: origin.source() + ", target " + (i + 1) + " of " + targets.size();
			problems.addAll(problemsOf(binding, modelId, origin, where, targets.get(i)));
		}
		return problems;
	}

	/**
	 * The problems of one target of a binding.
	 * @param binding the binding
	 * @param modelId its model ID
	 * @param origin where it came from
	 * @param where how messages name that place (and, in a chain, the target's)
	 * @param target the target
	 * @return its problems
	 */
	private List<BindingProblem> problemsOf(Binding binding, String modelId, Origin origin, String where,
			BindingTarget target) {
		List<BindingProblem> problems = new ArrayList<>();
		if (isChosen(binding)) {
			lifecycleProblem(modelId, target.namedModel().orElse(modelId), origin, where).ifPresent(problems::add);
		}
		String region = this.judgedRegion;
		if (target instanceof BindingTarget.Direct direct && region != null) {
			ModelInfo called = this.catalog.find(direct.modelId()).orElse(null);
			if (called != null && called.needsProfile(region)) {
				String suggestion = this.catalog.systemProfileFor(direct.modelId(), region).orElse(null);
				problems.add(new BindingProblem(modelId, Severity.ERROR, ProblemCode.NEEDS_PROFILE,
						modelId + " is bound direct (" + where + ") but needs an inference profile in " + region,
						origin, suggestion, this.hints));
			}
		}
		if (target instanceof BindingTarget.SystemProfile profile) {
			// The profile's model, not the key's: an alias may be bound to another
			// model's profile.
			ModelInfo profiled = this.catalog.find(profile.modelId()).orElse(null);
			Optional<Geography> geography = this.catalog.geographies().find(profile.geo());
			if (geography.isEmpty()) {
				problems.add(new BindingProblem(modelId, Severity.WARNING, ProblemCode.UNKNOWN_GEO,
						"'" + profile.geo() + "' of " + profile.value() + " (" + where + ") is not a known geography",
						origin, null, this.hints));
			}
			else if (region != null && !servedFrom(profiled, geography.get(), region)) {
				problems.add(new BindingProblem(modelId, Severity.ERROR, ProblemCode.GEO_DOES_NOT_SERVE_REGION,
						profile.value() + " (" + where + ") cannot be called from " + region + ": "
								+ sourceRegionsText(profiled, geography.get()),
						origin, this.catalog.systemProfileFor(profile.modelId(), region).orElse(null), this.hints));
			}
			else if (profiled != null && !profiled.hasGeo(profile.geo())) {
				problems
					.add(new BindingProblem(
							modelId, Severity.WARNING, ProblemCode.UNKNOWN_GEO, "the catalog lists no '" + profile.geo()
									+ "' profile for " + profile.modelId() + " (" + where + ")",
							origin, null, this.hints));
			}
		}
		Optional<BindingProblem> unknownTargetModel = unknownTargetModel(modelId, origin, where, target);
		unknownTargetModel.ifPresent(problems::add);
		if (unknownTargetModel.isEmpty()) {
			otherModel(modelId, origin, where, target).ifPresent(problems::add);
		}
		if (target instanceof BindingTarget.Arn arn) {
			BedrockArn parsed = arn.arn();
			if (target.region().isPresent() && !BedrockArn.isKnownRegion(target.region().get())) {
				problems.add(new BindingProblem(modelId, Severity.WARNING, ProblemCode.UNKNOWN_REGION,
						modelId + " is bound to an ARN in " + target.region().get() + " (" + where
								+ "), a region the AWS SDK does not know: check the spelling (a new region needs a"
								+ " newer SDK to be known)",
						origin, null, this.hints));
			}
			if (region != null && target.region().isPresent() && !target.region().get().equals(region)
					&& target.kind() != TargetKind.FOUNDATION_MODEL_ARN) {
				problems.add(new BindingProblem(modelId, Severity.WARNING, ProblemCode.REGION_MISMATCH,
						modelId + " is bound to an ARN in " + target.region().get() + " (" + where
								+ ") while the configured region is " + region + "; calls go to "
								+ target.region().get(),
						origin, null, this.hints));
			}
			// Only an {account} template exempts the ARN: a {region} template says
			// nothing about the account.
			if (this.accountId != null && !parsed.account().isEmpty()
					&& !parsed.account().equals(BedrockArn.ACCOUNT_TEMPLATE)
					&& !parsed.account().equals(this.accountId)) {
				problems.add(new BindingProblem(modelId, Severity.WARNING, ProblemCode.ACCOUNT_MISMATCH,
						modelId + " is bound to an ARN of account " + parsed.account() + " (" + where
								+ ") while the account is " + this.accountId,
						origin, null, this.hints));
			}
		}
		return problems;
	}

	/**
	 * A target that names a model the catalog does not know, such as one typed halfway
	 * ({@code us.amazon.nova-pro-v1}): a warning, as for a model ID the catalog does not
	 * know. A target in upper case is told the lower-case one where the catalog knows its
	 * model. A target that is the model itself is the key's own warning.
	 * @param modelId the binding's model ID
	 * @param origin where the binding came from
	 * @param where how messages name that place
	 * @param target the target
	 * @return the problem, if the target's model is unknown
	 */
	private Optional<BindingProblem> unknownTargetModel(String modelId, Origin origin, String where,
			BindingTarget target) {
		String named = (target instanceof BindingTarget.SystemProfile profile) ? profile.modelId()
				: (target instanceof BindingTarget.Direct direct) ? direct.modelId() : null;
		if (named == null || named.equals(modelId) || this.catalog.find(named).isPresent()) {
			return Optional.empty();
		}
		String lowerCase = ModelIds.lowerCasedTarget(target.value());
		String advice = (lowerCase != null && this.catalog.contains(ModelIds.modelOf(lowerCase)))
				? ModelIds.lowerCaseAdvice(lowerCase) : "check its spelling";
		return Optional.of(new BindingProblem(
				modelId, Severity.WARNING, ProblemCode.UNKNOWN_MODEL, modelId + " is bound to " + target.value() + " ("
						+ where + "), whose model " + named + " is not in the model catalog: " + advice,
				origin, null, this.hints));
	}

	/**
	 * A target that calls another model than the one it binds
	 * ({@code amazon.nova-lite-v1:0=us.amazon.nova-pro-v1:0}): a warning, not an error,
	 * as an alias can be meant. The one rule of the command line's {@code bind} and
	 * {@code validate} and of the start-up validation. A target of a model the catalog
	 * does not know is {@link #unknownTargetModel}'s warning instead; a model ID in upper
	 * case whose target calls its lower-case model is told that model by UNKNOWN_MODEL.
	 * @param modelId the binding's model ID
	 * @param origin where the binding came from
	 * @param where how messages name that place
	 * @param target the target
	 * @return the problem, if the target names another model
	 */
	private Optional<BindingProblem> otherModel(String modelId, Origin origin, String where, BindingTarget target) {
		String called = target.namedModel().orElse(modelId);
		if (called.equals(modelId) || called.equals(ModelIds.lowerCased(modelId))) {
			return Optional.empty();
		}
		return Optional.of(new BindingProblem(modelId, Severity.WARNING, ProblemCode.OTHER_MODEL,
				target.value() + " (" + where + ") calls " + called + ", not " + modelId, origin, null, this.hints));
	}

	/**
	 * Whether a profile of {@code geography} can be called from {@code region}: for a
	 * catalog model by its source regions of the geography.
	 * @param profiled the profile's model, if the catalog has it
	 * @param geography the profile's geography
	 * @param region the configured region
	 * @return whether the call is allowed
	 */
	private static boolean servedFrom(@Nullable ModelInfo profiled, Geography geography, String region) {
		return (profiled != null) ? profiled.servedFrom(geography, region) : geography.serves(region);
	}

	/**
	 * Where a profile of {@code geography} can be called from: the geography's regions,
	 * or the catalog model's own source regions of it.
	 * @param profiled the profile's model, if the catalog has it
	 * @param geography the profile's geography
	 * @return the text for the message
	 */
	private static String sourceRegionsText(@Nullable ModelInfo profiled, Geography geography) {
		if (profiled == null || !profiled.geoRegions().containsKey(geography.prefix())) {
			return "the '" + geography.prefix() + "' geography serves " + String.join(", ", geography.regions());
		}
		return "the catalog lists its source regions as " + String.join(", ", profiled.sourceRegions(geography));
	}

	/**
	 * Whether someone chose this binding (a file line, a property, a runtime bind), so
	 * that the lifecycle of its model concerns the application; a derived or discovered
	 * binding exists for every model of the region and the account.
	 * @param binding the binding
	 * @return whether its origin is the file, the properties or a runtime bind
	 */
	private static boolean isChosen(Binding binding) {
		OriginKind kind = binding.origin().kind();
		return kind == OriginKind.FILE || kind == OriginKind.PROPERTIES || kind == OriginKind.RUNTIME;
	}

	/**
	 * {@code END_OF_LIFE} (an error) once the end-of-life date of the called model has
	 * come, else {@code LEGACY} (a warning) while it is legacy; today is the day in UTC
	 * by the registry's clock.
	 * @param modelId the model ID callers ask for
	 * @param called the model the call reaches (the target's model)
	 * @param origin the binding's origin, if there is a binding
	 * @param where where the model is named, for the message
	 * @return the problem, or empty for an active model
	 */
	private Optional<BindingProblem> lifecycleProblem(String modelId, String called, @Nullable Origin origin,
			String where) {
		ModelInfo model = this.catalog.find(called).orElse(null);
		if (model == null) {
			return Optional.empty();
		}
		Lifecycle lifecycle = model.lifecycle();
		LocalDate today = Lifecycle.today(this.clock);
		String subject = modelId + " (" + where + ")" + (called.equals(modelId) ? "" : " calls " + called + ", which");
		String successor = (lifecycle.successor() != null) ? "; AWS recommends " + lifecycle.successor() : "";
		if (lifecycle.isEndOfLife(today)) {
			return Optional.of(new BindingProblem(modelId, Severity.ERROR, ProblemCode.END_OF_LIFE,
					subject + " reached its end of life on " + lifecycle.endOfLife() + ": Bedrock refuses calls to it"
							+ successor,
					origin, this.catalog.successorTarget(called, this.region).orElse(null), this.hints));
		}
		if (lifecycle.isLegacy(today)) {
			String since = (lifecycle.legacy() != null) ? " since " + lifecycle.legacy() : "";
			String end = (lifecycle.endOfLife() != null) ? "; its end of life is " + lifecycle.endOfLife()
					: "; no end-of-life date is announced yet";
			String extended = (lifecycle.publicExtendedAccess() != null)
					? " (public extended access, at the provider's higher prices, from "
							+ lifecycle.publicExtendedAccess() + ")"
					: "";
			return Optional.of(new BindingProblem(modelId, Severity.WARNING, ProblemCode.LEGACY,
					subject + " is LEGACY" + since + end + extended + successor, origin,
					this.catalog.successorTarget(called, this.region).orElse(null), this.hints));
		}
		return Optional.empty();
	}

}
