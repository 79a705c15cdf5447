package io.bedrockbinding.emulator;

/**
 * An error answer: the error type of the {@code x-amzn-ErrorType} header (or the STS
 * error code), the HTTP status and the message. Thrown inside the emulator and turned
 * into the wire format of the API that was called; it carries no stack trace because it
 * is control flow, not a bug.
 */
final class BedrockError extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Bedrock's answer for a model ID, profile ID or ARN that names nothing it can call.
	 */
	static final String INVALID_IDENTIFIER = "The provided model identifier is invalid.";

	private final String type;

	private final int status;

	BedrockError(String type, int status, String message) {
		super(message, null, false, false);
		this.type = type;
		this.status = status;
	}

	static BedrockError validation(String message) {
		return new BedrockError("ValidationException", 400, message);
	}

	static BedrockError invalidIdentifier() {
		return validation(INVALID_IDENTIFIER);
	}

	static BedrockError accessDenied(String message) {
		return new BedrockError("AccessDeniedException", 403, message);
	}

	static BedrockError notFound(String message) {
		return new BedrockError("ResourceNotFoundException", 404, message);
	}

	static BedrockError of(Fault fault) {
		return new BedrockError(fault.errorType(), fault.status(), fault.message());
	}

	/**
	 * {@code ValidationException}, {@code ThrottlingException}, ...
	 * @return the error type, as the {@code x-amzn-ErrorType} header carries it
	 */
	String type() {
		return this.type;
	}

	int status() {
		return this.status;
	}

}
