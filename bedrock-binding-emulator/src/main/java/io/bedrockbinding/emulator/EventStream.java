package io.bedrockbinding.emulator;

import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;
import tools.jackson.databind.JsonNode;

/**
 * Writes {@code application/vnd.amazon.eventstream} frames with the SDK's own codec
 * (prelude, headers, payload and both CRCs), one flushed chunk per frame so that the
 * client sees each event when it is sent.
 */
final class EventStream {

	static final String CONTENT_TYPE = "application/vnd.amazon.eventstream";

	private final OutputStream out;

	EventStream(OutputStream out) {
		this.out = out;
	}

	/**
	 * An event such as {@code messageStart}; the payload holds the event's own fields.
	 * @param eventType the {@code :event-type} header
	 * @param payload the event's JSON fields
	 */
	void event(String eventType, JsonNode payload) throws IOException {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":event-type", HeaderValue.fromString(eventType));
		headers.put(":content-type", HeaderValue.fromString(Answers.JSON));
		headers.put(":message-type", HeaderValue.fromString("event"));
		write(headers, Json.bytes(payload));
	}

	/**
	 * An exception inside the stream, such as {@code throttlingException}.
	 * @param exceptionType the {@code :exception-type} header
	 * @param message the message of the exception's body
	 */
	void exception(String exceptionType, String message) throws IOException {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":exception-type", HeaderValue.fromString(exceptionType));
		headers.put(":content-type", HeaderValue.fromString(Answers.JSON));
		headers.put(":message-type", HeaderValue.fromString("exception"));
		write(headers, Json.bytes(Json.newObject().put("message", message)));
	}

	private void write(Map<String, HeaderValue> headers, byte[] payload) throws IOException {
		new Message(headers, payload).encode(this.out);
		this.out.flush();
	}

}
