package io.bedrockbinding.pipe;

/** Why a pipe call failed, as a {@link BedrockPipeException} names it. */
public enum FailureReason {

	/**
	 * The model cannot be invoked on demand in this region: bind an inference profile.
	 */
	ON_DEMAND_NOT_SUPPORTED,

	/** The caller may not invoke the target (IAM). */
	ACCESS_DENIED,

	/** Bedrock does not know the model ID, profile or ARN. */
	UNKNOWN_MODEL,

	/**
	 * The model has reached its end of life: Bedrock refuses every call to it; the fix
	 * names the successor the catalog knows.
	 */
	END_OF_LIFE,

	/**
	 * Bedrock refused the request for another reason (parameters, region of an ARN, ...).
	 */
	INVALID_REQUEST,

	/** Throttled, even after the SDK's retries. */
	THROTTLED,

	/**
	 * The call, the model or a stream timed out; the fix names the timeout to raise
	 * ({@link PipeTimeouts}).
	 */
	TIMEOUT,

	/** The endpoint could not be reached. */
	CONNECTION_FAILED,

	/** A target template ({@code {account}}, {@code {region}}) had no value. */
	UNRESOLVED_TEMPLATE,

	/** Bedrock failed (5xx). */
	SERVICE_ERROR,

	/**
	 * A stream broke after part of the reply had reached the caller, and the SDK retried
	 * it: the pipe ends the call rather than hand the caller the same text twice. The
	 * text received so far is incomplete.
	 */
	STREAM_INTERRUPTED,

	/**
	 * Bedrock (or something between, such as a proxy) answered with a reply the SDK
	 * cannot read, with a {@code 200} that has no output, or with embeddings whose number
	 * of vectors is not the number of texts sent.
	 */
	MALFORMED_RESPONSE,

	/** The connection closed before the whole answer arrived. */
	CONNECTION_CLOSED,

	/**
	 * The model kept asking for Java tools after the most tool rounds a call may run
	 * ({@link PipeOptionsBuilder#maxToolRounds}).
	 */
	TOOL_ROUNDS_EXCEEDED,

	/**
	 * The answer did not match the type it was read into ({@link PipeResult#as}); the
	 * message names the field.
	 */
	OUTPUT_MISMATCH,

	/**
	 * The caller cancelled the call (the future a stream or {@code executeAsync}
	 * returned, or an interrupt of the thread waiting for {@code execute}): its request
	 * was aborted, and no other target was tried.
	 */
	CANCELLED,

	/** Anything else. */
	OTHER

}
