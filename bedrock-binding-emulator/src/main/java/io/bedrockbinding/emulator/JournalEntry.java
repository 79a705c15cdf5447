package io.bedrockbinding.emulator;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * One request that {@link LocalBedrock} answered, in the order the answers were sent.
 *
 * @param time when the answer was sent
 * @param api the SDK operation name: {@code Converse}, {@code ConverseStream},
 * {@code InvokeModel}, {@code ListFoundationModels}, {@code GetFoundationModel},
 * {@code ListInferenceProfiles}, {@code GetInferenceProfile}, {@code GetCallerIdentity},
 * or {@code Unknown}
 * @param modelId the decoded model ID, profile ID or ARN of the path, or {@code null} for
 * calls that name none (list calls, STS)
 * @param region the region the caller signed for, or the default region for bearer-token
 * (API key) calls
 * @param body the request body as text; for {@code GET} calls the decoded query string
 * @param status the HTTP status of the answer; a stream that breaks mid-way after a
 * {@code 200} is journaled with {@code 200}
 */
public record JournalEntry(Instant time, String api, @Nullable String modelId, String region, String body, int status) {

	/**
	 * What a Converse, ConverseStream or CountTokens (Converse input) request carried:
	 * images, documents, tools, tool results, cache points, guardrail.
	 * @return the record, read from {@link #body()}; all zero for other calls
	 */
	public ConverseRecord converse() {
		return ConverseRecord.of(this.body);
	}

}
