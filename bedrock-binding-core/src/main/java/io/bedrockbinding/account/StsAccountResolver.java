package io.bedrockbinding.account;

import java.util.function.Supplier;

import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Asks STS {@code GetCallerIdentity} on every call; wrap it in a
 * {@link CachingAccountResolver}.
 */
public final class StsAccountResolver implements AccountResolver {

	private final Supplier<StsClient> sts;

	public StsAccountResolver(Supplier<StsClient> sts) {
		this.sts = sts;
	}

	@Override
	public String accountId() {
		try {
			String account = this.sts.get().getCallerIdentity().account();
			if (account == null || !AccountResolver.isAccountId(account)) {
				throw new AccountResolutionException("STS GetCallerIdentity returned no valid account ID ('" + account
						+ "'); set bedrock.binding.account-id to the 12-digit account");
			}
			return account;
		}
		catch (SdkException ex) {
			throw new AccountResolutionException(
					"Could not determine the AWS account ID: bedrock.binding.account-id is "
							+ "'auto' (or not set), so STS GetCallerIdentity was called and failed: " + ex.getMessage()
							+ ". Fix the credentials, or set bedrock.binding.account-id to the 12-digit account",
					ex);
		}
	}

}
