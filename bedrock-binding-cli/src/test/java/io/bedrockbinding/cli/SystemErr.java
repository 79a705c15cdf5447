package io.bedrockbinding.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;

/**
 * What reaches {@link System#err} outside the command's own writer while a run goes on:
 * the log of core and the SDK, which the tool's jar prints there.
 */
final class SystemErr {

	private SystemErr() {
	}

	/**
	 * Runs {@code run} with {@link System#err} captured.
	 * @param run what to run
	 * @param captured where the text written to {@link System#err} goes
	 * @param <T> what the run gives
	 * @return what the run gave
	 */
	static <T> T capture(Supplier<T> run, StringBuilder captured) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		PrintStream saved = System.err;
		System.setErr(new PrintStream(bytes, true, StandardCharsets.UTF_8));
		try {
			return run.get();
		}
		finally {
			System.setErr(saved);
			captured.append(bytes.toString(StandardCharsets.UTF_8));
		}
	}

}
