package io.bedrockbinding.catalog;

import java.util.List;

/**
 * A geography of system-defined cross-region inference profiles: the prefix of the
 * profile ID ({@code us} in {@code us.amazon.nova-pro-v1:0}) and the source regions from
 * which its profiles can be called.
 *
 * @param prefix the profile ID prefix, without the dot
 * @param regions the source regions the geography serves
 */
public record Geography(String prefix, List<String> regions) {

	public Geography {
		regions = List.copyOf(regions);
	}

	/** Whether a profile of this geography can be called from {@code region}. */
	public boolean serves(String region) {
		return this.regions.contains(region);
	}

	/** The system profile ID of {@code modelId} in this geography. */
	public String profileId(String modelId) {
		return this.prefix + "." + modelId;
	}

}
