package io.bedrockbinding.file;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the bytes of an inference file that is not plain UTF-8 are, for the messages that
 * say so: UTF-16, or the lines where UTF-8 breaks.
 */
final class FileEncoding {

	/** What a read and a write say of a UTF-16 file, after its path. */
	static final String UTF_16 = "is UTF-16 (a Windows editor's \"Unicode\"), not UTF-8";

	private FileEncoding() {
	}

	/**
	 * Why an edit does not rewrite a file that is not UTF-8, after {@code Cannot write
	 * PATH: }: writing UTF-8 into it would lose every binding (UTF-16 without a byte
	 * order mark is valid UTF-8 with NULs) or the bytes of the lines it cannot decode.
	 * @param bytes the whole file, UTF-16 or not valid UTF-8
	 * @return the reason and the fix
	 */
	static String notRewritten(byte[] bytes) {
		String what;
		if (isUtf16(bytes)) {
			what = UTF_16;
		}
		else {
			List<Integer> lines = undecodableLines(bytes);
			what = "is not valid UTF-8" + (lines.isEmpty() ? "" : " (" + ((lines.size() != 1) ? "lines " : "line ")
					+ String.join(", ", lines.stream().map(String::valueOf).toList()) + ")");
		}
		return what + "; not rewriting it, so that nothing is lost: save it as UTF-8 first";
	}

	/**
	 * Whether the bytes are UTF-16: its byte order mark, or, without one, the NUL byte
	 * beside every character of ASCII text (a stray NUL in a UTF-8 file only breaks its
	 * line).
	 * @param bytes the whole file
	 * @return whether they are UTF-16
	 */
	static boolean isUtf16(byte[] bytes) {
		if (bytes.length >= 2 && ((bytes[0] == (byte) 0xFE && bytes[1] == (byte) 0xFF)
				|| (bytes[0] == (byte) 0xFF && bytes[1] == (byte) 0xFE))) {
			return true;
		}
		return bytes.length >= 4 && bytes.length % 2 == 0 && (nulsAt(bytes, 1) || nulsAt(bytes, 0));
	}

	// Every other byte from first is NUL, and the others are not all NUL.
	private static boolean nulsAt(byte[] bytes, int first) {
		boolean text = false;
		for (int i = 0; i < bytes.length; i += 2) {
			if (bytes[i + first] != 0) {
				return false;
			}
			text |= bytes[i + 1 - first] != 0;
		}
		return text;
	}

	/**
	 * The lines whose bytes are not UTF-8, as lines are numbered (LF, CRLF or a lone CR
	 * ends one).
	 * @param bytes the whole file, not valid UTF-8
	 * @return their 1-based numbers, in order; empty if every line decodes
	 */
	static List<Integer> undecodableLines(byte[] bytes) {
		List<Integer> lines = new ArrayList<>();
		int line = 1;
		int start = 0;
		for (int i = 0; i <= bytes.length; i++) {
			boolean end = i == bytes.length || bytes[i] == '\n'
					|| (bytes[i] == '\r' && (i + 1 == bytes.length || bytes[i + 1] != '\n'));
			if (!end) {
				continue;
			}
			byte[] part = Arrays.copyOfRange(bytes, start, i);
			if (!Arrays.equals(new String(part, StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_8), part)) {
				lines.add(line);
			}
			line++;
			start = i + 1;
		}
		return lines;
	}

}
