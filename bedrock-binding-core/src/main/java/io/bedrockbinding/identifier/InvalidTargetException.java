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
		super(escapeControls(reason) + " in '" + escapeControls(input) + "'");
		this.input = input;
		this.reason = escapeControls(reason);
	}

	/**
	 * Writes control characters as a backslash, 'u' and four hex digits: inputs come from
	 * files, properties and the actuator, and a raw line break or terminal escape in a
	 * message would forge log lines.
	 * @param text the text
	 * @return the text with control characters escaped
	 */
	private static String escapeControls(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			escaped.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
		}
		return escaped.toString();
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
