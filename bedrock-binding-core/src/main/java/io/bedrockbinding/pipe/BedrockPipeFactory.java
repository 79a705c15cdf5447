package io.bedrockbinding.pipe;

import java.util.Objects;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.identifier.BedrockArn;
import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;

/**
 * Makes {@link BedrockPipe}s. Shares one registry, one account resolver and one SDK
 * client per region among all its pipes; closing the factory closes the clients.
 */
public final class BedrockPipeFactory implements AutoCloseable {

	private final PipeContext context;

	private BedrockPipeFactory(Builder builder) {
		BedrockArn.requireRegionName(builder.region, builder.hints.region());
		AccountResolver accounts = (builder.accounts != null) ? builder.accounts : AccountResolver.none(builder.hints);
		// Without a region of its own, the factory follows the registry's (a refresh may
		// change it).
		this.context = new PipeContext(builder.registry, builder.clients, accounts, builder.region,
				builder.onDemandFallback, builder.observer, builder.hints, builder.failover);
	}

	/**
	 * A builder of a factory. The timeouts of its calls are those of {@code clients}
	 * ({@link BedrockRuntimeClients.Builder#timeouts(PipeTimeouts)}).
	 * @param registry the bindings that pipes resolve
	 * @param clients the SDK clients that send the calls
	 * @return the builder
	 */
	public static Builder builder(BindingRegistry registry, BedrockRuntimeClients clients) {
		return new Builder(registry, clients);
	}

	/**
	 * A pipe for {@code modelId}, in the factory's region.
	 * @param modelId the foundation-model ID the application asks for
	 * @return the pipe
	 * @throws IllegalArgumentException if {@code modelId} is not a model ID
	 */
	public BedrockPipe pipe(String modelId) {
		return pipe(modelId, PipeOptions.DEFAULTS);
	}

	/**
	 * A pipe for {@code modelId} with {@code options}.
	 * @param modelId the foundation-model ID the application asks for
	 * @param options every setting of the pipe
	 * @return the pipe
	 * @throws IllegalArgumentException if {@code modelId} is not a model ID
	 */
	public BedrockPipe pipe(String modelId, PipeOptions options) {
		Objects.requireNonNull(modelId, "modelId is null");
		Objects.requireNonNull(options, "options is null: give PipeOptions.DEFAULTS for none");
		return new BedrockPipe(this.context, ModelIds.requireModelId(modelId), options);
	}

	/**
	 * Embeddings of {@code modelId} (Titan Text Embeddings, Cohere Embed), in the
	 * factory's region.
	 * @param modelId a text embedding model ID
	 * @return the embeddings
	 * @throws IllegalArgumentException for a model that is not a text embedding model
	 * {@link BedrockEmbeddings} speaks
	 */
	public BedrockEmbeddings embeddings(String modelId) {
		return BedrockEmbeddings.of(this.context,
				ModelIds.requireModelId(Objects.requireNonNull(modelId, "modelId is null")));
	}

	/**
	 * The registry pipes resolve in.
	 * @return the registry
	 */
	public BindingRegistry registry() {
		return this.context.registry;
	}

	/**
	 * The region pipes call unless told otherwise.
	 * @return the region ID, or null if none is known
	 */
	public @Nullable String region() {
		return this.context.defaultRegion();
	}

	/**
	 * The targets its pipes skip now because they keep throttling (see
	 * {@link FailoverSettings}).
	 * @return the factory's cooldown state
	 */
	public Cooldowns cooldowns() {
		return this.context.cooldowns;
	}

	/**
	 * Closes the SDK clients, then ends the streams still running and stops watching
	 * them; later calls fail at once. A call the close cuts off fails as such
	 * ({@link FailureReason#OTHER}, "The pipe's factory was closed while the call ran").
	 */
	@Override
	public void close() {
		// The clients first: while they close, the streams keep their timeouts, and what
		// the clock then ends is named as cut off by the close.
		this.context.clients.close();
		this.context.clock.close();
	}

	/** Configures a {@link BedrockPipeFactory}. */
	public static final class Builder {

		private final BindingRegistry registry;

		private final BedrockRuntimeClients clients;

		private @Nullable String region;

		private @Nullable AccountResolver accounts;

		private SettingHints hints = SettingHints.plain();

		private boolean onDemandFallback;

		private PipeObserver observer = PipeObserver.NONE;

		private FailoverSettings failover = FailoverSettings.DEFAULT;

		private Builder(BindingRegistry registry, BedrockRuntimeClients clients) {
			this.registry = Objects.requireNonNull(registry, "registry is null");
			this.clients = Objects.requireNonNull(clients, "clients is null");
		}

		/**
		 * The default region of pipes; default: the registry's region. {@link #build()}
		 * refuses a value that is not a region name at all
		 * ({@link BedrockArn#regionNameProblem}).
		 * @param region the region ID, or null for the registry's
		 * @return this builder
		 */
		public Builder region(@Nullable String region) {
			this.region = region;
			return this;
		}

		/**
		 * Fills {@code {account}} in targets; asked only when a target has one. Default:
		 * none, so that such a target fails with a message that says how to set it.
		 * @param accounts the account resolver
		 * @return this builder
		 */
		public Builder accountResolver(AccountResolver accounts) {
			this.accounts = Objects.requireNonNull(accounts, "accounts is null: leave it unset for none");
			return this;
		}

		/**
		 * Whether an on-demand refusal of a direct call is retried once with the region's
		 * geo profile (logged once per model). Off by default: a binding is the fix.
		 * @param onDemandFallback whether to retry with the geo profile
		 * @return this builder
		 */
		public Builder onDemandFallback(boolean onDemandFallback) {
			this.onDemandFallback = onDemandFallback;
			return this;
		}

		/**
		 * How the user sets what failures ask for (region, account ID, endpoint), in the
		 * words of the layer that configures the factory; default: SDK and builder words.
		 * @param hints the setting names for messages
		 * @return this builder
		 */
		public Builder settingHints(SettingHints hints) {
			this.hints = Objects.requireNonNull(hints, "hints is null: leave it unset for SettingHints.plain()");
			return this;
		}

		/**
		 * Observes every call (metrics).
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder observer(PipeObserver observer) {
			this.observer = Objects.requireNonNull(observer, "observer is null: leave it unset for none");
			return this;
		}

		/**
		 * How pipes fail over along a binding's targets: cooldowns and the SDK's attempts
		 * per target.
		 * @param failover the settings
		 * @return this builder
		 */
		public Builder failover(FailoverSettings failover) {
			this.failover = Objects.requireNonNull(failover,
					"failover is null: leave it unset for FailoverSettings.DEFAULT");
			return this;
		}

		/**
		 * The factory.
		 * @return the new factory
		 */
		public BedrockPipeFactory build() {
			return new BedrockPipeFactory(this);
		}

	}

}
