package io.bedrockbinding.account;

import java.util.Optional;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Tells the AWS account ID. Implementations never call AWS when constructed; the
 * {@link StsAccountResolver} does so on the first {@link #accountId()} only when wrapped
 * in a {@link CachingAccountResolver}.
 */
@FunctionalInterface
public interface AccountResolver {

	/** The value of {@code bedrock.binding.account-id} that means "ask STS". */
	String AUTO = "auto";

	/**
	 * The account ID, 12 digits.
	 * @throws AccountResolutionException saying what was tried
	 */
	String accountId();

	/** The account ID if it is known without a call to AWS. */
	default Optional<String> knownAccountId() {
		return Optional.empty();
	}

	/**
	 * The resolver for a configured value: 12 digits are used as they are; {@code auto}
	 * or nothing means STS {@code GetCallerIdentity} on first need, cached.
	 * @param configured the configured account ID, {@code auto}, or null
	 * @param sts supplies the STS client when (and only when) it is first needed
	 */
	static AccountResolver of(@Nullable String configured, Supplier<StsClient> sts) {
		if (configured != null && !configured.isBlank() && !AUTO.equalsIgnoreCase(configured.strip())) {
			return new StaticAccountResolver(configured.strip());
		}
		return new CachingAccountResolver(new StsAccountResolver(sts));
	}

	/**
	 * A resolver that knows no account: {@code {account}} targets fail with a clear
	 * message.
	 */
	static AccountResolver none() {
		return () -> {
			throw new AccountResolutionException(
					"No AWS account ID is configured: set bedrock.binding.account-id to the 12-digit account or to 'auto' (STS)");
		};
	}

	/** Whether {@code text} is a 12-digit account ID. */
	static boolean isAccountId(String text) {
		return text.length() == 12 && text.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

}
