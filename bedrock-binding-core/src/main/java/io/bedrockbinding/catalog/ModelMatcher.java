package io.bedrockbinding.catalog;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The one matching rule of a {@link ModelQuery}, for catalog models and for bindings
 * alike (the registry's queries and the command line's search words use it too).
 * <ul>
 * <li>region: a catalog model must be usable from the region (on demand or through a
 * profile); a model the catalog does not know matches unless its target names another
 * region;</li>
 * <li>provider: the model's provider, or for a model the catalog does not know the prefix
 * of its ID, ignoring case and a geo prefix ({@code us.anthropic} is
 * {@code anthropic});</li>
 * <li>text: split into words at whitespace; every word must be contained, ignoring case,
 * in the model ID, the display name, the provider or one of the targets (any target of a
 * failover chain, not only the first). A word that is a system profile ID also matches
 * its model ID.</li>
 * </ul>
 */
public final class ModelMatcher {

	private final ModelCatalog catalog;

	private final @Nullable String region;

	private final @Nullable String provider;

	private final List<String> words;

	ModelMatcher(ModelCatalog catalog, ModelQuery query) {
		this.catalog = catalog;
		this.region = trimmed(query.region());
		String provider = trimmed(query.provider());
		this.provider = (provider != null) ? providerOf(provider.toLowerCase(Locale.ROOT)) : null;
		String text = trimmed(query.text());
		this.words = (text != null) ? Arrays.asList(text.toLowerCase(Locale.ROOT).split("\\s+")) : List.of();
	}

	/**
	 * Whether a catalog model matches.
	 * @param model the model
	 * @return whether every part of the query that is set matches it
	 */
	public boolean matches(ModelInfo model) {
		return matches(model.modelId(), model, List.of(), null);
	}

	/**
	 * Whether a model, with what it is bound to, matches.
	 * @param modelId the model ID
	 * @param model the catalog's entry for it, or {@code null} when the catalog does not
	 * know it
	 * @param targets the targets it is bound to, first tried first (every one is searched
	 * for the words), or empty for none
	 * @param targetRegion the region the first target names (an ARN's), or {@code null}
	 * when it names none
	 * @return whether every part of the query that is set matches it
	 */
	public boolean matches(String modelId, @Nullable ModelInfo model, List<String> targets,
			@Nullable String targetRegion) {
		if (this.region != null && !usableFrom(model, targetRegion)) {
			return false;
		}
		String modelProvider = (model != null) ? model.provider().toLowerCase(Locale.ROOT)
				: providerOf(modelId.toLowerCase(Locale.ROOT));
		if (this.provider != null && !this.provider.equals(modelProvider)) {
			return false;
		}
		if (this.words.isEmpty()) {
			return true;
		}
		String id = modelId.toLowerCase(Locale.ROOT);
		String name = (model != null) ? model.displayName().toLowerCase(Locale.ROOT) : "";
		List<String> bound = targets.stream().map((target) -> target.toLowerCase(Locale.ROOT)).toList();
		for (String word : this.words) {
			if (!(id.contains(word) || id.contains(this.catalog.stripGeoPrefix(word)) || name.contains(word)
					|| modelProvider.contains(word) || anyContains(bound, word))) {
				return false;
			}
		}
		return true;
	}

	private static boolean anyContains(List<String> texts, String word) {
		for (String text : texts) {
			if (text.contains(word)) {
				return true;
			}
		}
		return false;
	}

	private boolean usableFrom(@Nullable ModelInfo model, @Nullable String targetRegion) {
		if (model != null) {
			return model.availableIn(this.region);
		}
		return targetRegion == null || targetRegion.equals(this.region);
	}

	private String providerOf(String idOrProvider) {
		String stripped = this.catalog.stripGeoPrefix(idOrProvider);
		int dot = stripped.indexOf('.');
		return (dot >= 0) ? stripped.substring(0, dot) : stripped;
	}

	private static @Nullable String trimmed(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

}
