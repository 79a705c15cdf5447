package io.bedrockbinding.emulator;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.BedrockClientBuilder;

/** Control plane clients; kept apart so that only they need the bedrock SDK module. */
final class ControlPlaneClients {

	private ControlPlaneClients() {
	}

	static BedrockClientBuilder builder(LocalBedrock bedrock, String region) {
		return BedrockClient.builder()
			.endpointOverride(bedrock.endpoint())
			.region(Region.of(region))
			.credentialsProvider(LocalBedrockClients.credentials());
	}

}
