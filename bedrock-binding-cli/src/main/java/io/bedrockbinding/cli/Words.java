package io.bedrockbinding.cli;

import java.util.List;

import io.bedrockbinding.catalog.ModelQuery;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Search words: {@code search claude sonnet} finds the models that match both, by the
 * rule every query uses ({@link io.bedrockbinding.catalog.ModelMatcher}).
 */
final class Words {

	private Words() {
	}

	/**
	 * The bindings that match every word (all of them when there is none), in registry
	 * order.
	 * @param registry the registry to search
	 * @param words the words from the command line, each of which must match
	 * @return the matching bindings
	 */
	static List<Binding> matchingAll(BindingRegistry registry, @Nullable List<String> words) {
		return registry.query(new ModelQuery(null, null, join(words)));
	}

	/**
	 * The words as one text, as the JSON output's filter shows them.
	 * @param words the words from the command line
	 * @return the words joined by spaces, or {@code null} when there is none
	 */
	static @Nullable String join(@Nullable List<String> words) {
		return (words == null || words.isEmpty()) ? null : String.join(" ", words);
	}

}
