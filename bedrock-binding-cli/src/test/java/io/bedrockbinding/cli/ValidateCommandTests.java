package io.bedrockbinding.cli;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** validate: compiler-style problems and the exit code. */
class ValidateCommandTests {

	@RegisterExtension
	final InferenceFileFixture inference = new InferenceFileFixture();

	@Test
	void errorsArePrintedWithPathAndLineAndExitWith1() throws IOException {
		Files.writeString(this.inference.path(), """
				# broken
				amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0
				this line has no equals sign
				amazon.nova-lite-v1:0=arn:aws:bedrock:us-east-1:12345:inference-profile/us.amazon.nova-lite-v1:0
				""");

		Cli.Result result = this.inference.run("validate");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(
				this.inference.shown()
						+ ":3: error: no '=' in 'this line has no equals sign': write model=target, or start the line "
						+ "with '#' to make it a comment",
				this.inference.shown() + ":4: error: account must be 12 digits, got '12345' in "
						+ "'arn:aws:bedrock:us-east-1:12345:inference-profile/us.amazon.nova-lite-v1:0'",
				this.inference.shown() + ": 1 binding, 2 errors, 0 warnings");
	}

	@Test
	void warningsAloneExitWith0() throws IOException {
		Files.writeString(this.inference.path(), """
				amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0
				acme.rocket-v9:0=
				amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0
				""");

		Cli.Result result = this.inference.run("validate");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines()).containsExactly(
				this.inference.shown() + ":2: warning: acme.rocket-v9:0 is not in the model catalog",
				this.inference.shown()
						+ ":3: warning: amazon.nova-pro-v1:0 is bound on line 1 and again on line 3; line 3 wins: "
						+ "delete one of them",
				this.inference.shown() + ": 2 bindings, 0 errors, 2 warnings");
	}

	@Test
	void modelIdsInUpperCaseAreToldTheLowerCaseModelIdAsTheStarterTellsThem() throws IOException {
		Files.writeString(this.inference.path(), """
				Amazon.Nova-Pro-v1:0=us.amazon.nova-pro-v1:0
				amazon.Nova-Lite-v1:0=us.amazon.nova-lite-v1:0
				""");

		Cli.Result result = this.inference.run("validate");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(
				this.inference.shown() + ":1: error: Bedrock model IDs are lower case: use amazon.nova-pro-v1:0 in "
						+ "'Amazon.Nova-Pro-v1:0'",
				this.inference.shown() + ":2: warning: amazon.Nova-Lite-v1:0 is not in the model catalog: Bedrock "
						+ "model IDs are lower case: use amazon.nova-lite-v1:0",
				this.inference.shown() + ": 1 binding, 1 error, 1 warning");
	}

	@Test
	void aTargetThatCallsAnotherModelIsTheWarningBindGives() throws IOException {
		Files.writeString(this.inference.path(), "# an alias?\n");
		Cli.Result bind = this.inference.run("bind", "amazon.nova-lite-v1:0", "us.amazon.nova-pro-v1:0");

		Cli.Result result = this.inference.run("validate");

		assertThat(bind.exitCode()).as(bind.toString()).isZero();
		assertThat(bind.err()).isEqualTo("warning: us.amazon.nova-pro-v1:0 (" + this.inference.shown()
				+ ":2) calls amazon.nova-pro-v1:0, not amazon.nova-lite-v1:0\n");
		// a warning, not an error: an alias can be meant
		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines()).containsExactly(
				this.inference.shown()
						+ ":2: warning: us.amazon.nova-pro-v1:0 calls amazon.nova-pro-v1:0, not amazon.nova-lite-v1:0",
				this.inference.shown() + ": 1 binding, 0 errors, 1 warning");
		assertThat(this.inference.run("--json", "validate").json().get("problems").get(0).get("code").asString())
			.isEqualTo("OTHER_MODEL");
	}

	@Test
	void anUndecodableLineIsReportedOnceByValidateAndByAListing() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write("# ok\namazon.nova-pro-v1:0=us.".getBytes(StandardCharsets.UTF_8));
		bytes.write(new byte[] { (byte) 0xFF, (byte) 0xFE, '\n' });
		bytes.write("amazon.nova-lite-v1:0=\n".getBytes(StandardCharsets.UTF_8));
		Files.write(this.inference.path(), bytes.toByteArray());

		Cli.Result result = this.inference.run("validate");
		Cli.Result list = this.inference.run("list", "nova-lite");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(
				this.inference.shown() + ":2: error: is not valid UTF-8 (the line holds bytes it cannot decode): the "
						+ "line is ignored, and the file will not be rewritten until it is saved as UTF-8",
				this.inference.shown() + ": 1 binding, 1 error, 0 warnings");
		assertThat(list.err().lines()).singleElement().asString().contains("has 1 broken line");
	}

	@Test
	void targetsInUpperCaseAreToldTheLowerCaseOne() throws IOException {
		Files.writeString(this.inference.path(), """
				amazon.nova-pro-v1:0=US.Amazon.Nova-Pro-v1:0
				amazon.nova-lite-v1:0=Amazon.Nova-Lite-v1:0
				amazon.nova-micro-v1:0=us.Amazon.Nova-Micro-v1:0
				""");

		Cli.Result result = this.inference.run("validate");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(
				this.inference.shown()
						+ ":1: error: Bedrock profile IDs are lower case: use us.amazon.nova-pro-v1:0 in "
						+ "'US.Amazon.Nova-Pro-v1:0'",
				this.inference.shown() + ":2: error: Bedrock model IDs are lower case: use amazon.nova-lite-v1:0 in "
						+ "'Amazon.Nova-Lite-v1:0'",
				this.inference.shown() + ":3: warning: amazon.nova-micro-v1:0 is bound to us.Amazon.Nova-Micro-v1:0, "
						+ "whose model us.Amazon.Nova-Micro-v1:0 is not in the model catalog: Bedrock profile IDs are "
						+ "lower case: use us.amazon.nova-micro-v1:0",
				this.inference.shown() + ": 1 binding, 2 errors, 1 warning");
	}

	@Test
	void aCleanFileHasNoProblems() throws IOException {
		Files.writeString(this.inference.path(), "# fine\namazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");

		Cli.Result result = this.inference.run("validate");

		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly(this.inference.shown() + ": 1 binding, 0 errors, 0 warnings");
	}

	@Test
	void withRegionProfilesOfOtherGeographiesAreErrorsWithTheFix() throws IOException {
		Files.writeString(this.inference.path(), """
				amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0
				anthropic.claude-haiku-4-5-20251001-v1:0=
				amazon.titan-embed-text-v2:0=arn:aws:bedrock:us-east-1:444455556666:application-inference-profile/abc123
				""");

		Cli.Result result = this.inference.run("validate", "--region", "us-west-2", "--account-id", "111122223333");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.lines()).containsExactly(this.inference.shown()
				+ ":1: error: eu.amazon.nova-pro-v1:0 cannot be called from us-west-2: the 'eu' geography "
				+ "serves eu-central-1, eu-central-2, eu-north-1, eu-south-1, eu-south-2, eu-west-1, eu-west-2, eu-west-3",
				"  fix: inference-config bind amazon.nova-pro-v1:0 us.amazon.nova-pro-v1:0 --file "
						+ this.inference.path(),
				this.inference.shown()
						+ ":2: error: anthropic.claude-haiku-4-5-20251001-v1:0 is bound direct but needs an inference "
						+ "profile in us-west-2",
				"  fix: inference-config bind anthropic.claude-haiku-4-5-20251001-v1:0 us.anthropic.claude-haiku-4-5-20251001-v1:0 --file "
						+ this.inference.path(),
				this.inference.shown()
						+ ":3: warning: amazon.titan-embed-text-v2:0 is bound to an ARN in us-east-1 while the "
						+ "configured region is us-west-2; calls go to us-east-1",
				this.inference.shown()
						+ ":3: warning: amazon.titan-embed-text-v2:0 is bound to an ARN of account 444455556666 "
						+ "while the account is 111122223333",
				this.inference.shown() + ": 3 bindings, 2 errors, 2 warnings");
	}

	@Test
	void theFixOfAFileOtherThanTheDefaultNamesThatFileQuotedForAShell() throws IOException {
		java.nio.file.Path file = Files.createDirectories(this.inference.folder().resolve("my files"))
			.resolve("inference.txt");
		Files.writeString(file, "amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n");

		Cli.Result result = Cli.run("validate", "--region", "us-west-2", "--file", file.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.lines()).contains(
				"  fix: inference-config bind amazon.nova-pro-v1:0 us.amazon.nova-pro-v1:0 --file '" + file + "'");
	}

	@Test
	void aRegionTheSdkDoesNotKnowIsAWarningNamingTheOption() throws IOException {
		Files.writeString(this.inference.path(), "amazon.nova-lite-v1:0=\n");

		Cli.Result result = this.inference.run("validate", "--region", "us-east1");

		// the one problem: the bindings are not judged against a region the catalog
		// cannot know (nova-lite bound direct is no NEEDS_PROFILE error)
		assertThat(result.lines()).first()
			.isEqualTo(this.inference.shown()
					+ ": warning: the region us-east1, from --region (or AWS_REGION), is not one "
					+ "the AWS SDK knows, so no profile is derived for it, no binding is checked against it and calls "
					+ "to it fail: check the spelling (a new region needs a newer SDK to be known)");
		assertThat(result.err() + result.out()).doesNotContain("needs an inference profile");
	}

	@Test
	void aMissingFileIsAnError() {
		Cli.Result result = this.inference.run("validate");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("error: " + this.inference.shown()
				+ " does not exist: nothing to validate (bind a model " + "to create it)\n");
	}

	@Test
	void aDanglingSymlinkIsAnErrorThatDoesNotSayBindCreatesTheFile() throws IOException {
		Files.createSymbolicLink(this.inference.path(), this.inference.folder().resolve("mounted.txt"));

		Cli.Result result = this.inference.run("validate");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("error: " + this.inference.shown() + " is a symbolic link to "
				+ this.inference.folder().resolve("mounted.txt") + ", which does not exist: nothing to validate "
				+ "(create that file, or remove the link)\n");
	}

	@Test
	void validateAsJson() throws IOException {
		Files.writeString(this.inference.path(),
				"amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\nbroken\nacme.rocket-v9:0=\n");

		Cli.Result result = this.inference.run("--json", "validate");

		assertThat(result.exitCode()).isEqualTo(1);
		JsonNode json = result.json();
		assertThat(json.get("file").asString()).isEqualTo(this.inference.shown());
		assertThat(json.get("bindings").asInt()).isEqualTo(2);
		assertThat(json.get("errors").asInt()).isEqualTo(1);
		assertThat(json.get("warnings").asInt()).isEqualTo(1);
		JsonNode first = json.get("problems").get(0);
		assertThat(first.get("file").asString()).isEqualTo(this.inference.shown());
		assertThat(first.get("line").asInt()).isEqualTo(2);
		assertThat(first.get("severity").asString()).isEqualTo("error");
		assertThat(first.get("code").asString()).isEqualTo("FILE_PROBLEM");
		assertThat(first.get("message").asString()).startsWith("no '=' in 'broken'");
		JsonNode second = json.get("problems").get(1);
		assertThat(second.get("line").asInt()).isEqualTo(3);
		assertThat(second.get("severity").asString()).isEqualTo("warning");
		assertThat(second.get("code").asString()).isEqualTo("UNKNOWN_MODEL");
		assertThat(second.get("modelId").asString()).isEqualTo("acme.rocket-v9:0");
	}

}
