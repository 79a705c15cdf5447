package io.bedrockbinding.benchmarks.startup;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.bedrockbinding.benchmarks.startup.app.HarnessApplication;

/**
 * One run of a child process: its whole wall time (from just before the process is
 * created to its exit, as a user waiting for it sees it) and its output.
 *
 * @param wallMillis the process's wall time
 * @param output what it wrote on stdout and stderr
 */
record ChildRun(double wallMillis, String output) {

	private static final Pattern STARTED = Pattern.compile("Started \\S+ in (\\d+(?:\\.\\d+)?) seconds");

	private static final long TIMEOUT_SECONDS = 300;

	/**
	 * Runs a command to its end.
	 * @param command the command line
	 * @param environment variables to add to the harness's own
	 * @param directory the working directory
	 * @return the run
	 * @throws IllegalStateException if it does not end with exit code 0 in time
	 */
	static ChildRun run(List<String> command, Map<String, String> environment, Path directory)
			throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
		builder.environment().putAll(environment);
		long start = System.nanoTime();
		Process process = builder.start();
		byte[] output;
		try (InputStream in = process.getInputStream()) {
			output = in.readAllBytes();
		}
		if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new IllegalStateException("No exit after " + TIMEOUT_SECONDS + " s: " + command);
		}
		double wall = (System.nanoTime() - start) / 1e6;
		String text = new String(output, StandardCharsets.UTF_8);
		if (process.exitValue() != 0) {
			throw new IllegalStateException(
					"Exit code " + process.exitValue() + " from " + String.join(" ", command) + ":\n" + text);
		}
		return new ChildRun(wall, text);
	}

	/**
	 * The time Spring Boot logs in its "Started ... in N seconds" line.
	 * @return the milliseconds
	 * @throws IllegalStateException if the output has no such line
	 */
	double startedMillis() {
		Matcher matcher = STARTED.matcher(this.output);
		if (!matcher.find()) {
			throw new IllegalStateException("No 'Started ... in' line in:\n" + this.output);
		}
		return Double.parseDouble(matcher.group(1)) * 1000;
	}

	/**
	 * A value of the application's {@code HARNESS} line.
	 * @param key its name, e.g. {@code first-call-ms}
	 * @return the value as written
	 * @throws IllegalStateException if the output has no such value
	 */
	String reported(String key) {
		for (String line : this.output.split("\n")) {
			if (line.startsWith(HarnessApplication.REPORT)) {
				Matcher matcher = Pattern.compile("(?:^|\\s)" + Pattern.quote(key) + "=(\\S*)").matcher(line);
				if (matcher.find()) {
					return (key.equals("reply")) ? line.substring(line.indexOf("reply=") + 6).strip()
							: matcher.group(1);
				}
			}
		}
		throw new IllegalStateException("No " + key + " in the HARNESS line of:\n" + this.output);
	}

	/**
	 * A number of the application's {@code HARNESS} line.
	 * @param key its name
	 * @return the value
	 */
	double reportedMillis(String key) {
		return Double.parseDouble(reported(key));
	}

	/**
	 * How many lines of the output contain {@code text}.
	 * @param text what to look for
	 * @return the count
	 */
	long linesContaining(String text) {
		return this.output.lines().filter((line) -> line.contains(text)).count();
	}

}
