package io.bedrockbinding.identifier;

/**
 * A target or model ID that cannot be used. The message names what is wrong and the whole
 * input: {@code account must be 12 digits, got '5213690049' in 'arn:aws:...'}.
 */
public class InvalidTargetException extends IllegalArgumentException {

	private static final long serialVersionUID = 1L;

	private final String input;

	private final String reason;

	public InvalidTargetException(String input, String reason) {
		super(Quoting.escapeControls(reason) + " in " + Quoting.quoted(input));
		this.input = input;
		this.reason = Quoting.escapeControls(reason);
	}

	/**
	 * The text that was parsed.
	 * @return the text that was parsed
	 */
	public String input() {
		return this.input;
	}

	/**
	 * What is wrong, without the input.
	 * @return what is wrong, without the input
	 */
	public String reason() {
		return this.reason;
	}

}
