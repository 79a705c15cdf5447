package io.bedrockbinding.pipe;

import java.util.List;

import io.bedrockbinding.identifier.TargetKind;

/**
 * The vectors of one {@link BedrockEmbeddings#embed(List)} call.
 *
 * @param vectors one float vector per text, in the order of the texts
 * @param inputTokens the tokens Bedrock counted over every text
 * @param calls how many InvokeModel calls the texts took (the model's batch size sets it)
 * @param modelId the model ID the caller asked for
 * @param invokedTarget the model ID, profile ID or ARN that was called
 * @param targetKind what kind of target that was
 * @param region the region the calls went to
 */
public record EmbeddingResult(List<float[]> vectors, int inputTokens, int calls, String modelId, String invokedTarget,
		TargetKind targetKind, String region) {

	public EmbeddingResult {
		vectors = List.copyOf(vectors);
	}

	/**
	 * The vector of the one text of a single-text call.
	 * @return the first vector
	 * @throws IllegalStateException when there is none
	 */
	public float[] vector() {
		if (this.vectors.isEmpty()) {
			throw new IllegalStateException("No text was embedded");
		}
		return this.vectors.get(0);
	}

}
