package io.bedrockbinding.cli;

import java.nio.file.Path;

import io.bedrockbinding.file.InferenceFile;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The commands that messages tell the user to run name the file the command ran on. */
class CommandHintTests {

	@Test
	void theDefaultFileNeedsNoFileOption() {
		Path defaultFile = InferenceFile.defaultLocation();

		assertThat(
				CommandHint.of(settings(defaultFile, null), "bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0"))
			.isEqualTo("inference-config bind amazon.nova-pro-v1:0 us.amazon.nova-pro-v1:0");
		assertThat(CommandHint.of(settings(defaultFile, defaultFile), "validate"))
			.isEqualTo("inference-config validate");
	}

	@Test
	void anotherFileIsNamedAsTheUserGaveIt() {
		Path given = Path.of("config", "inference.txt");

		assertThat(CommandHint.of(settings(given.toAbsolutePath(), given), "validate"))
			.isEqualTo("inference-config validate --file " + given);
	}

	@Test
	void aPathWithSpacesOrShellCharactersIsQuoted() {
		assertThat(CommandHint.quote("/tmp/my files/inference.txt")).isEqualTo("'/tmp/my files/inference.txt'");
		assertThat(CommandHint.quote("/tmp/$HOME;rm*")).isEqualTo("'/tmp/$HOME;rm*'");
		assertThat(CommandHint.quote("/tmp/it's.txt")).isEqualTo("'/tmp/it'\\''s.txt'");
		assertThat(CommandHint.quote("~/inference.txt")).isEqualTo("'~/inference.txt'");
		assertThat(CommandHint.quote("/tmp/a-b_c.d/inference.txt")).isEqualTo("/tmp/a-b_c.d/inference.txt");
		Path given = Path.of("/tmp/my files/inference.txt");
		assertThat(CommandHint.of(settings(given, given), "validate"))
			.isEqualTo("inference-config validate --file '/tmp/my files/inference.txt'");
	}

	private static Settings settings(Path file, @Nullable Path fileOption) {
		return new Settings(file, fileOption, null, null, null, null, false);
	}

}
