package io.bedrockbinding.cli;

import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.util.Map;

import io.bedrockbinding.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The command tree that {@code main} builds: only the command the arguments name, or all
 * of them when they name none, or one that needs the others.
 */
class CommandTreeTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', nullValues = "-",
			value = { "list|list", "--json list nova|list", "--region us-east-1 show|show",
					"--region=us-east-1 show amazon.nova-pro-v1:0|show", "--file list bind a b|bind",
					"--catalog show --json validate|validate", "-h|-", "--version|-", "''|-", "lsit|-", "-- list|-",
					"help list|help", "--bogus unbind x|unbind" })
	void theCommandIsTheFirstArgumentThatIsNoOptionNorAnOptionsValue(String commandLine, String expected) {
		CommandLine root = new CommandLine(new InferenceConfig(new ByteArrayInputStream(new byte[0])));

		assertThat(InferenceConfig.commandName(root.getCommandSpec(), args(commandLine))).isEqualTo(expected);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "--file list show|show", "--json search nova|search" })
	void aNamedCommandIsTheOnlyOneBuilt(String commandLine, String command) {
		assertThat(subcommands(commandLine)).containsOnlyKeys(command);
	}

	@ParameterizedTest
	@CsvSource({ "''", "--version", "help list", "completion", "lsit" })
	void otherwiseEveryCommandIsBuilt(String commandLine) {
		assertThat(subcommands(commandLine)).containsOnlyKeys(InferenceConfig.COMMANDS.keySet());
	}

	@Test
	void theOptionsOfTheToolReachTheOnlyCommand() {
		Cli.Result result = Cli.run("--json", "search", "nova", "--region", "us-east-1");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.json().get("region").asString()).isEqualTo("us-east-1");
	}

	private static Map<String, CommandLine> subcommands(String commandLine) {
		return InferenceConfig
			.commandLine(new ByteArrayInputStream(new byte[0]), Clock.systemUTC(), ModelCatalog::builtIn,
					args(commandLine))
			.getSubcommands();
	}

	private static String[] args(String commandLine) {
		return commandLine.isEmpty() ? new String[0] : commandLine.split(" ");
	}

}
