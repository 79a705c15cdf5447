package io.bedrockbinding.account;

import java.util.Objects;
import java.util.Optional;

/** A configured account ID, validated once. */
public final class StaticAccountResolver implements AccountResolver {

	private final String accountId;

	/**
	 * A resolver that always answers {@code accountId}.
	 * @param accountId the 12-digit account ID
	 * @throws IllegalArgumentException if it is not 12 digits
	 */
	public StaticAccountResolver(String accountId) {
		this.accountId = Objects.requireNonNull(new ConfiguredAccountId(accountId).accountId());
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
