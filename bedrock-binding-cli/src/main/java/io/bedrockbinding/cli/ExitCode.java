package io.bedrockbinding.cli;

/** The exit codes of {@code inference-config}. */
final class ExitCode {

	/** Done; nothing wrong found. */
	static final int OK = 0;

	/**
	 * Problems found (validate) or the operation was refused (an invalid model ID, a
	 * failed write).
	 */
	static final int PROBLEMS = 1;

	/**
	 * The command line itself is wrong: an unknown command or option, a missing argument.
	 */
	static final int USAGE = 2;

	private ExitCode() {
	}

}
