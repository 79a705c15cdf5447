package io.bedrockbinding.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.FileEntry;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import org.jspecify.annotations.Nullable;

/**
 * One immutable version of the registry: every layer, the merged bindings, and what was
 * last read from the file. A change builds the next version from this one by merging only
 * the keys it touched; the runtime layer and the merged bindings are
 * {@link PersistentMap}s, so a runtime bind costs the same at ten bindings as at ten
 * thousand.
 */
final class RegistryState {

	private static final OriginKind[] HIGHEST_FIRST = reversed(OriginKind.values());

	private static final Comparator<Ranked> BY_RANK = Comparator.comparingLong(Ranked::rank);

	private final Map<OriginKind, Map<String, LayeredTarget>> layers;

	private final PersistentMap<Ranked> effective;

	/** The rank the next new key gets: keys list in the order they first appeared. */
	private final long nextRank;

	final Map<OriginKind, List<BindingProblem>> layerProblems;

	final @Nullable InferenceFileContent fileApplied;

	final @Nullable InferenceFileContent lastFileRead;

	/** The region, account and required models this version is checked against. */
	final RegistrySettings settings;

	/** The bindings in order, computed on first use: the state never changes. */
	private volatile @Nullable List<Binding> ordered;

	private RegistryState(Map<OriginKind, Map<String, LayeredTarget>> layers, PersistentMap<Ranked> effective,
			long nextRank, Map<OriginKind, List<BindingProblem>> layerProblems,
			@Nullable InferenceFileContent fileApplied, @Nullable InferenceFileContent lastFileRead,
			RegistrySettings settings) {
		this.layers = layers;
		this.effective = effective;
		this.nextRank = nextRank;
		this.layerProblems = layerProblems;
		this.fileApplied = fileApplied;
		this.lastFileRead = lastFileRead;
		this.settings = settings;
	}

	/**
	 * The first version: the computed layers, every other one empty.
	 * @param catalog the catalog layer
	 * @param derived the derived layer
	 * @param settings the region, account and required models
	 * @return the state
	 */
	static RegistryState initial(Map<String, LayeredTarget> catalog, Map<String, LayeredTarget> derived,
			RegistrySettings settings) {
		Map<OriginKind, Map<String, LayeredTarget>> layers = new EnumMap<>(OriginKind.class);
		for (OriginKind kind : OriginKind.values()) {
			layers.put(kind, Map.of());
		}
		layers.put(OriginKind.RUNTIME, PersistentMap.empty());
		RegistryState empty = new RegistryState(layers, PersistentMap.empty(), 0, Map.of(), null, null, settings);
		return empty.withLayer(OriginKind.CATALOG, catalog).withLayer(OriginKind.DERIVED, derived);
	}

	/**
	 * The binding in force for {@code modelId}: one hash look-up.
	 * @param modelId the model ID
	 * @return the binding, or {@code null} when no layer has one
	 */
	@Nullable Binding binding(String modelId) {
		Ranked ranked = this.effective.get(modelId);
		return (ranked != null) ? ranked.binding() : null;
	}

	/**
	 * The binding in force for {@code modelId}, or, for a model no layer knows, a call of
	 * it as given: an ARN (an SDK request may name one) as that ARN, so that its region
	 * is known, else a direct call.
	 * @param modelId the model ID
	 * @return the binding
	 */
	Binding resolved(String modelId) {
		Binding binding = binding(modelId);
		return (binding != null) ? binding
				: new Binding(modelId, asGiven(modelId), new Origin(OriginKind.CATALOG, "not in catalog"), List.of());
	}

	private static BindingTarget asGiven(String modelId) {
		if (modelId.startsWith("arn:") && modelId.indexOf('{') < 0) {
			try {
				return BindingTarget.parse(modelId);
			}
			catch (InvalidTargetException ex) {
				// not an ARN of Bedrock's: Bedrock answers what it is
			}
		}
		return new BindingTarget.Direct(modelId);
	}

	/**
	 * Every binding in force, in the order its model first appeared: catalog models
	 * first, in catalog order.
	 * @return the bindings
	 */
	List<Binding> bindings() {
		List<Binding> result = this.ordered;
		if (result == null) {
			List<Ranked> ranked = new ArrayList<>(this.effective.values());
			ranked.sort(BY_RANK);
			result = ranked.stream().map(Ranked::binding).toList();
			this.ordered = result;
		}
		return result;
	}

	/**
	 * One layer as it is now.
	 * @param kind the layer
	 * @return its targets by model ID
	 */
	Map<String, LayeredTarget> layer(OriginKind kind) {
		return this.layers.get(kind);
	}

	/**
	 * This state with {@code kind} replaced by {@code layer}.
	 * @param kind the layer
	 * @param layer its new content
	 * @return the next state
	 */
	RegistryState withLayer(OriginKind kind, Map<String, LayeredTarget> layer) {
		Map<String, LayeredTarget> previous = this.layers.get(kind);
		Set<String> changed = new LinkedHashSet<>(previous.keySet());
		changed.addAll(layer.keySet());
		Map<String, LayeredTarget> stored = (kind == OriginKind.RUNTIME) ? PersistentMap.of(layer)
				: java.util.Collections.unmodifiableMap(layer);
		return withLayer(kind, stored, changed);
	}

	/**
	 * This state with runtime binds added: only the bound keys are merged again.
	 * @param binds the runtime targets by model ID
	 * @return the next state
	 */
	RegistryState withRuntime(Map<String, LayeredTarget> binds) {
		PersistentMap<LayeredTarget> runtime = runtime();
		for (Map.Entry<String, LayeredTarget> bind : binds.entrySet()) {
			runtime = runtime.plus(bind.getKey(), bind.getValue());
		}
		return withLayer(OriginKind.RUNTIME, runtime, binds.keySet());
	}

