package io.bedrockbinding.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import io.bedrockbinding.file.InferenceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
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

	@RegisterExtension
	final InferenceFileFixture inference = new InferenceFileFixture(ORIGINAL);

	@Test
	void bindRewritesTheLineInPlaceAndKeepsEveryComment() throws IOException {
		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("amazon.nova-pro-v1:0: eu.amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0 ("
				+ this.inference.shown() + ")\n");
		assertThat(result.err()).isEmpty();
		assertThat(Files.readString(this.inference.path()))
			.isEqualTo(ORIGINAL.replace("=eu.amazon.nova-pro-v1:0", "=us.amazon.nova-pro-v1:0"));
	}

	@Test
	void bindOfAModelBoundOnTwoLinesLeavesOneLineAndSaysItRemovedTheDuplicate() throws IOException {
		// ORIGINAL's line 4 binds Nova Pro; line 8 binds it again (validate warns)
		Files.writeString(this.inference.path(),
				ORIGINAL + "# again\namazon.nova-pro-v1:0=global.amazon.nova-pro-v1:0\n");

		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
		Cli.Result validate = this.inference.run("validate");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out())
			.isEqualTo("amazon.nova-pro-v1:0: global.amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0 ("
					+ this.inference.shown() + "); also removed line 4, which named it too\n");
		assertThat(result.err()).isEmpty();
		// every comment stays; the binding is where the line that won was
		assertThat(Files.readString(this.inference.path()))
			.isEqualTo(ORIGINAL.replace("amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n", "")
					+ "# again\namazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
		assertThat(validate.out()).doesNotContain("is bound on line");
	}

	@Test
	void bindToTheTargetAModelBoundTwiceHasAlreadyRemovesTheDuplicateAndSaysSo() throws IOException {
		Files.writeString(this.inference.path(), ORIGINAL + "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");

		Cli.Result result = this.inference.run("--json", "bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
		Cli.Result again = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		JsonNode change = result.json().get("change");
		assertThat(change.get("changed").asBoolean()).isTrue();
		assertThat(change.get("removedLines").toString()).isEqualTo("[4]");
		assertThat(Files.readString(this.inference.path()))
			.isEqualTo(ORIGINAL.replace("amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n", "")
					+ "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
		assertThat(again.out()).isEqualTo(
				"amazon.nova-pro-v1:0: unchanged, already us.amazon.nova-pro-v1:0 (" + this.inference.shown() + ")\n");
	}

	@Test
	void unbindOfAModelBoundOnTwoLinesRemovesBothAndSaysSo() throws IOException {
		Files.writeString(this.inference.path(), ORIGINAL + "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");

		Cli.Result result = this.inference.run("unbind", "amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("amazon.nova-pro-v1:0: us.amazon.nova-pro-v1:0 -> unbound ("
				+ this.inference.shown() + "); also removed line 4, which named it too\n");
		assertThat(Files.readString(this.inference.path()))
			.isEqualTo(ORIGINAL.replace("amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n", ""));
	}

	@Test
	void aBrokenLinesControlCharactersAreEscapedInTheChangeBindAndUnbindPrint() throws IOException {
		Files.writeString(this.inference.path(),
				"amazon.nova-pro-v1:0=us.amazon\tnova-pro-v1:0\namazon.nova-lite-v1:0=us.\u0000x\u001b[2J\n");

		Cli.Result bind = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
		Cli.Result unbind = this.inference.run("unbind", "amazon.nova-lite-v1:0");

		assertThat(bind.out())
			.isEqualTo("amazon.nova-pro-v1:0: us.amazon\\u0009nova-pro-v1:0 -> us.amazon.nova-pro-v1:0 ("
					+ this.inference.shown() + ")\n");
		assertThat(unbind.out())
			.isEqualTo("amazon.nova-lite-v1:0: us.\\u0000x\\u001b[2J -> unbound (" + this.inference.shown() + ")\n");
		assertThat(bind.err() + unbind.err()).doesNotContain("\t", "\u0000", "\u001b");
		assertThat(Files.readString(this.inference.path())).isEqualTo("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
	}

	@Test
	void bindAppendsANewModelAndSaysItWasDirect() throws IOException {
		Cli.Result result = this.inference.run("bind", "amazon.titan-embed-text-v2:0",
				"arn:aws:bedrock:us-east-1:{account}:application-inference-profile/a1b2c3d4e5f6");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("amazon.titan-embed-text-v2:0: direct -> "
				+ "arn:aws:bedrock:us-east-1:{account}:application-inference-profile/a1b2c3d4e5f6 ("
				+ this.inference.shown() + ")\n");
		assertThat(Files.readString(this.inference.path())).isEqualTo(ORIGINAL
				+ "amazon.titan-embed-text-v2:0=arn:aws:bedrock:us-east-1:{account}:application-inference-profile/a1b2c3d4e5f6\n");
	}

	@Test
	void bindWithSeveralTargetsWritesAChainOnOneLine() throws IOException {
		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0",
				"global.amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).isEqualTo("amazon.nova-pro-v1:0: eu.amazon.nova-pro-v1:0 -> eu.amazon.nova-pro-v1:0, "
				+ "global.amazon.nova-pro-v1:0 (" + this.inference.shown() + ")\n");
		assertThat(Files.readString(this.inference.path())).isEqualTo(
				ORIGINAL.replace("=eu.amazon.nova-pro-v1:0", "=eu.amazon.nova-pro-v1:0, global.amazon.nova-pro-v1:0"));
		assertThat(this.inference.run("show").out())
			.contains("amazon.nova-pro-v1:0 -> eu.amazon.nova-pro-v1:0, global.amazon.nova-pro-v1:0 (");
	}

	@Test
	void aChainWithOneInvalidTargetIsRefusedWithItsPositionAndNothingIsWritten() throws IOException {
		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0",
				"arn:aws:bedrock:us-east-1:12345:inference-profile/us.amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("target 2 of 2: account must be 12 digits, got '12345'")
			.contains("nothing was written");
		assertThat(Files.readString(this.inference.path())).isEqualTo(ORIGINAL);
	}

	@Test
	void bindWithoutTargetBindsDirect() throws IOException {
		Cli.Result result = this.inference.run("bind", "anthropic.claude-3-haiku-20240307-v1:0");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out())
			.isEqualTo("anthropic.claude-3-haiku-20240307-v1:0: us.anthropic.claude-3-haiku-20240307-v1:0"
					+ " -> direct (" + this.inference.shown() + ")\n");
		assertThat(Files.readString(this.inference.path()))
			.isEqualTo(ORIGINAL.replace("=us.anthropic.claude-3-haiku-20240307-v1:0", "="));
	}

	@Test
	void bindingTheSameTargetAgainChangesNothing() throws IOException {
		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo(
				"amazon.nova-pro-v1:0: unchanged, already eu.amazon.nova-pro-v1:0 (" + this.inference.shown() + ")\n");
		assertThat(Files.readString(this.inference.path())).isEqualTo(ORIGINAL);
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
					amazon.nova-pro-v1:0           | US.Amazon.Nova-Pro-v1:0                                    | Bedrock profile IDs are lower case: use us.amazon.nova-pro-v1:0 in 'US.Amazon.Nova-Pro-v1:0'
					amazon.nova-pro-v1:0           | Amazon.Nova-Pro-v1:0                                       | Bedrock model IDs are lower case: use amazon.nova-pro-v1:0 in 'Amazon.Nova-Pro-v1:0'
					""")
	void invalidModelOrTargetIsRefusedAndTheFileIsNotTouched(String model, String target, String message)
			throws IOException {
		byte[] before = Files.readAllBytes(this.inference.path());
		long modified = Files.getLastModifiedTime(this.inference.path()).toMillis();

		Cli.Result result = this.inference.run("bind", model, target);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("error: ").contains(message).contains("nothing was written");
		assertThat(Files.readAllBytes(this.inference.path())).isEqualTo(before);
		assertThat(Files.getLastModifiedTime(this.inference.path()).toMillis()).isEqualTo(modified);
		assertThat(Files.list(this.inference.folder())).containsExactly(this.inference.path());
	}

	@Test
	void invalidModelIsRefusedBeforeAMissingFileIsCreated() {
		Path absent = this.inference.folder().resolve("new").resolve("inference.txt");

		Cli.Result result = Cli.run("bind", "nova", "us.amazon.nova-pro-v1:0", "--file", absent.toString());

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(absent.getParent()).doesNotExist();
	}

	@Test
	void aModelTheCatalogDoesNotKnowIsBoundWithAWarning() throws IOException {
		Cli.Result result = this.inference.run("bind", "acme.rocket-v9:0", "us.acme.rocket-v9:0");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		// validate's warning, with the line it is on
		assertThat(result.err())
			.isEqualTo("warning: acme.rocket-v9:0 (" + this.inference.shown() + ":7) is not in the model catalog\n");
		assertThat(result.out())
			.isEqualTo("acme.rocket-v9:0: direct -> us.acme.rocket-v9:0 (" + this.inference.shown() + ")\n");
		assertThat(Files.readString(this.inference.path())).endsWith("\nacme.rocket-v9:0=us.acme.rocket-v9:0\n");
	}

	@Test
	void aTargetWhoseModelTheCatalogDoesNotKnowIsBoundWithValidatesWarning() throws IOException {
		Cli.Result result = this.inference.run("bind", "amazon.nova-micro-v1:0", "us.Amazon.Nova-Micro-v1:0");
		Cli.Result validate = this.inference.run("validate");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).isEqualTo("warning: amazon.nova-micro-v1:0 is bound to us.Amazon.Nova-Micro-v1:0 ("
				+ this.inference.shown() + ":7), whose model us.Amazon.Nova-Micro-v1:0 is not in the model catalog: "
				+ "Bedrock profile IDs are lower case: use us.amazon.nova-micro-v1:0\n");
		assertThat(validate.lines()).contains(this.inference.shown()
				+ ":7: warning: amazon.nova-micro-v1:0 is bound to us.Amazon.Nova-Micro-v1:0, whose model "
				+ "us.Amazon.Nova-Micro-v1:0 is not in the model catalog: Bedrock profile IDs are lower case: use "
				+ "us.amazon.nova-micro-v1:0");
	}

	@Test
	void aTargetOfAnotherModelIsBoundWithAWarning() {
		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-lite-v1:0");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).isEqualTo("warning: us.amazon.nova-lite-v1:0 (" + this.inference.shown()
				+ ":4) calls amazon.nova-lite-v1:0, not amazon.nova-pro-v1:0\n");
	}

	@Test
	void aProfileThatCannotServeTheRegionIsBoundWithAWarningAndTheFix() {
		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0", "--region",
				"us-west-2");

		assertThat(result.exitCode()).isZero();
		assertThat(result.err()).contains("warning: calls will fail: eu.amazon.nova-pro-v1:0",
				"cannot be called from us-west-2",
				"(inference-config bind amazon.nova-pro-v1:0 us.amazon.nova-pro-v1:0 --file " + this.inference.path()
						+ ")");
	}

	@Test
	void bindCreatesAMissingFileWithTheExplainingHeader() throws IOException {
		Path absent = this.inference.folder().resolve("home").resolve(".aws").resolve("inference.txt");

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
	void aFileThatCannotBeCreatedIsOneErrorNotAlsoALogWarning() throws IOException {
		Path notAFolder = Files.writeString(this.inference.folder().resolve("plain"), "");
		StringBuilder log = new StringBuilder();

		Cli.Result result = SystemErr.capture(() -> Cli.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0",
				"--file", notAFolder.resolve("inference.txt").toString()), log);

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("error: Cannot write " + notAFolder.resolve("inference.txt"))
			.doesNotContain("Bindings from the file are skipped");
		assertThat(log).as("what the log printed besides the command").isEmpty();
	}

	@Test
	void aLeadingTildeInTheFileOptionIsTheHomeFolder() {
		Path expected = InferenceFile.defaultLocation()
			.getParent()
			.getParent()
			.resolve("no-such-folder-of-bedrock-binding-tests")
			.resolve("inference.txt");

		Cli.Result result = Cli.run("show", "--file", "~/no-such-folder-of-bedrock-binding-tests/inference.txt");

		assertThat(result.lines()).first()
			.isEqualTo("No model is bound in " + expected + ": every model is called directly.");
		assertThat(expected).doesNotExist();
	}

	@Test
	void bindKeepsCrlfLineEndsAndTheByteOrderMark() throws IOException {
		String crlf = "\uFEFF# windows file\r\namazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\r\n";
		Files.write(this.inference.path(), crlf.getBytes(StandardCharsets.UTF_8));

		Cli.Result result = this.inference.run("bind", "amazon.nova-lite-v1:0", "eu.amazon.nova-lite-v1:0");

		assertThat(result.exitCode()).isZero();
		assertThat(Files.readString(this.inference.path()))
			.isEqualTo(crlf + "amazon.nova-lite-v1:0=eu.amazon.nova-lite-v1:0\r\n");
	}

	@Test
	void bindAsJson() {
		Cli.Result result = this.inference.run("--json", "bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).isZero();
		JsonNode json = result.json();
		assertThat(json.get("file").asString()).isEqualTo(this.inference.shown());
		assertThat(json.get("created").asBoolean()).isFalse();
		assertThat(json.get("change").get("modelId").asString()).isEqualTo("amazon.nova-pro-v1:0");
		assertThat(json.get("change").get("before").asString()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(json.get("change").get("after").asString()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(json.get("change").get("changed").asBoolean()).isTrue();
		assertThat(json.get("warnings")).isEmpty();
	}

	@Test
	void bindNamesABrokenLineElsewhereAndStillSucceedsBecauseApplicationsApplyEveryOtherLine() throws IOException {
		Files.writeString(this.inference.path(), "# header\nthis line has no equals\namazon.nova-lite-v1:0=\n");

		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err())
			.contains("warning: " + this.inference.shown() + ":2: error: no '=' in 'this line has no equals'")
			.contains("skipped by applications, which apply every other line");
		assertThat(Files.readString(this.inference.path())).endsWith("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
	}

	@Test
	void bindFailsWhenABrokenLineNamesTheSameModelAndSaysWhichLine() throws IOException {
		Files.writeString(this.inference.path(), "amazon.nova-pro-v1:0\u00A0=eu.amazon.nova-pro-v1:0\n# then\n"
				+ "amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n");

		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).contains(this.inference.shown() + ":1: error: U+00A0 NO-BREAK SPACE at column 21")
			.contains("fix or delete this line: it names amazon.nova-pro-v1:0 too");
		assertThat(Files.readString(this.inference.path())).endsWith("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
	}

	@Test
	void bindOnADirectoryIsRefusedNamingThePathAndTheFix() throws IOException {
		Files.delete(this.inference.path());
		Files.createDirectory(this.inference.path());

		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("error: Cannot write " + this.inference.shown()
				+ ": is a directory, not a file: point the location at a file\n");
		assertThat(this.inference.path()).isEmptyDirectory();
	}

	@Test
	void unbindNamesABrokenLineElsewhereAndSucceeds() throws IOException {
		Files.writeString(this.inference.path(), "amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\nbroken\n");

		Cli.Result result = this.inference.run("unbind", "amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.err()).contains(this.inference.shown() + ":1: error: no '=' in 'broken'");
		assertThat(Files.readString(this.inference.path())).isEqualTo("broken\n");
	}

	@Test
	void unbindOfAModelTheFileDoesNotBindNamesOneItBindsThatBeginsAlike() throws IOException {
		String text = "amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\namazon.nova-lite-v1:0=\n";
		Files.writeString(this.inference.path(), text);

		Cli.Result result = this.inference.run("unbind", "amazon.nova-pro-v1");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines()).containsExactly(
				"amazon.nova-pro-v1: not bound in the file, nothing to remove (" + this.inference.shown() + ")");
		assertThat(result.err()).isEqualTo("did you mean amazon.nova-pro-v1:0? the file binds it: "
				+ "inference-config unbind amazon.nova-pro-v1:0 --file " + this.inference.path() + "\n");
		assertThat(Files.readString(this.inference.path())).isEqualTo(text);
	}

	@Test
	void aReadOnlyFileIsRefusedWithTheFixForThisToolAndKeptAsItIs() throws IOException {
		String text = "amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n";
		Files.writeString(this.inference.path(), text);
		Files.setPosixFilePermissions(this.inference.path(), PosixFilePermissions.fromString("r--r--r--"));

		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");

		// a runtime bind is the application's, not this tool's
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("error: Cannot write " + this.inference.shown()
				+ ": the file is read-only (mode r--r--r--); make it writable (e.g. chmod u+w " + this.inference.shown()
				+ ")\n");
		assertThat(Files.readString(this.inference.path())).isEqualTo(text);
	}

	@Test
	void unbindOnADirectoryNamesTheFixWithoutALineToDelete() throws IOException {
		Files.delete(this.inference.path());
		Files.createDirectory(this.inference.path());

		Cli.Result result = this.inference.run("unbind", "amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("warning: " + this.inference.shown()
				+ ": error: is a directory, not a file: point the location at a file\n");
		assertThat(this.inference.path()).isEmptyDirectory();
	}

	@Test
	void unbindRemovesTheLineAndKeepsTheComments() throws IOException {
		Cli.Result result = this.inference.run("unbind", "amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out())
			.isEqualTo("amazon.nova-pro-v1:0: eu.amazon.nova-pro-v1:0 -> unbound (" + this.inference.shown() + ")\n");
		assertThat(Files.readString(this.inference.path()))
			.isEqualTo(ORIGINAL.replace("amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n", ""));
	}

	@Test
	void unbindingAModelTheFileDoesNotBindChangesNothing() throws IOException {
		byte[] before = Files.readAllBytes(this.inference.path());

		Cli.Result result = this.inference.run("unbind", "amazon.nova-lite-v1:0");

		assertThat(result.exitCode()).isZero();
		assertThat(result.out()).isEqualTo(
				"amazon.nova-lite-v1:0: not bound in the file, nothing to remove (" + this.inference.shown() + ")\n");
		assertThat(Files.readAllBytes(this.inference.path())).isEqualTo(before);
	}

	@Test
	void unbindDoesNotCreateAMissingFile() {
		Path absent = this.inference.folder().resolve("absent.txt");

		Cli.Result result = Cli.run("unbind", "amazon.nova-lite-v1:0", "--file", absent.toString());

		assertThat(result.exitCode()).isZero();
		assertThat(absent).doesNotExist();
	}

	@Test
	void unbindRefusesAnInvalidModelId() throws IOException {
		byte[] before = Files.readAllBytes(this.inference.path());

		Cli.Result result = this.inference.run("unbind", "nova pro");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("error: model ID must look like");
		assertThat(Files.readAllBytes(this.inference.path())).isEqualTo(before);
	}

	@Test
	void unbindAsJson() {
		JsonNode json = this.inference.run("unbind", "amazon.nova-pro-v1:0", "--json").json();

		assertThat(json.get("change").get("before").asString()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(json.get("change").get("after").isNull()).isTrue();
		assertThat(json.get("change").get("changed").asBoolean()).isTrue();
	}

	@Test
	void aFileThatIsNotUtf8IsNotRewritten() throws IOException {
		byte[] latin1 = "# caf\u00e9\namazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n"
			.getBytes(StandardCharsets.ISO_8859_1);
		Files.write(this.inference.path(), latin1);

		Cli.Result result = this.inference.run("bind", "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("error: Cannot write " + this.inference.shown()
				+ ": is not valid UTF-8 (line 1); not rewriting it, so that nothing is lost: save it as UTF-8 first\n");
		assertThat(Files.readAllBytes(this.inference.path())).isEqualTo(latin1);
	}

	@Test
	void aUtf16FileWithoutAByteOrderMarkIsNotRewritten() throws IOException {
		byte[] utf16 = "amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n".getBytes(StandardCharsets.UTF_16LE);
		Files.write(this.inference.path(), utf16);

		Cli.Result result = this.inference.run("unbind", "amazon.nova-pro-v1:0");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("error: Cannot write " + this.inference.shown()
				+ ": is UTF-16 (a Windows editor's \"Unicode\"), not UTF-8; not rewriting it, so that nothing is lost: "
				+ "save it as UTF-8 first\n");
		assertThat(Files.readAllBytes(this.inference.path())).isEqualTo(utf16);
	}

}
