package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import io.bedrockbinding.Severity;
import io.bedrockbinding.identifier.BindingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover chains in {@code inference.txt}: read, validated per element with the line,
 * and written back without loss.
 */
class InferenceFileChainTests {

	private static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";

	@TempDir
	Path dir;

	private InferenceFile write(String text) throws IOException {
		Path path = this.dir.resolve("inference.txt");
		Files.writeString(path, text, StandardCharsets.UTF_8);
		return new InferenceFile(path);
	}

	@Test
	void aLineMayListSeveralTargets() throws IOException {
		InferenceFileContent content = write("# chain\n" + SONNET + "=us." + SONNET + ", global." + SONNET + "\n")
			.read();

		FileEntry entry = content.bindings().get(SONNET);
		assertThat(entry.targets()).extracting(BindingTarget::value)
			.containsExactly("us." + SONNET, "global." + SONNET);
		assertThat(entry.target().value()).isEqualTo("us." + SONNET);
		assertThat(entry.line()).isEqualTo(2);
		assertThat(content.problems()).isEmpty();
	}

	@Test
	void aBrokenElementIsAProblemOfItsLineAndNoBinding() throws IOException {
		InferenceFileContent content = write(
				"amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n" + SONNET + "=us." + SONNET + ", not a target\n")
			.read();

		assertThat(content.bindings()).containsOnlyKeys("amazon.nova-pro-v1:0");
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(2);
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.message()).startsWith("target 2 of 2: target must be empty (direct)");
			assertThat(problem.toString()).contains("inference.txt:2");
		});
	}

	@Test
	void bindingAChainWritesItsTextFormAndReadsBackTheSameList() throws IOException {
		InferenceFile file = write("# keep me\n" + SONNET + "=us." + SONNET + "\n");

		file.bind(SONNET, "us." + SONNET + ",global." + SONNET);

		assertThat(Files.readString(file.path()))
			.isEqualTo("# keep me\n" + SONNET + "=us." + SONNET + ", global." + SONNET + "\n");
		assertThat(file.read().bindings().get(SONNET).targets()).extracting(BindingTarget::value)
			.containsExactly("us." + SONNET, "global." + SONNET);
	}

	@Test
	void anInvalidChainIsNotWritten() throws IOException {
		String original = SONNET + "=us." + SONNET + "\n";
		InferenceFile file = write(original);

		org.assertj.core.api.Assertions
			.assertThatExceptionOfType(io.bedrockbinding.identifier.InvalidTargetException.class)
			.isThrownBy(() -> file.bind(SONNET, "us." + SONNET + ",,global." + SONNET));
		assertThat(Files.readString(file.path())).isEqualTo(original);
	}

}
