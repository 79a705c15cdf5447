package io.bedrockbinding.registry;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The runtime layer's persistent map behaves as a {@link HashMap} would. */
class PersistentMapTests {

	@Property(tries = 300)
	void anySequenceOfPutsAndRemovesMatchesAHashMap(@ForAll("operations") List<Operation> operations) {
		Map<String, Integer> expected = new HashMap<>();
		PersistentMap<Integer> map = PersistentMap.empty();
		for (Operation operation : operations) {
			PersistentMap<Integer> before = map;
			Map<String, Integer> beforeExpected = new HashMap<>(expected);
			if (operation.put()) {
				expected.put(operation.key(), operation.value());
				map = map.plus(operation.key(), operation.value());
			}
			else {
				expected.remove(operation.key());
				map = map.minus(operation.key());
			}
			// The version before the change is untouched.
			assertThat(before).isEqualTo(beforeExpected);
		}
		assertThat(map).isEqualTo(expected).hasSize(expected.size());
		for (Map.Entry<String, Integer> entry : expected.entrySet()) {
			assertThat(map.get(entry.getKey())).isEqualTo(entry.getValue());
		}
	}

	@Provide
	Arbitrary<List<Operation>> operations() {
		// Few distinct keys, so that puts overwrite and removes hit; "Aa" and "BB" share
		// a
		// hash code.
		Arbitrary<String> keys = Arbitraries.oneOf(Arbitraries.of("Aa", "BB", "AaAa", "BBBB", "AaBB", "BBAa"),
				Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(3));
		Arbitrary<Operation> operation = Combinators
			.combine(Arbitraries.of(true, true, false), keys, Arbitraries.integers().between(0, 9))
			.as(Operation::new);
		return operation.list().ofMaxSize(200);
	}

	@Test
	void thousandsOfKeysAreFoundAndRemoved() {
		PersistentMap<Integer> map = PersistentMap.empty();
		for (int i = 0; i < 40_000; i++) {
			map = map.plus("acme.model-" + i + "-v1:0", i);
		}
		assertThat(map).hasSize(40_000);
		assertThat(map.get("acme.model-31999-v1:0")).isEqualTo(31_999);
		assertThat(map.get("acme.model-40000-v1:0")).isNull();
		for (int i = 0; i < 40_000; i += 2) {
			map = map.minus("acme.model-" + i + "-v1:0");
		}
		assertThat(map).hasSize(20_000);
		assertThat(map.containsKey("acme.model-2-v1:0")).isFalse();
		assertThat(map.get("acme.model-3-v1:0")).isEqualTo(3);
	}

	@Test
	void puttingTheSameValueOrRemovingAnAbsentKeyReturnsTheSameMap() {
		PersistentMap<Integer> map = PersistentMap.<Integer>empty().plus("a", 1);
		assertThat(map.plus("a", 1)).isSameAs(map);
		assertThat(map.minus("b")).isSameAs(map);
		assertThat(map.minus("a")).isEmpty();
	}

	record Operation(boolean put, String key, int value) {
	}

}
