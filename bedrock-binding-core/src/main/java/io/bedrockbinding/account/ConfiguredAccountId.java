package io.bedrockbinding.account;

import java.util.Locale;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A configured AWS account ID, parsed once: 12 digits, or {@link AccountResolver#AUTO
 * auto} (also when unset or blank) to ask STS when an account is first needed. The one
 * parser of a configured account ID; its error names the setting the value came from.
 *
 * @param accountId the 12-digit account ID, or null for "ask STS"
 */
public record ConfiguredAccountId(@Nullable String accountId) {

	private static final ConfiguredAccountId AUTO = new ConfiguredAccountId(null);

	/**
	 * Checks the account ID.
	 * @param accountId the 12-digit account ID, or null for "ask STS"
	 * @throws IllegalArgumentException if {@code accountId} is not 12 digits
	 */
	public ConfiguredAccountId {
		if (accountId != null && !AccountResolver.isAccountId(accountId)) {
			throw new IllegalArgumentException(message("the account ID", accountId));
		}
	}

	/**
	 * The configured value as a plain-Java caller names it.
	 * @param value the value: 12 digits (surrounding whitespace ignored), {@code auto},
	 * blank or null
	 * @return the parsed value
	 * @throws IllegalArgumentException if the value is neither 12 digits nor {@code auto}
	 */
	public static ConfiguredAccountId parse(@Nullable String value) {
		return parse(value, "the account ID");
	}

	/**
	 * The configured value, with errors that name where it came from.
	 * @param value the value: 12 digits (surrounding whitespace ignored), {@code auto}
	 * (any case), blank or null
	 * @param setting what the value is called where the user set it, for the error
	 * message (e.g. a property or option name)
	 * @return the parsed value
	 * @throws IllegalArgumentException naming {@code setting} if the value is neither 12
	 * digits nor {@code auto}
	 */
	public static ConfiguredAccountId parse(@Nullable String value, String setting) {
		String stripped = (value != null) ? value.strip() : "";
		if (stripped.isEmpty() || AccountResolver.AUTO.equals(stripped.toLowerCase(Locale.ROOT))) {
			return AUTO;
		}
		if (!AccountResolver.isAccountId(stripped)) {
			throw new IllegalArgumentException(message(setting, stripped));
		}
		return new ConfiguredAccountId(stripped);
	}

	/**
	 * Whether the account is to be asked of STS.
	 * @return true for {@code auto}, blank or unset
	 */
	public boolean auto() {
		return this.accountId == null;
	}

	/**
	 * The configured account, if it is known without a call to AWS.
	 * @return the 12-digit account ID, or empty for {@code auto}
	 */
	public Optional<String> known() {
		return Optional.ofNullable(this.accountId);
	}

	private static String message(String setting, String value) {
		return setting + " must be 12 digits or 'auto', got '" + value + "' (" + value.length() + " characters)";
	}

}
