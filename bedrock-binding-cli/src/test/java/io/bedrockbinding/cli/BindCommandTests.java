package io.bedrockbinding.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * bind and unbind: in place, comments kept, invalid input refused with the file
 * untouched.
 */
class BindCommandTests {

	private static final String ORIGINAL = """
			# production bindings
			# owner: platform team

			amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0
			# Claude goes through the us profile
			anthropic.claude-3-haiku-20240307-v1:0=us.anthropic.claude-3-haiku-20240307-v1:0
			""";

	@TempDir
	Path folder;

	private Path file;

	@BeforeEach
	void writeFile() throws IOException {
		this.file = this.folder.resolve("inference.txt");
		Files.writeString(this.file, ORIGINAL);
	}

	@Test
	void bindRewritesTheLineInPlaceAndKeepsEveryComment() throws IOException {
		Cli.Result result = Cli.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", "--file",
				this.file.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out())
			.isEqualTo("amazon.nova-pro-v1:0: eu.amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0 (" + path() + ")\n");
		assertThat(result.err()).isEmpty();
		assertThat(Files.readString(this.file))
			.isEqualTo(ORIGINAL.replace("=eu.amazon.nova-pro-v1:0", "=us.amazon.nova-pro-v1:0"));
	}

	@Test
	void bindAppendsANewModelAndSaysItWasDirect() throws IOException {
		Cli.Result result = Cli.run("--file", this.file.toString(), "bind", "amazon.titan-embed-text-v2:0",
				"arn:aws:bedrock:us-east-1:{account}:application-inference-profile/a1b2c3d4e5f6");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("amazon.titan-embed-text-v2:0: direct -> "
				+ "arn:aws:bedrock:us-east-1:{account}:application-inference-profile/a1b2c3d4e5f6 (" + path() + ")\n");
		assertThat(Files.readString(this.file)).isEqualTo(ORIGINAL
				+ "amazon.titan-embed-text-v2:0=arn:aws:bedrock:us-east-1:{account}:application-inference-profile/a1b2c3d4e5f6\n");
	}

	@Test
	void bindWithoutTargetBindsDirect() throws IOException {
		Cli.Result result = Cli.run("bind", "anthropic.claude-3-haiku-20240307-v1:0", "--file", this.file.toString());

		assertThat(result.exitCode()).isZero();
		assertThat(result.out())
			.isEqualTo("anthropic.claude-3-haiku-20240307-v1:0: us.anthropic.claude-3-haiku-20240307-v1:0"
					+ " -> direct (" + path() + ")\n");
		assertThat(Files.readString(this.file))
			.isEqualTo(ORIGINAL.replace("=us.anthropic.claude-3-haiku-20240307-v1:0", "="));
	}

	@Test
	void bindingTheSameTargetAgainChangesNothing() throws IOException {
		Cli.Result result = Cli.run("bind", "amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0", "--file",
				this.file.toString());

		assertThat(result.exitCode()).isZero();
		assertThat(result.out())
			.isEqualTo("amazon.nova-pro-v1:0: unchanged, already eu.amazon.nova-pro-v1:0 (" + path() + ")\n");
		assertThat(Files.readString(this.file)).isEqualTo(ORIGINAL);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			textBlock = """
					not-a-model-id                 | us.amazon.nova-pro-v1:0                                    | model ID must look like provider.name
					us.amazon.nova-pro-v1:0        | us.amazon.nova-pro-v1:0                                    | is a geo profile prefix
					amazon.nova-pro-v1:0           | arn:aws:bedrock:us-east-1:12345:inference-profile/us.x-v1:0 | account must be 12 digits
					amazon.nova-pro-v1:0           | arn:aws:s3:::my-bucket                                     | arn:aws:s3:::my-bucket
					amazon.nova-pro-v1:0           | not a target                                               | target must be empty (direct)
					amazon.nova-pro-v1:0           | {account}.nova                                             | templates {account} and {region} are allowed only inside an ARN
					""")
	void invalidModelOrTargetIsRefusedAndTheFileIsNotTouched(String model, String target, String message)
			throws IOException {
		byte[] before = Files.readAllBytes(this.file);
		long modified = Files.getLastModifiedTime(this.file).toMillis();

		Cli.Result result = Cli.run("bind", model, target, "--file", this.file.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("error: ").contains(message).contains("nothing was written");
		assertThat(Files.readAllBytes(this.file)).isEqualTo(before);
		assertThat(Files.getLastModifiedTime(this.file).toMillis()).isEqualTo(modified);
		assertThat(Files.list(this.folder)).containsExactly(this.file);
	}

	@Test
	void invalidModelIsRefusedBeforeAMissingFileIsCreated() {
		Path absent = this.folder.resolve("new").resolve("inference.txt");

		Cli.Result result = Cli.run("bind", "nova", "us.amazon.nova-pro-v1:0", "--file", absent.toString());

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(absent.getParent()).doesNotExist();
	}

	@Test
	void aModelTheCatalogDoesNotKnowIsBoundWithAWarning() throws IOException {
		Cli.Result result = Cli.run("bind", "acme.rocket-v9:0", "us.acme.rocket-v9:0", "--file", this.file.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).startsWith("warning: acme.rocket-v9:0 is not in the model catalog");
		assertThat(result.out()).isEqualTo("acme.rocket-v9:0: direct -> us.acme.rocket-v9:0 (" + path() + ")\n");
		assertThat(Files.readString(this.file)).endsWith("\nacme.rocket-v9:0=us.acme.rocket-v9:0\n");
	}

	@Test
	void aTargetOfAnotherModelIsBoundWithAWarning() {
		Cli.Result result = Cli.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-lite-v1:0", "--file",
				this.file.toString());

		assertThat(result.exitCode()).isZero();
		assertThat(result.err())
			.contains("warning: us.amazon.nova-lite-v1:0 calls amazon.nova-lite-v1:0, not amazon.nova-pro-v1:0");
	}

	@Test
	void aProfileThatCannotServeTheRegionIsBoundWithAWarningAndTheFix() {
		Cli.Result result = Cli.run("bind", "amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0", "--region", "us-west-2",
				"--file", this.file.toString());

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).contains("warning: calls will fail: eu.amazon.nova-pro-v1:0",
				"cannot be called from us-west-2",
				"(inference-config bind amazon.nova-pro-v1:0 us.amazon.nova-pro-v1:0)");
	}

	@Test
	void bindCreatesAMissingFileWithTheExplainingHeader() throws IOException {
		Path absent = this.folder.resolve("home").resolve(".aws").resolve("inference.txt");

		Cli.Result result = Cli.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", "--file",
				absent.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).startsWith("Created " + absent);
		String text = Files.readString(absent);
		assertThat(text).startsWith("# inference.txt")
			.contains("\namazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n")
			.doesNotContain("#amazon.nova-pro-v1:0=\n");
		assertThat(Cli.run("show", "--file", absent.toString()).lines()).first()
			.isEqualTo("1. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0 (" + absent + ":"
					+ (text.lines().toList().indexOf("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0") + 1) + ")");
	}

	@Test
	void bindKeepsCrlfLineEndsAndTheByteOrderMark() throws IOException {
		String crlf = "\uFEFF# windows file\r\namazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\r\n";
		Files.write(this.file, crlf.getBytes(StandardCharsets.UTF_8));

		Cli.Result result = Cli.run("bind", "amazon.nova-lite-v1:0", "eu.amazon.nova-lite-v1:0", "--file",
				this.file.toString());

		assertThat(result.exitCode()).isZero();
		assertThat(Files.readString(this.file)).isEqualTo(crlf + "amazon.nova-lite-v1:0=eu.amazon.nova-lite-v1:0\r\n");
	}

	@Test
	void bindAsJson() {
		Cli.Result result = Cli.run("--json", "bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", "--file",
				this.file.toString());

		assertThat(result.exitCode()).isZero();
		JsonNode json = result.json();
		assertThat(json.get("file").asString()).isEqualTo(path());
		assertThat(json.get("created").asBoolean()).isFalse();
		assertThat(json.get("change").get("modelId").asString()).isEqualTo("amazon.nova-pro-v1:0");
		assertThat(json.get("change").get("before").asString()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(json.get("change").get("after").asString()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(json.get("change").get("changed").asBoolean()).isTrue();
		assertThat(json.get("warnings")).isEmpty();
	}

	@Test
	void bindNamesABrokenLineElsewhereAndStillSucceedsBecauseApplicationsApplyEveryOtherLine() throws IOException {
		Files.writeString(this.file, "# header\nthis line has no equals\namazon.nova-lite-v1:0=\n");

		Cli.Result result = Cli.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", "--file",
				this.file.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).contains("warning: " + path() + ":2: error: no '=' in 'this line has no equals'")
			.contains("skipped by applications, which apply every other line");
		assertThat(Files.readString(this.file)).endsWith("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
	}

	@Test
	void bindFailsWhenABrokenLineNamesTheSameModelAndSaysWhichLine() throws IOException {
		Files.writeString(this.file, "amazon.nova-pro-v1:0\u00A0=eu.amazon.nova-pro-v1:0\n# then\n"
				+ "amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n");

		Cli.Result result = Cli.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", "--file",
				this.file.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).contains(path() + ":1: error: U+00A0 NO-BREAK SPACE at column 21")
			.contains("fix or delete this line: it names amazon.nova-pro-v1:0 too");
		assertThat(Files.readString(this.file)).endsWith("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
	}

	@Test
	void unbindNamesABrokenLineElsewhereAndSucceeds() throws IOException {
		Files.writeString(this.file, "amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\nbroken\n");

		Cli.Result result = Cli.run("unbind", "amazon.nova-pro-v1:0", "--file", this.file.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).contains(path() + ":1: error: no '=' in 'broken'");
		assertThat(Files.readString(this.file)).isEqualTo("broken\n");
	}

	@Test
	void unbindRemovesTheLineAndKeepsTheComments() throws IOException {
		Cli.Result result = Cli.run("unbind", "amazon.nova-pro-v1:0", "--file", this.file.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out())
			.isEqualTo("amazon.nova-pro-v1:0: eu.amazon.nova-pro-v1:0 -> unbound (" + path() + ")\n");
		assertThat(Files.readString(this.file))
			.isEqualTo(ORIGINAL.replace("amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n", ""));
	}

	@Test
	void unbindingAModelTheFileDoesNotBindChangesNothing() throws IOException {
		byte[] before = Files.readAllBytes(this.file);

		Cli.Result result = Cli.run("unbind", "amazon.nova-lite-v1:0", "--file", this.file.toString());

		assertThat(result.exitCode()).isZero();
		assertThat(result.out())
			.isEqualTo("amazon.nova-lite-v1:0: not bound in the file, nothing to remove (" + path() + ")\n");
		assertThat(Files.readAllBytes(this.file)).isEqualTo(before);
	}

	@Test
	void unbindDoesNotCreateAMissingFile() {
		Path absent = this.folder.resolve("absent.txt");

		Cli.Result result = Cli.run("unbind", "amazon.nova-lite-v1:0", "--file", absent.toString());

		assertThat(result.exitCode()).isZero();
		assertThat(absent).doesNotExist();
	}

	@Test
	void unbindRefusesAnInvalidModelId() throws IOException {
		byte[] before = Files.readAllBytes(this.file);

		Cli.Result result = Cli.run("unbind", "nova pro", "--file", this.file.toString());

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("error: model ID must look like");
		assertThat(Files.readAllBytes(this.file)).isEqualTo(before);
	}

	@Test
	void unbindAsJson() {
		JsonNode json = Cli.run("unbind", "amazon.nova-pro-v1:0", "--json", "--file", this.file.toString()).json();

		assertThat(json.get("change").get("before").asString()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(json.get("change").get("after").isNull()).isTrue();
		assertThat(json.get("change").get("changed").asBoolean()).isTrue();
	}

	@Test
	void aFileThatIsNotUtf8IsNotRewritten() throws IOException {
		byte[] latin1 = "# caf\u00e9\namazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		Files.write(this.file, latin1);

		Cli.Result result = Cli.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", "--file",
				this.file.toString());

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("error: ").contains("not valid UTF-8");
		assertThat(Files.readAllBytes(this.file)).isEqualTo(latin1);
	}

	private String path() {
		return this.file.toAbsolutePath().normalize().toString();
	}

}
