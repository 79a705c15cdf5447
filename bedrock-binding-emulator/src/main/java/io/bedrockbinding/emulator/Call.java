package io.bedrockbinding.emulator;

import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One request as the API handlers see it.
 *
 * @param api the operation name ({@code Converse}, ...)
 * @param resource the decoded model ID, profile ID or ARN of the path, if it has one
 * @param region the region the caller signed for
 * @param body the raw request body
 * @param parameters the decoded query parameters (GET) or form fields (STS)
 * @param startNanos {@link System#nanoTime()} when the request arrived
 */
record Call(String api, @Nullable String resource, String region, byte[] body, Map<String, String> parameters,
		long startNanos) {

	/** The resource of a call whose route always has one. */
	String requireResource() {
		return Objects.requireNonNull(this.resource, "resource");
	}

	/** Milliseconds since the request arrived, injected latency included. */
	long elapsedMillis() {
		return (System.nanoTime() - this.startNanos) / 1_000_000;
	}

}
