package io.bedrockbinding.cli;

import java.net.URI;
import java.util.Optional;
import java.util.function.Function;

import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.RegionalClients;
import io.bedrockbinding.discovery.ProfileDiscovery;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;
import software.amazon.awssdk.services.bedrock.BedrockClient;

/**
 * The Bedrock control-plane clients discover uses, one per region, made once and closed
 * with this object: credentials of the named AWS profile or the SDK's default chain
 * (environment, system properties, the default profile, container and instance roles),
 * and the endpoint override, if any.
 */
final class ControlPlaneClients implements Function<String, BedrockClient>, AutoCloseable {

	private final @Nullable String profile;

	private final RegionalClients<BedrockClient> clients;

	ControlPlaneClients(@Nullable String profile, @Nullable URI endpoint) {
		this.profile = profile;
		ClientSettings settings = ClientSettings.defaults()
			.withEndpoint(endpoint)
			.withCredentialsProvider(
					(profile != null) ? ProfileCredentialsProvider.builder().profileName(profile).build() : null);
		this.clients = ProfileDiscovery.controlPlaneClients(settings);
	}

	@Override
	public BedrockClient apply(String region) {
		return this.clients.get(region);
	}

	/**
	 * The region of the profile (or the SDK's region chain: AWS_REGION, aws.region,
	 * ~/.aws/config).
	 * @return the default region, or empty if none is configured
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

	@Override
	public void close() {
		this.clients.close();
	}

}
