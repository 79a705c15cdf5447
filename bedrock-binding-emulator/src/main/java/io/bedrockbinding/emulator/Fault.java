package io.bedrockbinding.emulator;

import org.jspecify.annotations.Nullable;

/**
 * An error that {@link Faults} can inject, with the status, error type and message
 * Bedrock sends for it.
 */
public enum Fault {

	/** {@code ThrottlingException}, 429; the SDK retries it. */
	THROTTLING("ThrottlingException", 429, "Too many requests, please wait before trying again.",
			"throttlingException"),

	/** {@code ServiceUnavailableException}, 503; the SDK retries it. */
	SERVICE_UNAVAILABLE("ServiceUnavailableException", 503, "Bedrock is unable to process your request.",
			"serviceUnavailableException"),

	/** {@code ModelTimeoutException}, 408. */
	MODEL_TIMEOUT("ModelTimeoutException", 408,
			"Model has timed out in processing the request. Try your request again.", null),

	/** {@code InternalServerException}, 500; the SDK retries it. */
	INTERNAL_SERVER("InternalServerException", 500,
			"The server encountered an internal error while processing the request.", "internalServerException"),

	/** {@code AccessDeniedException}, 403. */
	ACCESS_DENIED("AccessDeniedException", 403, "You don't have access to the model with the specified model ID.",
			null),

	/** {@code ServiceQuotaExceededException}, 400. */
	SERVICE_QUOTA_EXCEEDED("ServiceQuotaExceededException", 400,
			"Your request exceeds the service quota for your account.", null),

	/** {@code ModelErrorException}, 424. */
	MODEL_ERROR("ModelErrorException", 424, "The request failed due to an error while processing the model.", null),

	/** {@code ModelNotReadyException}, 429. */
	MODEL_NOT_READY("ModelNotReadyException", 429,
			"The model is not ready to serve inference requests. Try your request again.", null);

	private final String errorType;

	private final int status;

	private final String message;

	private final @Nullable String streamExceptionType;

	Fault(String errorType, int status, String message, @Nullable String streamExceptionType) {
		this.errorType = errorType;
		this.status = status;
		this.message = message;
		this.streamExceptionType = streamExceptionType;
	}

	/**
	 * The error type of the {@code x-amzn-ErrorType} header, e.g.
	 * {@code ThrottlingException}.
	 * @return the error type
	 */
	public String errorType() {
		return this.errorType;
	}

	/**
	 * The HTTP status Bedrock answers with.
	 * @return the HTTP status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * The message of the error body.
	 * @return the message
	 */
	public String message() {
		return this.message;
	}

	/**
	 * The {@code :exception-type} of the event that ends a ConverseStream with this
	 * fault, or {@code null} when ConverseStream cannot send this error inside the
	 * stream.
	 * @return the exception type, or {@code null}
	 */
	public @Nullable String streamExceptionType() {
		return this.streamExceptionType;
	}

}
