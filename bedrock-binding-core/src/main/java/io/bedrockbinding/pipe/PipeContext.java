package io.bedrockbinding.pipe;

import java.util.List;
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

	final FailoverSettings failover;

	final Cooldowns cooldowns;

	private final Set<String> fallbackLogged = ConcurrentHashMap.newKeySet();

	PipeContext(BindingRegistry registry, BedrockRuntimeClients clients, AccountResolver accounts,
			@Nullable String defaultRegion, boolean onDemandFallback, PipeObserver observer, SettingHints hints) {
		this(registry, clients, accounts, defaultRegion, onDemandFallback, observer, hints, FailoverSettings.DEFAULT);
	}

	PipeContext(BindingRegistry registry, BedrockRuntimeClients clients, AccountResolver accounts,
			@Nullable String defaultRegion, boolean onDemandFallback, PipeObserver observer, SettingHints hints,
			FailoverSettings failover) {
		this.registry = registry;
		this.clients = clients;
		this.accounts = accounts;
		this.defaultRegion = defaultRegion;
		this.onDemandFallback = onDemandFallback;
		this.observer = observer;
		this.hints = hints;
		this.timeouts = clients.timeouts();
		this.errors = new PipeErrors(registry, accounts, this.timeouts, hints, clients::isClosing);
		this.failover = failover;
		this.cooldowns = new Cooldowns(failover.cooldown(), failover.cooldownAfter(), failover.clock());
	}

	/**
	 * Resolves the binding now in force for a call from the pipe's region, or else the
	 * factory's (the registry re-derives a catalog or derived binding for that region):
	 * the hops the call tries, without the on-demand fallback's when it is off.
	 * @param modelId the model ID
	 * @param pipeRegion the pipe's own region, or {@code null} to use the factory's
	 * @return the call's chain
	 */
	TargetChain chain(String modelId, @Nullable String pipeRegion) {
		String region = (pipeRegion != null) ? pipeRegion : defaultRegion();
		if (region == null) {
			throw new BedrockPipeException(FailureReason.OTHER, modelId, null, null, null, null,
					"No region for " + modelId + ": nothing was sent",
					"set " + this.hints.region() + ", or give the pipe a region (withRegion)", null);
		}
		Resolution resolution = this.registry.resolve(modelId, region);
		List<Resolution.Hop> hops = resolution.hops();
		if (!this.onDemandFallback && hops.get(hops.size() - 1).appended()) {
			hops = resolution.boundHops();
		}
		return new TargetChain(this, modelId, resolution, hops);
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
	 * Where a call that tries one target goes (embeddings): the chain's first hop.
	 * @param modelId the model ID
	 * @param pipeRegion the pipe's own region, or {@code null} to use the factory's
	 * @return the route
	 */
	Route route(String modelId, @Nullable String pipeRegion) {
		TargetChain chain = chain(modelId, pipeRegion);
		return chain.firstRoute();
	}

	/**
	 * Where one hop of a call goes: its target with templates filled in.
	 * @param modelId the model ID
	 * @param resolution the call's resolution
	 * @param hop the hop
	 * @return the route
	 */
	Route route(String modelId, Resolution resolution, Resolution.Hop hop) {
		BindingTarget target = target(hop);
		if (hop.appended() && this.fallbackLogged.add(modelId)) {
			// the appended hop is tried after the bound targets failed, most often by an
			// on-demand refusal
			logger.warn("{} cannot be called on demand in {}; retrying with {} ({}). Bind it to stop this: {}={}",
					modelId, hop.region(), target.value(), this.hints.onDemandFallback(), modelId, target.value());
		}
		return new Route(modelId, resolution.binding(), target, hop.region(), resolution.onDemandFallback());
	}

	/**
	 * The target one hop calls, templates filled in: what its cooldown is recorded under.
	 * @param hop the hop
	 * @return the target as called
	 * @throws io.bedrockbinding.identifier.UnresolvedTemplateException when a value the
	 * target needs is not known
	 * @throws io.bedrockbinding.account.AccountResolutionException when the account ID it
	 * needs cannot be resolved
	 */
	BindingTarget target(Resolution.Hop hop) {
		BindingTarget target = hop.target();
		return target.hasTemplate()
				? target.resolve(new TemplateValues(this.accounts::accountId, hop.region(), this.hints)) : target;
	}

}
