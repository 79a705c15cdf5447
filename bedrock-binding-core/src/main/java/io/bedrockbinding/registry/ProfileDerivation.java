package io.bedrockbinding.registry;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.BindingTarget;

/**
 * The one rule for derived profiles: which system profile a model gets in a region, and
 * whether a model that is not bound is called through it. Both the registry's derived
 * layer and every per-call resolution for another region use it.
 * <p>
 * The catalog is immutable, so the answers for a region are computed once, for every
 * catalog model, and kept: a resolution costs two hash look-ups.
 */
final class ProfileDerivation {

	/**
	 * Regions are few (the configured ones and those of pipes); the bound keeps a caller
	 * that passes made-up regions from growing the cache without end.
	 */
	private static final int MAX_CACHED_REGIONS = 64;

	private final ModelCatalog catalog;

	private final boolean enabled;

	private final Map<String, RegionProfiles> byRegion = new ConcurrentHashMap<>();

	ProfileDerivation(ModelCatalog catalog, boolean enabled) {
		this.catalog = catalog;
		this.enabled = enabled;
	}

	/**
	 * Whether models that need a profile are called through the region's geo profile when
	 * nothing binds them.
	 * @return whether derivation is on
	 */
	boolean enabled() {
		return this.enabled;
	}

	/**
	 * The target an unbound model is called with from {@code region}: its geo profile
	 * when it needs one there (and derivation is on), else the model ID itself.
	 * @param modelId the model ID
	 * @param region the region the call is sent from
	 * @return the derived target
	 */
	BindingTarget derive(String modelId, String region) {
		BindingTarget derived = this.enabled ? profiles(region).derived().get(modelId) : null;
		return (derived != null) ? derived : new BindingTarget.Direct(modelId);
	}

	/**
	 * The system profile of {@code modelId} for calls from {@code region}: the most
	 * specific geography that serves the region and has a profile of the model. Whether
	 * derivation is on does not matter: this is also the fix for an on-demand refusal.
	 * @param modelId the model ID
	 * @param region the region the call is sent from
	 * @return the profile, if the catalog knows one
	 */
	Optional<BindingTarget> geoProfile(String modelId, String region) {
		BindingTarget profile = profiles(region).geoProfiles().get(modelId);
		return Optional.ofNullable(profile);
	}

	/**
	 * The derived layer of {@code region}: the geo profile of every catalog model that
	 * needs one there, in catalog order.
	 * @param region the region
	 * @return the derived targets by model ID; empty when derivation is off
	 */
	Map<String, BindingTarget> derivedLayer(String region) {
		return this.enabled ? profiles(region).derived() : Map.of();
	}

	private RegionProfiles profiles(String region) {
		RegionProfiles cached = this.byRegion.get(region);
		if (cached != null) {
			return cached;
		}
		RegionProfiles computed = compute(region);
		if (this.byRegion.size() < MAX_CACHED_REGIONS) {
			this.byRegion.putIfAbsent(region, computed);
		}
		return computed;
	}

	private RegionProfiles compute(String region) {
		Map<String, BindingTarget> geoProfiles = new LinkedHashMap<>();
		Map<String, BindingTarget> derived = new LinkedHashMap<>();
		for (ModelInfo model : this.catalog.all()) {
			this.catalog.systemProfileFor(model.modelId(), region).map(BindingTarget::parse).ifPresent((profile) -> {
				geoProfiles.put(model.modelId(), profile);
				if (model.needsProfile(region)) {
					derived.put(model.modelId(), profile);
				}
			});
		}
		return new RegionProfiles(java.util.Collections.unmodifiableMap(geoProfiles),
				java.util.Collections.unmodifiableMap(derived));
	}

	/**
	 * The answers for one region.
	 *
	 * @param geoProfiles every catalog model's geo profile for the region
	 * @param derived the profiles of the models that need one in the region
	 */
	private record RegionProfiles(Map<String, BindingTarget> geoProfiles, Map<String, BindingTarget> derived) {
	}

}
