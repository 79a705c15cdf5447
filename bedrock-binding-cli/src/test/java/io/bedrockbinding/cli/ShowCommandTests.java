package io.bedrockbinding.cli;

import java.io.IOException;
import java.nio.file.Files;

import io.bedrockbinding.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** show: the bindings that are not direct, with their origin, and the count. */
class ShowCommandTests {

	private static final String BINDINGS = """
			# two bindings, one direct line
			amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0
			anthropic.claude-3-haiku-20240307-v1:0=

			deepseek.r1-v1:0=arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0
			""";

	private static final int CATALOG_SIZE = ModelCatalog.builtIn().size();

	@RegisterExtension
	final InferenceFileFixture inference = new InferenceFileFixture(BINDINGS);

	@Test
	void showListsTheBindingsThatAreNotDirectWithTheirFileLine() {
		Cli.Result result = this.inference.run("show");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		String path = this.inference.shown();
		assertThat(result.lines()).containsExactly(
				"1. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0 (" + path + ":2)",
				"2. deepseek.r1-v1:0 -> arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0 ("
						+ path + ":5)",
				"Total bound: 2/" + CATALOG_SIZE + " models");
	}

	@Test
	void aRegionTheSdkDoesNotKnowIsTheWarningValidateGives() {
		Cli.Result result = this.inference.run("show", "--region", "us-esat-1");
		Cli.Result validate = this.inference.run("validate", "--region", "us-esat-1");
		Cli.Result list = this.inference.run("list", "nova-pro-v1:0", "--region", "us-esat-1");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		String warning = "the region us-esat-1, from --region (or AWS_REGION), is not one the AWS SDK knows, so no profile "
				+ "is derived for it, no binding is checked against it and calls to it fail: check the spelling (a new "
				+ "region needs a newer SDK to be known)";
		assertThat(result.err()).isEqualTo("warning: " + warning + "\n");
		assertThat(validate.lines()).contains(this.inference.shown() + ": warning: " + warning);
		assertThat(list.err()).isEqualTo(result.err());
		assertThat(this.inference.run("show", "--region", "us-east-1").err()).isEmpty();
	}

	@Test
	void brokenLinesAreNamedWithTheValidateCommandOfThisFile() throws IOException {
		Files.writeString(this.inference.path(), "not a binding\n", java.nio.file.StandardOpenOption.APPEND);

		Cli.Result result = this.inference.run("show");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).isEqualTo("warning: " + this.inference.shown()
				+ " has 1 broken line, ignored here; to see them, run: inference-config validate --file "
				+ this.inference.path() + "\n");
	}

	@Test
	void aFileThatIsADirectoryIsNamedSoNotAsABrokenLine() throws IOException {
		Files.delete(this.inference.path());
		Files.createDirectory(this.inference.path());

		Cli.Result result = this.inference.run("show");

		assertThat(result.err()).isEqualTo(
				"warning: " + this.inference.shown() + ": is a directory, not a file: point the location at a file\n");
	}

	@Test
	void aPromptRouterIsShownAsOne() throws IOException {
		String router = "arn:aws:bedrock:us-east-1:111122223333:prompt-router/a1b2c3d4e5f6";
		Files.writeString(this.inference.path(), "amazon.nova-pro-v1:0=" + router + "\n");

		Cli.Result result = this.inference.run("show");
		Cli.Result json = this.inference.run("show", "--json");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines()).first()
			.isEqualTo("1. amazon.nova-pro-v1:0 -> " + router + " [prompt router] (" + this.inference.shown() + ":1)");
		assertThat(json.out()).contains("\"PROMPT_ROUTER_ARN\"");
	}

	@Test
	void aModelOutsideTheCatalogCountsToo() throws IOException {
		Files.writeString(this.inference.path(), "acme.rocket-v9:0=us.acme.rocket-v9:0\n");

		Cli.Result result = this.inference.run("show");

		assertThat(result.lines()).containsExactly(
				"1. acme.rocket-v9:0 -> us.acme.rocket-v9:0 (" + this.inference.shown() + ":1)",
				"Total bound: 1/" + (CATALOG_SIZE + 1) + " models");
	}

	@Test
	void withRegionTheDerivedProfilesAreShownWithTheirOrigin() {
		Cli.Result result = this.inference.run("--region", "us-east-1", "show");

		assertThat(result.exitCode()).isZero();
		assertThat(result.lines())
			.contains("1. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0 (" + this.inference.shown() + ":2)")
			.anyMatch((line) -> line.matches("\\d+\\. anthropic\\.claude-sonnet-4-20250514-v1:0 -> "
					+ "us\\.anthropic\\.claude-sonnet-4-20250514-v1:0 \\(derived: geo profile for us-east-1\\)"));
		assertThat(result.lines()).last()
			.asString()
			.startsWith("Total bound: ")
			.endsWith("/" + CATALOG_SIZE + " models");
	}

	@Test
	void anEmptyFileBindsNothing() throws IOException {
		Files.writeString(this.inference.path(), "# nothing yet\n");

		Cli.Result result = this.inference.run("show");

		assertThat(result.lines()).containsExactly(
				"No model is bound in " + this.inference.shown() + ": every model is called directly.",
				"Total bound: 0/" + CATALOG_SIZE + " models");
	}

	@Test
	void showAsJson() {
		Cli.Result result = this.inference.run("show", "--json");

		assertThat(result.exitCode()).isZero();
		JsonNode json = result.json();
		assertThat(json.get("bound").asInt()).isEqualTo(2);
		assertThat(json.get("total").asInt()).isEqualTo(CATALOG_SIZE);
		assertThat(json.get("region").isNull()).isTrue();
		JsonNode first = json.get("bindings").get(0);
		assertThat(first.get("index").asInt()).isEqualTo(1);
		assertThat(first.get("modelId").asString()).isEqualTo("amazon.nova-pro-v1:0");
		assertThat(first.get("target").asString()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(first.get("origin").asString()).isEqualTo("FILE");
		assertThat(first.get("source").asString()).isEqualTo(this.inference.shown() + ":2");
		assertThat(json.get("bindings").get(1).get("kind").asString()).isEqualTo("PROFILE_ARN");
	}

}
