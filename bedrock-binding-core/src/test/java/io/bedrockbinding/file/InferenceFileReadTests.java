package io.bedrockbinding.file;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import io.bedrockbinding.Severity;
import io.bedrockbinding.identifier.TargetKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Reading {@code inference.txt}: every bad input becomes a problem with its line, never a
 * binding.
 */
class InferenceFileReadTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String NOVA_PRO_US = "us.amazon.nova-pro-v1:0";

	private static final String FIX = ": only spaces and tabs may stand around the model ID and the target; delete it "
			+ "(it may have come with a copy and paste) or start the line with '#' to make it a comment";

	@TempDir
	Path dir;

	private InferenceFile write(String text) throws IOException {
		return write(text.getBytes(StandardCharsets.UTF_8));
	}

	private InferenceFile write(byte[] bytes) throws IOException {
		Path path = this.dir.resolve("inference.txt");
		Files.write(path, bytes);
		return new InferenceFile(path);
	}

	private static Map<String, String> targets(InferenceFileContent content) {
		Map<String, String> targets = new java.util.LinkedHashMap<>();
		content.entries().forEach((entry) -> targets.put(entry.modelId(), entry.target().value()));
		return targets;
	}

	@Test
	void utf8ByteOrderMarkIsSkipped() throws IOException {
		InferenceFileContent content = write("\uFEFF" + NOVA_PRO + "=" + NOVA_PRO_US + "\n").read();

		assertThat(content.problems()).isEmpty();
		assertThat(content.exists()).isTrue();
		assertThat(content.entries()).singleElement().satisfies((entry) -> {
			assertThat(entry.modelId()).isEqualTo(NOVA_PRO);
			assertThat(entry.target().value()).isEqualTo(NOVA_PRO_US);
			assertThat(entry.target().kind()).isEqualTo(TargetKind.SYSTEM_PROFILE);
			assertThat(entry.line()).isEqualTo(1);
		});
	}

	@Test
	void byteOrderMarkBeforeACommentKeepsItAComment() throws IOException {
		InferenceFileContent content = write("\uFEFF# " + NOVA_PRO + "=" + NOVA_PRO_US + "\n").read();

		assertThat(content.problems()).isEmpty();
		assertThat(content.entries()).isEmpty();
	}

	@Test
	void aCommentAfterATargetIsAnErrorThatSaysWhereCommentsGo() throws IOException {
		InferenceFileContent content = write(NOVA_PRO + "=" + NOVA_PRO_US + "   # prod profile\n").read();

		assertThat(content.entries()).isEmpty();
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(1);
			assertThat(problem.message()).startsWith("target must be empty (direct)")
				.endsWith(": '#' starts a comment only as the first character of a line: "
						+ "put the comment on a line of its own");
		});
	}

	@Test
	void crlfLineEndingsAreNotPartOfTheTarget() throws IOException {
		InferenceFileContent content = write("# header\r\n" + NOVA_PRO + "=" + NOVA_PRO_US + "\r\n"
				+ "amazon.nova-lite-v1:0=\r\n" + "amazon.nova-micro-v1:0=us.amazon.nova-micro-v1:0\r\n")
			.read();

		assertThat(content.problems()).isEmpty();
		assertThat(targets(content)).containsExactly(Map.entry(NOVA_PRO, NOVA_PRO_US),
				Map.entry("amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0"),
				Map.entry("amazon.nova-micro-v1:0", "us.amazon.nova-micro-v1:0"));
		assertThat(content.entries()).extracting(FileEntry::line).containsExactly(2, 3, 4);
	}

	@Test
	void mixedLineEndingsAndNoFinalNewline() throws IOException {
		InferenceFileContent content = write(NOVA_PRO + "=" + NOVA_PRO_US + "\n" + "bad line\r\n"
				+ "amazon.nova-lite-v1:0=us.amazon.nova-lite-v1:0\r\n\n" + "amazon.nova-micro-v1:0=")
			.read();

		assertThat(targets(content)).containsExactly(Map.entry(NOVA_PRO, NOVA_PRO_US),
				Map.entry("amazon.nova-lite-v1:0", "us.amazon.nova-lite-v1:0"),
				Map.entry("amazon.nova-micro-v1:0", "amazon.nova-micro-v1:0"));
		assertThat(content.entries()).extracting(FileEntry::line).containsExactly(1, 3, 5);
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(2);
			assertThat(problem.message()).contains("'bad line'").doesNotContain("\r");
		});
	}

	@Test
	void crOnlyLineEndingsEndLinesAsLfAndCrlfDo() throws IOException {
		InferenceFileContent content = write("# old Mac editor\r" + NOVA_PRO + "=" + NOVA_PRO_US + "\r"
				+ "amazon.nova-lite-v1:0=\r\r" + "amazon.nova-micro-v1:0=us.amazon.nova-micro-v1:0\n"
				+ "amazon.titan-tg1-large=\r\n" + "bad line\r")
			.read();

		assertThat(targets(content)).containsExactly(Map.entry(NOVA_PRO, NOVA_PRO_US),
				Map.entry("amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0"),
				Map.entry("amazon.nova-micro-v1:0", "us.amazon.nova-micro-v1:0"),
				Map.entry("amazon.titan-tg1-large", "amazon.titan-tg1-large"));
		assertThat(content.entries()).extracting(FileEntry::line).containsExactly(2, 3, 5, 6);
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(7);
			assertThat(problem.message()).contains("'bad line'");
		});
	}

	@ParameterizedTest(name = "U+{0}")
	@CsvSource({ "2003, EM SPACE", "3000, IDEOGRAPHIC SPACE", "2028, LINE SEPARATOR", "000B, LINE TABULATION",
			"000C, FORM FEED (FF)", "00A0, NO-BREAK SPACE", "FEFF, ZERO WIDTH NO-BREAK SPACE", "200B, ZERO WIDTH SPACE",
			"0085, NEXT LINE (NEL)", "2029, PARAGRAPH SEPARATOR" })
	void aLookAlikeSpaceAroundTheModelIdOrTargetIsAProblemNamingItAndItsColumn(String hex, String name)
			throws IOException {
		String odd = Character.toString(Integer.parseInt(hex, 16));
		InferenceFile file = write("# header " + odd + " in a comment is fine\n" + NOVA_PRO + odd + "=" + NOVA_PRO_US
				+ "\n" + "amazon.nova-lite-v1:0 =" + odd + " us.amazon.nova-lite-v1:0\n" + odd
				+ "amazon.nova-micro-v1:0=\n" + "amazon.titan-tg1-large=" + odd + "\n" + "amazon.nova-premier-v1:0=\n");

		InferenceFileContent content = file.read();

		assertThat(targets(content)).containsOnlyKeys("amazon.nova-premier-v1:0");
		String character = "U+" + hex + " " + name;
		assertThat(content.problems()).extracting(FileProblem::line, FileProblem::severity, FileProblem::modelId)
			.containsExactly(tuple(2, Severity.ERROR, NOVA_PRO), tuple(3, Severity.ERROR, "amazon.nova-lite-v1:0"),
					tuple(4, Severity.ERROR, "amazon.nova-micro-v1:0"),
					tuple(5, Severity.ERROR, "amazon.titan-tg1-large"));
		assertThat(content.problems()).extracting(FileProblem::message)
			.containsExactly(character + " at column 21: only spaces and tabs may stand around the model ID and the "
					+ "target; delete it (it may have come with a copy and paste) or start the line with '#' to make "
					+ "it a comment", character + " at column 24" + FIX, character + " at column 1" + FIX,
					character + " at column 24" + FIX);
		assertThat(content.problems().get(0).toString()).startsWith(file.path() + ":2: error: " + character);
	}

	@Test
	void aLookAlikeSpaceOnALineOfItsOwnIsAProblem() throws IOException {
		InferenceFileContent content = write(NOVA_PRO + "=\n\u3000\n").read();

		assertThat(targets(content)).containsOnlyKeys(NOVA_PRO);
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isEqualTo(2);
			assertThat(problem.message()).startsWith("U+3000 IDEOGRAPHIC SPACE at column 1");
			assertThat(problem.modelId()).isNull();
		});
	}

	@Test
	void commentsAreNeverBindingsEvenWithEqualsOrIndented() throws IOException {
		InferenceFileContent content = write("""
				# comment=with equals
				#%s=%s
				   # %s=%s
				\t#amazon.nova-lite-v1:0=
				#
				#=
				  #  a.b=c=d
				""".formatted(NOVA_PRO, NOVA_PRO_US, NOVA_PRO, NOVA_PRO_US)).read();

		assertThat(content.entries()).isEmpty();
		assertThat(content.problems()).isEmpty();
	}

	@Test
	void lineWithoutEqualsIsAnError() throws IOException {
		InferenceFile file = write("# header\n" + NOVA_PRO + " " + NOVA_PRO_US + "\n");
		InferenceFileContent content = file.read();

		assertThat(content.entries()).isEmpty();
		assertThat(content.hasErrors()).isTrue();
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.line()).isEqualTo(2);
			assertThat(problem.source()).isEqualTo(file.path().toString());
			assertThat(problem.message()).contains("no '='").contains(NOVA_PRO + " " + NOVA_PRO_US);
		});
	}

	@Test
	void valueWithoutModelIsAnError() throws IOException {
		InferenceFileContent content = write("=" + NOVA_PRO_US + "\n   =  \n").read();

		assertThat(content.entries()).isEmpty();
		assertThat(content.problems()).hasSize(2).allSatisfy((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.message()).contains("no model ID");
		});
		assertThat(content.problems()).extracting(FileProblem::line).containsExactly(1, 2);
	}

	@Test
	void spacesAroundEqualsAreTrimmed() throws IOException {
		InferenceFileContent content = write("  " + NOVA_PRO + " \t=   " + NOVA_PRO_US + " \t\n").read();

		assertThat(content.problems()).isEmpty();
		assertThat(targets(content)).containsExactly(Map.entry(NOVA_PRO, NOVA_PRO_US));
	}

	@Test
	void emptyTargetAndTheModelIdItselfAreDirect() throws IOException {
		InferenceFileContent content = write(
				NOVA_PRO + "=\n" + "amazon.nova-lite-v1:0=   \n" + "amazon.nova-micro-v1:0=amazon.nova-micro-v1:0\n")
			.read();

		assertThat(content.problems()).isEmpty();
		assertThat(content.entries()).hasSize(3).allSatisfy((entry) -> {
			assertThat(entry.target().kind()).isEqualTo(TargetKind.DIRECT);
			assertThat(entry.target().value()).isEqualTo(entry.modelId());
		});
	}

	@Test
	void theFirstEqualsSplitsAndASecondOneIsAClearProblem() throws IOException {
		InferenceFileContent content = write("a.b=c=d\n" + NOVA_PRO + "=" + NOVA_PRO_US + "=x\n").read();

		assertThat(content.entries()).isEmpty();
		assertThat(content.problems()).hasSize(2).allSatisfy((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.message()).startsWith("target must be");
		});
		assertThat(content.problems().get(0).message()).contains("'c=d'");
		assertThat(content.problems().get(1).message()).contains("'" + NOVA_PRO_US + "=x'");
	}

	@Test
	void duplicateKeysLastWinsWithAWarningNamingBothLines() throws IOException {
		InferenceFileContent content = write(
				"# header\n" + NOVA_PRO + "=\n" + "amazon.nova-lite-v1:0=\n\n" + NOVA_PRO + "=" + NOVA_PRO_US + "\n")
			.read();

		assertThat(targets(content)).containsEntry(NOVA_PRO, NOVA_PRO_US).hasSize(2);
		assertThat(content.bindings().get(NOVA_PRO).line()).isEqualTo(5);
		assertThat(content.hasErrors()).isFalse();
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.line()).isEqualTo(5);
			assertThat(problem.message()).contains(NOVA_PRO).contains("line 2").contains("line 5");
		});
	}

	@Test
	void elevenDigitAccountIsAnErrorWithPathAndLine() throws IOException {
		String arn = "arn:aws:bedrock:us-east-1:52136900491:inference-profile/" + NOVA_PRO_US;
		InferenceFile file = write("# header\n\n" + NOVA_PRO + "=" + arn + "\n");
		InferenceFileContent content = file.read();

		assertThat(content.entries()).isEmpty();
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.source()).isEqualTo(file.path().toString());
			assertThat(problem.line()).isEqualTo(3);
			assertThat(problem.message()).startsWith("account must be 12 digits, got '52136900491'").contains(arn);
			assertThat(problem).hasToString(file.path() + ":3: error: " + problem.message());
		});
	}

	@Test
	void unknownPartitionIsAnError() throws IOException {
		InferenceFileContent content = write(
				NOVA_PRO + "=arn:aws-mars:bedrock:us-east-1:111122223333:inference-profile/" + NOVA_PRO_US + "\n")
			.read();

		assertThat(content.entries()).isEmpty();
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.line()).isEqualTo(1);
			assertThat(problem.message()).contains("partition").contains("'aws-mars'");
		});
	}

	@Test
	void aOneMegabyteLineGivesAShortProblemAndTheNextLineStillBinds() throws IOException {
		String mega = "a".repeat(1 << 20);
		List<String> hugeLines = List.of(mega, // no '='
				"x." + mega + "=", // a huge model ID
				NOVA_PRO + "=" + mega, // a huge target
				NOVA_PRO + "=arn:aws:bedrock:us-east-1:111122223333:inference-profile/" + mega, // a
																								// huge
																								// ARN
				NOVA_PRO + "=arn:aws:bedrock:us-east-1:" + "1".repeat(1 << 20) + ":inference-profile/x", // huge
																											// account
				"=" + mega, // no model ID
				"{" + mega + "}=" + mega);
		for (String huge : hugeLines) {
			InferenceFileContent content = write("# header\n" + huge + "\n" + "amazon.nova-lite-v1:0=\n").read();

			assertThat(content.problems()).as(huge.substring(0, 40)).singleElement().satisfies((problem) -> {
				assertThat(problem.line()).isEqualTo(2);
				assertThat(problem.severity()).isEqualTo(Severity.ERROR);
				assertThat(problem.message().length()).isLessThan(1024);
				assertThat(problem.toString().length()).isLessThan(1024 + problem.source().length());
			});
			assertThat(targets(content)).containsExactly(Map.entry("amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0"));
			assertThat(content.bindings().get("amazon.nova-lite-v1:0").line()).isEqualTo(3);
		}
		InferenceFileContent comment = write("# " + mega + "=" + mega + "\n").read();
		assertThat(comment.problems()).isEmpty();
		assertThat(comment.entries()).isEmpty();
	}

	@Test
	void binaryGarbageGivesProblemsAndNoBindingButAGoodLineStillBinds() throws IOException {
		Random random = new Random(20260101);
		for (int round = 0; round < 20; round++) {
			byte[] garbage = new byte[4096];
			random.nextBytes(garbage);
			garbage[0] = 0;
			garbage[1] = (byte) 0xC3; // a lead byte followed by no continuation byte
			garbage[2] = '(';
			garbage[3] = (byte) 0xFF; // never valid in UTF-8
			byte[] good = ("\n" + NOVA_PRO + "=" + NOVA_PRO_US + "\n").getBytes(StandardCharsets.UTF_8);
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			bytes.write(garbage);
			bytes.write(good);
			bytes.write(garbage);

			InferenceFile file = write(bytes.toByteArray());
			InferenceFileContent content = file.read();
			int goodLine = InferenceDocument.parse(new String(bytes.toByteArray(), StandardCharsets.UTF_8))
				.lines()
				.indexOf(NOVA_PRO + "=" + NOVA_PRO_US) + 1;

			assertThat(content.exists()).isTrue();
			assertThat(content.hasErrors()).isTrue();
			assertThat(content.problems()).anySatisfy((problem) -> {
				assertThat(problem.line()).isOne();
				assertThat(problem.severity()).isEqualTo(Severity.ERROR);
				assertThat(problem.message()).contains("UTF-8");
			});
			assertThat(content.problems()).extracting(FileProblem::line).doesNotHaveDuplicates();
			assertThat(content.entries()).singleElement().satisfies((entry) -> {
				assertThat(entry.modelId()).isEqualTo(NOVA_PRO);
				assertThat(entry.target().value()).isEqualTo(NOVA_PRO_US);
				assertThat(entry.line()).isEqualTo(goodLine);
			});
			assertThat(content.problems()).allSatisfy((problem) -> {
				assertThat(problem.source()).isEqualTo(file.path().toString());
				assertThat(problem.line()).isNotEqualTo(goodLine);
			});
		}
	}

	@Test
	void aFileThatIsNotUtf8NamesEachLineThatIsNotOnce() throws IOException {
		// a comment saved as Latin-1 on line 2, lines ending in CRLF, and a binding on 4
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write(new byte[] { 'a', '.', 'b', '=', '\r', '\n', '#', ' ', 'c', 'a', 'f', (byte) 0xE9, '\r', '\n' });
		bytes.write(("# fine\r\n" + NOVA_PRO + "=us.").getBytes(StandardCharsets.UTF_8));
		bytes.write(new byte[] { (byte) 0xFF, (byte) 0xFE, '\r', '\n' });

		InferenceFileContent content = write(bytes.toByteArray()).read();

		assertThat(content.problems()).extracting(FileProblem::line).containsExactly(2, 4);
		assertThat(content.problems()).allSatisfy((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.message()).isEqualTo("is not valid UTF-8 (the line holds bytes it cannot decode): the "
					+ "line is ignored, and the file will not be rewritten until it is saved as UTF-8");
		});
		// the line's model, whose last good binding a reload keeps
		assertThat(content.problems().get(1).modelId()).isEqualTo(NOVA_PRO);
		assertThat(content.bindings()).containsOnlyKeys("a.b");
	}

	@Test
	void aBindingLineWithAnUndecodableByteOrANulIsNoBinding() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		bytes.write((NOVA_PRO + "=us.amazon.nova-pro").getBytes(StandardCharsets.UTF_8));
		bytes.write(0xFF);
		bytes.write("-v1:0\n".getBytes(StandardCharsets.UTF_8));
		bytes.write(("\0amazon.nova-lite-v1:0=\n").getBytes(StandardCharsets.UTF_8));
		bytes.write(("amazon.nova-micro-v1:0=\0\n").getBytes(StandardCharsets.UTF_8));
		bytes.write(("amazon.nova-premier-v1:0=us.amazon.nova-premier-v1:0\n").getBytes(StandardCharsets.UTF_8));

		InferenceFileContent content = write(bytes.toByteArray()).read();

		assertThat(targets(content))
			.containsExactly(Map.entry("amazon.nova-premier-v1:0", "us.amazon.nova-premier-v1:0"));
		// the undecodable line once, as each line with a NUL
		assertThat(content.problems()).extracting(FileProblem::line).containsExactly(1, 2, 3);
	}

	@Test
	void missingFileExistsFalseWithoutProblems() {
		InferenceFileContent content = new InferenceFile(this.dir.resolve("inference.txt")).read();
		InferenceFileContent inMissingFolder = new InferenceFile(this.dir.resolve("no/such/folder/inference.txt"))
			.read();

		for (InferenceFileContent missing : List.of(content, inMissingFolder)) {
			assertThat(missing.exists()).isFalse();
			assertThat(missing.problems()).isEmpty();
			assertThat(missing.entries()).isEmpty();
		}
	}

	@Test
	void danglingSymlinkReadsAsMissing() throws IOException {
		Path link = Files.createSymbolicLink(this.dir.resolve("inference.txt"), this.dir.resolve("gone.txt"));
		InferenceFileContent content = new InferenceFile(link).read();

		assertThat(content.exists()).isFalse();
		assertThat(content.problems()).isEmpty();
	}

	@Test
	void unreadableFileIsAProblemNotAnException() throws IOException {
		InferenceFile file = write(NOVA_PRO + "=" + NOVA_PRO_US + "\n");
		Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("---------"));
		try {
			assumeFalse(Files.isReadable(file.path()), "running as root: a chmod 000 file is still readable");

			InferenceFileContent content = file.read();

			assertThat(content.exists()).isTrue();
			assertThat(content.entries()).isEmpty();
			assertThat(content.problems()).singleElement().satisfies((problem) -> {
				assertThat(problem.severity()).isEqualTo(Severity.ERROR);
				assertThat(problem.line()).isZero();
				assertThat(problem.message()).contains("permission denied");
				assertThat(problem).hasToString(file.path() + ": error: " + problem.message());
			});
		}
		finally {
			Files.setPosixFilePermissions(file.path(), PosixFilePermissions.fromString("rw-------"));
		}
	}

	@Test
	void directoryAtThePathIsAProblemNotAnException() throws IOException {
		Path folder = Files.createDirectory(this.dir.resolve("inference.txt"));
		InferenceFile file = new InferenceFile(folder);

		InferenceFileContent content = file.read();

		assertThat(file.exists()).isFalse();
		assertThat(content.entries()).isEmpty();
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.line()).isZero();
			assertThat(problem.message()).contains("directory");
			assertThat(problem).hasToString(file.path() + ": error: " + problem.message());
		});
	}

	@Test
	void everyProblemPrintsAsPathLineSeverityMessage() throws IOException {
		InferenceFile file = write(
				"""
						no equals here
						=us.amazon.nova-pro-v1:0
						a.b=c=d
						amazon.nova-pro-v1:0=arn:aws:bedrock:us-east-1:52136900491:inference-profile/us.amazon.nova-pro-v1:0
						amazon.nova-pro-v1:0=arn:aws-mars:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0
						us.amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0
						Amazon Nova=
						amazon.nova-lite-v1:0=
						amazon.nova-lite-v1:0=us.amazon.nova-lite-v1:0
						""");
		InferenceFileContent content = file.read();

		assertThat(content.problems()).extracting(FileProblem::line).containsExactly(1, 2, 3, 4, 5, 6, 7, 9);
		Pattern form = Pattern.compile(Pattern.quote(file.path().toString()) + ":[1-9][0-9]*: (error|warning): \\S.*");
		assertThat(content.problems()).allSatisfy((problem) -> {
			assertThat(problem.toString()).matches(form)
				.isEqualTo(file.path() + ":" + problem.line() + ": "
						+ problem.severity().name().toLowerCase(java.util.Locale.ROOT) + ": " + problem.message());
			assertThat(problem.message()).doesNotContain("\n");
		});
		assertThat(content.problems().get(7).toString()).startsWith(file.path() + ":9: warning: ");
		assertThat(content.problems().get(0).toString()).startsWith(file.path() + ":1: error: ");
	}

	@Test
	void parseNamesTheSourceItIsGiven() {
		InferenceFileContent content = InferenceFile.parse("oops\n".getBytes(StandardCharsets.UTF_8),
				"config/inference.txt", java.time.Clock.systemUTC());

		assertThat(content.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.toString()).startsWith("config/inference.txt:1: error: "));
	}

}
