package io.bedrockbinding.file;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A second process for the file tests, started with the test class path.
 * <ul>
 * <li>{@code bind PATH PREFIX COUNT}: prints {@code ready}, waits for a line on stdin,
 * binds {@code COUNT} keys {@code PREFIX.model-N:0}, prints {@code done}.</li>
 * <li>{@code loop PATH KEYS}: binds {@code loop.model-(i % KEYS):0} to alternating
 * targets forever, printing the number of binds done after each one.</li>
 * <li>{@code once PATH MODEL TARGET}: binds once and prints {@code done}, or the message
 * of the {@code IOException} the bind failed with (and exits with 1).</li>
 * </ul>
 */
public final class BindProcessMain {

	private BindProcessMain() {
	}

	public static void main(String[] args) throws Exception {
		InferenceFile file = new InferenceFile(Path.of(args[1]));
		switch (args[0]) {
			case "bind" -> {
				String prefix = args[2];
				int count = Integer.parseInt(args[3]);
				System.out.println("ready");
				System.out.flush();
				new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
				for (int i = 0; i < count; i++) {
					String model = prefix + ".model-" + i + ":0";
					file.bind(model, "us." + model);
				}
				System.out.println("done");
				System.out.flush();
			}
			case "loop" -> {
				int keys = Integer.parseInt(args[2]);
				for (long i = 0;; i++) {
					String model = loopModel((int) (i % keys));
					file.bind(model, loopTarget(model, i / keys));
					System.out.println(i + 1);
					System.out.flush();
				}
			}
			case "once" -> {
				try {
					file.bind(args[2], args[3]);
					System.out.println("done");
				}
				catch (java.io.IOException ex) {
					System.out.println(ex.getMessage());
					System.out.flush();
					System.exit(1);
				}
			}
			default -> throw new IllegalArgumentException(args[0]);
		}
	}

	static String loopModel(int index) {
		return "loop.model-" + index + ":0";
	}

	/**
	 * Alternates between three target shapes round by round, so that every bind changes
	 * the file.
	 */
	static String loopTarget(String model, long round) {
		return switch ((int) (round % 3)) {
			case 0 -> "us." + model;
			case 1 -> "arn:aws:bedrock:us-east-1:111122223333:inference-profile/eu." + model;
			default -> "";
		};
	}

}
