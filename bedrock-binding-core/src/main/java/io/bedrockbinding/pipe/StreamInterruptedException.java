package io.bedrockbinding.pipe;

import org.jspecify.annotations.Nullable;

/**
 * A stream broke after text had reached the caller, and the SDK started it again from the
 * start: going on would hand the caller the same text twice.
 */
final class StreamInterruptedException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final int pieces;

	StreamInterruptedException(int pieces, @Nullable Throwable cause) {
		super("The stream broke after " + pieces + " pieces of text had reached the caller"
				+ ((cause != null) ? " (" + cause.getMessage() + ")" : ""), cause);
		this.pieces = pieces;
	}

	/**
	 * How many pieces of text the caller got before the break.
	 * @return the number of pieces
	 */
	int pieces() {
		return this.pieces;
	}

}
