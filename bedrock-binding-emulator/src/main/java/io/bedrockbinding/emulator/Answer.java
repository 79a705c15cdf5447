package io.bedrockbinding.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * What the emulator answers a request with. Answers are values, written only after the
 * request is journaled: a client that has its reply always finds its call in the journal.
 */
sealed interface Answer permits Answer.Body, Answer.Stream, Answer.Spoiled {

	int status();

	void write(HttpExchange exchange) throws IOException;

	/**
	 * A complete body with a {@code Content-Length}.
	 *
	 * @param status the HTTP status
	 * @param contentType the {@code Content-Type}
	 * @param body the body
	 * @param headers further headers
	 */
	record Body(int status, String contentType, byte[] body, Map<String, String> headers) implements Answer {

		@Override
		public void write(HttpExchange exchange) throws IOException {
			Headers responseHeaders = exchange.getResponseHeaders();
			this.headers.forEach(responseHeaders::set);
			responseHeaders.set("Content-Type", this.contentType);
			if (!this.headers.containsKey(Answers.REQUEST_ID)) {
				responseHeaders.set(Answers.REQUEST_ID, Answers.requestId());
			}
			exchange.sendResponseHeaders(this.status, (this.body.length == 0) ? -1 : this.body.length);
			if (this.body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(this.body);
				}
			}
		}

	}

	/**
	 * A {@code 200} event stream, sent chunk by chunk.
	 *
	 * @param events writes the events
	 */
	record Stream(Events events) implements Answer {

		@Override
		public int status() {
			return 200;
		}

		@Override
		public void write(HttpExchange exchange) throws IOException {
			Headers headers = exchange.getResponseHeaders();
			headers.set("Content-Type", EventStream.CONTENT_TYPE);
			headers.set(Answers.REQUEST_ID, Answers.requestId());
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				this.events.write(new EventStream(out));
			}
		}

	}

	/**
	 * An answer spoiled on the wire ({@link Faults#breakNext(int, BrokenAnswer)}).
	 *
	 * @param kind how it is spoiled
	 * @param stream whether the request was a ConverseStream (whose answers are event
	 * streams)
	 */
	record Spoiled(BrokenAnswer kind, boolean stream) implements Answer {

		/** A Converse reply, of which {@link BrokenAnswer#TRUNCATED} sends half. */
		private static final byte[] REPLY = Json.bytes(Json.newObject()
			.set("output", Json.newObject()
				.set("message", Json.newObject().put("role", "assistant").put("text", "cut short by LocalBedrock"))));

		@Override
		public int status() {
			return (this.kind == BrokenAnswer.CONNECTION_CLOSED) ? 0 : 200;
		}

		@Override
		public void write(HttpExchange exchange) throws IOException {
			if (this.kind == BrokenAnswer.CONNECTION_CLOSED) {
				// Closing an exchange that sent no headers closes its connection.
				return;
			}
			Headers headers = exchange.getResponseHeaders();
			headers.set("Content-Type", this.stream ? EventStream.CONTENT_TYPE : Answers.JSON);
			headers.set(Answers.REQUEST_ID, Answers.requestId());
			if (this.kind == BrokenAnswer.TRUNCATED) {
				// A length the body never reaches: closing the exchange then drops the
				// connection instead of ending the body.
				exchange.sendResponseHeaders(200, 1L << 20);
				OutputStream out = exchange.getResponseBody();
				if (this.stream) {
					EventStream events = new EventStream(out);
					events.event("messageStart", Json.newObject().put("role", "assistant"));
					events.halfEvent("contentBlockDelta", Json.newObject().put("contentBlockIndex", 0));
				}
				else {
					out.write(REPLY, 0, REPLY.length / 2);
					out.flush();
				}
				return;
			}
			byte[] body = switch (this.kind) {
				case EMPTY_OUTPUT -> this.stream ? new byte[0] : "{}".getBytes(StandardCharsets.UTF_8);
				default ->
					this.stream ? EventStream.corrupted("messageStart", Json.newObject().put("role", "assistant"))
							: "{\"output\": <html>Bad Gateway</html>".getBytes(StandardCharsets.UTF_8);
			};
			exchange.sendResponseHeaders(200, (body.length == 0) ? -1 : body.length);
			if (body.length > 0) {
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(body);
				}
			}
		}

	}

	/** Writes the events of a {@link Stream}. */
	@FunctionalInterface
	interface Events {

		void write(EventStream stream) throws IOException;

	}

}
