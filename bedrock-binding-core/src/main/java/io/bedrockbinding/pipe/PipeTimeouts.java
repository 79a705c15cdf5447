package io.bedrockbinding.pipe;

import java.time.Duration;

/**
 * The timeouts of model calls. The SDK's generic defaults (a 30 s socket read timeout per
 * attempt) cut off long generations: a Converse call sends no byte until the whole answer
 * is generated. AWS's knowledge-center article "bedrock-large-model-read-timeouts"
 * (repost.aws) says large models such as Claude 3.7 Sonnet can take more than 60 s to
 * answer and recommends a read timeout of at least 3,600 s; the defaults follow it. A
 * stream sends events as tokens come, so its silences are bounded much tighter.
 *
 * @param connect the longest wait to open a connection
 * @param read the longest wait for the next bytes of an answer (per attempt); the SDK's
 * socket read timeout
 * @param apiCall the longest a whole call may take, the SDK's retries included (a pipe's
 * {@link BedrockPipe#withTimeout(Duration)} overrides it per pipe)
 * @param streamFirstEvent the longest a ConverseStream may wait for its first event
 * @param streamIdle the longest a ConverseStream may go without an event once it has
 * started
 */
public record PipeTimeouts(Duration connect, Duration read, Duration apiCall, Duration streamFirstEvent,
		Duration streamIdle) {

	private static final PipeTimeouts DEFAULTS = new PipeTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(3600),
			Duration.ofSeconds(3600), Duration.ofSeconds(300), Duration.ofSeconds(60));

	public PipeTimeouts {
		requirePositive("connect", connect);
		requirePositive("read", read);
		requirePositive("apiCall", apiCall);
		requirePositive("streamFirstEvent", streamFirstEvent);
		requirePositive("streamIdle", streamIdle);
	}

	/**
	 * The defaults: connect 5 s, read 1 h, API call 1 h, first stream event 5 min,
	 * between stream events 1 min.
	 * @return the default timeouts
	 */
	public static PipeTimeouts defaults() {
		return DEFAULTS;
	}

	/**
	 * These timeouts with another connect timeout.
	 * @param connect the longest wait to open a connection
	 * @return the changed timeouts
	 */
	public PipeTimeouts withConnect(Duration connect) {
		return new PipeTimeouts(connect, this.read, this.apiCall, this.streamFirstEvent, this.streamIdle);
	}

	/**
	 * These timeouts with another read timeout.
	 * @param read the longest wait for the next bytes of an answer
	 * @return the changed timeouts
	 */
	public PipeTimeouts withRead(Duration read) {
		return new PipeTimeouts(this.connect, read, this.apiCall, this.streamFirstEvent, this.streamIdle);
	}

	/**
	 * These timeouts with another API-call timeout.
	 * @param apiCall the longest a whole call may take, retries included
	 * @return the changed timeouts
	 */
	public PipeTimeouts withApiCall(Duration apiCall) {
		return new PipeTimeouts(this.connect, this.read, apiCall, this.streamFirstEvent, this.streamIdle);
	}

	/**
	 * These timeouts with another bound on the wait for a stream's first event.
	 * @param streamFirstEvent the longest wait for a stream's first event
	 * @return the changed timeouts
	 */
	public PipeTimeouts withStreamFirstEvent(Duration streamFirstEvent) {
		return new PipeTimeouts(this.connect, this.read, this.apiCall, streamFirstEvent, this.streamIdle);
	}

	/**
	 * These timeouts with another bound on the silence between stream events.
	 * @param streamIdle the longest a started stream may go without an event
	 * @return the changed timeouts
	 */
	public PipeTimeouts withStreamIdle(Duration streamIdle) {
		return new PipeTimeouts(this.connect, this.read, this.apiCall, this.streamFirstEvent, streamIdle);
	}

	private static void requirePositive(String name, Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("The " + name + " timeout must be positive, got " + value);
		}
	}

}
