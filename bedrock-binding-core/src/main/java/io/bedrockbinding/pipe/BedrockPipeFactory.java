package io.bedrockbinding.pipe;

import io.bedrockbinding.account.AccountResolver;
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
		String region = (builder.region != null) ? builder.region : builder.registry.region().orElse(null);
		this.context = new PipeContext(builder.registry, builder.clients, builder.accounts, region,
				builder.onDemandFallback, builder.observer);
	}

	public static Builder builder(BindingRegistry registry, BedrockRuntimeClients clients) {
		return new Builder(registry, clients);
	}

	/**
	 * A pipe for {@code modelId}, in the factory's region.
	 * @param modelId the model ID the pipe calls through its binding
	 * @return the pipe
	 */
	public BedrockPipe pipe(String modelId) {
		return new BedrockPipe(this.context, ModelIds.requireModelId(modelId));
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
		return BedrockEmbeddings.of(this.context, ModelIds.requireModelId(modelId));
	}

	public BindingRegistry registry() {
		return this.context.registry;
	}

	/**
	 * The region pipes call unless told otherwise.
	 * @return the region, or null when none is configured
	 */
	public @Nullable String region() {
		return this.context.defaultRegion;
	}

	@Override
	public void close() {
		this.context.clients.close();
	}

	/** Configures a {@link BedrockPipeFactory}. */
	public static final class Builder {

		private final BindingRegistry registry;

		private final BedrockRuntimeClients clients;

		private @Nullable String region;

		private AccountResolver accounts = AccountResolver.none();

		private boolean onDemandFallback;

		private PipeObserver observer = PipeObserver.NONE;

		private Builder(BindingRegistry registry, BedrockRuntimeClients clients) {
			this.registry = registry;
			this.clients = clients;
		}

		/**
		 * The default region of pipes; default: the registry's region.
		 * @param region the region, or null for the registry's
		 * @return this builder
		 */
		public Builder region(@Nullable String region) {
			this.region = region;
			return this;
		}

		/**
		 * Fills {@code {account}} in targets; asked only when a target has one.
		 * @param accounts the account resolver
		 * @return this builder
		 */
		public Builder accountResolver(AccountResolver accounts) {
			this.accounts = accounts;
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
		 * Observes every call (metrics).
		 * @param observer the observer
		 * @return this builder
		 */
		public Builder observer(PipeObserver observer) {
			this.observer = observer;
			return this;
		}

		public BedrockPipeFactory build() {
			return new BedrockPipeFactory(this);
		}

	}

}
