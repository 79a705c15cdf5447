package io.bedrockbinding.catalog;

import java.time.LocalDate;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One source of the catalog's data (an AWS documentation page, the control plane of an
 * account), cited by key from each model's {@code sources}.
 *
 * @param key the key models cite it by
 * @param title what it is
 * @param url where it is, if it has an address
 * @param retrieved the day the data were taken from it
 */
public record CatalogSource(String key, @Nullable String title, @Nullable String url, @Nullable LocalDate retrieved) {

	public CatalogSource {
		Objects.requireNonNull(key, "key");
	}

}
