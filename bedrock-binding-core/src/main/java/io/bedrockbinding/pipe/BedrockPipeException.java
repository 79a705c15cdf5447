package io.bedrockbinding.pipe;

import org.jspecify.annotations.Nullable;

/**
 * Any failure of a pipe call. Names the model, the target and region that were called,
 * AWS's error code and request ID, and a fix.
 */
public class BedrockPipeException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final FailureReason reason;

	private final String modelId;

	private final @Nullable String target;

	private final @Nullable String region;

	private final @Nullable String errorCode;

	private final @Nullable String requestId;

	private final String fix;

	private final String problem;

	public BedrockPipeException(FailureReason reason, String modelId, @Nullable String target, @Nullable String region,
			@Nullable String errorCode, @Nullable String requestId, String problem, String fix,
			@Nullable Throwable cause) {
		super(problem + " [model " + modelId + ", target " + target + ", region " + region
				+ ((errorCode != null) ? ", " + errorCode : "") + ((requestId != null) ? ", request " + requestId : "")
				+ "]\nFix: " + fix, cause);
		this.reason = reason;
		this.modelId = modelId;
		this.target = target;
		this.region = region;
		this.errorCode = errorCode;
		this.requestId = requestId;
		this.fix = fix;
		this.problem = problem;
	}

	/**
	 * Why the call failed.
	 * @return the reason
	 */
	public FailureReason reason() {
		return this.reason;
	}

	/**
	 * The model ID the caller asked for.
	 * @return the model ID
	 */
	public String modelId() {
		return this.modelId;
	}

	/**
	 * The target that was called, if it was known.
	 * @return the target, or {@code null}
	 */
	public @Nullable String target() {
		return this.target;
	}

	/**
	 * The region the call went to, if it was known.
	 * @return the region, or {@code null}
	 */
	public @Nullable String region() {
		return this.region;
	}

	/**
	 * AWS's error code, e.g. {@code ValidationException}.
	 * @return the error code, or {@code null} when AWS sent none
	 */
	public @Nullable String errorCode() {
		return this.errorCode;
	}

	/**
	 * AWS's request ID of the failed call, for AWS support.
	 * @return the request ID, or {@code null} when there was no answer
	 */
	public @Nullable String requestId() {
		return this.requestId;
	}

	/**
	 * What went wrong, without the model, target, region and fix the message adds.
	 * @return the problem
	 */
	String problem() {
		return this.problem;
	}

	/**
	 * What to do about it, e.g. the inference.txt and YAML lines that bind a profile, or
	 * the timeout property to raise.
	 * @return the fix
	 */
	public String fix() {
		return this.fix;
	}

}
