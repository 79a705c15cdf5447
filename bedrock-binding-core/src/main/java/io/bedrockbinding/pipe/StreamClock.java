package io.bedrockbinding.pipe;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.bedrockbinding.client.ClientsClosedException;
import org.jspecify.annotations.Nullable;

/**
 * The one thread of a factory that watches its streams' silences ({@link StreamCall}),
 * and the streams it watches. Started on the first stream, stopped with the factory:
 * after the clients, since a stream whose connection outlives their close (an HTTP client
 * of the user's, on event loops of its own) would otherwise wait without a bound; closing
 * ends every stream still running. Not final only so that a test can run the checks
 * itself.
 */
class StreamClock implements AutoCloseable {

	private @Nullable ScheduledThreadPoolExecutor executor;

	private final Set<StreamCall> running = new LinkedHashSet<>();

	private boolean closed;

	synchronized ScheduledFuture<?> schedule(Runnable check, long delay, TimeUnit unit) {
		if (this.closed) {
			throw new ClientsClosedException();
		}
		if (this.executor == null) {
			ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, (task) -> {
				Thread thread = new Thread(task, "bedrock-pipe-stream-clock");
				thread.setDaemon(true);
				return thread;
			});
			// A finished stream cancels its check: drop it at once, not when it was due.
			executor.setRemoveOnCancelPolicy(true);
			this.executor = executor;
		}
		return this.executor.schedule(check, delay, unit);
	}

	/**
	 * A stream started: {@link #close()} ends it unless it ended first.
	 * @param stream the stream
	 * @throws ClientsClosedException if the clock is closed
	 */
	synchronized void started(StreamCall stream) {
		if (this.closed) {
			throw new ClientsClosedException();
		}
		this.running.add(stream);
	}

	/**
	 * A stream ended.
	 * @param stream the stream
	 */
	synchronized void ended(StreamCall stream) {
		this.running.remove(stream);
	}

	/**
	 * Stops watching, and ends every stream still running as cut off by the factory's
	 * close (the clients are closing by now, so that the failure is named so).
	 */
	@Override
	public void close() {
		List<StreamCall> cutOff;
		synchronized (this) {
			this.closed = true;
			if (this.executor != null) {
				this.executor.shutdownNow();
				this.executor = null;
			}
			cutOff = new ArrayList<>(this.running);
			this.running.clear();
		}
		// outside the lock: ending a stream completes its caller's future
		for (StreamCall stream : cutOff) {
			stream.fail(new IllegalStateException("The factory closed while the stream was still running"));
		}
	}

}
