package io.bedrockbinding.discovery;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import org.jspecify.annotations.Nullable;

/**
 * A model being put together from several regions' answers by
 * {@link ProfileDiscovery#refreshCatalog(java.util.Collection)}.
 */
final class RefreshedModel {

	final DiscoveredModel discovered;

	final Set<String> onDemand = new LinkedHashSet<>();

	final Set<String> profileOnly = new LinkedHashSet<>();

	final Set<String> geos = new LinkedHashSet<>();

	/** The asked regions that listed its profile, by geography. */
	private final Map<String, Set<String>> profileRegions = new LinkedHashMap<>();

	/** Whether every region that lists it serves it only provisioned. */
	boolean provisionedOnly = true;

	RefreshedModel(DiscoveredModel discovered) {
		this.discovered = discovered;
	}

	/**
	 * An asked region listed this model's system profile of a geography.
	 * @param geo the profile's geography
	 * @param region the region that listed it
	 */
	void profileSeen(String geo, String region) {
		this.geos.add(geo);
		this.profileRegions.computeIfAbsent(geo, (key) -> new LinkedHashSet<>()).add(region);
	}

	ModelInfo toModelInfo(Optional<ModelInfo> known, Set<String> asked, ModelCatalog catalog) {
		String modelId = this.discovered.modelId();
		String provider = modelId.substring(0, Math.max(modelId.indexOf('.'), 0));
		boolean needsProfileElsewhere = known.map(ModelInfo::needsProfileElsewhere)
			.orElse(this.onDemand.isEmpty() && !this.profileOnly.isEmpty());
		// A known geography is dropped only if an asked region could have shown its
		// profile (one of the model's source regions of it).
		List<String> geos = merge(known.map(ModelInfo::geoPrefixes).orElse(List.of()), this.geos,
				(geo) -> catalog.geographies()
					.find(geo)
					.map((geography) -> asked.stream().noneMatch((region) -> servedFrom(known, geography, region)))
					.orElse(true));
		String providerName = this.discovered.provider().isEmpty() ? known.map(ModelInfo::providerName).orElse(null)
				: this.discovered.provider();
		boolean provisionedOnly = known.map(ModelInfo::provisionedOnly).orElse(this.provisionedOnly);
		return new ModelInfo(modelId, provider,
				this.discovered.name().isEmpty() ? known.map(ModelInfo::displayName).orElse(modelId)
						: this.discovered.name(),
				merge(known.map(ModelInfo::onDemandRegions).orElse(List.of()), this.onDemand,
						(region) -> !asked.contains(region)),
				merge(known.map(ModelInfo::profileOnlyRegions).orElse(List.of()), this.profileOnly,
						(region) -> !asked.contains(region)),
				geos, needsProfileElsewhere, this.discovered.streaming(), this.discovered.inputModalities(),
				this.discovered.outputModalities(), providerName, provisionedOnly,
				lifecycle(known.map(ModelInfo::lifecycle).orElse(Lifecycle.ACTIVE)),
				known.map(ModelInfo::sources).orElse(List.of(ProfileDiscovery.API_SOURCE)),
				geoRegions(known, geos, asked, catalog));
	}

	/**
	 * The model's own source regions of each geography it keeps: each asked region is one
	 * if it listed the profile, each region not asked keeps what the catalog said (its
	 * own source regions of the geography, or the geography's). A geography whose result
	 * is the geography's regions has no entry.
	 * @param known the catalog's model, if any
	 * @param geos the model's geographies after the refresh
	 * @param asked the regions asked
	 * @param catalog the catalog refreshed
	 * @return the regions by geography
	 */
	private Map<String, List<String>> geoRegions(Optional<ModelInfo> known, List<String> geos, Set<String> asked,
			ModelCatalog catalog) {
		Map<String, List<String>> result = new LinkedHashMap<>();
		for (String geo : geos) {
			Optional<Geography> geography = catalog.geographies().find(geo);
			if (geography.isEmpty()) {
				continue;
			}
			List<String> knownRegions = known.map((model) -> model.sourceRegions(geography.get()))
				.orElse(geography.get().regions());
			List<String> regions = merge(knownRegions, this.profileRegions.getOrDefault(geo, Set.of()),
					(region) -> !asked.contains(region));
			if (!Set.copyOf(regions).equals(Set.copyOf(geography.get().regions()))) {
				result.put(geo, regions);
			}
		}
		return result;
	}

	private static boolean servedFrom(Optional<ModelInfo> known, Geography geography, String region) {
		return known.map((model) -> model.servedFrom(geography, region)).orElse(geography.serves(region));
	}

	/**
	 * What the API reported replaces the status and the dates it has; the known dates it
	 * lacks and the successor (never in the API) are kept.
	 * @param known the catalog's lifecycle
	 * @return the merged lifecycle
	 */
	private Lifecycle lifecycle(Lifecycle known) {
		Lifecycle reported = this.discovered.lifecycle();
		if (reported == null) {
			return known;
		}
		return new Lifecycle(reported.status(), or(reported.legacy(), known.legacy()),
				or(reported.publicExtendedAccess(), known.publicExtendedAccess()),
				or(reported.endOfLife(), known.endOfLife()), known.successor());
	}

	private static @Nullable LocalDate or(@Nullable LocalDate reported, @Nullable LocalDate known) {
		return (reported != null) ? reported : known;
	}

	/**
	 * The known values that were seen again or that this refresh could not see
	 * ({@code unseen}), in their known order, then the newly seen ones.
	 * @param known the values the catalog had
	 * @param seen the values this refresh saw
	 * @param unseen whether a known value is one this refresh could not have seen
	 * @return the merged values
	 */
	private static List<String> merge(List<String> known, Set<String> seen, Predicate<String> unseen) {
		Set<String> merged = new LinkedHashSet<>();
		for (String value : known) {
			if (seen.contains(value) || unseen.test(value)) {
				merged.add(value);
			}
		}
		merged.addAll(seen);
		return List.copyOf(merged);
	}

}
