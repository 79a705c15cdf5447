package io.bedrockbinding.emulator;

import java.util.Objects;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.BedrockClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.StsClientBuilder;

/**
 * Builds AWS SDK clients wired to one {@link LocalBedrock}: endpoint override, a region,
 * and fake static credentials (or a fake API key). The {@code ...Builder} methods return
 * the configured builder for further settings (a retry strategy, say); the others build
 * the client. The caller closes what it builds.
 *
 * <p>
 * The sync runtime client uses the SDK's default HTTP client (whichever is on the
 * classpath); the async one uses Netty with HTTP/1.1, which
 * {@code software.amazon.awssdk:netty-nio-client} must provide. The control plane client
 * needs {@code software.amazon.awssdk:bedrock}, the STS client
 * {@code software.amazon.awssdk:sts}; each method touches only its own SDK module, so the
 * others may be missing.
 */
public final class LocalBedrockClients {

	/** The access key ID of the fake credentials. */
	public static final String ACCESS_KEY_ID = "AKIALOCALBEDROCK0000";

	/** The secret key of the fake credentials. */
	public static final String SECRET_ACCESS_KEY = "local-bedrock-secret-access-key";

	private final LocalBedrock bedrock;

	private LocalBedrockClients(LocalBedrock bedrock) {
		this.bedrock = Objects.requireNonNull(bedrock, "bedrock");
	}

	/**
	 * Clients for {@code bedrock}, which must be running when a client is built.
	 * @param bedrock the emulator the clients call
	 * @return the clients' factory
	 */
	public static LocalBedrockClients of(LocalBedrock bedrock) {
		return new LocalBedrockClients(bedrock);
	}

	/**
	 * Static fake credentials: the emulator reads only the region of the signature.
	 * @return a provider of fixed access keys
	 */
	public static AwsCredentialsProvider credentials() {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY_ID, SECRET_ACCESS_KEY));
	}

	/**
	 * A configured builder of the sync runtime client for {@code region}.
	 * @param region the region the client signs for
	 * @return the builder, with endpoint and credentials set
	 */
	public BedrockRuntimeClientBuilder runtimeBuilder(String region) {
		return BedrockRuntimeClient.builder()
			.endpointOverride(this.bedrock.endpoint())
			.region(Region.of(region))
			.credentialsProvider(credentials());
	}

	/**
	 * The sync runtime client for {@code region}.
	 * @param region the region the client signs for
	 * @return a new client; the caller closes it
	 */
	public BedrockRuntimeClient runtime(String region) {
		return runtimeBuilder(region).build();
	}

	/**
	 * A configured builder of a sync runtime client that authenticates with a Bedrock API
	 * key (bearer token) instead of SigV4, as {@code AWS_BEARER_TOKEN_BEDROCK} makes the
	 * SDK do. The emulator answers such calls in its default region.
	 * @param apiKey the Bedrock API key sent as bearer token
	 * @return the builder, with endpoint and token set
	 */
	public BedrockRuntimeClientBuilder runtimeWithApiKeyBuilder(String apiKey) {
		return RuntimeApiKeyClients.builder(this.bedrock, apiKey);
	}

	/**
	 * The sync runtime client with a Bedrock API key; see
	 * {@link #runtimeWithApiKeyBuilder(String)}.
	 * @param apiKey the Bedrock API key sent as bearer token
	 * @return a new client; the caller closes it
	 */
	public BedrockRuntimeClient runtimeWithApiKey(String apiKey) {
		return runtimeWithApiKeyBuilder(apiKey).build();
	}

	/**
	 * A configured builder of the async runtime client for {@code region}: Netty,
	 * HTTP/1.1.
	 * @param region the region the client signs for
	 * @return the builder, with endpoint, credentials and HTTP client set
	 */
	public BedrockRuntimeAsyncClientBuilder runtimeAsyncBuilder(String region) {
		return AsyncRuntimeClients.builder(this.bedrock, region);
	}

	/**
	 * The async runtime client for {@code region}: Netty, HTTP/1.1.
	 * @param region the region the client signs for
	 * @return a new client; the caller closes it
	 */
	public BedrockRuntimeAsyncClient runtimeAsync(String region) {
		return runtimeAsyncBuilder(region).build();
	}

	/**
	 * A configured builder of the control plane client for {@code region}.
	 * @param region the region the client signs for
	 * @return the builder, with endpoint and credentials set
	 */
	public BedrockClientBuilder controlPlaneBuilder(String region) {
		return ControlPlaneClients.builder(this.bedrock, region);
	}

	/**
	 * The control plane client for {@code region}.
	 * @param region the region the client signs for
	 * @return a new client; the caller closes it
	 */
	public BedrockClient controlPlane(String region) {
		return controlPlaneBuilder(region).build();
	}

	/**
	 * A configured builder of the STS client for {@code region}.
	 * @param region the region the client signs for
	 * @return the builder, with endpoint and credentials set
	 */
	public StsClientBuilder stsBuilder(String region) {
		return StsClients.builder(this.bedrock, region);
	}

	/**
	 * The STS client for {@code region}.
	 * @param region the region the client signs for
	 * @return a new client; the caller closes it
	 */
	public StsClient sts(String region) {
		return stsBuilder(region).build();
	}

}
