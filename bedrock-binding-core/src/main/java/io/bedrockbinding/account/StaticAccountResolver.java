package io.bedrockbinding.account;

import java.util.Optional;

/** A configured account ID, validated once. */
public final class StaticAccountResolver implements AccountResolver {

	private final String accountId;

	public StaticAccountResolver(String accountId) {
		if (!AccountResolver.isAccountId(accountId)) {
			throw new IllegalArgumentException("bedrock.binding.account-id must be 12 digits or 'auto', got '"
					+ accountId + "' (" + accountId.length() + " characters)");
		}
		this.accountId = accountId;
	}

	@Override
	public String accountId() {
		return this.accountId;
	}

	@Override
	public Optional<String> knownAccountId() {
		return Optional.of(this.accountId);
	}

}
