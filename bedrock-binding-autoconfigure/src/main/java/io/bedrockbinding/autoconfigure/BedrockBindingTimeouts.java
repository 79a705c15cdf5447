package io.bedrockbinding.autoconfigure;

import java.time.Duration;

import io.bedrockbinding.pipe.PipeTimeouts;
import org.jspecify.annotations.Nullable;

/**
 * Timeouts of model calls. The defaults follow AWS's advice for large models (a read
 * timeout of at least an hour), not the SDK's generic 30 s.
 */
public class BedrockBindingTimeouts {

	/**
	 * Longest wait to open a connection to Bedrock.
	 */
	private Duration connect = Duration.ofSeconds(5);

	/**
	 * Longest wait for the next bytes of an answer, per attempt. A Converse call sends
	 * nothing until the whole answer is generated, so this bounds the generation.
	 */
	private Duration read = Duration.ofSeconds(3600);

	/**
	 * Longest a whole call may take, the SDK's retries included.
	 */
	private Duration apiCall = Duration.ofSeconds(3600);

	/**
	 * Longest a ConverseStream may wait for its first event.
	 */
	private Duration streamFirstEvent = Duration.ofSeconds(300);

	/**
	 * Longest a started ConverseStream may go without an event.
	 */
	private Duration streamIdle = Duration.ofSeconds(60);

	public Duration getConnect() {
		return this.connect;
	}

	public void setConnect(Duration connect) {
		this.connect = connect;
	}

	public Duration getRead() {
		return this.read;
	}

	public void setRead(Duration read) {
		this.read = read;
	}

	public Duration getApiCall() {
		return this.apiCall;
	}

	public void setApiCall(Duration apiCall) {
		this.apiCall = apiCall;
	}

	public Duration getStreamFirstEvent() {
		return this.streamFirstEvent;
	}

	public void setStreamFirstEvent(Duration streamFirstEvent) {
		this.streamFirstEvent = streamFirstEvent;
	}

	public Duration getStreamIdle() {
		return this.streamIdle;
	}

	public void setStreamIdle(Duration streamIdle) {
		this.streamIdle = streamIdle;
	}

	/**
	 * These timeouts as core's value.
	 * @return the timeouts
	 * @throws IllegalArgumentException naming the property that is not a positive
	 * duration
	 */
	public PipeTimeouts toPipeTimeouts() {
		requirePositive("connect", this.connect);
		requirePositive("read", this.read);
		requirePositive("api-call", this.apiCall);
		requirePositive("stream-first-event", this.streamFirstEvent);
		requirePositive("stream-idle", this.streamIdle);
		return new PipeTimeouts(this.connect, this.read, this.apiCall, this.streamFirstEvent, this.streamIdle);
	}

	private static void requirePositive(String name, @Nullable Duration value) {
		if (value == null || value.isNegative() || value.isZero()) {
			throw new IllegalArgumentException("bedrock.binding.timeouts." + name + " must be a positive duration"
					+ " (such as 60s), got " + value);
		}
	}

}
