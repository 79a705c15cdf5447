package io.bedrockbinding.emulator;

import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/** STS clients; kept apart so that only they need the sts SDK module. */
final class StsClients {

	private StsClients() {
	}

	static StsClientBuilder builder(LocalBedrock bedrock, String region) {
		return StsClient.builder()
			.endpointOverride(bedrock.endpoint())
			.region(Region.of(region))
			.credentialsProvider(LocalBedrockClients.credentials());
	}

}
