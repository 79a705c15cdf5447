package io.bedrockbinding.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.utils.SdkAutoCloseable;

/**
 * One SDK client per region, each created on first use of its region and closed with the
 * pool. Thread-safe; a client is created at most once per region.
 *
 * @param <C> the client type
 */
public final class RegionalClients<C extends SdkAutoCloseable> implements Function<String, C>, AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(RegionalClients.class);

	private final Map<String, C> clients = new ConcurrentHashMap<>();

	private final Function<String, ? extends C> factory;

	private volatile boolean closed;

	/**
	 * A pool that builds each region's client with {@code factory}.
	 * @param factory makes the client of a region (called once per region, on first use)
	 */
	public RegionalClients(Function<String, ? extends C> factory) {
		this.factory = factory;
	}

	/**
	 * The client of {@code region}, created now if this is the region's first use.
	 * @param region the region ID, e.g. {@code us-east-1}
	 * @return the region's client
	 * @throws ClientsClosedException if the pool is closed
	 */
	public C get(String region) {
		C client = this.clients.get(region);
		if (client != null) {
			return client;
		}
		checkOpen();
		client = this.clients.computeIfAbsent(region, this.factory);
		if (this.closed) {
			// close() ran while this client was made: it must not outlive the pool.
			this.clients.remove(region, client);
			client.close();
			throw new ClientsClosedException();
		}
		return client;
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
	 * The regions that have a client now.
	 * @return the region IDs, in no particular order
	 */
	public List<String> regions() {
		return List.copyOf(this.clients.keySet());
	}

	private void checkOpen() {
		if (this.closed) {
			throw new ClientsClosedException();
		}
	}

	/**
	 * Closes every client; later calls of {@link #get(String)} fail. A client that fails
	 * to close is logged and the others are still closed.
	 */
	@Override
	public void close() {
		this.closed = true;
		List<C> open = new ArrayList<>(this.clients.values());
		this.clients.clear();
		for (C client : open) {
			try {
				client.close();
			}
			catch (RuntimeException ex) {
				logger.warn("Could not close an SDK client: {}", ex.toString());
			}
		}
	}

}
