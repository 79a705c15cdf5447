package io.bedrockbinding.pipe;

import java.time.Duration;

import io.bedrockbinding.identifier.TargetKind;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of one pipe call.
 *
 * @param text the reply text
 * @param stopReason why the model stopped: {@code end_turn}, {@code max_tokens},
 * {@code stop_sequence}, ...
 * @param usage token counts
 * @param latency Bedrock's own latency ({@code metrics.latencyMs})
 * @param modelId the model ID the caller asked for
 * @param invokedTarget the target actually called (profile ID, ARN or model ID)
 * @param targetKind the kind of that target
 * @param region the region the call went to
 * @param requestId AWS's request ID, when the response had one
 * @param fallback whether the target that answered is the derived geo profile appended
 * for a target invoked on demand (the on-demand fallback)
 * @param targetsTried how many targets of the binding's chain were called, the one that
 * answered included: 1 unless the call failed over
 */
public record PipeResult(String text, String stopReason, TokenUsage usage, Duration latency, String modelId,
		String invokedTarget, TargetKind targetKind, String region, @Nullable String requestId, boolean fallback,
		int targetsTried) {

	/**
	 * The outcome of a call answered by the first target it tried.
	 * @param text the reply text
	 * @param stopReason why the model stopped
	 * @param usage token counts
	 * @param latency the latency Bedrock reports
	 * @param modelId the model ID the caller asked for
	 * @param invokedTarget the target actually called
	 * @param targetKind the kind of that target
	 * @param region the region the call went to
	 * @param requestId the request ID AWS gave, when the response had one
	 * @param fallback whether the target is the on-demand fallback's geo profile
	 */
	public PipeResult(String text, String stopReason, TokenUsage usage, Duration latency, String modelId,
			String invokedTarget, TargetKind targetKind, String region, @Nullable String requestId, boolean fallback) {
		this(text, stopReason, usage, latency, modelId, invokedTarget, targetKind, region, requestId, fallback, 1);
	}

	/**
	 * This outcome, reached after {@code targetsTried} targets.
	 * @param targetsTried how many targets were called
	 * @return the outcome
	 */
	public PipeResult withTargetsTried(int targetsTried) {
		return new PipeResult(this.text, this.stopReason, this.usage, this.latency, this.modelId, this.invokedTarget,
				this.targetKind, this.region, this.requestId, this.fallback, targetsTried);
	}

}
