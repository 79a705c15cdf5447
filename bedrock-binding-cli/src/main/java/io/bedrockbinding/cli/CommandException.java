package io.bedrockbinding.cli;

/**
 * A command that cannot do what was asked (an invalid model ID, an unwritable file, a
 * failed discovery): its message goes to stderr and the exit code is 1.
 */
final class CommandException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	CommandException(String message) {
		super(message);
	}

	CommandException(String message, Throwable cause) {
		super(message, cause);
	}

}
