package io.bedrockbinding.emulator;

import java.util.Objects;
import java.util.regex.Pattern;

import io.bedrockbinding.catalog.ModelCatalog;

/** The checks of what tests hand to {@link LocalBedrock}: a region, a catalog model. */
final class Arguments {

	private static final Pattern REGION = Pattern.compile("[a-z0-9-]{1,20}");

	private Arguments() {
	}

	static String requireModel(ModelCatalog catalog, String modelId) {
		if (!catalog.contains(Objects.requireNonNull(modelId, "modelId"))) {
			throw new IllegalArgumentException("Model '" + modelId + "' is not in the catalog of this LocalBedrock");
		}
		return modelId;
	}

	static String requireRegion(String region) {
		if (!REGION.matcher(Objects.requireNonNull(region, "region")).matches()) {
			throw new IllegalArgumentException("Not a region: '" + region + "'");
		}
		return region;
	}

}
