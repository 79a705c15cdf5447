package io.bedrockbinding.registry;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

/**
 * An immutable hash map whose {@link #plus} and {@link #minus} return a new map that
 * shares all but one path with this one: a hash array mapped trie of 32-way nodes. A
 * change copies at most one node per level (seven levels for 32-bit hashes), so its cost
 * does not grow with the number of entries, and a look-up is a few array reads.
 * <p>
 * Small on purpose: what the registry needs (get, plus, minus, size, iteration) and no
 * more. It is a read-only {@link Map} so that the snapshot can treat every layer alike;
 * iteration order is hash order.
 *
 * @param <V> the type of the values
 */
final class PersistentMap<V> extends AbstractMap<String, V> {

	private static final PersistentMap<?> EMPTY = new PersistentMap<>(null, 0);

	private static final int BITS = 5;

	private static final int MASK = (1 << BITS) - 1;

	private final @Nullable Node root;

	private final int size;

	private PersistentMap(@Nullable Node root, int size) {
		this.root = root;
		this.size = size;
	}

	@SuppressWarnings("unchecked")
	static <V> PersistentMap<V> empty() {
		return (PersistentMap<V>) EMPTY;
	}

	/**
	 * A map of every entry of {@code entries}.
	 * @param <V> the type of the values
	 * @param entries the entries
	 * @return the map
	 */
	static <V> PersistentMap<V> of(Map<String, V> entries) {
		PersistentMap<V> map = empty();
		for (Map.Entry<String, V> entry : entries.entrySet()) {
			map = map.plus(entry.getKey(), entry.getValue());
		}
		return map;
	}

	@Override
	public int size() {
		return this.size;
	}

	@Override
	public boolean containsKey(@Nullable Object key) {
		return get(key) != null;
	}

	@Override
	@SuppressWarnings("unchecked")
	public @Nullable V get(@Nullable Object key) {
		if (!(key instanceof String text) || this.root == null) {
			return null;
		}
		return (V) this.root.find(text, spread(text.hashCode()), 0);
	}

	/**
	 * This map with {@code key} mapped to {@code value}.
	 * @param key the key
	 * @param value the value (not {@code null})
	 * @return the new map; this one is unchanged
	 */
	PersistentMap<V> plus(String key, V value) {
		Objects.requireNonNull(value, "value");
		int hash = spread(key.hashCode());
		if (this.root == null) {
			return new PersistentMap<>(BitmapNode.EMPTY.put(key, value, hash, 0, new boolean[1]), 1);
		}
		boolean[] added = new boolean[1];
		Node root = this.root.put(key, value, hash, 0, added);
		return (root == this.root) ? this : new PersistentMap<>(root, (added[0]) ? this.size + 1 : this.size);
	}

	/**
	 * This map without {@code key}.
	 * @param key the key
	 * @return the new map; this one is unchanged
	 */
	PersistentMap<V> minus(String key) {
		if (this.root == null || !containsKey(key)) {
			return this;
		}
		Node root = this.root.remove(key, spread(key.hashCode()), 0);
		return (this.size == 1) ? empty() : new PersistentMap<>(root, this.size - 1);
	}

	@Override
	@SuppressWarnings("unchecked")
	public void forEach(BiConsumer<? super String, ? super V> action) {
		if (this.root != null) {
			this.root.forEach((BiConsumer<String, Object>) action);
		}
	}

	@Override
	public Set<Map.Entry<String, V>> entrySet() {
		List<Map.Entry<String, V>> entries = new ArrayList<>(this.size);
		forEach((key, value) -> entries.add(new SimpleImmutableEntry<>(key, value)));
		return new AbstractSet<>() {

			@Override
			public Iterator<Map.Entry<String, V>> iterator() {
				return java.util.Collections.unmodifiableList(entries).iterator();
			}

			@Override
			public int size() {
				return entries.size();
			}

		};
	}

	/**
	 * Mixes the high bits in: string hashes of similar keys differ mostly low.
	 * @param hash the key's hash code
	 * @return the spread hash
	 */
	private static int spread(int hash) {
		return hash ^ (hash >>> 16);
	}

	/** One node of the trie. */
	private sealed interface Node permits BitmapNode, CollisionNode {

		@Nullable Object find(String key, int hash, int shift);

		Node put(String key, Object value, int hash, int shift, boolean[] added);

		/**
		 * Only called for a key that is present.
		 * @param key the key
		 * @param hash the spread hash of the key
		 * @param shift how many bits of the hash the levels above used
		 * @return the node without the key, or {@code null} when it is left empty
		 */
		@Nullable Node remove(String key, int hash, int shift);

		void forEach(BiConsumer<String, Object> action);

	}

	/**
	 * Up to 32 slots, present ones flagged in the bitmap; a slot holds a key and its
	 * value, or (key {@code null}) a child node.
	 */
	private static final class BitmapNode implements Node {

		static final BitmapNode EMPTY = new BitmapNode(0, new Object[0]);

		final int bitmap;

		/** Pairs: key or null, then value or child. */
		final Object[] slots;

		BitmapNode(int bitmap, Object[] slots) {
			this.bitmap = bitmap;
			this.slots = slots;
		}

