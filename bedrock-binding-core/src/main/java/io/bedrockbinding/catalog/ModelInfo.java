package io.bedrockbinding.catalog;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One Bedrock foundation model as the catalog knows it.
 *
 * @param modelId the model ID, e.g. {@code amazon.nova-pro-v1:0}
 * @param provider the provider, lower case, as in the model ID ({@code amazon})
 * @param displayName the name the console shows ({@code Nova Pro})
 * @param onDemandRegions regions where the plain model ID can be invoked on demand
 * @param profileOnlyRegions regions where the model is served only through an inference
 * profile
 * @param geoPrefixes the geographies that have a system profile for it ({@code us},
 * {@code eu}, {@code global}, ...)
 * @param needsProfileElsewhere whether the model needs a profile in a region that neither
 * list names
 * @param streaming whether ConverseStream / InvokeModelWithResponseStream work
 * @param inputModalities {@code TEXT}, {@code IMAGE}, ...
 * @param outputModalities {@code TEXT}, {@code IMAGE}, {@code EMBEDDING}, ...
 * @param providerName the provider name Bedrock reports ({@code Anthropic}), if the
 * catalog has it
 * @param provisionedOnly whether the model is served only through provisioned throughput
 * (never on demand, no system profile)
 * @param lifecycle where the model is in Bedrock's lifecycle
 * @param sources the keys of the catalog's sources this entry comes from
 * @param geoRegions per geography of {@code geoPrefixes}, exactly the source regions from
 * which this model's profile of that geography is called, in place of the geography's
 * regions ({@code au} to {@code ap-southeast-2} and {@code ap-southeast-4} where the
 * model card lists only those); a geography without an entry has its own regions
 */
