package io.bedrockbinding.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Map;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

/**
 * What the emulator answers a request with. Answers are values, written only after the
 * request is journaled: a client that has its reply always finds its call in the journal.
 */
sealed interface Answer permits Answer.Body, Answer.Stream {

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
			responseHeaders.set("x-amzn-RequestId", Answers.requestId());
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
			headers.set("x-amzn-RequestId", Answers.requestId());
			exchange.sendResponseHeaders(200, 0);
			try (OutputStream out = exchange.getResponseBody()) {
				this.events.write(new EventStream(out));
			}
		}

	}

	/** Writes the events of a {@link Stream}. */
	@FunctionalInterface
	interface Events {

		void write(EventStream stream) throws IOException;

	}

}
