package io.bedrockbinding.autoconfigure;

import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/** Customizes the builder of every sync bedrock-runtime client (one per region). */
@FunctionalInterface
public interface BedrockRuntimeClientCustomizer {

	void customize(BedrockRuntimeClientBuilder builder);

}