	/**
	 * This state without the runtime binding of {@code modelId}.
	 * @param modelId the model ID
	 * @return the next state
	 */
	RegistryState withoutRuntime(String modelId) {
		return withLayer(OriginKind.RUNTIME, runtime().minus(modelId), Set.of(modelId));
	}

	/**
	 * This state with other problems of the layers that are set from outside.
	 * @param problems the problems by layer
	 * @return the next state
	 */
	RegistryState withLayerProblems(Map<OriginKind, List<BindingProblem>> problems) {
		return new RegistryState(this.layers, this.effective, this.nextRank, problems, this.fileApplied,
				this.lastFileRead, this.settings);
	}

	/**
	 * This state with other settings (the derived layer is replaced apart).
	 * @param settings the region, account and required models
	 * @return the next state
	 */
	RegistryState withSettings(RegistrySettings settings) {
		return new RegistryState(this.layers, this.effective, this.nextRank, this.layerProblems, this.fileApplied,
				this.lastFileRead, settings);
	}

	/**
	 * This state with the file layer replaced.
	 * @param layer the file's bindings now in force
	 * @param applied the read they come from
	 * @param read the last read, applied or not
	 * @return the next state
	 */
	RegistryState withFile(Map<String, LayeredTarget> layer, @Nullable InferenceFileContent applied,
			InferenceFileContent read) {
		RegistryState next = withLayer(OriginKind.FILE, layer);
		return new RegistryState(next.layers, next.effective, next.nextRank, next.layerProblems, applied, read,
				next.settings);
	}

	/**
	 * This state with the file layer replaced, the reads it came from unchanged (a
	 * persisted bind that edited only its own lines).
	 * @param layer the file's bindings now in force
	 * @return the next state
	 */
	RegistryState withFileLayer(Map<String, LayeredTarget> layer) {
		return withLayer(OriginKind.FILE, layer);
	}

	/**
	 * The catalog layer: every catalog model bound to itself.
	 * @param catalog the catalog
	 * @return the targets by model ID, in catalog order
	 */
	static Map<String, LayeredTarget> catalogLayer(ModelCatalog catalog) {
		Map<String, LayeredTarget> layer = new LinkedHashMap<>();
		Origin origin = Origin.catalog();
		catalog.all()
			.forEach((model) -> layer.put(model.modelId(),
					new LayeredTarget(new BindingTarget.Direct(model.modelId()), origin)));
		return layer;
	}

	/**
	 * The file layer of a read: one target per valid line, with its location.
	 * @param content the read
	 * @return the targets by model ID, in line order
	 */
	static Map<String, LayeredTarget> fileLayer(InferenceFileContent content) {
		Map<String, LayeredTarget> layer = new LinkedHashMap<>();
		for (FileEntry entry : content.entries()) {
			layer.put(entry.modelId(),
					new LayeredTarget(entry.targets(), new Origin(OriginKind.FILE, content.location(entry.line()))));
		}
		return layer;
	}

	/**
	 * The number of runtime bindings.
	 * @return how many models are bound at runtime
	 */
	int runtimeCount() {
		return this.layers.get(OriginKind.RUNTIME).size();
	}

	private RegistryState withLayer(OriginKind kind, Map<String, LayeredTarget> layer, Collection<String> changed) {
		Map<OriginKind, Map<String, LayeredTarget>> layers = new EnumMap<>(this.layers);
		layers.put(kind, layer);
		PersistentMap<Ranked> effective = this.effective;
		long nextRank = this.nextRank;
		for (String key : changed) {
			Binding binding = merge(key, layers);
			Ranked current = effective.get(key);
			if (binding == null) {
				effective = effective.minus(key);
			}
			else {
				long rank = (current != null) ? current.rank() : nextRank++;
				effective = effective.plus(key, new Ranked(binding, rank));
			}
		}
		return new RegistryState(layers, effective, nextRank, this.layerProblems, this.fileApplied, this.lastFileRead,
				this.settings);
	}

	@SuppressWarnings("unchecked")
	private PersistentMap<LayeredTarget> runtime() {
		return (PersistentMap<LayeredTarget>) this.layers.get(OriginKind.RUNTIME);
	}

	private static @Nullable Binding merge(String key, Map<OriginKind, Map<String, LayeredTarget>> layers) {
		LayeredTarget winner = null;
		List<LayeredTarget> shadowed = new ArrayList<>(2);
		for (OriginKind kind : HIGHEST_FIRST) {
			LayeredTarget candidate = layers.get(kind).get(key);
			if (candidate == null) {
				continue;
			}
			if (winner == null) {
				winner = candidate;
			}
			else {
				// flat: what it overrode follows it
				shadowed.add(candidate.overridden().isEmpty() ? candidate
						: new LayeredTarget(candidate.targets(), candidate.origin()));
			}
			// the values it overrode within its layer, above the lower layers
			shadowed.addAll(candidate.overridden());
		}
		return (winner != null) ? new Binding(key, winner.targets(), winner.origin(), shadowed) : null;
	}

	private static OriginKind[] reversed(OriginKind[] kinds) {
		OriginKind[] reversed = new OriginKind[kinds.length];
		for (int i = 0; i < kinds.length; i++) {
			reversed[i] = kinds[kinds.length - 1 - i];
		}
		return reversed;
	}

	/**
	 * A binding with the rank that orders it.
	 *
	 * @param binding the binding in force
	 * @param rank when its model first appeared
	 */
	private record Ranked(Binding binding, long rank) {
	}

}
