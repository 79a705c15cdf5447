package io.bedrockbinding.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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
	 * The most specific geography that serves {@code region} and that {@code available}
	 * accepts (usually: the model has a profile there).
	 * @param region the source region
	 * @param available whether a geography is acceptable, by its prefix
	 * @return the geography, or empty when none serves the region
	 */
	public Optional<Geography> preferredFor(String region, Predicate<String> available) {
		for (Geography geography : this.byPrefix.values()) {
			if (geography.serves(region) && available.test(geography.prefix())) {
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
