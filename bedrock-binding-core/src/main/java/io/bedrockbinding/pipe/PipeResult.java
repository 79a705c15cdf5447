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
 * @param fallback whether the call was retried with the derived geo profile after an
 * on-demand refusal
 */
public record PipeResult(String text, String stopReason, TokenUsage usage, Duration latency, String modelId,
		String invokedTarget, TargetKind targetKind, String region, @Nullable String requestId, boolean fallback) {
}
