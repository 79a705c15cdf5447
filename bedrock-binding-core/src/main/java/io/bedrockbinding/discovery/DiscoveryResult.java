package io.bedrockbinding.discovery;

import java.util.List;

import io.bedrockbinding.registry.LayerEntry;

/**
 * What discovery found in one region.
 *
 * @param region the region asked
 * @param models the foundation models
 * @param profiles the inference profiles, system-defined and application
 * @param suggestions the bindings they suggest
 */
public record DiscoveryResult(String region, List<DiscoveredModel> models, List<DiscoveredProfile> profiles,
		List<SuggestedBinding> suggestions) {

	public DiscoveryResult {
		models = List.copyOf(models);
		profiles = List.copyOf(profiles);
		suggestions = List.copyOf(suggestions);
	}

	/** The suggestions as entries of the registry's {@code DISCOVERED} layer. */
	public List<LayerEntry> asLayer() {
		return this.suggestions.stream()
			.map((suggestion) -> new LayerEntry(suggestion.modelId(), suggestion.target(),
					"discovery in " + this.region + ": " + suggestion.reason()))
			.toList();
	}

}
