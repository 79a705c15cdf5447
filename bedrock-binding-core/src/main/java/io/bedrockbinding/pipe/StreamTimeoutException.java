package io.bedrockbinding.pipe;

import java.time.Duration;

/** A stream went silent for longer than {@link PipeTimeouts} allow. */
final class StreamTimeoutException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final boolean started;

	private final Duration bound;

	StreamTimeoutException(boolean started, Duration bound) {
		super(started ? "The stream sent no event for " + bound + " between events"
				: "The stream sent no first event within " + bound);
		this.started = started;
		this.bound = bound;
	}

	/**
	 * Whether the stream had sent an event.
	 * @return {@code true} when the idle bound passed, {@code false} when the first-event
	 * bound did
	 */
	boolean started() {
		return this.started;
	}

	/**
	 * The bound that passed.
	 * @return the first-event or idle bound
	 */
	Duration bound() {
		return this.bound;
	}

}
