package io.bedrockbinding.account;

/**
 * The account ID could not be determined; the message says what was tried and the fix.
 */
public class AccountResolutionException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	public AccountResolutionException(String message) {
		super(message);
	}

	public AccountResolutionException(String message, Throwable cause) {
		super(message, cause);
	}

}
