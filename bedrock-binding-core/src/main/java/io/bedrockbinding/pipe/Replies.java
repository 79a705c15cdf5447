package io.bedrockbinding.pipe;

import java.time.Duration;

import io.bedrockbinding.SettingHints;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseMetrics;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

/** Reads Converse answers into {@link PipeResult}s. */
final class Replies {

	private Replies() {
	}

	/**
	 * The result of a Converse answer.
	 * @param response the SDK's response
	 * @param modelId the model ID the caller asked for
	 * @param route the route the call took
	 * @param fallback whether the call was the on-demand fallback
	 * @param hints the words of the layer that configured the pipe, for the fix
	 * @return the result
	 * @throws BedrockPipeException when the answer has no output: a {@code 200} with
	 * {@code {}} is no reply, however successful its status
	 */
	static PipeResult result(ConverseResponse response, String modelId, Route route, boolean fallback,
			SettingHints hints) {
		String requestId = response.responseMetadata().requestId();
		if (response.output() == null || response.output().message() == null) {
			throw TransportErrors.noOutput(modelId, route, requestId, hints);
		}
		StringBuilder text = new StringBuilder();
		for (ContentBlock block : response.output().message().content()) {
			if (block.text() != null) {
				text.append(block.text());
			}
		}
		return new PipeResult(text.toString(), response.stopReasonAsString(), usage(response.usage()),
				latency(response.metrics()), modelId, route.target().value(), route.target().kind(), route.region(),
				requestId, fallback);
	}

	static TokenUsage usage(software.amazon.awssdk.services.bedrockruntime.model.@Nullable TokenUsage usage) {
		if (usage == null) {
			return TokenUsage.NONE;
		}
		return new TokenUsage(orZero(usage.inputTokens()), orZero(usage.outputTokens()), orZero(usage.totalTokens()));
	}

	static Duration latency(@Nullable ConverseMetrics metrics) {
		return (metrics != null && metrics.latencyMs() != null) ? Duration.ofMillis(metrics.latencyMs())
				: Duration.ZERO;
	}

	private static int orZero(@Nullable Integer value) {
		return (value != null) ? value : 0;
	}

}
