package io.bedrockbinding.pipe;

import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.ClientsClosedException;
import io.bedrockbinding.client.RegionalClients;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.SdkTokenProvider;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

/**
 * One bedrock-runtime client per region, sync and async, each created on first use and
 * closed with this object. Pipes send each call to the client of the region its target
 * names. Every client is built from one {@link ClientSettings}.
 */
public final class BedrockRuntimeClients implements AutoCloseable {

	private final ClientSettings settings;

	private final Consumer<BedrockRuntimeClientBuilder> syncCustomizer;

	private final Consumer<BedrockRuntimeAsyncClientBuilder> asyncCustomizer;

	private final RegionalClients<BedrockRuntimeClient> sync;

	private final RegionalClients<BedrockRuntimeAsyncClient> async;

	private @Nullable SdkEventLoopGroup eventLoops;

	private boolean closed;

	private BedrockRuntimeClients(Builder builder) {
		this.settings = builder.settings;
		this.syncCustomizer = builder.syncCustomizer;
		this.asyncCustomizer = builder.asyncCustomizer;
		this.sync = new RegionalClients<>(this::createSync);
		this.async = new RegionalClients<>(this::createAsync);
	}

	/**
	 * A builder of clients that leave everything to the SDK's default chains.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The sync client of {@code region}, created on first use.
	 * @param region the region ID the call is sent to
	 * @return the region's sync client
	 * @throws ClientsClosedException if these clients are closed
	 */
	public BedrockRuntimeClient sync(String region) {
		return this.sync.get(region);
	}

	/**
	 * The async client of {@code region}, created on first use.
	 * @param region the region ID the call is sent to
	 * @return the region's async client
	 * @throws ClientsClosedException if these clients are closed
	 */
	public BedrockRuntimeAsyncClient async(String region) {
		return this.async.get(region);
	}

	/**
	 * The settings every client is built with.
	 * @return the client settings
	 */
	public ClientSettings settings() {
		return this.settings;
	}

	/**
	 * The endpoint override, if any (e.g. LocalBedrock).
	 * @return the endpoint override, or null for AWS's endpoints
	 */
	public @Nullable URI endpoint() {
		return this.settings.endpoint();
	}

	private BedrockRuntimeClient createSync(String region) {
		BedrockRuntimeClientBuilder builder = this.settings.withRegion(region).applyTo(BedrockRuntimeClient.builder());
		this.syncCustomizer.accept(builder);
		return builder.build();
	}

	private BedrockRuntimeAsyncClient createAsync(String region) {
		BedrockRuntimeAsyncClientBuilder builder = this.settings.withRegion(region)
			.applyTo(BedrockRuntimeAsyncClient.builder());
		// One event loop group for every region's client, shut down by close() without
		// Netty's default two-second quiet period per client.
		NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder().eventLoopGroup(eventLoops());
		if (this.settings.plainHttp()) {
			// Plain-HTTP endpoints (emulators) speak HTTP/1.1; the async default is
			// HTTP/2.
			http.protocol(Protocol.HTTP1_1);
		}
		builder.httpClientBuilder(http);
		this.asyncCustomizer.accept(builder);
		return builder.build();
	}

	private synchronized SdkEventLoopGroup eventLoops() {
		if (this.closed) {
			throw new ClientsClosedException();
		}
		if (this.eventLoops == null) {
			this.eventLoops = SdkEventLoopGroup.builder().build();
		}
		return this.eventLoops;
	}

	@Override
	public void close() {
		this.sync.close();
		this.async.close();
		synchronized (this) {
			this.closed = true;
			if (this.eventLoops != null) {
				this.eventLoops.eventLoopGroup().shutdownGracefully(0, 2, TimeUnit.SECONDS);
				this.eventLoops = null;
			}
		}
	}

	/** Configures the clients; everything is optional (SDK default chains). */
	public static final class Builder {

		private ClientSettings settings = ClientSettings.defaults();

		private Consumer<BedrockRuntimeClientBuilder> syncCustomizer = (builder) -> {
		};

		private Consumer<BedrockRuntimeAsyncClientBuilder> asyncCustomizer = (builder) -> {
		};

		private Builder() {
		}

		/**
		 * Every setting at once (the region of each client is the region it serves).
		 * @param settings the endpoint, credentials and API key of every client
		 * @return this builder
		 */
		public Builder settings(ClientSettings settings) {
			this.settings = settings;
			return this;
		}

		/**
		 * Credentials; default: the SDK's default chain.
		 * @param credentials the credentials provider, or null for the default chain
		 * @return this builder
		 */
		public Builder credentialsProvider(@Nullable AwsCredentialsProvider credentials) {
			this.settings = this.settings.withCredentialsProvider(credentials);
			return this;
		}

		/**
		 * A Bedrock API key (bearer token) provider, used instead of SigV4 credentials.
		 * The SDK also picks up {@code AWS_BEARER_TOKEN_BEDROCK} by itself.
		 * @param tokenProvider the token provider, or null for none
		 * @return this builder
		 */
		public Builder tokenProvider(@Nullable SdkTokenProvider tokenProvider) {
			this.settings = this.settings.withTokenProvider(tokenProvider);
			return this;
		}

		/**
		 * An endpoint override, e.g. {@code http://127.0.0.1:PORT} of LocalBedrock.
		 * @param endpoint the endpoint, or null for AWS's endpoints
		 * @return this builder
		 */
		public Builder endpoint(@Nullable URI endpoint) {
			this.settings = this.settings.withEndpoint(endpoint);
			return this;
		}

		/**
		 * Customizes every sync client builder, after the settings above.
		 * @param customizer called with each sync client's builder
		 * @return this builder
		 */
		public Builder syncCustomizer(Consumer<BedrockRuntimeClientBuilder> customizer) {
			this.syncCustomizer = this.syncCustomizer.andThen(customizer);
			return this;
		}

		/**
		 * Customizes every async client builder, after the settings above.
		 * @param customizer called with each async client's builder
		 * @return this builder
		 */
		public Builder asyncCustomizer(Consumer<BedrockRuntimeAsyncClientBuilder> customizer) {
			this.asyncCustomizer = this.asyncCustomizer.andThen(customizer);
			return this;
		}

		/**
		 * The clients, none of them created yet.
		 * @return the new clients
		 */
		public BedrockRuntimeClients build() {
			return new BedrockRuntimeClients(this);
		}

	}

}
