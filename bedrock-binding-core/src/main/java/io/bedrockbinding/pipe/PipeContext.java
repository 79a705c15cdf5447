package io.bedrockbinding.pipe;

import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.bedrockbinding.SettingHints;
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

	/**
	 * The factory's own region; {@code null}: the registry's, which a refresh may change.
	 */
	final @Nullable String defaultRegion;

	final boolean onDemandFallback;

	final PipeObserver observer;

	final PipeErrors errors;

	final PipeTimeouts timeouts;

	final StreamClock clock = new StreamClock();

	final SettingHints hints;

	private final Set<String> fallbackLogged = ConcurrentHashMap.newKeySet();

	PipeContext(BindingRegistry registry, BedrockRuntimeClients clients, AccountResolver accounts,
			@Nullable String defaultRegion, boolean onDemandFallback, PipeObserver observer, SettingHints hints) {
		this.registry = registry;
		this.clients = clients;
		this.accounts = accounts;
		this.defaultRegion = defaultRegion;
		this.onDemandFallback = onDemandFallback;
		this.observer = observer;
		this.hints = hints;
		this.timeouts = clients.timeouts();
		this.errors = new PipeErrors(registry, accounts, this.timeouts, hints);
	}

	/**
	 * Resolves the binding now in force for a call from the pipe's region, or else the
	 * factory's (the registry re-derives a catalog or derived binding for that region),
	 * and fills in the target's templates.
	 * @param modelId the model ID
	 * @param pipeRegion the pipe's own region, or {@code null} to use the factory's
	 * @return where the call goes
	 */
	Route route(String modelId, @Nullable String pipeRegion) {
		String region = (pipeRegion != null) ? pipeRegion : defaultRegion();
		if (region == null) {
			throw new IllegalStateException(
					"No region for " + modelId + ": set " + this.hints.region() + ", or give the pipe a region");
		}
		Resolution resolution = this.registry.resolve(modelId, region);
		BindingTarget target = resolution.target();
		if (target.hasTemplate()) {
			target = target.resolve(new TemplateValues(this.accounts::accountId, region, this.hints));
		}
		return new Route(modelId, resolution.binding(), target, resolution.region(), resolution.onDemandFallback());
	}

	/**
	 * The region pipes call unless told otherwise: the factory's, else the registry's
	 * now.
	 * @return the region, or {@code null} when none is known
	 */
	@Nullable String defaultRegion() {
		return (this.defaultRegion != null) ? this.defaultRegion : this.registry.region().orElse(null);
	}

	/**
	 * The route to retry an on-demand refusal with: the geo profile of the call's region.
	 * @param refused the route Bedrock refused
	 * @return the retry's route, or {@code null} when there is none (or fallback is off)
	 */
	@Nullable Route fallbackRoute(Route refused) {
		// The profile of the model that was called (a binding may have made it another
		// one), derived by the registry with the route.
		BindingTarget profile = refused.onDemandFallback().orElse(null);
		if (!this.onDemandFallback || profile == null) {
			return null;
		}
		if (this.fallbackLogged.add(refused.modelId())) {
			logger.warn("{} cannot be called on demand in {}; retrying with {} ({}). Bind it to stop this: {}={}",
					refused.modelId(), refused.region(), profile.value(), this.hints.onDemandFallback(),
					refused.modelId(), profile.value());
		}
		return new Route(refused.modelId(), refused.binding(), profile, refused.region(), Optional.empty());
	}

}
