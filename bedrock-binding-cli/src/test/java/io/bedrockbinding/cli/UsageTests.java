package io.bedrockbinding.cli;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Help, version and usage errors (exit code 2). */
class UsageTests {

	@TempDir
	Path folder;

	@Test
	void helpNamesEveryCommandAndGlobalOption() {
		Cli.Result result = Cli.run("--help");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("Usage: inference-config", "--file=PATH", "--region=REGION",
				"--account-id=ACCOUNT", "--profile=NAME", "--endpoint-url=URL", "--json", "Exit codes:");
		for (String command : new String[] { "list", "search", "provider", "region", "bind", "unbind", "show",
				"validate", "discover", "completion", "help" }) {
			assertThat(result.out()).containsPattern("(?m)^  " + command + " ");
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "list", "search", "provider", "region", "bind", "unbind", "show", "validate", "discover" })
	void everyCommandHasHelp(String command) {
		Cli.Result result = Cli.run(command, "--help");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("Usage: inference-config " + command).contains("--file=PATH", "--json");
		assertThat(Cli.run("help", command).out()).isEqualTo(result.out());
	}

	@Test
	void helpNamesEveryApiDiscoverCallsAndEveryCommandTheAwsOptionsServe() {
		String discover = Cli.run("discover", "--help").out().replaceAll("\\s+", " ");
		String root = Cli.run("--help").out().replaceAll("\\s+", " ");

		assertThat(discover)
			.contains("(ListFoundationModels, ListInferenceProfiles, GetInferenceProfile, " + "ListPromptRouters)");
		assertThat(root).contains("discover and refresh-catalog ask this region",
				"The AWS profile whose credentials (and region) discover and refresh-catalog use",
				"The Bedrock endpoint discover and refresh-catalog call");
	}

	@Test
	void listingHelpExplainsWhatRegionDoesToTheTargets() {
		assertThat(Cli.run("list", "--help").out().replaceAll("\\s+", " "))
			.contains("With --region R, a model that needs an inference profile in R and is not bound in the file "
					+ "shows the geo profile an application in R derives");
	}

	@Test
	void versionComesFromTheManifestOrSaysDevelopmentBuild() {
		Cli.Result result = Cli.run("--version");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).startsWith("inference-config ");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "--help", "-h", "--version" })
	void anUnknownCommandIsAUsageErrorEvenWithHelp(String help) {
		Cli.Result result = help.isEmpty() ? Cli.run("lisst") : Cli.run("lisst", help);

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("Unmatched argument at index 0: 'lisst'",
				"Did you mean: inference-config list", "Try 'inference-config --help' for more information.");
	}

	@ParameterizedTest
	@ValueSource(booleans = { false, true })
	void anUnknownOptionIsAUsageErrorEvenWithHelp(boolean help) {
		String file = this.folder.resolve("f.txt").toString();
		Cli.Result result = help ? Cli.run("show", "--help", "--bogus", "--file", file)
				: Cli.run("show", "--bogus", "--file", file);

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unknown option: '--bogus'", "Try 'inference-config show --help'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "", " " })
	void anEmptyPathIsAUsageErrorNotTheWorkingFolder(String empty) {
		for (String[] args : new String[][] { { "--file", empty, "show" }, { "show", "--file=" + empty },
				{ "--catalog", empty, "list" }, { "refresh-catalog", "--out", empty } }) {
			Cli.Result result = Cli.run(args);

			assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
			assertThat(result.out()).isEmpty();
			assertThat(result.err()).as(String.join(" ", args))
				.containsPattern(
						"Invalid value for option '--(file|catalog|out)': '" + empty + "' is no path: give the "
								+ "path of a file \\(an empty value is often an unset shell variable\\)")
				.doesNotContain("is a directory");
		}
	}

	@Test
	void aMissingArgumentIsAUsageError() {
		Cli.Result result = Cli.run("bind");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Missing required parameter: 'MODEL'");
	}

	@Test
	void tooManyArgumentsAreAUsageError() {
		// bind takes any number of targets (a failover chain): unbind takes none
		Cli.Result result = Cli.run("unbind", "amazon.nova-pro-v1:0", "extra");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Unmatched argument", "'extra'");
	}

	@Test
	void aMalformedRegionIsAUsageError() {
		Cli.Result result = Cli.run("--region", "US East", "show", "--file", this.folder.resolve("f.txt").toString());

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Invalid value for option '--region': 'US East' is not a region");
	}

	@Test
	void aMalformedAccountIdIsAUsageError() {
		Cli.Result result = Cli.run("validate", "--account-id", "1234", "--file",
				this.folder.resolve("f.txt").toString());

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("'1234' is not 12 digits");
	}

	@Test
	void aMalformedEndpointIsAUsageError() {
		Cli.Result result = Cli.run("discover", "--endpoint-url", "localhost:4566", "--region", "us-east-1");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.err()).contains("Invalid value for option '--endpoint-url'");
	}

	@Test
	void jsonWithoutACommandIsAUsageError() {
		Cli.Result result = Cli.runWithInput("7\n", "--json");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).contains("--json needs a command");
	}

}
