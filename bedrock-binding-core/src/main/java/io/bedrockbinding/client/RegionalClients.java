package io.bedrockbinding.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.bedrockbinding.InvalidSettingException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One SDK client per region, each created on first use of its region and closed with the
 * pool. Thread-safe; a region has at most one client at a time.
 * <p>
 * The pool holds at most {@link #maxClients()} clients (each has its own threads and
 * connections): a new region beyond the limit evicts the least recently used one. An
 * evicted client is closed as soon as no {@link #call(String, Function) call} or
 * {@link #callAsync(String, Function) async call} uses it any more, never under a call in
 * flight. A client taken with {@link #get(String)} has no such guard: keep it only for
 * the moment of a call.
 *
 * @param <C> the client type
 */
public final class RegionalClients<C extends SdkAutoCloseable> implements Function<String, C>, AutoCloseable {

	/**
	 * The limit of a pool made without one: more regions than any Bedrock caller uses.
	 */
	public static final int DEFAULT_MAX_CLIENTS = 20;

	private static final Logger logger = LoggerFactory.getLogger(RegionalClients.class);

	private final Map<String, Entry<C>> entries = new ConcurrentHashMap<>();

	private final Function<String, ? extends C> factory;

	private final int maxClients;

	private volatile boolean closed;

	/**
	 * A pool of at most {@link #DEFAULT_MAX_CLIENTS} clients.
	 * @param factory makes the client of a region (called on a region's first use, and
	 * again after its client was evicted)
	 */
	public RegionalClients(Function<String, ? extends C> factory) {
		this(DEFAULT_MAX_CLIENTS, factory);
	}

	/**
	 * A pool of at most {@code maxClients} clients.
	 * @param maxClients how many regions may have a client at once, at least 1
	 * @param factory makes the client of a region
	 */
	public RegionalClients(int maxClients, Function<String, ? extends C> factory) {
		this.maxClients = checkMaxClients(maxClients);
		this.factory = factory;
	}

	/**
	 * Checks a pool size, as the constructor does: at least 1.
	 * @param maxClients the size
	 * @return the size
	 * @throws IllegalArgumentException if it is less than 1
	 */
	public static int checkMaxClients(int maxClients) {
		if (maxClients < 1) {
			throw new InvalidSettingException("maxClients", "must be 1 or more, got " + maxClients);
		}
		return maxClients;
	}

	/**
	 * The client of {@code region}, created now if the region has none. Not guarded
	 * against eviction: prefer {@link #call(String, Function)} when other regions may be
	 * asked for meanwhile.
	 * @param region the region ID, e.g. {@code us-east-1}
	 * @return the region's client
	 * @throws ClientsClosedException if the pool is closed
	 */
	public C get(String region) {
		return entry(region).client;
	}

	/**
	 * The same as {@link #get(String)}, so that the pool can be given where a function
	 * from region to client is expected.
	 * @param region the region ID
	 * @return the region's client
	 */
	@Override
	public C apply(String region) {
		return get(region);
	}

	/**
	 * Runs a call with the client of {@code region}, which stays open until it returns
	 * even if the region is evicted meanwhile.
	 * @param <R> the result type
	 * @param region the region ID
	 * @param call what to do with the client
	 * @return what {@code call} returned
	 * @throws ClientsClosedException if the pool is closed
	 */
	public <R> R call(String region, Function<? super C, R> call) {
		Entry<C> entry = lease(region);
		try {
			return call.apply(entry.client);
		}
		finally {
			entry.release();
		}
	}

	/**
	 * Starts an async call with the client of {@code region}, which stays open until the
	 * call's future completes even if the region is evicted meanwhile.
	 * @param <R> the result type
	 * @param region the region ID
	 * @param call starts the call with the client
	 * @return the future of {@code call}, which completes after the lease has ended; a
	 * cancel of it cancels the future {@code call} returned (the SDK's call, which then
	 * ends the lease)
	 * @throws ClientsClosedException if the pool is closed
	 */
	public <R> CompletableFuture<R> callAsync(String region, Function<? super C, CompletableFuture<R>> call) {
		Entry<C> entry = lease(region);
		CompletableFuture<R> future;
		try {
			future = call.apply(entry.client);
		}
		catch (RuntimeException | Error ex) {
			entry.release();
			throw ex;
		}
		// The lease ends with the call itself. A future derived from it would not do: a
		// cancel of the derived future neither reaches the call (which would keep its
		// connection until the SDK's own timeouts) nor runs the derived future's action
		// (the lease would never end).
		CompletableFuture<R> leased = new CompletableFuture<>();
		future.whenComplete((result, failure) -> {
			entry.release();
			if (failure != null) {
				leased.completeExceptionally(failure);
			}
			else {
				leased.complete(result);
			}
		});
		leased.whenComplete((result, failure) -> {
			if (leased.isCancelled()) {
				future.cancel(false);
			}
		});
		return leased;
	}

	/**
	 * The regions that have a client now.
	 * @return the region IDs, in no particular order
	 */
	public List<String> regions() {
		return List.copyOf(this.entries.keySet());
	}

	/**
	 * The most clients the pool holds at once.
	 * @return the limit
	 */
	public int maxClients() {
		return this.maxClients;
	}

	private Entry<C> lease(String region) {
		while (true) {
			Entry<C> entry = entry(region);
			if (entry.acquire()) {
				return entry;
			}
			// Evicted between lookup and lease: its region gets a new client.
			this.entries.remove(region, entry);
		}
	}

	private Entry<C> entry(String region) {
		Entry<C> entry = this.entries.get(region);
		if (entry == null) {
			if (this.closed) {
				throw new ClientsClosedException();
			}
			boolean[] created = new boolean[1];
			entry = this.entries.computeIfAbsent(region, (key) -> {
				created[0] = true;
				return new Entry<>(this.factory.apply(key));
			});
			if (this.closed) {
				// close() ran while this client was made: it must not outlive the pool.
				this.entries.remove(region, entry);
				entry.retire();
				throw new ClientsClosedException();
			}
			if (created[0]) {
				evictBeyondLimit(region);
			}
		}
		entry.lastUsed = System.nanoTime();
		return entry;
	}

	private void evictBeyondLimit(String added) {
		while (this.entries.size() > this.maxClients) {
			Map.Entry<String, Entry<C>> oldest = null;
			for (Map.Entry<String, Entry<C>> candidate : this.entries.entrySet()) {
				if (!candidate.getKey().equals(added)
						&& (oldest == null || candidate.getValue().lastUsed - oldest.getValue().lastUsed < 0)) {
					oldest = candidate;
				}
			}
			if (oldest == null) {
				return;
			}
			if (this.entries.remove(oldest.getKey(), oldest.getValue())) {
				logger.info("More than {} regions have an SDK client: the client of {} (least recently used) is "
						+ "closed once its calls end", this.maxClients, oldest.getKey());
				oldest.getValue().retire();
			}
		}
	}

	/**
	 * Closes every client; later calls fail with {@link ClientsClosedException}. A client
	 * that fails to close is logged and the others are still closed.
	 */
	@Override
	public void close() {
		this.closed = true;
		List<Entry<C>> open = new ArrayList<>(this.entries.values());
		this.entries.clear();
		open.forEach(Entry::closeNow);
	}

	/** A client and the calls that use it now. */
	private static final class Entry<C extends SdkAutoCloseable> {

		final C client;

		/**
		 * When the client was last asked for, for eviction; plain on purpose (a lost
		 * update only makes the order approximate, a volatile write per call costs).
		 */
		long lastUsed;

		private final AtomicInteger leases = new AtomicInteger();

		private final AtomicBoolean closed = new AtomicBoolean();

		private volatile boolean retired;

		Entry(C client) {
			this.client = client;
		}

		/**
		 * Takes a lease.
		 * @return false if the entry was retired (its client is or will be closed)
		 */
		boolean acquire() {
			this.leases.incrementAndGet();
			if (this.retired) {
				release();
				return false;
			}
			return true;
		}

		void release() {
			if (this.leases.decrementAndGet() == 0 && this.retired) {
				closeOnce();
			}
		}

		/** No new lease from now on; the client closes when the last one ends. */
		void retire() {
			this.retired = true;
			if (this.leases.get() == 0) {
				closeOnce();
			}
		}

		void closeNow() {
			this.retired = true;
			closeOnce();
		}

		private void closeOnce() {
			if (this.closed.compareAndSet(false, true)) {
				try {
					this.client.close();
				}
				catch (RuntimeException ex) {
					logger.warn("Could not close an SDK client: {}", ex.toString());
				}
			}
		}

	}

}
