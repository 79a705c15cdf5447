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
 * @param promptRouters the prompt routers, which are targets a binding may name (never
 * suggested: which router a model should use is the user's choice)
 * @param warnings what the account refused to tell, and what the result holds instead
 * (the prompt routers without bedrock:ListPromptRouters, say)
 */
public record DiscoveryResult(String region, List<DiscoveredModel> models, List<DiscoveredProfile> profiles,
		List<SuggestedBinding> suggestions, List<DiscoveredPromptRouter> promptRouters, List<String> warnings) {

	public DiscoveryResult {
		models = List.copyOf(models);
		profiles = List.copyOf(profiles);
		suggestions = List.copyOf(suggestions);
		promptRouters = List.copyOf(promptRouters);
		warnings = List.copyOf(warnings);
	}

	/**
	 * A result without warnings.
	 * @param region the region asked
	 * @param models the foundation models
	 * @param profiles the inference profiles, system-defined and application
	 * @param suggestions the bindings they suggest
	 * @param promptRouters the prompt routers
	 */
	public DiscoveryResult(String region, List<DiscoveredModel> models, List<DiscoveredProfile> profiles,
			List<SuggestedBinding> suggestions, List<DiscoveredPromptRouter> promptRouters) {
		this(region, models, profiles, suggestions, promptRouters, List.of());
	}

	/**
	 * A result without prompt routers.
	 * @param region the region asked
	 * @param models the foundation models
	 * @param profiles the inference profiles, system-defined and application
	 * @param suggestions the bindings they suggest
	 */
	public DiscoveryResult(String region, List<DiscoveredModel> models, List<DiscoveredProfile> profiles,
			List<SuggestedBinding> suggestions) {
		this(region, models, profiles, suggestions, List.of(), List.of());
	}

	/** The suggestions as entries of the registry's {@code DISCOVERED} layer. */
	public List<LayerEntry> asLayer() {
		return this.suggestions.stream()
			.map((suggestion) -> new LayerEntry(suggestion.modelId(), suggestion.target(),
					"discovery in " + this.region + ": " + suggestion.reason()))
			.toList();
	}

}
