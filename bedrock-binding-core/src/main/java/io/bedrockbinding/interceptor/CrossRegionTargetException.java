package io.bedrockbinding.interceptor;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A target that must be called in another region than the client's (an ARN of another
 * region, bound or named by the request itself): an interceptor cannot move a call to
 * another region, so the request is refused before it is sent. An
 * {@link SdkClientException}, as every failure of an SDK client is.
 */
public final class CrossRegionTargetException extends SdkClientException {

	private static final long serialVersionUID = 1L;

	private final String modelId;

	private final String target;

	private final String targetRegion;

	private final String clientRegion;

	CrossRegionTargetException(String modelId, String target, String targetRegion, String clientRegion) {
		super(SdkClientException.builder().message(message(modelId, target, targetRegion, clientRegion)));
		this.modelId = modelId;
		this.target = target;
		this.targetRegion = targetRegion;
		this.clientRegion = clientRegion;
	}

	private static String message(String modelId, String target, String targetRegion, String clientRegion) {
		String fix = "\nFix: call it with a client built for " + targetRegion + " (Region.of(\"" + targetRegion
				+ "\"))";
		if (modelId.equals(target)) {
			// an ARN the request names, bound to nothing
			return modelId + " is an ARN of " + targetRegion + ", which must be called there, but this client sends to "
					+ clientRegion + ", so nothing was sent." + fix + ", or name a target of " + clientRegion;
		}
		return modelId + " is bound to " + target + ", which must be called in " + targetRegion
				+ ", but this client sends to " + clientRegion
				+ ": an SDK interceptor cannot change a call's region, so nothing was sent." + fix
				+ ", or through a BedrockPipe, which sends each call to the region its target names; or bind " + modelId
				+ " to a target of " + clientRegion;
	}

	/**
	 * The model ID the request named.
	 * @return the model ID
	 */
	public String modelId() {
		return this.modelId;
	}

	/**
	 * The bound target, templates filled in.
	 * @return the target
	 */
	public String target() {
		return this.target;
	}

	/**
	 * The region the target must be called in.
	 * @return the target's region
	 */
	public String targetRegion() {
		return this.targetRegion;
	}

	/**
	 * The region of the client that made the request.
	 * @return the client's region
	 */
	public String clientRegion() {
		return this.clientRegion;
	}

}
