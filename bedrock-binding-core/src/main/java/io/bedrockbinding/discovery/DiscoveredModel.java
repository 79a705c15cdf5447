package io.bedrockbinding.discovery;

import java.util.List;

import io.bedrockbinding.catalog.Lifecycle;
import org.jspecify.annotations.Nullable;

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
 * @param lifecycle the {@code modelLifecycle} it reports (status and the dates the SDK
 * has; never a successor), or {@code null} when it reports none or a status this code
 * does not know
 */
public record DiscoveredModel(String modelId, String name, String provider, List<String> inferenceTypes,
		boolean streaming, List<String> inputModalities, List<String> outputModalities, @Nullable Lifecycle lifecycle) {

	public DiscoveredModel {
		inferenceTypes = List.copyOf(inferenceTypes);
		inputModalities = List.copyOf(inputModalities);
		outputModalities = List.copyOf(outputModalities);
	}

	/**
	 * A model that reports no lifecycle.
	 * @param modelId the model ID
	 * @param name the model name
	 * @param provider the provider name as Bedrock spells it
	 * @param inferenceTypes the inference types
	 * @param streaming whether response streaming is supported
	 * @param inputModalities input modalities
	 * @param outputModalities output modalities
	 */
	public DiscoveredModel(String modelId, String name, String provider, List<String> inferenceTypes, boolean streaming,
			List<String> inputModalities, List<String> outputModalities) {
		this(modelId, name, provider, inferenceTypes, streaming, inputModalities, outputModalities, null);
	}

	/**
	 * Served only through provisioned throughput here: {@code PROVISIONED} alone.
	 * @return whether it is provisioned-only in this region
	 */
	public boolean provisionedOnly() {
		return this.inferenceTypes.contains("PROVISIONED") && !onDemand()
				&& !this.inferenceTypes.contains("INFERENCE_PROFILE");
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
