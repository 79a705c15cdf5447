package io.bedrockbinding.pipe;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.TemplateValues;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.Resolution;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** What every pipe of one factory shares: registry, clients, account, observer. */
final class PipeContext {

	private static final Logger logger = LoggerFactory.getLogger(BedrockPipe.class);

	final BindingRegistry registry;

	final BedrockRuntimeClients clients;

	final AccountResolver accounts;

	final @Nullable String defaultRegion;

	final boolean onDemandFallback;

	final PipeObserver observer;

	final PipeErrors errors;

	private final Set<String> fallbackLogged = ConcurrentHashMap.newKeySet();

	PipeContext(BindingRegistry registry, BedrockRuntimeClients clients, AccountResolver accounts,
			@Nullable String defaultRegion, boolean onDemandFallback, PipeObserver observer) {
		this.registry = registry;
		this.clients = clients;
		this.accounts = accounts;
		this.defaultRegion = defaultRegion;
		this.onDemandFallback = onDemandFallback;
		this.observer = observer;
		this.errors = new PipeErrors(registry, accounts);
	}

	/**
	 * Resolves the binding now in force for a call from the pipe's region, or else the
	 * factory's (the registry re-derives a catalog or derived binding for that region),
	 * and fills in the target's templates.
	 */
	Route route(String modelId, @Nullable String pipeRegion) {
		String region = (pipeRegion != null) ? pipeRegion : this.defaultRegion;
		if (region == null) {
			throw new IllegalStateException("No region for " + modelId
					+ ": set bedrock.binding.region (or AWS_REGION), or give the pipe a region");
		}
		Resolution resolution = this.registry.resolve(modelId, region);
		BindingTarget target = resolution.target();
		if (target.hasTemplate()) {
			target = target.resolve(new TemplateValues(this.accounts::accountId, region));
		}
		return new Route(modelId, resolution.binding(), target, resolution.region(), resolution.onDemandFallback());
	}

	/**
	 * The route to retry an on-demand refusal with: the geo profile of the call's region.
	 */
	@Nullable Route fallbackRoute(Route refused) {
		// The profile of the model that was called (a binding may have made it another
		// one), derived by the registry with the route.
		BindingTarget profile = refused.onDemandFallback().orElse(null);
		if (!this.onDemandFallback || profile == null) {
			return null;
		}
		if (this.fallbackLogged.add(refused.modelId())) {
			logger.warn(
					"{} cannot be called on demand in {}; retrying with {} (bedrock.binding.on-demand-fallback). "
							+ "Bind it to stop this: {}={}",
					refused.modelId(), refused.region(), profile.value(), refused.modelId(), profile.value());
		}
		return new Route(refused.modelId(), refused.binding(), profile, refused.region(), Optional.empty());
	}

}
