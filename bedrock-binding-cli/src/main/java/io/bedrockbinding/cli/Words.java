package io.bedrockbinding.cli;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;

/** Search words: {@code search claude sonnet} finds the models that match both. */
final class Words {

	private Words() {
	}

	/**
	 * The bindings that match every word (all of them when there is none), in registry
	 * order.
	 */
	static List<Binding> matchingAll(BindingRegistry registry, @Nullable List<String> words) {
		if (words == null || words.isEmpty()) {
			return registry.bindings();
		}
		Set<Binding> result = new LinkedHashSet<>(registry.search(words.get(0)));
		for (String word : words.subList(1, words.size())) {
			result.retainAll(registry.search(word));
		}
		return List.copyOf(result);
	}

	static @Nullable String join(@Nullable List<String> words) {
		return (words == null || words.isEmpty()) ? null : String.join(" ", words);
	}

}
