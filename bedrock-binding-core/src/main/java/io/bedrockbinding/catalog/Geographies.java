package io.bedrockbinding.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The known geographies, most specific first: {@code jp} before {@code apac}, every
 * regional geography before {@code global}. That order decides which profile a region is
 * given when a model exists in several.
 */
public final class Geographies {

	private final Map<String, Geography> byPrefix;

	public Geographies(List<Geography> geographies) {
		Map<String, Geography> map = new LinkedHashMap<>();
		geographies.forEach((geography) -> map.put(geography.prefix(), geography));
		this.byPrefix = java.util.Collections.unmodifiableMap(map);
	}

	public List<Geography> all() {
		return List.copyOf(this.byPrefix.values());
	}

	public Optional<Geography> find(String prefix) {
		return Optional.ofNullable(this.byPrefix.get(prefix));
	}

	public boolean isKnown(String prefix) {
		return this.byPrefix.containsKey(prefix);
	}

	/**
	 * The geographies that serve {@code region}, most specific first.
	 * @param region the source region
	 * @return the geographies that serve {@code region}, most specific first
	 */
	public List<Geography> serving(String region) {
		List<Geography> result = new ArrayList<>();
		for (Geography geography : this.byPrefix.values()) {
			if (geography.serves(region)) {
				result.add(geography);
			}
		}
		return result;
	}

	/**
	 * The geographies whose profiles of {@code model} can be called from {@code region}
	 * (the region is one of {@link ModelInfo#sourceRegions(Geography)}), most specific
	 * first; whether the model has a profile in each is not checked.
	 * @param region the source region
	 * @param model the model
	 * @return the geographies, most specific first
	 */
	public List<Geography> serving(String region, ModelInfo model) {
		List<Geography> result = new ArrayList<>();
		for (Geography geography : this.byPrefix.values()) {
			if (model.servedFrom(geography, region)) {
				result.add(geography);
			}
		}
		return result;
	}

	/**
	 * The one rule for the system profile of a model in a region: the most specific
	 * geography that has a profile of {@code model} callable from {@code region} (by
	 * {@link ModelInfo#servedFrom(Geography, String)}: the model's own source regions of
	 * a geography replace the geography's). A region a model's list adds to a geography
	 * prefers it as the geography's own regions do ({@code us.} over {@code global.}); a
	 * region the list leaves out gets the next geography that has it, or none.
	 * @param region the source region
	 * @param model the model
	 * @return the geography, or empty when none has a profile of the model there
	 */
	public Optional<Geography> preferredFor(String region, ModelInfo model) {
		for (Geography geography : this.byPrefix.values()) {
			if (model.hasGeo(geography.prefix()) && model.servedFrom(geography, region)) {
				return Optional.of(geography);
			}
		}
		return Optional.empty();
	}

	/**
	 * Every region that some geography serves, in first-seen order.
	 * @return every region that some geography serves, in first-seen order
	 */
	public List<String> regions() {
		return this.byPrefix.values().stream().flatMap((geography) -> geography.regions().stream()).distinct().toList();
	}

}
