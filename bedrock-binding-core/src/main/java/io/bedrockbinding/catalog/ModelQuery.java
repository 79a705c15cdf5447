package io.bedrockbinding.catalog;

import org.jspecify.annotations.Nullable;

/**
 * A combined catalog query; every part is optional and the parts that are set must all
 * match.
 *
 * @param region a region the model must be usable from
 * @param provider a provider name, or a geo-profile style prefix such as
 * {@code us.anthropic}
 * @param text words that must each be contained, ignoring case, in the model ID, the
 * display name, the provider or a bound target, any of a failover chain (see
 * {@link ModelMatcher})
 */
public record ModelQuery(@Nullable String region, @Nullable String provider, @Nullable String text) {

	public static ModelQuery all() {
		return new ModelQuery(null, null, null);
	}

	public ModelQuery withRegion(@Nullable String region) {
		return new ModelQuery(region, this.provider, this.text);
	}

	public ModelQuery withProvider(@Nullable String provider) {
		return new ModelQuery(this.region, provider, this.text);
	}

	public ModelQuery withText(@Nullable String text) {
		return new ModelQuery(this.region, this.provider, text);
	}

}
