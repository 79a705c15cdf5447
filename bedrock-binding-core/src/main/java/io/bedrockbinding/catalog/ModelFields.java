package io.bedrockbinding.catalog;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.TokenStreamLocation;

/**
 * The fields of one model entry of {@code catalog.json} as {@link CatalogReader} read
 * them, before defaults apply.
 */
final class ModelFields {

	@Nullable String id;

	@Nullable String provider;

	@Nullable String providerName;

	@Nullable String name;

	@Nullable Boolean provisionedOnly;

	@Nullable List<String> onDemand;

	@Nullable List<String> profileOnly;

	@Nullable List<String> geos;

	@Nullable Boolean needsProfile;

	@Nullable Boolean streaming;

	@Nullable List<String> input;

	@Nullable List<String> output;

	@Nullable Lifecycle lifecycle;

	@Nullable List<String> sources;

	@Nullable Map<String, List<String>> geoRegions;

	/** Where each geoRegions key is, for the error of one the geos do not list. */
	final Map<String, TokenStreamLocation> geoRegionKeys = new LinkedHashMap<>();

	ModelInfo toModel(TokenStreamLocation start) throws IOException {
		String modelId = this.id;
		if (modelId == null || modelId.isBlank()) {
			throw CatalogReader.invalid(start, "a catalog model has no \"id\"");
		}
		int dot = modelId.indexOf('.');
		if (this.provider == null && dot <= 0) {
			throw CatalogReader.invalid(start,
					"catalog model " + CatalogReader.quoted(modelId) + " has no \"provider\" and no provider prefix");
		}
		List<String> geoPrefixes = CatalogReader.orEmpty(this.geos);
		for (Map.Entry<String, TokenStreamLocation> key : this.geoRegionKeys.entrySet()) {
			if (!geoPrefixes.contains(key.getKey())) {
				throw CatalogReader.invalid(key.getValue(),
						"\"geoRegions\" of model " + CatalogReader.quoted(modelId) + " names geography "
								+ CatalogReader.quoted(key.getKey()) + ", which its \"geos\" do not list");
			}
			if (this.geoRegions != null && this.geoRegions.get(key.getKey()).isEmpty()) {
				throw CatalogReader.invalid(key.getValue(),
						"\"geoRegions\" of model " + CatalogReader.quoted(modelId) + " gives geography "
								+ CatalogReader.quoted(key.getKey())
								+ " no source region: leave it out of \"geos\" instead");
			}
		}
		String providerOf = (this.provider != null) ? this.provider : modelId.substring(0, dot);
		return new ModelInfo(modelId, providerOf, (this.name != null) ? this.name : modelId,
				CatalogReader.orEmpty(this.onDemand), CatalogReader.orEmpty(this.profileOnly), geoPrefixes,
				Boolean.TRUE.equals(this.needsProfile), !Boolean.FALSE.equals(this.streaming), orText(this.input),
				orText(this.output), this.providerName, Boolean.TRUE.equals(this.provisionedOnly),
				(this.lifecycle != null) ? this.lifecycle : Lifecycle.ACTIVE, CatalogReader.orEmpty(this.sources),
				(this.geoRegions != null) ? this.geoRegions : Map.of());
	}

	/**
	 * The modalities as written, {@code TEXT} when the field is absent (or null); an
	 * empty list, which {@link CatalogWriter} writes for a model that reports none, stays
	 * empty so that a catalog reads back as it was written.
	 * @param list the modalities read, or {@code null}
	 * @return the modalities
	 */
	private static List<String> orText(@Nullable List<String> list) {
		return (list != null) ? list : List.of("TEXT");
	}

}
