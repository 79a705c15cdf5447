package io.bedrockbinding.cli;

import java.io.IOException;
import java.nio.file.Files;

import io.bedrockbinding.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** The menu without a command, fed through stdin. */
class InteractiveMenuTests {

	private static final String MENU = """
			1. List all models
			2. Search models
			3. List models by provider
			4. List models by region
			5. Bind a model to an inference profile
			6. Show current bindings
			7. Exit
			Choose an option (1-7):\s""";

	private static final String ORIGINAL = "# menu test\namazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n";

	@RegisterExtension
	final InferenceFileFixture inference = new InferenceFileFixture(ORIGINAL);

	@Test
	void showThenExit() {
		Cli.Result result = menu("6\n7\n");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("inference-config: Bedrock model bindings in " + this.inference.shown()
				+ "\n\n" + MENU + "1. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0 (" + this.inference.shown()
				+ ":2)\n" + "Total bound: 1/" + ModelCatalog.builtIn().size() + " models\n\n" + MENU + "Bye.\n");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void listAllModels() {
		Cli.Result result = menu("1\n7\n");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains(MENU + "1. ", "Total: " + ModelCatalog.builtIn().size() + " models\n");
	}

	@Test
	void searchProviderAndRegionAskForTheirArgument() {
		Cli.Result result = menu("2\nnova pro\n3\nmeta\n4\nus-east-1\n7\n");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains(MENU + "Search term: 1. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0\n",
				"Found: ", MENU + "Provider (e.g. amazon, anthropic, meta): 1. meta.",
				MENU + "Region (e.g. us-east-1): 1. ");
		assertThat(result.out()).containsPattern("Total: \\d+ models\n\n" + "1\\. List all models");
	}

	@Test
	void bindWritesTheFileAndShowSeesIt() throws IOException {
		Cli.Result result = menu("5\namazon.nova-lite-v1:0\nus.amazon.nova-lite-v1:0\n6\n7\n");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("Model ID: Target (profile ID or ARN; empty = direct): "
				+ "amazon.nova-lite-v1:0: direct -> us.amazon.nova-lite-v1:0 (" + this.inference.shown() + ")\n",
				// catalog order, as list shows them
				"1. amazon.nova-lite-v1:0 -> us.amazon.nova-lite-v1:0 (" + this.inference.shown() + ":3)\n"
						+ "2. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0 (" + this.inference.shown()
						+ ":2)\nTotal bound: 2/");
		assertThat(Files.readString(this.inference.path()))
			.isEqualTo(ORIGINAL + "amazon.nova-lite-v1:0=us.amazon.nova-lite-v1:0\n");
	}

	@Test
	void aRefusedBindIsReportedAndTheMenuGoesOn() throws IOException {
		Cli.Result result = menu("5\nnova\nus.amazon.nova-pro-v1:0\n6\n7\n");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).startsWith("error: model ID must look like");
		assertThat(result.out()).contains("Total bound: 1/").endsWith("Bye.\n");
		assertThat(Files.readString(this.inference.path())).isEqualTo(ORIGINAL);
	}

	@Test
	void anUnknownChoiceIsExplained() {
		Cli.Result result = menu("9\n7\n");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains(MENU + "Unknown option '9': choose 1 to 7.\n");
	}

	@Test
	void endOfInputAtTheMenuEndsCleanly() {
		Cli.Result result = menu("");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).endsWith(MENU + "\n");
		assertThat(result.err()).isEmpty();
	}

	@Test
	void endOfInputAfterAnActionEndsCleanly() {
		Cli.Result result = menu("6\n");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).contains("Total bound: 1/").endsWith(MENU + "\n");
	}

	@Test
	void endOfInputInTheMiddleOfABindEndsCleanlyAndWritesNothing() throws IOException {
		Cli.Result result = menu("5\namazon.nova-lite-v1:0\n");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).endsWith("Model ID: Target (profile ID or ARN; empty = direct): \n");
		assertThat(result.err()).isEmpty();
		assertThat(Files.readString(this.inference.path())).isEqualTo(ORIGINAL);
	}

	@Test
	void endOfInputAtASearchPromptEndsCleanly() {
		Cli.Result result = menu("2\n");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).endsWith("Search term: \n");
	}

	@Test
	void aLastLineWithoutNewlineIsStillRead() {
		Cli.Result result = menu("7");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).endsWith("Bye.\n");
	}

	private Cli.Result menu(String input) {
		return this.inference.runWithInput(input);
	}

}
