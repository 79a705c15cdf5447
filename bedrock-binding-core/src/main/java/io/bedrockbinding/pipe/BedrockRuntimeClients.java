package io.bedrockbinding.pipe;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.SdkTokenProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
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

	private final PipeTimeouts timeouts;

	private volatile boolean closed;

	private @Nullable SdkEventLoopGroup eventLoops;

	private BedrockRuntimeClients(Builder builder) {
		this.credentials = builder.credentials;
		this.tokenProvider = builder.tokenProvider;
		this.endpoint = builder.endpoint;
		this.syncCustomizer = builder.syncCustomizer;
		this.asyncCustomizer = builder.asyncCustomizer;
		this.timeouts = builder.timeouts;
	}

	/**
	 * A builder of the clients.
	 * @return the builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The sync client of {@code region}.
	 * @param region the region the client signs for and calls
	 * @return the client, created on first use
	 * @throws IllegalStateException when these clients are closed
	 */
	public BedrockRuntimeClient sync(String region) {
		BedrockRuntimeClient client = this.sync.get(region);
		return (client != null) ? client : this.sync.computeIfAbsent(checkOpen(region), this::createSync);
	}

	/**
	 * The async client of {@code region}.
	 * @param region the region the client signs for and calls
	 * @return the client, created on first use
	 * @throws IllegalStateException when these clients are closed
	 */
	public BedrockRuntimeAsyncClient async(String region) {
		BedrockRuntimeAsyncClient client = this.async.get(region);
		return (client != null) ? client : this.async.computeIfAbsent(checkOpen(region), this::createAsync);
	}

	/**
	 * The timeouts the clients are built with, and that pipes bound streams with.
	 * @return the timeouts
	 */
	public PipeTimeouts timeouts() {
		return this.timeouts;
	}

	/**
	 * The endpoint override, if any (e.g. LocalBedrock).
	 * @return the endpoint, or {@code null} for AWS's
	 */
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
		builder.httpClientBuilder(Apache5HttpClient.builder()
			.connectionTimeout(this.timeouts.connect())
			.socketTimeout(this.timeouts.read()));
		this.syncCustomizer.accept(builder);
		builder.overrideConfiguration(withApiCallTimeout(builder.overrideConfiguration()));
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
		NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
			.eventLoopGroup(eventLoops())
			.connectionTimeout(this.timeouts.connect())
			.readTimeout(this.timeouts.read());
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
		builder.overrideConfiguration(withApiCallTimeout(builder.overrideConfiguration()));
		return builder.build();
	}

	/**
	 * The customizers' override configuration with the API-call timeout, unless they set
	 * one: applied after them, since an override configuration replaces the one before.
	 * @param configured the override configuration the customizers left
	 * @return it with the API-call timeout
	 */
	private ClientOverrideConfiguration withApiCallTimeout(ClientOverrideConfiguration configured) {
		return configured.apiCallTimeout().isPresent() ? configured
				: configured.toBuilder().apiCallTimeout(this.timeouts.apiCall()).build();
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
				// Wait until the event loops have ended: while they are shutting down
				// they
				// still take tasks that never run, and a late call of a closed client (or
				// a
				// channel released just after its call) would hang or log a
				// RejectedExecutionException instead of failing at once.
				this.eventLoops.eventLoopGroup()
					.shutdownGracefully(0, 2, TimeUnit.SECONDS)
					.awaitUninterruptibly(5, TimeUnit.SECONDS);
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

		private PipeTimeouts timeouts = PipeTimeouts.defaults();

		private Builder() {
		}

		/**
		 * Credentials; default: the SDK's default chain.
		 * @param credentials the credentials provider
		 * @return this builder
		 */
		public Builder credentialsProvider(@Nullable AwsCredentialsProvider credentials) {
			this.credentials = credentials;
			return this;
		}

		/**
		 * A Bedrock API key (bearer token) provider, used instead of SigV4 credentials.
		 * The SDK also picks up {@code AWS_BEARER_TOKEN_BEDROCK} by itself.
		 * @param tokenProvider the API key provider
		 * @return this builder
		 */
		public Builder tokenProvider(@Nullable SdkTokenProvider tokenProvider) {
			this.tokenProvider = tokenProvider;
			return this;
		}

		/**
		 * An endpoint override, e.g. {@code http://127.0.0.1:PORT} of LocalBedrock.
		 * @param endpoint the endpoint
		 * @return this builder
		 */
		public Builder endpoint(@Nullable URI endpoint) {
			this.endpoint = endpoint;
			return this;
		}

		/**
		 * The timeouts of model calls; default {@link PipeTimeouts#defaults()}. The
		 * connect and read timeouts go to the HTTP clients this object builds (a
		 * customizer that sets its own HTTP client sets its own timeouts), the API-call
		 * timeout to every client's override configuration, and the stream bounds to the
		 * pipes of factories over these clients.
		 * @param timeouts the timeouts
		 * @return this builder
		 */
		public Builder timeouts(PipeTimeouts timeouts) {
			this.timeouts = java.util.Objects.requireNonNull(timeouts, "timeouts");
			return this;
		}

		/**
		 * Customizes every sync client builder, after the settings above.
		 * @param customizer changes a sync client's builder
		 * @return this builder
		 */
		public Builder syncCustomizer(Consumer<BedrockRuntimeClientBuilder> customizer) {
			this.syncCustomizer = this.syncCustomizer.andThen(customizer);
			return this;
		}

		/**
		 * Customizes every async client builder, after the settings above.
		 * @param customizer changes an async client's builder
		 * @return this builder
		 */
		public Builder asyncCustomizer(Consumer<BedrockRuntimeAsyncClientBuilder> customizer) {
			this.asyncCustomizer = this.asyncCustomizer.andThen(customizer);
			return this;
		}

		/**
		 * Builds the clients (each SDK client is built on first use).
		 * @return the clients
		 */
		public BedrockRuntimeClients build() {
			return new BedrockRuntimeClients(this);
		}

	}

}
