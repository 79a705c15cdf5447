package io.bedrockbinding.actuate.endpoint;

import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;

/**
 * Hides AWS account IDs in text shown to operators: the account field itself, the account
 * part of every ARN and an account named in a problem message.
 * <p>
 * An account ID is a run of exactly 12 digits that stands on its own or between ARN
 * separators. A run preceded by a letter, digit, {@code /}, {@code .}, {@code _} or
 * {@code -} is part of something else (a provisioned-model ID after its slash, a model
 * version) and is left alone.
 */
public final class AccountMask {

	/** What an account ID is replaced with. */
	public static final String MASK = "******";

	private static final Pattern ACCOUNT_ID = Pattern.compile("(?<![0-9A-Za-z/._-])\\d{12}(?![0-9A-Za-z])");

	/** A mask that leaves text as it is, for callers allowed to see values. */
	public static final AccountMask NONE = new AccountMask(false);

	/** A mask that hides every account ID. */
	public static final AccountMask ACCOUNTS = new AccountMask(true);

	private final boolean masking;

	private AccountMask(boolean masking) {
		this.masking = masking;
	}

	/**
	 * {@link #ACCOUNTS} unless values may be shown.
	 * @param showValues whether account IDs are shown unmasked
	 * @return {@link #ACCOUNTS} unless values may be shown
	 */
	public static AccountMask of(boolean showValues) {
		return showValues ? NONE : ACCOUNTS;
	}

	/**
	 * An account ID field: the whole value is replaced.
	 * @param accountId the account ID, or {@code null}
	 * @return {@link #MASK} for an account ID when masking, else the ID
	 */
	public @Nullable String account(@Nullable String accountId) {
		return (accountId != null && this.masking) ? MASK : accountId;
	}

	/**
	 * Free text (a target, an ARN, a message): every account ID in it is replaced.
	 * @param text the text to mask
	 * @return the text with every account ID masked, or as it is when values are shown
	 */
	public String text(String text) {
		return this.masking ? ACCOUNT_ID.matcher(text).replaceAll(MASK) : text;
	}

	/**
	 * A refused write operation, its message masked like everything else the endpoint
	 * answers.
	 * @param ex why the registry refused it
	 * @return the exception for the endpoint to throw
	 */
	InvalidEndpointRequestException refused(RuntimeException ex) {
		String message = text((ex.getMessage() != null) ? ex.getMessage() : ex.getClass().getSimpleName());
		return new InvalidEndpointRequestException(message, message, ex);
	}

}
