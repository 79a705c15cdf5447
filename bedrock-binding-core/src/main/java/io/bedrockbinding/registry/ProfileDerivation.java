package io.bedrockbinding.registry;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.TargetKind;
import org.jspecify.annotations.Nullable;

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
	 * What a call of {@code binding}'s model from {@code region} uses (see
	 * {@link BindingRegistry#resolve(String, String)}).
	 * @param binding the binding in force
	 * @param region the region the call would be sent to
	 * @param registryRegion the region the registry's derived layer is for, if any
	 * @return the resolution
	 */
	Resolution resolve(Binding binding, String region, @Nullable String registryRegion) {
		OriginKind origin = binding.origin().kind();
		List<BindingTarget> targets = binding.targets();
		if ((origin == OriginKind.CATALOG || origin == OriginKind.DERIVED) && !region.equals(registryRegion)) {
			targets = List.of(derive(binding.modelId(), region));
		}
		if (targets.size() == 1) {
			// the common case, kept free of collections beyond the two it returns
			BindingTarget target = targets.get(0);
			String callRegion = target.region().orElse(region);
			Resolution.Hop hop = new Resolution.Hop(target, callRegion, false);
			Optional<BindingTarget> fallback = onDemandFallback(target, callRegion);
			return new Resolution(binding, fallback.isEmpty() ? List.of(hop)
					: List.of(hop, new Resolution.Hop(fallback.get(), callRegion, true)));
		}
		List<Resolution.Hop> hops = new ArrayList<>(targets.size() + 1);
		Set<String> values = new HashSet<>();
		for (BindingTarget target : targets) {
			hops.add(new Resolution.Hop(target, target.region().orElse(region), false));
			values.add(target.value());
		}
		// The on-demand fallback is one more hop: the geo profile of the first target
		// invoked on demand, unless the chain already lists it.
		for (BindingTarget target : targets) {
			String callRegion = target.region().orElse(region);
			Optional<BindingTarget> fallback = onDemandFallback(target, callRegion);
			if (fallback.isPresent()) {
				if (values.add(fallback.get().value())) {
					hops.add(new Resolution.Hop(fallback.get(), callRegion, true));
				}
				break;
			}
		}
		return new Resolution(binding, hops);
	}

	/**
	 * The geo profile that serves {@code region} for a target invoked on demand.
	 * @param target the target the call uses
	 * @param region the region
	 * @return the profile, or empty for a target that is not invoked on demand
	 */
	private Optional<BindingTarget> onDemandFallback(BindingTarget target, String region) {
		if (target instanceof BindingTarget.Direct direct) {
			return geoProfile(direct.modelId(), region);
		}
		if (target.kind() == TargetKind.FOUNDATION_MODEL_ARN && target instanceof BindingTarget.Arn arn) {
			return geoProfile(arn.arn().resourceId(), region);
		}
		return Optional.empty();
	}

	/**
	 * The derived layer of the registry's region: the geo profile of every catalog model
	 * that needs one there, in catalog order.
	 * @param region the registry's region, or {@code null} for none
	 * @return the derived targets by model ID; empty without a region or when derivation
	 * is off
	 */
	Map<String, LayeredTarget> derivedLayer(@Nullable String region) {
		if (region == null || !this.enabled) {
			return Map.of();
		}
		Map<String, LayeredTarget> layer = new LinkedHashMap<>();
		Origin origin = new Origin(OriginKind.DERIVED, "geo profile for " + region);
		profiles(region).derived().forEach((modelId, target) -> layer.put(modelId, new LayeredTarget(target, origin)));
		return layer;
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