		private int index(int bit) {
			return Integer.bitCount(this.bitmap & (bit - 1)) * 2;
		}

		@Override
		public @Nullable Object find(String key, int hash, int shift) {
			int bit = 1 << ((hash >>> shift) & MASK);
			if ((this.bitmap & bit) == 0) {
				return null;
			}
			int at = index(bit);
			Object slotKey = this.slots[at];
			if (slotKey == null) {
				return ((Node) this.slots[at + 1]).find(key, hash, shift + BITS);
			}
			return key.equals(slotKey) ? this.slots[at + 1] : null;
		}

		@Override
		public Node put(String key, Object value, int hash, int shift, boolean[] added) {
			int bit = 1 << ((hash >>> shift) & MASK);
			int at = index(bit);
			if ((this.bitmap & bit) == 0) {
				Object[] slots = new Object[this.slots.length + 2];
				System.arraycopy(this.slots, 0, slots, 0, at);
				slots[at] = key;
				slots[at + 1] = value;
				System.arraycopy(this.slots, at, slots, at + 2, this.slots.length - at);
				added[0] = true;
				return new BitmapNode(this.bitmap | bit, slots);
			}
			Object slotKey = this.slots[at];
			Object slotValue = this.slots[at + 1];
			Node child;
			if (slotKey == null) {
				Node old = (Node) slotValue;
				child = old.put(key, value, hash, shift + BITS, added);
				if (child == old) {
					return this;
				}
				return with(at, null, child);
			}
			if (key.equals(slotKey)) {
				return (slotValue == value) ? this : with(at, key, value);
			}
			added[0] = true;
			return with(at, null, pair((String) slotKey, slotValue, key, value, hash, shift + BITS));
		}

		private static Node pair(String key1, Object value1, String key2, Object value2, int hash2, int shift) {
			int hash1 = spread(key1.hashCode());
			if (hash1 == hash2 || shift >= 32) {
				return new CollisionNode(new Object[] { key1, value1, key2, value2 });
			}
			boolean[] ignored = new boolean[1];
			return EMPTY.put(key1, value1, hash1, shift, ignored).put(key2, value2, hash2, shift, ignored);
		}

		private BitmapNode with(int at, @Nullable String key, Object value) {
			Object[] slots = this.slots.clone();
			slots[at] = key;
			slots[at + 1] = value;
			return new BitmapNode(this.bitmap, slots);
		}

		@Override
		public @Nullable Node remove(String key, int hash, int shift) {
			int bit = 1 << ((hash >>> shift) & MASK);
			int at = index(bit);
			if (this.slots[at] == null) {
				Node child = ((Node) this.slots[at + 1]).remove(key, hash, shift + BITS);
				if (child != null) {
					return with(at, null, child);
				}
			}
			if (this.bitmap == bit) {
				return null;
			}
			Object[] slots = new Object[this.slots.length - 2];
			System.arraycopy(this.slots, 0, slots, 0, at);
			System.arraycopy(this.slots, at + 2, slots, at, this.slots.length - at - 2);
			return new BitmapNode(this.bitmap & ~bit, slots);
		}

		@Override
		public void forEach(BiConsumer<String, Object> action) {
			for (int i = 0; i < this.slots.length; i += 2) {
				if (this.slots[i] == null) {
					((Node) this.slots[i + 1]).forEach(action);
				}
				else {
					action.accept((String) this.slots[i], this.slots[i + 1]);
				}
			}
		}

	}

	/** Keys whose whole hash is the same, as pairs of key and value. */
	private static final class CollisionNode implements Node {

		final Object[] pairs;

		CollisionNode(Object[] pairs) {
			this.pairs = pairs;
		}

		@Override
		public @Nullable Object find(String key, int hash, int shift) {
			for (int i = 0; i < this.pairs.length; i += 2) {
				if (key.equals(this.pairs[i])) {
					return this.pairs[i + 1];
				}
			}
			return null;
		}

		@Override
		public Node put(String key, Object value, int hash, int shift, boolean[] added) {
			for (int i = 0; i < this.pairs.length; i += 2) {
				if (key.equals(this.pairs[i])) {
					Object[] pairs = this.pairs.clone();
					pairs[i + 1] = value;
					return new CollisionNode(pairs);
				}
			}
			Object[] pairs = Arrays.copyOf(this.pairs, this.pairs.length + 2);
			pairs[this.pairs.length] = key;
			pairs[this.pairs.length + 1] = value;
			added[0] = true;
			return new CollisionNode(pairs);
		}

		@Override
		public @Nullable Node remove(String key, int hash, int shift) {
			if (this.pairs.length == 2) {
				return null;
			}
			Object[] pairs = new Object[this.pairs.length - 2];
			int to = 0;
			for (int i = 0; i < this.pairs.length; i += 2) {
				if (!key.equals(this.pairs[i])) {
					pairs[to++] = this.pairs[i];
					pairs[to++] = this.pairs[i + 1];
				}
			}
			return new CollisionNode(pairs);
		}

		@Override
		public void forEach(BiConsumer<String, Object> action) {
			for (int i = 0; i < this.pairs.length; i += 2) {
				action.accept((String) this.pairs[i], this.pairs[i + 1]);
			}
		}

	}

}
