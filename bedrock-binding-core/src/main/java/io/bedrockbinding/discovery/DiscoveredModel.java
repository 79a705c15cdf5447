package io.bedrockbinding.discovery;

import java.util.List;

/**
 * A foundation model as {@code ListFoundationModels} reports it in one region.
 *
 * @param modelId the model ID
 * @param name the model name
 * @param provider the provider name as Bedrock spells it
 * @param inferenceTypes {@code ON_DEMAND}, {@code INFERENCE_PROFILE}, {@code PROVISIONED}
 * (read as strings: the SDK enum does not know every value the service sends)
 * @param streaming whether response streaming is supported
 * @param inputModalities input modalities
 * @param outputModalities output modalities
 */
public record DiscoveredModel(String modelId, String name, String provider, List<String> inferenceTypes,
		boolean streaming, List<String> inputModalities, List<String> outputModalities) {

	public DiscoveredModel {
		inferenceTypes = List.copyOf(inferenceTypes);
		inputModalities = List.copyOf(inputModalities);
		outputModalities = List.copyOf(outputModalities);
	}

	public boolean onDemand() {
		return this.inferenceTypes.contains("ON_DEMAND");
	}

	/**
	 * Profile-only in this region: {@code INFERENCE_PROFILE} without {@code ON_DEMAND}.
	 */
	public boolean needsProfile() {
		return this.inferenceTypes.contains("INFERENCE_PROFILE") && !onDemand();
	}

}
