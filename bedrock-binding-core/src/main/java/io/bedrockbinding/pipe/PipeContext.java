package io.bedrockbinding.pipe;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.TemplateValues;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
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

	private final SettingHints hints;

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
		this.errors = new PipeErrors(registry, accounts, hints);
	}

	/**
	 * Resolves the binding now in force. A catalog or derived binding is derived again
	 * when the call's region (the pipe's, or else the factory's) differs from the
	 * registry's: the geo profile must serve the region the call is sent from.
	 */
	Route route(String modelId, @Nullable String pipeRegion) {
		String region = (pipeRegion != null) ? pipeRegion : this.defaultRegion;
		if (region == null) {
			throw new IllegalStateException(
					"No region for " + modelId + ": set " + this.hints.region() + ", or give the pipe a region");
		}
		Binding binding = this.registry.resolve(modelId);
		BindingTarget target = binding.target();
		OriginKind origin = binding.origin().kind();
		// Compare the region the call goes to, not only a pipe override: a factory whose
		// region differs from the registry's must not send the registry region's profile.
		if ((origin == OriginKind.CATALOG || origin == OriginKind.DERIVED)
				&& !region.equals(this.registry.region().orElse(null))) {
			target = rederive(modelId, region);
		}
		if (target.hasTemplate()) {
			target = target.resolve(new TemplateValues(this.accounts::accountId, region));
		}
		return new Route(modelId, binding, target, target.region().orElse(region));
	}

	private BindingTarget rederive(String modelId, String region) {
		if (this.registry.derivesProfiles()
				&& this.registry.catalog().find(modelId).map((model) -> model.needsProfile(region)).orElse(false)) {
			return this.registry.derivedTarget(modelId, region).orElse(new BindingTarget.Direct(modelId));
		}
		return new BindingTarget.Direct(modelId);
	}

	/**
	 * The route to retry an on-demand refusal with: the geo profile of the call's region.
	 */
	@Nullable Route fallbackRoute(Route refused) {
		if (!this.onDemandFallback || !(refused.target() instanceof BindingTarget.Direct direct)) {
			return null;
		}
		// The profile of the model that was called, which a binding may have made another
		// one.
		BindingTarget profile = this.registry.derivedTarget(direct.modelId(), refused.region()).orElse(null);
		if (profile == null) {
			return null;
		}
		if (this.fallbackLogged.add(refused.modelId())) {
			logger.warn("{} cannot be called on demand in {}; retrying with {} ({}). Bind it to stop this: {}={}",
					refused.modelId(), refused.region(), profile.value(), this.hints.onDemandFallback(),
					refused.modelId(), profile.value());
		}
		return new Route(refused.modelId(), refused.binding(), profile, refused.region());
	}

}
