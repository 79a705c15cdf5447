package io.bedrockbinding.emulator;

import java.io.ByteArrayOutputStream;
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
	 * @param eventType the {@code :event-type}, e.g. {@code contentBlockDelta}
	 * @param payload the event's fields
	 * @throws IOException when the client is gone
	 */
	void event(String eventType, JsonNode payload) throws IOException {
		write(eventHeaders(eventType), Json.bytes(payload));
	}

	/**
	 * An exception inside the stream, such as {@code throttlingException}.
	 * @param exceptionType the {@code :exception-type}
	 * @param message the exception's message
	 * @throws IOException when the client is gone
	 */
	void exception(String exceptionType, String message) throws IOException {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":exception-type", HeaderValue.fromString(exceptionType));
		headers.put(":content-type", HeaderValue.fromString(Answers.JSON));
		headers.put(":message-type", HeaderValue.fromString("exception"));
		write(headers, Json.bytes(Json.newObject().put("message", message)));
	}

	/**
	 * The first half of an event's frame, as a connection that breaks mid-frame leaves
	 * it.
	 * @param eventType the {@code :event-type}
	 * @param payload the event's fields
	 * @throws IOException when the client is gone
	 */
	void halfEvent(String eventType, JsonNode payload) throws IOException {
		byte[] frame = frame(eventType, payload);
		this.out.write(frame, 0, frame.length / 2);
		this.out.flush();
	}

	/**
	 * An event's frame whose last byte (part of the message CRC) is wrong.
	 * @param eventType the {@code :event-type}
	 * @param payload the event's fields
	 * @return the frame's bytes
	 */
	static byte[] corrupted(String eventType, JsonNode payload) {
		byte[] frame = frame(eventType, payload);
		frame[frame.length - 1] ^= 0x5A;
		return frame;
	}

	private static byte[] frame(String eventType, JsonNode payload) {
		ByteArrayOutputStream frame = new ByteArrayOutputStream();
		new Message(eventHeaders(eventType), Json.bytes(payload)).encode(frame);
		return frame.toByteArray();
	}

	private static Map<String, HeaderValue> eventHeaders(String eventType) {
		Map<String, HeaderValue> headers = new LinkedHashMap<>();
		headers.put(":event-type", HeaderValue.fromString(eventType));
		headers.put(":content-type", HeaderValue.fromString(Answers.JSON));
		headers.put(":message-type", HeaderValue.fromString("event"));
		return headers;
	}

	private void write(Map<String, HeaderValue> headers, byte[] payload) throws IOException {
		new Message(headers, payload).encode(this.out);
		this.out.flush();
	}

}
