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
	 * Bedrock refused the request for another reason (parameters, region of an ARN, ...).
	 */
	INVALID_REQUEST,

	/** Throttled, even after the SDK's retries. */
	THROTTLED,

	/** The call or the model timed out. */
	TIMEOUT,

	/** The endpoint could not be reached. */
	CONNECTION_FAILED,

	/** A target template ({@code {account}}, {@code {region}}) had no value. */
	UNRESOLVED_TEMPLATE,

	/** Bedrock failed (5xx). */
	SERVICE_ERROR,

	/** Anything else. */
	OTHER

}
