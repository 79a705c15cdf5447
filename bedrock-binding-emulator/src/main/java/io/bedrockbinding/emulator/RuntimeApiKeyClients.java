package io.bedrockbinding.emulator;

import java.util.List;

import software.amazon.awssdk.auth.token.credentials.StaticTokenProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;

/** Runtime clients that send a Bedrock API key as a bearer token. */
final class RuntimeApiKeyClients {

	/** The scheme the SDK picks when {@code AWS_BEARER_TOKEN_BEDROCK} is set. */
	private static final String BEARER = "httpBearerAuth";

	private RuntimeApiKeyClients() {
	}

	static BedrockRuntimeClientBuilder builder(LocalBedrock bedrock, String apiKey) {
		return BedrockRuntimeClient.builder()
			.endpointOverride(bedrock.endpoint())
			.region(Region.of(bedrock.defaultRegion()))
			.tokenProvider(StaticTokenProvider.create(() -> apiKey))
			.authSchemeProvider(BedrockRuntimeAuthSchemeProvider.defaultProvider(List.of(BEARER)));
	}

}
