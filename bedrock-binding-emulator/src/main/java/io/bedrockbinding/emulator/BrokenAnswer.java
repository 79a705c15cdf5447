package io.bedrockbinding.emulator;

/**
 * A bedrock-runtime answer that {@link Faults#breakNext(int, BrokenAnswer)} spoils on the
 * wire, as a faulty network, proxy or service could: the client sees no Bedrock error,
 * only a reply it cannot use.
 */
public enum BrokenAnswer {

	/**
	 * A {@code 200} with the body {@code {}}: no output at all. A ConverseStream gets a
	 * {@code 200} stream without a single event.
	 */
	EMPTY_OUTPUT,

	/**
	 * A {@code 200} whose body is not the API's JSON. A ConverseStream gets bytes that
	 * are not an event-stream frame.
	 */
	MALFORMED,

	/**
	 * A {@code 200} that promises more body than it sends, then closes the connection. A
	 * ConverseStream gets its first event and half of the next frame.
	 */
	TRUNCATED,

	/** The connection is closed before any answer is sent. */
	CONNECTION_CLOSED

}
