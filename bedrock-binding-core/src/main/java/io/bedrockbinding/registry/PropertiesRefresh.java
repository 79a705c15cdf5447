package io.bedrockbinding.registry;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.ModelCatalog;
import org.jspecify.annotations.Nullable;

/**
 * A refresh of the properties layer and the settings (Spring Cloud's
 * {@code EnvironmentChangeEvent}), put in force in one publish. New values are checked as
 * at start-up: one that does not parse, or that has an error under the new settings, is
 * not applied and its model keeps the last good binding of the layer (or, for a model the
 * layer did not bind, the binding of the layers below); the valid rest applies.
 */
final class PropertiesRefresh {

	private final CurrentState current;

	private final LayerUpdates layers;

	private final ProfileDerivation derivation;

	private final ModelCatalog catalog;

	private final SettingHints hints;

	private final Clock clock;

	PropertiesRefresh(CurrentState current, LayerUpdates layers, ProfileDerivation derivation, ModelCatalog catalog,
			SettingHints hints, Clock clock) {
		this.current = current;
		this.layers = layers;
		this.derivation = derivation;
		this.catalog = catalog;
		this.hints = hints;
		this.clock = clock;
	}

	/**
	 * Puts the settings and the properties in force.
	 * @param settings the region, account and required models now configured
	 * @param entries the properties now configured
	 * @return the values not applied: {@link ProblemCode#REFRESH_REJECTED} for those
	 * whose model keeps a binding of the layer, {@link ProblemCode#INVALID_TARGET} as at
	 * start-up for a new model whose value does not parse
	 */
	List<BindingProblem> apply(RegistrySettings settings, Collection<LayerEntry> entries) {
		List<BindingProblem> invalid = new ArrayList<>();
		Map<String, LayeredTarget> parsed = this.layers.parse(OriginKind.PROPERTIES, entries, invalid);
		BindingValidator validator = settings.validator(this.catalog, this.hints, this.clock);
		synchronized (this.current.writeLock) {
			RegistryState state = this.current.get();
			Map<String, LayeredTarget> lastGood = state.layer(OriginKind.PROPERTIES);
			Map<String, LayeredTarget> layer = new LinkedHashMap<>(parsed);
			List<BindingProblem> problems = new ArrayList<>();
			for (BindingProblem problem : invalid) {
				LayeredTarget kept = lastGood.get(problem.modelId());
				if (kept == null) {
					problems.add(problem);
				}
				else {
					layer.put(problem.modelId(), kept);
					problems.add(rejected(problem.modelId(), problem.message(),
							Objects.requireNonNull(problem.origin()), kept));
				}
			}
			for (Map.Entry<String, LayeredTarget> entry : parsed.entrySet()) {
				String modelId = entry.getKey();
				LayeredTarget fresh = entry.getValue();
				LayeredTarget kept = lastGood.get(modelId);
				if (kept != null && kept.target().equals(fresh.target())) {
					continue;
				}
				List<BindingProblem> errors = errors(validator, modelId, fresh);
				if (errors.isEmpty() || (kept != null && !errors(validator, modelId, kept).isEmpty())) {
					// Valid, or nothing better to keep: the error shows in validate().
					continue;
				}
				String reason = String.join("; ", errors.stream().map(BindingProblem::message).toList());
				if (kept != null) {
					layer.put(modelId, kept);
				}
				else {
					layer.remove(modelId);
				}
				problems.add(rejected(modelId, reason, fresh.origin(), kept));
			}
			RegistryState next = state.withSettings(settings);
			Set<String> changed = LayerUpdates.union(lastGood.keySet(), layer.keySet());
			if (!Objects.equals(state.settings.region(), settings.region())) {
				Map<String, LayeredTarget> derived = this.derivation.derivedLayer(settings.region());
				changed.addAll(LayerUpdates.union(state.layer(OriginKind.DERIVED).keySet(), derived.keySet()));
				next = next.withLayer(OriginKind.DERIVED, derived);
			}
			Map<OriginKind, List<BindingProblem>> layerProblems = new EnumMap<>(OriginKind.class);
			layerProblems.putAll(state.layerProblems);
			layerProblems.put(OriginKind.PROPERTIES, List.copyOf(problems));
			this.current.publish(next.withLayer(OriginKind.PROPERTIES, layer).withLayerProblems(layerProblems),
					OriginKind.PROPERTIES, changed);
			return List.copyOf(problems);
		}
	}

	/**
	 * A binding's problems with the refresh problems of its model added, for the
	 * actuator's view of one binding.
	 * @param state the version the binding is of
	 * @param problems the binding's own problems
	 * @param modelId the binding's model
	 * @return the problems
	 */
	static List<BindingProblem> withRejected(RegistryState state, List<BindingProblem> problems, String modelId) {
		List<BindingProblem> rejected = state.layerProblems.getOrDefault(OriginKind.PROPERTIES, List.of())
			.stream()
			.filter((problem) -> problem.code() == ProblemCode.REFRESH_REJECTED && problem.modelId().equals(modelId))
			.toList();
		if (rejected.isEmpty()) {
			return problems;
		}
		List<BindingProblem> all = new ArrayList<>(problems);
		all.addAll(rejected);
		return all;
	}

	private static List<BindingProblem> errors(BindingValidator validator, String modelId, LayeredTarget target) {
		return validator.problemsOf(new Binding(modelId, target.target(), target.origin(), List.of()))
			.stream()
			.filter((problem) -> problem.severity() == Severity.ERROR)
			.toList();
	}

	private BindingProblem rejected(String modelId, String reason, Origin origin, @Nullable LayeredTarget kept) {
		String key = this.hints.models().isEmpty() ? modelId : this.hints.models() + "[" + modelId + "]";
		String keeping = (kept != null) ? "keeping the last good binding " + modelId + "=" + kept.target().value()
				+ " (" + kept.origin().source() + ")" : "keeping the binding of the layers below it";
		return new BindingProblem(
				modelId, Severity.WARNING, ProblemCode.REFRESH_REJECTED, key + " from " + origin.source()
						+ " was not applied: " + reason + "; " + keeping + " until it is fixed",
				origin, null, this.hints);
	}

}
