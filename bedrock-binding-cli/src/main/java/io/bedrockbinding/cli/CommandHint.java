package io.bedrockbinding.cli;

import java.nio.file.Path;
import java.util.regex.Pattern;

import io.bedrockbinding.file.InferenceFile;

/**
 * The commands of this tool that its messages tell the user to run ({@code fix:} lines,
 * the hint of a bind warning, "run 'inference-config validate'"): one home, so that each
 * edits or reads the file the command ran on. When that is not the default file, the hint
 * ends with {@code --file} and the path as the user gave it, quoted for a shell where it
 * needs to be.
 */
final class CommandHint {

	/** The name a user runs the tool by. */
	static final String PROGRAM = "inference-config";

	/** What a POSIX shell takes as one word without quotes, as Python's shlex does. */
	private static final Pattern SHELL_SAFE = Pattern.compile("[A-Za-z0-9_@%+=:,./-]+");

	private CommandHint() {
	}

	/**
	 * {@code inference-config ARGUMENT...}, with {@code --file PATH} when the settings
	 * name a file other than the default.
	 * @param settings the settings of the command that prints the hint
	 * @param arguments the command and its arguments, e.g. {@code bind MODEL TARGET}
	 * @return the command line, ready to be run in a shell
	 */
	static String of(Settings settings, String... arguments) {
		StringBuilder command = new StringBuilder(PROGRAM);
		for (String argument : arguments) {
			command.append(' ').append(quote(argument));
		}
		Path given = settings.fileOption();
		if (given != null && !isDefault(settings.file())) {
			command.append(" --file ").append(quote(given.toString()));
		}
		return command.toString();
	}

	/**
	 * A word as a POSIX shell reads it back: as it is when it holds only characters no
	 * shell treats specially, else in single quotes (a single quote in it as
	 * {@code '\''}).
	 * @param word the word
	 * @return the word, quoted if it needs to be
	 */
	static String quote(String word) {
		if (SHELL_SAFE.matcher(word).matches()) {
			return word;
		}
		return "'" + word.replace("'", "'\\''") + "'";
	}

	private static boolean isDefault(Path file) {
		return normalized(file).equals(normalized(InferenceFile.defaultLocation()));
	}

	private static Path normalized(Path path) {
		return path.toAbsolutePath().normalize();
	}

}
