package io.bedrockbinding.discovery;

import java.util.List;

/**
 * An inference profile of the account.
 *
 * @param id the profile ID ({@code us.amazon.nova-pro-v1:0}, or an application profile's
 * ID)
 * @param arn its ARN
 * @param name its name
 * @param type {@code SYSTEM_DEFINED} or {@code APPLICATION}
 * @param status {@code ACTIVE}, ...
 * @param modelArns the foundation-model ARNs it routes to
 */
public record DiscoveredProfile(String id, String arn, String name, String type, String status,
		List<String> modelArns) {

	/** The {@link #type()} of a system-defined (cross-region) profile. */
	public static final String SYSTEM_DEFINED = "SYSTEM_DEFINED";

	/** The {@link #type()} of an application inference profile. */
	public static final String APPLICATION = "APPLICATION";

	public DiscoveredProfile {
		modelArns = List.copyOf(modelArns);
	}

	public boolean isApplication() {
		return APPLICATION.equals(this.type);
	}

	/** The model IDs of the foundation-model ARNs, without duplicates. */
	public List<String> modelIds() {
		return this.modelArns.stream()
			.filter((arn) -> arn.contains(":foundation-model/"))
			.map((arn) -> arn.substring(arn.indexOf(":foundation-model/") + ":foundation-model/".length()))
			.distinct()
			.toList();
	}

}
