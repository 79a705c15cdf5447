package io.bedrockbinding.account;

import java.util.function.Supplier;

import io.bedrockbinding.SettingHints;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Asks STS {@code GetCallerIdentity} on every call; wrap it in a
 * {@link CachingAccountResolver}.
 */
public final class StsAccountResolver implements AccountResolver {

	private final Supplier<StsClient> sts;

	private final SettingHints hints;

	/**
	 * A resolver whose failures speak of the SDK's and builders' settings.
	 * @param sts supplies the STS client, on each call
	 */
	public StsAccountResolver(Supplier<StsClient> sts) {
		this(sts, SettingHints.plain());
	}

	/**
	 * A resolver whose failures say how to set the account ID in the caller's words.
	 * @param sts supplies the STS client, on each call
	 * @param hints how the user sets the account ID
	 */
	public StsAccountResolver(Supplier<StsClient> sts, SettingHints hints) {
		this.sts = sts;
		this.hints = hints;
	}

	@Override
	public String accountId() {
		try {
			String account = this.sts.get().getCallerIdentity().account();
			if (account == null || !AccountResolver.isAccountId(account)) {
				throw new AccountResolutionException("STS GetCallerIdentity returned no valid account ID ('" + account
						+ "'); set " + this.hints.accountId() + " to the 12-digit account");
			}
			return account;
		}
		catch (SdkException ex) {
			throw new AccountResolutionException(
					"Could not determine the AWS account ID: " + this.hints.accountId() + " is "
							+ "'auto' (or not set), so STS GetCallerIdentity was called and failed: " + ex.getMessage()
							+ ". Fix the credentials, or set " + this.hints.accountId() + " to the 12-digit account",
					ex);
		}
	}

}
