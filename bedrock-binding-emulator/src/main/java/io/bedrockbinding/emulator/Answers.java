package io.bedrockbinding.emulator;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Builds answers in the wire formats of REFERENCE.md: JSON for Bedrock, XML for STS. */
final class Answers {

	static final String JSON = "application/json";

	/**
	 * The header that carries a request's ID. An answer whose body names the ID too
	 * (STS's {@code RequestId}) sets it itself, to the same ID: a request has one ID.
	 */
	static final String REQUEST_ID = "x-amzn-RequestId";

	/**
	 * The suffix Bedrock's {@code x-amzn-ErrorType} carries; the SDK reads the part
	 * before ':'.
	 */
	private static final String ERROR_TYPE_SUFFIX = ":http://internal.amazon.com/coral/com.amazon.bedrock/";

	/**
	 * Request IDs: UUID-shaped, unique per emulator run, without SecureRandom's lock on
	 * the hot path.
	 */
	private static final long ID_HIGH = ThreadLocalRandom.current().nextLong();

	private static final AtomicLong ID_LOW = new AtomicLong();

	private Answers() {
	}

	static String requestId() {
		return new UUID(ID_HIGH, ID_LOW.incrementAndGet()).toString();
	}

	static Answer json(JsonNode body) {
		return json(body, Map.of());
	}

	static Answer json(JsonNode body, Map<String, String> headers) {
		return new Answer.Body(200, JSON, Json.bytes(body), headers);
	}

	/**
	 * An STS answer.
	 * @param body the XML
	 * @param requestId the request ID the body names, sent as {@link #REQUEST_ID} too
	 * @return the answer
	 */
	static Answer xml(String body, String requestId) {
		return new Answer.Body(200, "text/xml", body.getBytes(StandardCharsets.UTF_8), Map.of(REQUEST_ID, requestId));
	}

	/**
	 * A Bedrock (runtime or control plane) error: {@code {"message":...}} and
	 * {@code x-amzn-ErrorType}.
	 * @param error the error to answer with
	 * @return the answer: the error's status, type header and JSON body
	 */
	static Answer jsonError(BedrockError error) {
		ObjectNode body = Json.newObject().put("message", error.getMessage());
		return new Answer.Body(error.status(), JSON, Json.bytes(body),
				Map.of("x-amzn-ErrorType", error.type() + ERROR_TYPE_SUFFIX));
	}

	/**
	 * An STS (query protocol) error: {@code ErrorResponse/Error/{Type,Code,Message}}.
	 * @param error the error to answer with
	 * @return the answer: the error's status and XML body
	 */
	static Answer xmlError(BedrockError error) {
		String code = error.type().endsWith("Exception")
				? error.type().substring(0, error.type().length() - "Exception".length()) : error.type();
		String type = (error.status() >= 500) ? "Receiver" : "Sender";
		String requestId = requestId();
		String xml = "<ErrorResponse xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\">\n" + "  <Error>\n"
				+ "    <Type>" + type + "</Type>\n" + "    <Code>" + escape(code) + "</Code>\n" + "    <Message>"
				+ escape(error.getMessage()) + "</Message>\n" + "  </Error>\n" + "  <RequestId>" + requestId
				+ "</RequestId>\n" + "</ErrorResponse>\n";
		return new Answer.Body(error.status(), "text/xml", xml.getBytes(StandardCharsets.UTF_8),
				Map.of(REQUEST_ID, requestId));
	}

	static String escape(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '&' -> escaped.append("&amp;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&apos;");
				default -> escaped.append(c);
			}
		}
		return escaped.toString();
	}

}
