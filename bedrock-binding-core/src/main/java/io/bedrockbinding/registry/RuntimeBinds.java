package io.bedrockbinding.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.identifier.TargetList;
import org.jspecify.annotations.Nullable;

/**
 * Binds and unbinds at runtime: parsed before the lock is taken, capped in number, and,
 * when persisted, written to the inference file before they take effect.
 */
final class RuntimeBinds implements PersistedBinds.RuntimeWriter {

	private final CurrentState current;

	private final int maxBindings;

	private final String howToRaise;

	private final @Nullable PersistedBinds persisted;

	RuntimeBinds(CurrentState current, int maxBindings, String howToRaise, @Nullable PersistedBinds persisted) {
		this.current = current;
		this.maxBindings = maxBindings;
		this.howToRaise = howToRaise;
		this.persisted = persisted;
	}

	/**
	 * Binds every model of {@code targets} at once.
	 * @param targets the targets by model ID
	 * @param persist whether to write them to the inference file first
	 * @return the state published with the binds
	 */
	RegistryState bind(Map<String, String> targets, boolean persist) {
		Map<String, LayeredTarget> parsed = new LinkedHashMap<>();
		targets.forEach((modelId, target) -> parsed.put(ModelIds.requireModelId(modelId),
				new LayeredTarget(TargetList.parse(modelId, target), Origin.runtime())));
		if (!persist) {
			synchronized (this.current.writeLock) {
				RegistryState state = this.current.get();
				check(state, parsed);
				return publish(state, parsed);
			}
		}
		RegistryState published = requirePersistence().bind(parsed, this.current, this);
		warnOfShadowedLines(published, parsed.keySet());
		return published;
	}

	/**
	 * Warns of each persisted model that the properties bind too: they outrank the file,
	 * so after a restart their binding applies, not the line just written.
	 * @param state the state with the persisted binds
	 * @param modelIds the models persisted
	 */
	private static void warnOfShadowedLines(RegistryState state, Set<String> modelIds) {
		Map<String, LayeredTarget> properties = state.layer(OriginKind.PROPERTIES);
		for (String modelId : modelIds) {
			LayeredTarget above = properties.get(modelId);
			if (above != null) {
				CurrentState.logger()
					.warn("{} was written to the inference file, but {} binds it too and outranks the file: after a "
							+ "restart, {}'s binding applies; change it there to keep this one", modelId,
							above.origin().source(), above.origin().source());
			}
		}
	}

	/**
	 * Removes the runtime binding of {@code modelId}.
	 * @param modelId the model ID
	 * @param persist whether to remove its lines from the inference file too
	 * @return the runtime binding that was removed
	 */
	Optional<LayeredTarget> unbind(String modelId, boolean persist) {
		synchronized (this.current.writeLock) {
			RegistryState state = this.current.get();
			LayeredTarget removed = state.layer(OriginKind.RUNTIME).get(modelId);
			if (!persist && removed == null) {
				return Optional.empty();
			}
			if (persist) {
				state = requirePersistence().unbind(state, modelId);
			}
			this.current.publish(state.withoutRuntime(modelId), OriginKind.RUNTIME, Set.of(modelId));
			return Optional.ofNullable(removed);
		}
	}

	@Override
	public void check(RegistryState state, Map<String, LayeredTarget> binds) {
		Map<String, LayeredTarget> runtime = state.layer(OriginKind.RUNTIME);
		long added = binds.keySet().stream().filter((modelId) -> !runtime.containsKey(modelId)).count();
		if (runtime.size() + added > this.maxBindings) {
			throw new RuntimeBindingLimitException(binds.keySet(), runtime.size(), this.maxBindings, this.howToRaise);
		}
	}

	@Override
	public RegistryState publish(RegistryState base, Map<String, LayeredTarget> binds) {
		RegistryState next = base.withRuntime(binds);
		this.current.publish(next, OriginKind.RUNTIME, binds.keySet());
		return next;
	}

	private PersistedBinds requirePersistence() {
		if (this.persisted == null) {
			throw new IllegalStateException("Cannot persist: no inference file is configured");
		}
		return this.persisted;
	}

}
