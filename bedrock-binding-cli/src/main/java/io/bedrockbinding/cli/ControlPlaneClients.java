package io.bedrockbinding.cli;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.BedrockClientBuilder;

/**
 * The Bedrock control-plane clients discover uses, one per region: credentials of the
 * named AWS profile or the SDK's default chain (environment, system properties, the
 * default profile, container and instance roles), and the endpoint override, if any.
 */
final class ControlPlaneClients implements Function<String, BedrockClient>, AutoCloseable {

	private final @Nullable String profile;

	private final @Nullable URI endpoint;

	private final List<BedrockClient> clients = new ArrayList<>();

	ControlPlaneClients(@Nullable String profile, @Nullable URI endpoint) {
		this.profile = profile;
		this.endpoint = endpoint;
	}

	@Override
	public synchronized BedrockClient apply(String region) {
		BedrockClientBuilder builder = BedrockClient.builder()
			.region(Region.of(region))
			.credentialsProvider(credentials());
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint);
		}
		BedrockClient client = builder.build();
		this.clients.add(client);
		return client;
	}

	/**
	 * The region of the profile (or the SDK's region chain: AWS_REGION, aws.region,
	 * ~/.aws/config).
	 */
	Optional<String> defaultRegion() {
		try {
			DefaultAwsRegionProviderChain.Builder chain = DefaultAwsRegionProviderChain.builder();
			if (this.profile != null) {
				chain.profileName(this.profile);
			}
			return Optional.of(chain.build().getRegion().id());
		}
		catch (SdkClientException ex) {
			return Optional.empty();
		}
	}

	private AwsCredentialsProvider credentials() {
		if (this.profile != null) {
			return ProfileCredentialsProvider.builder().profileName(this.profile).build();
		}
		return DefaultCredentialsProvider.builder().build();
	}

	@Override
	public synchronized void close() {
		this.clients.forEach(BedrockClient::close);
		this.clients.clear();
	}

}
