package io.bedrockbinding.client;

import java.net.URI;
import java.util.List;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.SdkTokenProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeBaseClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;

/**
 * What every SDK client bedrock-binding builds shares: the endpoint override, the
 * credentials, the Bedrock API key and the region. Each value is optional; what is not
 * set is left to the SDK's own default chains. {@link #applyTo(AwsClientBuilder)} is the
 * one place that puts these settings on a client builder.
 *
 * @param endpoint an endpoint override (e.g. {@code http://127.0.0.1:PORT} of
 * LocalBedrock), or null for AWS's own endpoints
 * @param credentialsProvider the credentials, or null for the SDK's default chain
 * @param tokenProvider a Bedrock API key (bearer token) provider, used by bedrock-runtime
 * clients instead of SigV4, or null (the SDK still reads {@code AWS_BEARER_TOKEN_BEDROCK}
 * by itself)
 * @param region the region clients are built for, or null for the SDK's region chain
 */
public record ClientSettings(@Nullable URI endpoint, @Nullable AwsCredentialsProvider credentialsProvider,
		@Nullable SdkTokenProvider tokenProvider, @Nullable String region) {

	/**
	 * With a Bedrock API key, sign with it rather than with SigV4: a token provider alone
	 * is not used, since SigV4 comes first in the service's auth schemes. The name is
	 * spelled as AWS_AUTH_SCHEME_PREFERENCE spells it.
	 */
	private static final BedrockRuntimeAuthSchemeProvider BEARER_FIRST = BedrockRuntimeAuthSchemeProvider
		.defaultProvider(List.of("httpBearerAuth"));

	private static final ClientSettings DEFAULTS = new ClientSettings(null, null, null, null);

	/**
	 * Settings that leave everything to the SDK's default chains.
	 * @return settings with no value set
	 */
	public static ClientSettings defaults() {
		return DEFAULTS;
	}

	/**
	 * These settings with another endpoint override.
	 * @param endpoint the endpoint override, or null for AWS's own endpoints
	 * @return a copy with {@code endpoint}
	 */
	public ClientSettings withEndpoint(@Nullable URI endpoint) {
		return new ClientSettings(endpoint, this.credentialsProvider, this.tokenProvider, this.region);
	}

	/**
	 * These settings with other credentials.
	 * @param credentialsProvider the credentials, or null for the SDK's default chain
	 * @return a copy with {@code credentialsProvider}
	 */
	public ClientSettings withCredentialsProvider(@Nullable AwsCredentialsProvider credentialsProvider) {
		return new ClientSettings(this.endpoint, credentialsProvider, this.tokenProvider, this.region);
	}

	/**
	 * These settings with another Bedrock API key provider.
	 * @param tokenProvider the bearer-token provider, or null for none
	 * @return a copy with {@code tokenProvider}
	 */
	public ClientSettings withTokenProvider(@Nullable SdkTokenProvider tokenProvider) {
		return new ClientSettings(this.endpoint, this.credentialsProvider, tokenProvider, this.region);
	}

	/**
	 * These settings for another region.
	 * @param region the region, or null for the SDK's region chain
	 * @return a copy with {@code region}
	 */
	public ClientSettings withRegion(@Nullable String region) {
		return new ClientSettings(this.endpoint, this.credentialsProvider, this.tokenProvider, region);
	}

	/**
	 * Whether the endpoint override is plain HTTP, as an emulator's is: async clients
	 * must then speak HTTP/1.1 (their default is HTTP/2 over TLS).
	 * @return true if an {@code http:} endpoint override is set
	 */
	public boolean plainHttp() {
		return this.endpoint != null && "http".equalsIgnoreCase(this.endpoint.getScheme());
	}

	/**
	 * Puts these settings on a client builder of any AWS service: region, credentials and
	 * endpoint override when set; on a bedrock-runtime builder also the API key,
	 * preferred to SigV4. Values that are not set leave the builder as it is.
	 * @param <B> the builder type
	 * @param builder a builder of an SDK client (bedrock-runtime sync or async, Bedrock
	 * control plane, STS, ...)
	 * @return {@code builder}, for chaining
	 */
	public <B extends AwsClientBuilder<B, ?>> B applyTo(B builder) {
		if (this.region != null) {
			builder.region(Region.of(this.region));
		}
		if (this.credentialsProvider != null) {
			builder.credentialsProvider(this.credentialsProvider);
		}
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint);
		}
		if (this.tokenProvider != null && builder instanceof BedrockRuntimeBaseClientBuilder<?, ?> runtime) {
			runtime.tokenProvider(this.tokenProvider).authSchemeProvider(BEARER_FIRST);
		}
		return builder;
	}

	@Override
	public String toString() {
		// The providers may hold secrets: name only what is set.
		return "ClientSettings[endpoint=" + this.endpoint + ", credentialsProvider="
				+ ((this.credentialsProvider != null) ? "set" : "default chain") + ", tokenProvider="
				+ ((this.tokenProvider != null) ? "set" : "none") + ", region="
				+ ((this.region != null) ? this.region : "default chain") + "]";
	}

}
