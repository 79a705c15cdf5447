package io.bedrockbinding.autoconfigure;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.bedrockbinding.identifier.TargetList;
import io.bedrockbinding.registry.LayerEntry;

/**
 * The models that one property source (or one {@code models-yaml} value) names, for
 * {@link ModelPropertyReader}. A YAML list of targets arrives as one property per
 * element, [0], [1], ...: collected here (lists never merge across sources) and joined
 * into the chain's text form, which the registry parses like any other, when the source
 * ends.
 */
final class SourceModels {

	private final Map<String, LayerEntry> models = new LinkedHashMap<>();

	private final Map<String, SortedMap<Integer, String>> lists = new LinkedHashMap<>();

	private final Map<String, String> listOrigins = new LinkedHashMap<>();

	/**
	 * Adds a property unless the source named its model before.
	 * @param name the property name, under {@code bedrock.binding.models}
	 * @param value its value
	 * @param origin where it was written
	 */
	void add(String name, String value, String origin) {
		int index = ModelPropertyReader.listIndexOf(name);
		if (index >= 0) {
			String modelId = ModelPropertyReader.modelIdOf(name.substring(0, name.lastIndexOf('[')));
			if (modelId != null && !this.models.containsKey(modelId)) {
				this.lists.computeIfAbsent(modelId, (key) -> new TreeMap<>()).put(index, value);
				this.listOrigins.putIfAbsent(modelId, origin);
			}
			return;
		}
		String modelId = ModelPropertyReader.modelIdOf(name);
		if (modelId != null) {
			this.models.putIfAbsent(modelId, new LayerEntry(modelId, value, origin));
		}
	}

	/**
	 * Adds the models of the source, each list as one chain, after those of the sources
	 * read before (of higher precedence).
	 * @param sources the entries of every model by source, highest first
	 */
	void addTo(Map<String, List<LayerEntry>> sources) {
		this.lists.forEach((modelId, targets) -> this.models.putIfAbsent(modelId,
				new LayerEntry(modelId, String.join(String.valueOf(TargetList.SEPARATOR) + " ", targets.values()),
						this.listOrigins.get(modelId))));
		this.models
			.forEach((modelId, entry) -> sources.computeIfAbsent(modelId, (key) -> new ArrayList<>(1)).add(entry));
	}

	/**
	 * The properties layer: for each model the entry of the highest source, with those of
	 * the lower sources it overrides.
	 * @param sources the entries of every model by source, highest first
	 * @return the entries, in the order their models were first read
	 */
	static List<LayerEntry> entries(Map<String, List<LayerEntry>> sources) {
		List<LayerEntry> entries = new ArrayList<>(sources.size());
		for (List<LayerEntry> model : sources.values()) {
			LayerEntry winner = model.get(0);
			entries.add((model.size() == 1) ? winner : new LayerEntry(winner.modelId(), winner.target(),
					winner.source(), model.subList(1, model.size())));
		}
		return entries;
	}

}
