package io.bedrockbinding.pipe;

import java.net.URI;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;

import io.bedrockbinding.InvalidSettingException;
import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.ClientsClosedException;
import io.bedrockbinding.client.RegionalClients;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.SdkTokenProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
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

	private final PipeTimeouts timeouts;

	private final RegionalClients<BedrockRuntimeClient> sync;

	private final RegionalClients<BedrockRuntimeAsyncClient> async;

	private @Nullable SharedEventLoops eventLoops;

	private boolean closed;

	// set first thing by close(): calls it cuts off are told why
	private volatile boolean closing;

	private BedrockRuntimeClients(Builder builder) {
		this.settings = builder.settings;
		this.syncCustomizer = builder.syncCustomizer;
		this.asyncCustomizer = builder.asyncCustomizer;
		this.timeouts = builder.timeouts;
		this.sync = new RegionalClients<>(builder.maxRegions, this::createSync);
		this.async = new RegionalClients<>(builder.maxRegions, this::createAsync);
	}

	/**
	 * A builder of clients that leave everything to the SDK's default chains.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	/**
	 * The sync client of {@code region}, created on first use. It may be closed when more
	 * regions than the limit are used; {@link #sync(String, Function)} guards a call
	 * against that.
	 * @param region the region ID the call is sent to
	 * @return the region's sync client
	 * @throws ClientsClosedException if these clients are closed
	 */
	public BedrockRuntimeClient sync(String region) {
		return this.sync.get(region);
	}

	/**
	 * Makes a call with the sync client of {@code region}, which stays open for the call
	 * even if the region's client is evicted meanwhile.
	 * @param <R> the result type
	 * @param region the region ID the call is sent to
	 * @param call the call
	 * @return what the call returned
	 * @throws ClientsClosedException if these clients are closed
	 */
	public <R> R sync(String region, Function<BedrockRuntimeClient, R> call) {
		return this.sync.call(region, call);
	}

	/**
	 * The async client of {@code region}, created on first use. It may be closed when
	 * more regions than the limit are used; {@link #async(String, Function)} guards a
	 * call against that.
	 * @param region the region ID the call is sent to
	 * @return the region's async client
	 * @throws ClientsClosedException if these clients are closed
	 */
	public BedrockRuntimeAsyncClient async(String region) {
		return this.async.get(region);
	}

	/**
	 * The timeouts the clients are built with, and that pipes bound streams with.
	 * @return the timeouts
	 */
	public PipeTimeouts timeouts() {
		return this.timeouts;
	}

	/**
	 * Starts a call with the async client of {@code region}, which stays open until the
	 * call's future completes even if the region's client is evicted meanwhile.
	 * @param <R> the result type
	 * @param region the region ID the call is sent to
	 * @param call starts the call
	 * @return the call's future
	 * @throws ClientsClosedException if these clients are closed
	 */
	public <R> CompletableFuture<R> async(String region,
			Function<BedrockRuntimeAsyncClient, CompletableFuture<R>> call) {
		return this.async.callAsync(region, call);
	}

	/**
	 * The regions that have a client now (sync or async).
	 * @return the region IDs
	 */
	public Set<String> regions() {
		Set<String> regions = new TreeSet<>(this.sync.regions());
		regions.addAll(this.async.regions());
		return regions;
	}

	/**
	 * How many regions may have a client at once (sync and async counted apart).
	 * @return the limit
	 */
	public int maxRegions() {
		return this.sync.maxClients();
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

	/**
	 * A new sync client built as this object's own clients are: the settings, an HTTP
	 * client with the connect and read timeouts, the customizers, the API-call timeout,
	 * then {@code last}. The caller owns the client and closes it.
	 * @param region the region the client serves, or null for the settings' region
	 * @param last applied to the builder after everything else (an interceptor that a
	 * customizer's new override configuration must not drop, say)
	 * @return the new client
	 */
	public BedrockRuntimeClient newSync(@Nullable String region, Consumer<BedrockRuntimeClientBuilder> last) {
		BedrockRuntimeClientBuilder builder = regional(region).applyTo(BedrockRuntimeClient.builder());
		builder.httpClientBuilder(Apache5HttpClient.builder()
			.connectionTimeout(this.timeouts.connect())
			.socketTimeout(this.timeouts.read()));
		this.syncCustomizer.accept(builder);
		builder.overrideConfiguration(withApiCallTimeout(builder.overrideConfiguration()));
		last.accept(builder);
		return builder.build();
	}

	/**
	 * A new async client built as this object's own clients are: the settings, a Netty
	 * client on the shared event loops with the connect and read timeouts (HTTP/1.1 for a
	 * plain-HTTP endpoint), the customizers, the API-call timeout, then {@code last}. The
	 * caller owns the client and closes it before this object, whose close ends the event
	 * loops.
	 * @param region the region the client serves, or null for the settings' region
	 * @param last applied to the builder after everything else
	 * @return the new client
	 * @throws ClientsClosedException if these clients are closed
	 */
	public BedrockRuntimeAsyncClient newAsync(@Nullable String region,
			Consumer<BedrockRuntimeAsyncClientBuilder> last) {
		ClientSettings regional = regional(region);
		BedrockRuntimeAsyncClientBuilder builder = regional.applyTo(BedrockRuntimeAsyncClient.builder());
		// One event loop group for every region's client, shut down by close() without
		// Netty's default two-second quiet period per client.
		NettyNioAsyncHttpClient.Builder http = NettyNioAsyncHttpClient.builder()
			.eventLoopGroup(eventLoops())
			.connectionTimeout(this.timeouts.connect())
			.readTimeout(this.timeouts.read());
		if (regional.plainHttp()) {
			// Plain-HTTP endpoints (emulators) speak HTTP/1.1; the async default is
			// HTTP/2.
			http.protocol(Protocol.HTTP1_1);
		}
		builder.httpClientBuilder(http);
		this.asyncCustomizer.accept(builder);
		builder.overrideConfiguration(withApiCallTimeout(builder.overrideConfiguration()));
		last.accept(builder);
		return builder.build();
	}

	private ClientSettings regional(@Nullable String region) {
		return (region != null) ? this.settings.withRegion(region) : this.settings;
	}

	private BedrockRuntimeClient createSync(String region) {
		return newSync(region, (builder) -> {
		});
	}

	private BedrockRuntimeAsyncClient createAsync(String region) {
		return newAsync(region, (builder) -> {
		});
	}

	/**
	 * Whether {@link #close()} has begun: a call that fails from now on may have been cut
	 * off by it.
	 * @return whether the clients are closing or closed
	 */
	boolean isClosing() {
		return this.closing;
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

	private synchronized SdkEventLoopGroup eventLoops() {
		if (this.closed) {
			throw new ClientsClosedException();
		}
		if (this.eventLoops == null) {
			this.eventLoops = new SharedEventLoops();
		}
		return this.eventLoops.group();
	}

	@Override
	public void close() {
		this.closing = true;
		this.sync.close();
		this.async.close();
		synchronized (this) {
			this.closed = true;
			if (this.eventLoops != null) {
				this.eventLoops.close();
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

		private PipeTimeouts timeouts = PipeTimeouts.defaults();

		private int maxRegions = RegionalClients.DEFAULT_MAX_CLIENTS;

		private Builder() {
		}

		/**
		 * How many regions may have a client at once (sync and async counted apart);
		 * beyond, the least recently used region's client is closed once its calls end.
		 * Each client has its own connections and threads. Default:
		 * {@value RegionalClients#DEFAULT_MAX_CLIENTS}.
		 * @param maxRegions the limit, at least 1
		 * @return this builder
		 * @throws IllegalArgumentException naming {@code maxRegions} if it is less than 1
		 */
		public Builder maxRegions(int maxRegions) {
			try {
				this.maxRegions = RegionalClients.checkMaxClients(maxRegions);
			}
			catch (InvalidSettingException ex) {
				throw new InvalidSettingException("maxRegions", ex.reason());
			}
			return this;
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
		 * The timeouts of model calls; default {@link PipeTimeouts#defaults()}. The
		 * connect and read timeouts go to the HTTP clients this object builds (a
		 * customizer that sets its own HTTP client sets its own timeouts), the API-call
		 * timeout to every client's override configuration, and the stream bounds to the
		 * pipes of factories over these clients.
		 * @param timeouts the timeouts
		 * @return this builder
		 */
		public Builder timeouts(PipeTimeouts timeouts) {
			this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
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
