package io.bedrockbinding.registry;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.Severity;
import io.bedrockbinding.file.FileReload;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.identifier.TargetList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Changes of whole layers: one set from outside (properties, discovery) and reads of the
 * inference file.
 */
final class LayerUpdates {

	private final CurrentState current;

	private final SettingHints hints;

	LayerUpdates(CurrentState current, SettingHints hints) {
		this.current = current;
		this.hints = hints;
	}

	/**
	 * Replaces a whole layer, e.g. the Spring properties or the discovered bindings.
	 * Invalid entries are reported by {@link #validate()} and never become bindings.
	 * @param kind the layer: properties, discovered or runtime
	 * @param entries its new content
	 */
	void setLayer(OriginKind kind, Collection<LayerEntry> entries) {
		if (kind == OriginKind.CATALOG || kind == OriginKind.DERIVED || kind == OriginKind.FILE) {
			throw new IllegalArgumentException(kind + " is computed by the registry and cannot be set");
		}
		List<BindingProblem> problems = new ArrayList<>();
		Map<String, LayeredTarget> layer = parse(kind, entries, problems);
		synchronized (this.current.writeLock) {
			RegistryState current = this.current.get();
			Map<OriginKind, List<BindingProblem>> layerProblems = new EnumMap<>(OriginKind.class);
			layerProblems.putAll(current.layerProblems);
			layerProblems.put(kind, List.copyOf(problems));
			this.current.publish(current.withLayer(kind, layer).withLayerProblems(layerProblems), kind,
					union(current.layer(kind).keySet(), layer.keySet()));
		}
	}

	/**
	 * Parses the entries of a layer: the one rule for what a set layer accepts.
	 * @param kind the layer
	 * @param entries its entries
	 * @param problems where an entry that is not a valid binding is reported
	 * @return the valid entries' targets by model ID, in entry order
	 */
	Map<String, LayeredTarget> parse(OriginKind kind, Collection<LayerEntry> entries, List<BindingProblem> problems) {
		Map<String, LayeredTarget> layer = new LinkedHashMap<>();
		for (LayerEntry entry : entries) {
			Origin origin = new Origin(kind, entry.source());
			try {
				ModelIds.requireModelId(entry.modelId());
				layer.put(entry.modelId(), new LayeredTarget(TargetList.parse(entry.modelId(), entry.target()), origin,
						overridden(kind, entry)));
			}
			catch (InvalidTargetException ex) {
				problems.add(new BindingProblem(entry.modelId(), Severity.ERROR, ProblemCode.INVALID_TARGET,
						ex.getMessage() + " (" + entry.source() + ")", origin, null, this.hints));
			}
		}
		return layer;
	}

	/**
	 * The values an entry overrides within its layer, for the binding's shadowed ones.
	 * One that is no valid target is left out: it is not in force, and is never checked.
	 * @param kind the layer
	 * @param entry the entry in force
	 * @return the overridden targets, highest first
	 */
	private static List<LayeredTarget> overridden(OriginKind kind, LayerEntry entry) {
		List<LayeredTarget> overridden = new ArrayList<>(entry.overridden().size());
		for (LayerEntry lower : entry.overridden()) {
			try {
				overridden.add(new LayeredTarget(TargetList.parse(entry.modelId(), lower.target()),
						new Origin(kind, lower.source())));
			}
			catch (InvalidTargetException ex) {
				// overridden: nothing calls it
			}
		}
		return overridden;
	}

	/**
	 * Applies a read of the inference file, merged with the bindings in force by
	 * {@link io.bedrockbinding.file.FileReload}: every valid line applies, a broken line
	 * keeps the last good binding of the model it names, and a file that cannot be read
	 * keeps them all.
	 * @param content a read of the inference file
	 * @return whether the read was applied (false when the file could not be read and the
	 * last good bindings stay whole)
	 */
	boolean applyFile(InferenceFileContent content) {
		synchronized (this.current.writeLock) {
			RegistryState current = this.current.get();
			FileReload reload = FileReload.of(current.fileApplied, content);
			if (content.hasErrors() || reload.keptWhole()) {
				Log.logger.warn("{} has problems; its other lines apply: {}", content.source(),
						reload.reported().problems());
			}
			Map<String, LayeredTarget> layer = RegistryState.fileLayer(reload.applied());
			this.current.publish(current.withFile(layer, reload.applied(), reload.reported()), OriginKind.FILE,
					union(current.layer(OriginKind.FILE).keySet(), layer.keySet()));
			return !reload.keptWhole();
		}
	}

	static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new LinkedHashSet<>(a);
		union.addAll(b);
		return union;
	}

	/**
	 * The logger, made on first use: a command-line start that logs nothing does not
	 * initialise logging.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(BindingRegistry.class);

	}

}
