package io.bedrockbinding.pipe;

/**
 * One turn of an earlier conversation, sent before the prompt.
 *
 * @param role who said it
 * @param text what was said
 */
public record PipeMessage(Role role, String text) {

	public static PipeMessage user(String text) {
		return new PipeMessage(Role.USER, text);
	}

	public static PipeMessage assistant(String text) {
		return new PipeMessage(Role.ASSISTANT, text);
	}

	/** The Converse API's roles. */
	public enum Role {

		USER, ASSISTANT

	}

}
