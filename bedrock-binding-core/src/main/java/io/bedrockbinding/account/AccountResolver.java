package io.bedrockbinding.account;

import java.util.Optional;
import java.util.function.Supplier;

import io.bedrockbinding.SettingHints;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Tells the AWS account ID. Implementations never call AWS when constructed; the
 * {@link StsAccountResolver} does so on the first {@link #accountId()} only when wrapped
 * in a {@link CachingAccountResolver}.
 */
@FunctionalInterface
public interface AccountResolver {

	/** The configured account ID that means "ask STS". */
	String AUTO = "auto";

	/**
	 * The account ID, 12 digits.
	 * @return the account ID
	 * @throws AccountResolutionException saying what was tried
	 */
	String accountId();

	/**
	 * The account ID if it is known without a call to AWS.
	 * @return the account ID, or empty if only a call would tell
	 */
	default Optional<String> knownAccountId() {
		return Optional.empty();
	}

	/**
	 * The resolver for a configured value: 12 digits are used as they are; {@code auto}
	 * or nothing means STS {@code GetCallerIdentity} on first need, cached.
	 * @param configured the configured account ID, {@code auto}, or null
	 * @param sts supplies the STS client when (and only when) it is first needed
	 * @return the resolver
	 * @throws IllegalArgumentException if {@code configured} is neither 12 digits nor
	 * {@code auto}
	 */
	static AccountResolver of(@Nullable String configured, Supplier<StsClient> sts) {
		return of(ConfiguredAccountId.parse(configured), sts, SettingHints.plain());
	}

	/**
	 * The resolver for a parsed configured value, with messages in the caller's words.
	 * @param configured the configured account ID or {@code auto}
	 * @param sts supplies the STS client when (and only when) it is first needed
	 * @param hints how the user sets the account ID, for the messages of failures
	 * @return a static resolver for a configured account, else a caching STS resolver
	 */
	static AccountResolver of(ConfiguredAccountId configured, Supplier<StsClient> sts, SettingHints hints) {
		String accountId = configured.accountId();
		if (accountId != null) {
			return new StaticAccountResolver(accountId);
		}
		return new CachingAccountResolver(new StsAccountResolver(sts, hints));
	}

	/**
	 * A resolver that knows no account: {@code {account}} targets fail with a clear
	 * message.
	 * @return the resolver
	 */
	static AccountResolver none() {
		return none(SettingHints.plain());
	}

	/**
	 * A resolver that knows no account, whose failure says how to configure it.
	 * @param hints how the user sets the account ID
	 * @return the resolver
	 */
	static AccountResolver none(SettingHints hints) {
		return () -> {
			throw new AccountResolutionException("No AWS account ID is configured: set " + hints.accountId()
					+ " to the 12-digit account or to 'auto' (STS)");
		};
	}

	/**
	 * Whether {@code text} is a 12-digit account ID.
	 * @param text the text to check
	 * @return true if it is exactly 12 ASCII digits
	 */
	static boolean isAccountId(String text) {
		return text.length() == 12 && text.chars().allMatch((c) -> c >= '0' && c <= '9');
	}

}
