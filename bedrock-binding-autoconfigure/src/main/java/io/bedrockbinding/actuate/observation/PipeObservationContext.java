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

	/** The model ID the caller asked for. */
	public String getModelId() {
		return this.modelId;
	}

	/** The kind of target the call was sent to. */
	public TargetKind getTargetKind() {
		return this.targetKind;
	}

	/** The region the call was sent to. */
	public String getRegion() {
		return this.region;
	}

	/** The result of a call that succeeded, else {@code null}. */
	public @Nullable PipeResult getResult() {
		return this.result;
	}

	public void setResult(@Nullable PipeResult result) {
		this.result = result;
	}

	/** The failure of a call that failed, else {@code null}. */
	public @Nullable BedrockPipeException getFailure() {
		return this.failure;
	}

	public void setFailure(@Nullable BedrockPipeException failure) {
		this.failure = failure;
	}

}
