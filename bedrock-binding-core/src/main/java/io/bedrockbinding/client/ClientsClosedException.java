package io.bedrockbinding.client;

/**
 * A client was asked of a {@link RegionalClients} pool after it was closed, typically
 * during application shutdown. A type of its own so that callers can say so plainly
 * instead of "the call failed".
 */
public class ClientsClosedException extends IllegalStateException {

	private static final long serialVersionUID = 1L;

	/** The exception with a message that says the clients are closed. */
	public ClientsClosedException() {
		super("The Bedrock clients are closed (application shutting down?)");
	}

}
