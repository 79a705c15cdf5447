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
 * @param contentType the request's {@code Content-Type} header, or {@code null} when it
 * has none
 */
record Call(String api, @Nullable String resource, String region, byte[] body, Map<String, String> parameters,
		long startNanos, @Nullable String contentType) {

	/** A call without a {@code Content-Type}: one whose API does not look at it. */
	Call(String api, @Nullable String resource, String region, byte[] body, Map<String, String> parameters,
			long startNanos) {
		this(api, resource, region, body, parameters, startNanos, null);
	}

	/** The resource of a call whose route always has one. */
	String requireResource() {
		return Objects.requireNonNull(this.resource, "resource");
	}

	/** Milliseconds since the request arrived, injected latency included. */
	long elapsedMillis() {
		return (System.nanoTime() - this.startNanos) / 1_000_000;
	}

}
