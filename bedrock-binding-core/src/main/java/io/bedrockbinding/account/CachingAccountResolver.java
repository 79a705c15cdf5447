package io.bedrockbinding.account;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * Asks its delegate once, on first need, and keeps the answer. A failure is not kept: the
 * next call tries again (credentials may have appeared meanwhile).
 */
public final class CachingAccountResolver implements AccountResolver {

	private final AccountResolver delegate;

	private volatile @Nullable String accountId;

	public CachingAccountResolver(AccountResolver delegate) {
		this.delegate = delegate;
	}

	@Override
	public String accountId() {
		String known = this.accountId;
		if (known != null) {
			return known;
		}
		synchronized (this) {
			if (this.accountId == null) {
				this.accountId = this.delegate.accountId();
			}
			return this.accountId;
		}
	}

	@Override
	public Optional<String> knownAccountId() {
		return Optional.ofNullable(this.accountId);
	}

}
