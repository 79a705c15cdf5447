package io.bedrockbinding.autoconfigure;

import java.util.Optional;

import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.registry.BindingRegistry;

/**
 * The account the registry is configured with now, which a refresh of
 * {@code bedrock.binding.account-id} may change; else the resolver of an account that is
 * not configured (STS on first need, or one that says how to configure it).
 */
final class RegistryAccountResolver implements AccountResolver {

	private final BindingRegistry registry;

	private final AccountResolver unconfigured;

	RegistryAccountResolver(BindingRegistry registry, AccountResolver unconfigured) {
		this.registry = registry;
		this.unconfigured = unconfigured;
	}

	@Override
	public String accountId() {
		return this.registry.accountId().orElseGet(this.unconfigured::accountId);
	}

	@Override
	public Optional<String> knownAccountId() {
		return this.registry.accountId().or(this.unconfigured::knownAccountId);
	}

	@Override
	public String toString() {
		return "RegistryAccountResolver[" + this.unconfigured + "]";
	}

}
