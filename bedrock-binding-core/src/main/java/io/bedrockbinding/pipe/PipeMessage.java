package io.bedrockbinding.pipe;

/**
 * One turn of an earlier conversation, sent before the prompt.
 *
 * @param role who said it
 * @param text what was said
 */
public record PipeMessage(Role role, String text) {

	/**
	 * A turn of the user.
	 * @param text what the user said
	 * @return the message
	 */
	public static PipeMessage user(String text) {
		return new PipeMessage(Role.USER, text);
	}

	/**
	 * A turn of the model.
	 * @param text what the model answered
	 * @return the message
	 */
	public static PipeMessage assistant(String text) {
		return new PipeMessage(Role.ASSISTANT, text);
	}

	/** The Converse API's roles. */
	public enum Role {

		/** The user's turn. */
		USER,

		/** The model's turn. */
		ASSISTANT

	}

}
