package io.bedrockbinding.pipe;

/**
 * A call was made after its {@link BedrockRuntimeClients} (with its factory) were closed,
 * typically during application shutdown. A type of its own so that the pipe can say so
 * plainly instead of "the call failed".
 */
final class ClientsClosedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	ClientsClosedException() {
		super("The Bedrock clients are closed (application shutting down?)");
	}

}
