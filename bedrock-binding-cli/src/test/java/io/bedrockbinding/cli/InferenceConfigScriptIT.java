package io.bedrockbinding.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockClients;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs {@code ./inference-config.sh} as a process, as a user does, against the shaded jar
 * that {@code package} built. Runs in {@code verify} (Failsafe), after the jar exists.
 */
class InferenceConfigScriptIT {

	private static final Path REPO_ROOT = Path.of(requiredProperty("inference-config.repo-root"))
		.toAbsolutePath()
		.normalize();

	private static final Path SCRIPT = REPO_ROOT.resolve("inference-config.sh");

	@TempDir
	Path folder;

	@BeforeAll
	static void theJarAndTheScriptExist() {
		assertThat(SCRIPT).as("the launcher script").isRegularFile().isExecutable();
		assertThat(Path.of(requiredProperty("inference-config.jar"))).as("the shaded jar (built by package)")
			.isRegularFile();
	}

	@Test
	void bindShowListAndValidateThroughTheScript() throws Exception {
		Path file = this.folder.resolve("inference.txt");
		Files.writeString(file, "# through the script\n");

		Run bind = run("", "--file", file.toString(), "bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
		assertThat(bind.exitCode()).as(bind.toString()).isZero();
		assertThat(bind.out()).isEqualTo("amazon.nova-pro-v1:0: direct -> us.amazon.nova-pro-v1:0 (" + file + ")\n");
		assertThat(bind.err()).isEmpty();
		assertThat(Files.readString(file))
			.isEqualTo("# through the script\namazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");

		Run show = run("", "show", "--file", file.toString());
		assertThat(show.exitCode()).as(show.toString()).isZero();
		assertThat(show.out()).startsWith("1. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0 (" + file + ":2)\n")
			.containsPattern("Total bound: 1/\\d+ models\n$");

		Run list = run("", "--json", "search", "nova-pro-v1:0", "--file", file.toString());
		assertThat(list.exitCode()).as(list.toString()).isZero();
		JsonNode json = JsonMapper.builder().build().readTree(list.out());
		assertThat(json.get("models").get(0).get("target").asString()).isEqualTo("us.amazon.nova-pro-v1:0");

		Files.writeString(file, "broken line\n", java.nio.file.StandardOpenOption.APPEND);
		Run validate = run("", "validate", "--file", file.toString());
		assertThat(validate.exitCode()).isEqualTo(1);
		assertThat(validate.out()).startsWith(file + ":3: error: no '=' in 'broken line'");
	}

	@Test
	void usageErrorsExitWith2() throws Exception {
		Run run = run("", "frobnicate");

		assertThat(run.exitCode()).isEqualTo(2);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("Unmatched argument at index 0: 'frobnicate'");
	}

	@Test
	void theInteractiveMenuEndsAtTheEndOfInput() throws Exception {
		Path file = this.folder.resolve("inference.txt");

		Run run = run("6\n", "--file", file.toString());

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("6. Show current bindings", "Total bound: 0/")
			.endsWith("Choose an option (1-7): \n");
		assertThat(run.err()).isEmpty();
	}

	@Test
	void discoverAgainstLocalBedrockLogsNothing() throws Exception {
		try (LocalBedrock bedrock = LocalBedrock.builder().build().start()) {
			String arn = bedrock.createApplicationProfile("script", "amazon.nova-lite-v1:0", "us-east-1");
			Path file = this.folder.resolve("inference.txt");

			Run run = run("", "discover", "--region", "us-east-1", "--endpoint-url", bedrock.endpoint().toString(),
					"--file", file.toString(), "--write");

			assertThat(run.exitCode()).as(run.toString()).isZero();
			assertThat(run.out()).startsWith("Inference profiles in us-east-1: ")
				.contains("amazon.nova-lite-v1:0: direct -> " + arn);
			// no SLF4J or SDK chatter: stderr only says that the file was created
			assertThat(run.err()).isEqualTo("Created " + file + " (a header and every catalog model, commented out)\n");
			assertThat(Files.readString(file)).contains("\namazon.nova-lite-v1:0=" + arn + "\n");
		}
	}

	@Test
	void aListThatLogsNothingDoesNotStartLogging() throws Exception {
		// a command that logs nothing does not pay for starting SLF4J (its cost on the
		// CLI's start is in benchmarks/README.md)
		Path file = this.folder.resolve("inference.txt");
		Files.writeString(file, "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n"
				+ "deepseek.r1-v1:0=arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0\n");
		Path classes = this.folder.resolve("classes.txt");

		Run run = run(SCRIPT, Map.of("INFERENCE_CONFIG_JAVA_OPTS", "-Xlog:class+load:file=" + classes), "", "list",
				"--region", "us-east-1", "--file", file.toString());

		assertThat(run.exitCode()).as(run.toString()).isZero();
		assertThat(run.out()).contains("amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0");
		String loaded = Files.readString(classes);
		// the file was read, through the class that writes it too
		assertThat(loaded).contains(" io.bedrockbinding.file.FileReplacer ")
			.doesNotContain(" org.slf4j.LoggerFactory ");
	}

	@Test
	void withoutTheJarTheScriptSaysHowToBuildIt() throws Exception {
		Path copy = this.folder.resolve("inference-config.sh");
		Files.copy(SCRIPT, copy);

		Run run = run(copy, "", "list");

		assertThat(run.exitCode()).isEqualTo(1);
		assertThat(run.out()).isEmpty();
		assertThat(run.err()).contains("inference-config.jar not found",
				"./mvnw -B -pl bedrock-binding-cli -am package -DskipTests");
	}

	private Run run(String stdin, String... args) throws Exception {
		return run(SCRIPT, stdin, args);
	}

	private Run run(Path script, String stdin, String... args) throws Exception {
		return run(script, Map.of(), stdin, args);
	}

	private Run run(Path script, Map<String, String> extraEnvironment, String stdin, String... args) throws Exception {
		List<String> command = new ArrayList<>();
		command.add(script.toString());
		command.addAll(List.of(args));
		ProcessBuilder builder = new ProcessBuilder(command).directory(this.folder.toFile());
		Map<String, String> environment = builder.environment();
		environment.keySet().removeIf((name) -> name.startsWith("AWS_") || name.equals("INFERENCE_CONFIG_JAVA_OPTS"));
		environment.put("JAVA_HOME", System.getProperty("java.home"));
		environment.put("AWS_ACCESS_KEY_ID", LocalBedrockClients.ACCESS_KEY_ID);
		environment.put("AWS_SECRET_ACCESS_KEY", LocalBedrockClients.SECRET_ACCESS_KEY);
		Path home = Files.createDirectories(this.folder.resolve("home"));
		environment.put("AWS_CONFIG_FILE", home.resolve("config").toString());
		environment.put("AWS_SHARED_CREDENTIALS_FILE", home.resolve("credentials").toString());
		environment.putAll(extraEnvironment);
		Process process = builder.start();
		CompletableFuture<String> out = read(process.getInputStream());
		CompletableFuture<String> err = read(process.getErrorStream());
		try (OutputStream in = process.getOutputStream()) {
			in.write(stdin.getBytes(StandardCharsets.UTF_8));
		}
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
			throw new AssertionError(command + " did not end within 120 s");
		}
		return new Run(process.exitValue(), out.get(10, TimeUnit.SECONDS), err.get(10, TimeUnit.SECONDS));
	}

	private static CompletableFuture<String> read(java.io.InputStream stream) {
		return CompletableFuture.supplyAsync(() -> {
			try (stream) {
				return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
			}
			catch (IOException ex) {
				throw new java.io.UncheckedIOException(ex);
			}
		});
	}

	private static String requiredProperty(String name) {
		String value = System.getProperty(name);
		if (value == null) {
			throw new IllegalStateException(name + " is not set: run this test through Maven (./mvnw verify)");
		}
		return value;
	}

	/**
	 * What one process did.
	 *
	 * @param exitCode its exit code
	 * @param out its stdout
	 * @param err its stderr
	 */
	record Run(int exitCode, String out, String err) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout:\n" + this.out + "\n--- stderr:\n" + this.err;
		}

	}

}
