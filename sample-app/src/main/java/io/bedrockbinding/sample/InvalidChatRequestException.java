package io.bedrockbinding.sample;

/** A chat request that lacks what a call needs; answered as a 400 problem. */
class InvalidChatRequestException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String fix;

	InvalidChatRequestException(String message, String fix) {
		super(message);
		this.fix = fix;
	}

	/**
	 * What the caller must change.
	 * @return the fix
	 */
	String fix() {
		return this.fix;
	}

}