public record ModelInfo(String modelId, String provider, String displayName, List<String> onDemandRegions,
		List<String> profileOnlyRegions, List<String> geoPrefixes, boolean needsProfileElsewhere, boolean streaming,
		List<String> inputModalities, List<String> outputModalities, @Nullable String providerName,
		boolean provisionedOnly, Lifecycle lifecycle, List<String> sources, Map<String, List<String>> geoRegions) {

	public ModelInfo {
		onDemandRegions = List.copyOf(onDemandRegions);
		profileOnlyRegions = List.copyOf(profileOnlyRegions);
		geoPrefixes = List.copyOf(geoPrefixes);
		inputModalities = List.copyOf(inputModalities);
		outputModalities = List.copyOf(outputModalities);
		Objects.requireNonNull(lifecycle, "lifecycle");
		sources = List.copyOf(sources);
		geoRegions = copyOf(geoRegions, geoPrefixes);
	}

	/**
	 * A model without per-model source regions: every profile of it is called from its
	 * geography's regions.
	 * @param modelId the model ID
	 * @param provider the provider, as in the model ID
	 * @param displayName the name the console shows
	 * @param onDemandRegions regions where the plain model ID can be invoked on demand
	 * @param profileOnlyRegions regions where the model is served only through a profile
	 * @param geoPrefixes the geographies that have a system profile for it
	 * @param needsProfileElsewhere whether the model needs a profile in other regions
	 * @param streaming whether streaming works
	 * @param inputModalities the input modalities
	 * @param outputModalities the output modalities
	 * @param providerName the provider name Bedrock reports, if known
	 * @param provisionedOnly whether only provisioned throughput serves it
	 * @param lifecycle where the model is in Bedrock's lifecycle
	 * @param sources the keys of the catalog's sources this entry comes from
	 */
	public ModelInfo(String modelId, String provider, String displayName, List<String> onDemandRegions,
			List<String> profileOnlyRegions, List<String> geoPrefixes, boolean needsProfileElsewhere, boolean streaming,
			List<String> inputModalities, List<String> outputModalities, @Nullable String providerName,
			boolean provisionedOnly, Lifecycle lifecycle, List<String> sources) {
		this(modelId, provider, displayName, onDemandRegions, profileOnlyRegions, geoPrefixes, needsProfileElsewhere,
				streaming, inputModalities, outputModalities, providerName, provisionedOnly, lifecycle, sources,
				Map.of());
	}

	/**
	 * An active model with no provider name, not provisioned-only and no sources.
	 * @param modelId the model ID
	 * @param provider the provider, as in the model ID
	 * @param displayName the name the console shows
	 * @param onDemandRegions regions where the plain model ID can be invoked on demand
	 * @param profileOnlyRegions regions where the model is served only through a profile
	 * @param geoPrefixes the geographies that have a system profile for it
	 * @param needsProfileElsewhere whether the model needs a profile in other regions
	 * @param streaming whether streaming works
	 * @param inputModalities the input modalities
	 * @param outputModalities the output modalities
	 */
	public ModelInfo(String modelId, String provider, String displayName, List<String> onDemandRegions,
			List<String> profileOnlyRegions, List<String> geoPrefixes, boolean needsProfileElsewhere, boolean streaming,
			List<String> inputModalities, List<String> outputModalities) {
		this(modelId, provider, displayName, onDemandRegions, profileOnlyRegions, geoPrefixes, needsProfileElsewhere,
				streaming, inputModalities, outputModalities, null, false, Lifecycle.ACTIVE, List.of(), Map.of());
	}

	/**
	 * This model with another lifecycle.
	 * @param lifecycle the lifecycle
	 * @return a copy with {@code lifecycle}
	 */
	public ModelInfo withLifecycle(Lifecycle lifecycle) {
		return new ModelInfo(this.modelId, this.provider, this.displayName, this.onDemandRegions,
				this.profileOnlyRegions, this.geoPrefixes, this.needsProfileElsewhere, this.streaming,
				this.inputModalities, this.outputModalities, this.providerName, this.provisionedOnly, lifecycle,
				this.sources, this.geoRegions);
	}

	/**
	 * This model with another provider name and other sources (what a refresh from the
	 * control plane learns beside the regions).
	 * @param providerName the provider name Bedrock reports
	 * @param sources the keys of the sources
	 * @return a copy with them
	 */
	public ModelInfo withProviderNameAndSources(@Nullable String providerName, List<String> sources) {
		return new ModelInfo(this.modelId, this.provider, this.displayName, this.onDemandRegions,
				this.profileOnlyRegions, this.geoPrefixes, this.needsProfileElsewhere, this.streaming,
				this.inputModalities, this.outputModalities, providerName, this.provisionedOnly, this.lifecycle,
				sources, this.geoRegions);
	}

	/**
	 * This model with other per-model source regions.
	 * @param geoRegions the source regions by geography, each in place of the geography's
	 * @return a copy with them
	 */
	public ModelInfo withGeoRegions(Map<String, List<String>> geoRegions) {
		return new ModelInfo(this.modelId, this.provider, this.displayName, this.onDemandRegions,
				this.profileOnlyRegions, this.geoPrefixes, this.needsProfileElsewhere, this.streaming,
				this.inputModalities, this.outputModalities, this.providerName, this.provisionedOnly, this.lifecycle,
				this.sources, geoRegions);
	}

	/**
	 * Whether this ID is a context-length variant, which cannot be invoked on demand: it
	 * ends in {@code :mm} or in {@code :} and digits and {@code k} ({@code :200k},
	 * {@code :0:24k}). Checked without a regular expression: derivation asks it of every
	 * catalog model at start-up.
	 * @return whether it is a variant
	 */
	public boolean isContextVariant() {
		String id = this.modelId;
		if (id.endsWith(":mm")) {
			return true;
		}
		int k = id.length() - 1;
		int colon = id.lastIndexOf(':');
		if (k < 0 || id.charAt(k) != 'k' || colon < 0 || colon + 1 == k) {
			return false;
		}
		for (int i = colon + 1; i < k; i++) {
			if (id.charAt(i) < '0' || id.charAt(i) > '9') {
				return false;
			}
		}
		return true;
	}

	/**
	 * Whether the model is served only with provisioned throughput: marked so in the
	 * catalog, or a context-length variant. Such a model is never called on demand and
	 * has no system profile.
	 * @return whether only provisioned throughput serves it
	 */
	public boolean servedOnlyProvisioned() {
		return this.provisionedOnly || isContextVariant();
	}

	/**
	 * Whether calling the plain model ID in {@code region} is refused ("use an inference
	 * profile").
	 */
	public boolean needsProfile(String region) {
		if (servedOnlyProvisioned()) {
			return true;
		}
		if (this.onDemandRegions.contains(region)) {
			return false;
		}
		if (this.profileOnlyRegions.contains(region)) {
			return true;
		}
		return this.needsProfileElsewhere;
	}

	/** Whether the model needs a profile in at least one region the catalog names. */
	public boolean needsProfileSomewhere() {
		return servedOnlyProvisioned() || !this.profileOnlyRegions.isEmpty() || this.needsProfileElsewhere;
	}

	/**
	 * Whether the model can be used from {@code region}, directly or through a profile.
	 */
	public boolean availableIn(String region) {
		return this.onDemandRegions.contains(region) || this.profileOnlyRegions.contains(region);
	}

	/** Whether a system profile of geography {@code prefix} contains this model. */
	public boolean hasGeo(String prefix) {
		return this.geoPrefixes.contains(prefix);
	}

	/**
	 * Whether this model's profile of {@code geography} can be called from
	 * {@code region}: the region is one of its {@link #sourceRegions(Geography) source
	 * regions}. Whether the model has a profile there at all is {@link #hasGeo(String)}.
	 * @param geography the geography
	 * @param region the source region
	 * @return whether a call from {@code region} may use the profile
	 */
	public boolean servedFrom(Geography geography, String region) {
		return sourceRegions(geography).contains(region);
	}

	/**
	 * The one rule for the source regions of this model's profile of {@code geography}:
	 * this model's {@link #geoRegions()} of the geography where it has them (they replace
	 * the geography's regions, so a region the geography serves may be missing and one it
	 * does not serve present), otherwise the geography's regions.
	 * @param geography the geography
	 * @return the regions a call may use the profile from
	 */
	public List<String> sourceRegions(Geography geography) {
		return this.geoRegions.getOrDefault(geography.prefix(), geography.regions());
	}

	/** Every region the model can be used from, on demand first. */
	public List<String> regions() {
		return java.util.stream.Stream.concat(this.onDemandRegions.stream(), this.profileOnlyRegions.stream())
			.distinct()
			.toList();
	}

	/**
	 * An unmodifiable copy in {@code geoPrefixes} order.
	 * @param geoRegions the regions by geography
	 * @param geoPrefixes the model's geographies
	 * @return the copy
	 * @throws IllegalArgumentException if a key is not one of {@code geoPrefixes} or its
	 * list is empty (a profile called from no region is a geography left out of
	 * {@code geoPrefixes})
	 */
	private static Map<String, List<String>> copyOf(Map<String, List<String>> geoRegions, List<String> geoPrefixes) {
		if (geoRegions.isEmpty()) {
			return Map.of();
		}
		for (String prefix : geoRegions.keySet()) {
			if (!geoPrefixes.contains(prefix)) {
				throw new IllegalArgumentException("geoRegions names geography '" + prefix
						+ "', which is not one of the model's geos " + geoPrefixes);
			}
		}
		Map<String, List<String>> copy = new LinkedHashMap<>();
		for (String prefix : geoPrefixes) {
			List<String> regions = geoRegions.get(prefix);
			if (regions == null) {
				continue;
			}
			if (regions.isEmpty()) {
				throw new IllegalArgumentException("geoRegions of geography '" + prefix
						+ "' is empty: leave the geography out of the model's geos instead");
			}
			copy.put(prefix, List.copyOf(regions));
		}
		return java.util.Collections.unmodifiableMap(copy);
	}

}
