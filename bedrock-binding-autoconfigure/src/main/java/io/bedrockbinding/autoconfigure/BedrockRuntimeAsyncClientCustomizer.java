package io.bedrockbinding.autoconfigure;

import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/** Customizes the builder of every async bedrock-runtime client (one per region). */
@FunctionalInterface
public interface BedrockRuntimeAsyncClientCustomizer {

	void customize(BedrockRuntimeAsyncClientBuilder builder);

}
