package io.bedrockbinding.interceptor;

import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * A bound target that must be called in another region than the client's (an ARN of
 * another region): an interceptor cannot move a call to another region, so the request is
 * refused before it is sent. An {@link SdkClientException}, as every failure of an SDK
 * client is.
 */
public final class CrossRegionTargetException extends SdkClientException {

	private static final long serialVersionUID = 1L;

	private final String modelId;

	private final String target;

	private final String targetRegion;

	private final String clientRegion;

	CrossRegionTargetException(String modelId, String target, String targetRegion, String clientRegion) {
		super(SdkClientException.builder()
			.message(modelId + " is bound to " + target + ", which must be called in " + targetRegion
					+ ", but this client sends to " + clientRegion
					+ ": an SDK interceptor cannot change a call's region, so nothing was sent."
					+ "\nFix: call it with a client built for " + targetRegion + " (Region.of(\"" + targetRegion
					+ "\")), or through a BedrockPipe, which sends each call"
					+ " to the region its target names; or bind " + modelId + " to a target of " + clientRegion));
		this.modelId = modelId;
		this.target = target;
		this.targetRegion = targetRegion;
		this.clientRegion = clientRegion;
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
