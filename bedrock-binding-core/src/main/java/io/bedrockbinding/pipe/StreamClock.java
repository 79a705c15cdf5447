package io.bedrockbinding.pipe;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import io.bedrockbinding.client.ClientsClosedException;
import org.jspecify.annotations.Nullable;

/**
 * The one thread of a factory that watches its streams' silences ({@link StreamCall}).
 * Started on the first stream, stopped with the factory. Not final only so that a test
 * can run the checks itself.
 */
class StreamClock implements AutoCloseable {

	private @Nullable ScheduledThreadPoolExecutor executor;

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

	@Override
	public synchronized void close() {
		this.closed = true;
		if (this.executor != null) {
			this.executor.shutdownNow();
			this.executor = null;
		}
	}

}
