package io.bedrockbinding.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import io.bedrockbinding.catalog.ModelCatalog;
import picocli.CommandLine;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs {@code inference-config} in-process with captured stdout, stderr and a given
 * stdin.
 */
final class Cli {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private Cli() {
	}

	static Result run(String... args) {
		return runWithInput("", args);
	}

	static Result runWithInput(String stdin, String... args) {
		return run(Clock.systemUTC(), stdin, args);
	}

	/**
	 * Runs the tool with the models' lifecycle judged by {@code clock}.
	 * @param clock the clock
	 * @param args the command line
	 * @return what the run did
	 */
	static Result runAt(Clock clock, String... args) {
		return run(clock, "", args);
	}

	private static Result run(Clock clock, String stdin, String... args) {
		StringWriter out = new StringWriter();
		StringWriter err = new StringWriter();
		// as main() makes it: with only the command that args name, if they name one
		CommandLine commandLine = InferenceConfig.commandLine(
				new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)), clock, ModelCatalog::builtIn, args);
		commandLine.setOut(new PrintWriter(out, true));
		commandLine.setErr(new PrintWriter(err, true));
		int exitCode = commandLine.execute(args);
		return new Result(exitCode, normalize(out.toString()), normalize(err.toString()));
	}

	private static String normalize(String text) {
		return text.replace("\r\n", "\n");
	}

	/**
	 * What one run did.
	 *
	 * @param exitCode the exit code
	 * @param out stdout, with LF line ends
	 * @param err stderr, with LF line ends
	 */
	record Result(int exitCode, String out, String err) {

		List<String> lines() {
			return this.out.lines().toList();
		}

		JsonNode json() {
			return JSON.readTree(this.out);
		}

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout:\n" + this.out + "\n--- stderr:\n" + this.err;
		}

	}

}
