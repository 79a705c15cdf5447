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
	}

	public FailureReason reason() {
		return this.reason;
	}

	/** The model ID the caller asked for. */
	public String modelId() {
		return this.modelId;
	}

	/** The target that was called, if it was known. */
	public @Nullable String target() {
		return this.target;
	}

	/** The region the call went to, if it was known. */
	public @Nullable String region() {
		return this.region;
	}

	/** AWS's error code, e.g. {@code ValidationException}. */
	public @Nullable String errorCode() {
		return this.errorCode;
	}

	public @Nullable String requestId() {
		return this.requestId;
	}

	/** What to do about it, e.g. the inference.txt and YAML lines that bind a profile. */
	public String fix() {
		return this.fix;
	}

}
