package io.bedrockbinding.actuate.observation;

import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.PipeResult;
import io.micrometer.observation.Observation;
import org.jspecify.annotations.Nullable;

/**
 * {@link Observation.Context} of one pipe call: what was called, and how it ended.
 */
public class PipeObservationContext extends Observation.Context {

	private final String modelId;

	private final TargetKind targetKind;

	private final String region;

	private volatile @Nullable PipeResult result;

	private volatile @Nullable BedrockPipeException failure;

	public PipeObservationContext(String modelId, TargetKind targetKind, String region) {
		this.modelId = modelId;
		this.targetKind = targetKind;
		this.region = region;
	}

	/**
	 * Return the model ID the caller asked for.
	 * @return the requested model ID
	 */
	public String getModelId() {
		return this.modelId;
	}

	/**
	 * Return the kind of target the call was sent to.
	 * @return the target kind
	 */
	public TargetKind getTargetKind() {
		return this.targetKind;
	}

	/**
	 * Return the region the call was sent to.
	 * @return the call's region
	 */
	public String getRegion() {
		return this.region;
	}

	/**
	 * Return the result of a call that succeeded.
	 * @return the result, or {@code null} when the call failed or is still running
	 */
	public @Nullable PipeResult getResult() {
		return this.result;
	}

	public void setResult(@Nullable PipeResult result) {
		this.result = result;
	}

	/**
	 * Return the failure of a call that failed.
	 * @return the failure, or {@code null} when the call succeeded or is still running
	 */
	public @Nullable BedrockPipeException getFailure() {
		return this.failure;
	}

	public void setFailure(@Nullable BedrockPipeException failure) {
		this.failure = failure;
	}

}
