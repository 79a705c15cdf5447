package io.bedrockbinding.pipe;

/**
 * The caller's stream callback ({@code onText} or {@code onEvent}) threw: the pipe ends
 * the stream with what it threw, rather than let it escape into the SDK's event stream
 * (which would report it as a failed HTTP request).
 */
final class StreamCallbackException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String callback;

	StreamCallbackException(String callback, int pieces, RuntimeException thrown) {
		super("The stream's " + callback + " callback threw on piece " + pieces + " of the reply: " + thrown
				+ "; the pipe ended the stream", thrown);
		this.callback = callback;
	}

	/**
	 * The callback that threw, as the pipe's methods name it.
	 * @return {@code onText} or {@code onEvent}
	 */
	String callback() {
		return this.callback;
	}

}
