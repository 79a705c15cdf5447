package io.bedrockbinding.identifier;

/**
 * Values in messages: inputs come from files, properties, the actuator and the network,
 * and a raw line break, NUL or terminal escape in a message would forge log lines or hide
 * what the value is. {@link InvalidTargetException} quotes its input so; every message
 * that shows a value it did not make should too.
 */
public final class Quoting {

	private Quoting() {
	}

	/**
	 * Writes control characters (NUL, tab, line breaks, ESC, DEL, C1 controls) as a
	 * backslash, 'u' and four hex digits, and everything else as it is.
	 * @param text the text
	 * @return the text with control characters escaped
	 */
	public static String escapeControls(String text) {
		StringBuilder escaped = new StringBuilder(text.length());
		for (char c : text.toCharArray()) {
			escaped.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
		}
		return escaped.toString();
	}

	/**
	 * The text in single quotes, its control characters escaped as
	 * {@link #escapeControls(String)} writes them.
	 * @param text the text
	 * @return the quoted text
	 */
	public static String quoted(String text) {
		return "'" + escapeControls(text) + "'";
	}

}
