package io.bedrockbinding.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** The {@code completion} command's script, checked by a real bash. */
class CompletionCommandTests {

	@TempDir
	Path folder;

	@Test
	void theScriptCompletesEveryCommand() {
		Cli.Result result = Cli.run("completion");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("complete -F _complete_inference-config");
		for (String command : new String[] { "list", "search", "provider", "region", "bind", "unbind", "show",
				"validate", "discover", "refresh-catalog", "completion" }) {
			assertThat(result.out()).contains(command);
		}
	}

	@Test
	void bashSourcesTheScriptAndCompletesACommandName() throws Exception {
		Path script = this.folder.resolve("inference-config.bash");
		Files.writeString(script, Cli.run("completion").out());
		// Sources the script, then asks its completion function for "inference-config
		// va<TAB>".
		String probe = "source '" + script + "' && COMP_WORDS=(inference-config va) && COMP_CWORD=1 "
				+ "&& COMP_LINE='inference-config va' && COMP_POINT=${#COMP_LINE} "
				+ "&& _complete_inference-config && printf '%s\\n' \"${COMPREPLY[@]}\"";

		String out = bash(probe);

		assertThat(out.lines()).contains("validate");
	}

	@Test
	void helpTellsHowToInstallIt() {
		assertThat(Cli.run("completion", "--help").out()).contains("source <(inference-config completion)",
				"bashcompinit");
	}

	private static String bash(String command) throws IOException, InterruptedException {
		Process process = new ProcessBuilder("bash", "-c", command).redirectErrorStream(true).start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("bash finished").isTrue();
		assertThat(process.exitValue()).as(out).isZero();
		return out;
	}

}
