package io.bedrockbinding.emulator;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Percent-decoding of raw paths, query strings and form bodies. The SDK encodes a whole
 * model ID or ARN as one path segment ({@code :} as {@code %3A}, {@code /} as
 * {@code %2F}), so the emulator reads the raw path and decodes each segment itself.
 */
final class UrlText {

	private UrlText() {
	}

	/**
	 * Decodes {@code %XX} escapes (UTF-8); {@code +} stays a plus, as in paths.
	 * @param raw the encoded path
	 * @return the decoded path
	 */
	static String decodePath(String raw) {
		return decode(raw, false);
	}

	/**
	 * Decodes a query string or form body into its parameters; the last value of a name
	 * wins.
	 * @param raw the encoded query or form body, if any
	 * @return the parameters by name
	 */
	static Map<String, String> parameters(@Nullable String raw) {
		Map<String, String> parameters = new LinkedHashMap<>();
		if (raw == null || raw.isEmpty()) {
			return parameters;
		}
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			parameters.put(decode(name, true), decode(value, true));
		}
		return parameters;
	}

	private static String decode(String raw, boolean plusIsSpace) {
		if (raw.indexOf('%') < 0 && !(plusIsSpace && raw.indexOf('+') >= 0)) {
			return raw;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		int i = 0;
		while (i < raw.length()) {
			char c = raw.charAt(i);
			if (c == '%' && i + 2 < raw.length() && isHex(raw.charAt(i + 1)) && isHex(raw.charAt(i + 2))) {
				bytes.write(Character.digit(raw.charAt(i + 1), 16) * 16 + Character.digit(raw.charAt(i + 2), 16));
				i += 3;
			}
			else if (c == '+' && plusIsSpace) {
				bytes.write(' ');
				i++;
			}
			else {
				int codePoint = raw.codePointAt(i);
				byte[] encoded = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8);
				bytes.write(encoded, 0, encoded.length);
				i += Character.charCount(codePoint);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

	private static boolean isHex(char c) {
		return Character.digit(c, 16) >= 0;
	}

}
