package io.bedrockbinding.pipe;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.SdkTokenProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.auth.scheme.BedrockRuntimeAuthSchemeProvider;

/**
 * One bedrock-runtime client per region, sync and async, each created on first use and
 * closed with this object. Pipes send each call to the client of the region its target
 * names.
 */
public final class BedrockRuntimeClients implements AutoCloseable {

	/**
	 * With a Bedrock API key, sign with it rather than with SigV4: a token provider alone
	 * is not used, since SigV4 comes first in the service's auth schemes. The name is
	 * spelled as AWS_AUTH_SCHEME_PREFERENCE spells it.
	 */
	private static final BedrockRuntimeAuthSchemeProvider BEARER_FIRST = BedrockRuntimeAuthSchemeProvider
		.defaultProvider(List.of("httpBearerAuth"));

	private final Map<String, BedrockRuntimeClient> sync = new ConcurrentHashMap<>();

	private final Map<String, BedrockRuntimeAsyncClient> async = new ConcurrentHashMap<>();

	private final @Nullable AwsCredentialsProvider credentials;

	private final @Nullable SdkTokenProvider tokenProvider;

	private final @Nullable URI endpoint;

	private final Consumer<BedrockRuntimeClientBuilder> syncCustomizer;

	private final Consumer<BedrockRuntimeAsyncClientBuilder> asyncCustomizer;

	private volatile boolean closed;

	private @Nullable SdkEventLoopGroup eventLoops;

	private BedrockRuntimeClients(Builder builder) {
		this.credentials = builder.credentials;
		this.tokenProvider = builder.tokenProvider;
		this.endpoint = builder.endpoint;
		this.syncCustomizer = builder.syncCustomizer;
		this.asyncCustomizer = builder.asyncCustomizer;
	}

	public static Builder builder() {
		return new Builder();
	}

	/** The sync client of {@code region}. */
	public BedrockRuntimeClient sync(String region) {
		BedrockRuntimeClient client = this.sync.get(region);
		return (client != null) ? client : this.sync.computeIfAbsent(checkOpen(region), this::createSync);
	}

	/** The async client of {@code region}. */
	public BedrockRuntimeAsyncClient async(String region) {
		BedrockRuntimeAsyncClient client = this.async.get(region);
		return (client != null) ? client : this.async.computeIfAbsent(checkOpen(region), this::createAsync);
	}

	/** The endpoint override, if any (e.g. LocalBedrock). */
	public @Nullable URI endpoint() {
		return this.endpoint;
	}

	private String checkOpen(String region) {
		if (this.closed) {
			throw new ClientsClosedException();
		}
		return region;
	}

	private BedrockRuntimeClient createSync(String region) {
		BedrockRuntimeClientBuilder builder = BedrockRuntimeClient.builder().region(Region.of(region));
		if (this.credentials != null) {
			builder.credentialsProvider(this.credentials);
		}
		if (this.tokenProvider != null) {
			builder.tokenProvider(this.tokenProvider).authSchemeProvider(BEARER_FIRST);
		}
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint);
		}
		this.syncCustomizer.accept(builder);
		return builder.build();
	}

	private synchronized SdkEventLoopGroup eventLoops() {
		if (this.eventLoops == null) {
			this.eventLoops = SdkEventLoopGroup.builder().build();
		}
		return this.eventLoops;
	}

	private BedrockRuntimeAsyncClient createAsync(String region) {
		BedrockRuntimeAsyncClientBuilder builder = BedrockRuntimeAsyncClient.builder().region(Region.of(region));
		if (this.credentials != null) {
			builder.credentialsProvider(this.credentials);
		}
		if (this.tokenProvider != null) {
			builder.tokenProvider(this.tokenProvider).authSchemeProvider(BEARER_FIRST);
		}
		// One event loop group for every region's client, shut down by close() without
		// Netty's
		// default two-second quiet period per client.
		NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder().eventLoopGroup(eventLoops());
		if (this.endpoint != null) {
			builder.endpointOverride(this.endpoint);
			if ("http".equalsIgnoreCase(this.endpoint.getScheme())) {
				// Plain-HTTP endpoints (emulators) speak HTTP/1.1; the async default is
				// HTTP/2.
				http.protocol(Protocol.HTTP1_1);
			}
		}
		builder.httpClientBuilder(http);
		this.asyncCustomizer.accept(builder);
		return builder.build();
	}

	@Override
	public void close() {
		this.closed = true;
		this.sync.values().forEach(BedrockRuntimeClient::close);
		this.async.values().forEach(BedrockRuntimeAsyncClient::close);
		this.sync.clear();
		this.async.clear();
		synchronized (this) {
			if (this.eventLoops != null) {
				this.eventLoops.eventLoopGroup().shutdownGracefully(0, 2, java.util.concurrent.TimeUnit.SECONDS);
				this.eventLoops = null;
			}
		}
	}

	/** Configures the clients; everything is optional (SDK default chains). */
	public static final class Builder {

		private @Nullable AwsCredentialsProvider credentials;

		private @Nullable SdkTokenProvider tokenProvider;

		private @Nullable URI endpoint;

		private Consumer<BedrockRuntimeClientBuilder> syncCustomizer = (builder) -> {
		};

		private Consumer<BedrockRuntimeAsyncClientBuilder> asyncCustomizer = (builder) -> {
		};

		private Builder() {
		}

		/** Credentials; default: the SDK's default chain. */
		public Builder credentialsProvider(@Nullable AwsCredentialsProvider credentials) {
			this.credentials = credentials;
			return this;
		}

		/**
		 * A Bedrock API key (bearer token) provider, used instead of SigV4 credentials.
		 * The SDK also picks up {@code AWS_BEARER_TOKEN_BEDROCK} by itself.
		 */
		public Builder tokenProvider(@Nullable SdkTokenProvider tokenProvider) {
			this.tokenProvider = tokenProvider;
			return this;
		}

		/** An endpoint override, e.g. {@code http://127.0.0.1:PORT} of LocalBedrock. */
		public Builder endpoint(@Nullable URI endpoint) {
			this.endpoint = endpoint;
			return this;
		}

		/** Customizes every sync client builder, after the settings above. */
		public Builder syncCustomizer(Consumer<BedrockRuntimeClientBuilder> customizer) {
			this.syncCustomizer = this.syncCustomizer.andThen(customizer);
			return this;
		}

		/** Customizes every async client builder, after the settings above. */
		public Builder asyncCustomizer(Consumer<BedrockRuntimeAsyncClientBuilder> customizer) {
			this.asyncCustomizer = this.asyncCustomizer.andThen(customizer);
			return this;
		}

		public BedrockRuntimeClients build() {
			return new BedrockRuntimeClients(this);
		}

	}

}
