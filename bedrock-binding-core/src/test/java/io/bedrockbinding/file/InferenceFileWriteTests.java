package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.identifier.InvalidTargetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Writing {@code inference.txt}: one line changes, everything else stays byte for byte.
 */
class InferenceFileWriteTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String NOVA_LITE = "amazon.nova-lite-v1:0";

	private static final String NOVA_MICRO = "amazon.nova-micro-v1:0";

	private static final String ARN = "arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.amazon.nova-pro-v1:0";

	@TempDir
	Path dir;

	private Path path() {
		return this.dir.resolve("inference.txt");
	}

	private InferenceFile write(String text) throws IOException {
		Files.write(path(), text.getBytes(StandardCharsets.UTF_8));
		return new InferenceFile(path());
	}

	private String text() throws IOException {
		return Files.readString(path(), StandardCharsets.UTF_8);
	}

	@Test
	void bindChangesTheOneLineInPlaceAndKeepsEverythingElse() throws IOException {
		String original = """
				# my bindings
				%s=us.amazon.nova-pro-v1:0

				  # indented comment a.b=c
				not a binding line
				%s=
				%s=arn:aws:bedrock:us-east-1:52136900491:inference-profile/us.amazon.nova-micro-v1:0
				# trailer
				""".formatted(NOVA_PRO, NOVA_LITE, NOVA_MICRO);
		InferenceFile file = write(original);

		FileChange change = file.bind(NOVA_PRO, ARN);

		assertThat(change).isEqualTo(new FileChange(NOVA_PRO, "us.amazon.nova-pro-v1:0", ARN));
		assertThat(change.changed()).isTrue();
		assertThat(text()).isEqualTo(original.replace(NOVA_PRO + "=us.amazon.nova-pro-v1:0", NOVA_PRO + "=" + ARN));
		assertThat(file.read().bindings().get(NOVA_PRO).target().value()).isEqualTo(ARN);
		assertThat(file.read().bindings().get(NOVA_PRO).line()).isEqualTo(2);
	}

	@Test
	void bindingTheSameTargetAgainLeavesTheLineAsItsAuthorWroteIt() throws IOException {
		String original = "# mine\n  " + NOVA_PRO + " =\tus.amazon.nova-pro-v1:0 \n";
		InferenceFile file = write(original);

		FileChange change = file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		assertThat(change.changed()).isFalse();
		assertThat(text()).isEqualTo(original);
	}

	@Test
	void bindingTheSameChainSpacedAnotherWayLeavesTheLineAsItIs() throws IOException {
		String original = NOVA_PRO + "=us.amazon.nova-pro-v1:0 ,\teu.amazon.nova-pro-v1:0\n";
		InferenceFile file = write(original);

		FileChange chain = file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0, eu.amazon.nova-pro-v1:0");

		assertThat(chain.changed()).isFalse();
		assertThat(text()).isEqualTo(original);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", NOVA_PRO })
	void bindingDirectAModelBoundDirectTheOtherWayLeavesTheLineAsItIs(String direct) throws IOException {
		String other = direct.isEmpty() ? NOVA_PRO : "";
		InferenceFile file = write(NOVA_PRO + "=" + other + "\n");

		file.bind(NOVA_PRO, direct);

		assertThat(text()).isEqualTo(NOVA_PRO + "=" + other + "\n");
	}

	@Test
	void bindKeepsByteOrderMarkAndCrlf() throws IOException {
		String original = "\uFEFF# header\r\n" + NOVA_PRO + " = us.amazon.nova-pro-v1:0\r\n\r\n# end\r\n";
		InferenceFile file = write(original);

		file.bind(NOVA_PRO, "");
		file.bind(NOVA_LITE, "  us.amazon.nova-lite-v1:0  ");

		assertThat(text()).isEqualTo(
				"\uFEFF# header\r\n" + NOVA_PRO + "=\r\n\r\n# end\r\n" + NOVA_LITE + "=us.amazon.nova-lite-v1:0\r\n");
	}

	@Test
	void bindOfANewKeyToAFileWithoutAFinalNewlineKeepsItWithout() throws IOException {
		InferenceFile file = write("# header\n" + NOVA_PRO + "=");

		FileChange change = file.bind(NOVA_LITE, "us.amazon.nova-lite-v1:0");

		assertThat(change).isEqualTo(new FileChange(NOVA_LITE, null, "us.amazon.nova-lite-v1:0"));
		assertThat(text()).isEqualTo("# header\n" + NOVA_PRO + "=\n" + NOVA_LITE + "=us.amazon.nova-lite-v1:0");
	}

	@Test
	void bindOfTheSameTargetIsNoChange() throws IOException {
		InferenceFile file = write("# header\n" + NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");

		FileChange change = file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		assertThat(change.changed()).isFalse();
		assertThat(text()).isEqualTo("# header\n" + NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
	}

	@Test
	void bindFillsThePlaceholderOfTheDefaultFileInPlace() throws IOException {
		InferenceFile file = new InferenceFile(path());
		assertThat(file.createIfMissing(ModelCatalog.builtIn())).isTrue();
		List<String> before = Files.readAllLines(path());
		int placeholder = before.indexOf("#" + NOVA_PRO + "=");
		assertThat(placeholder).isPositive();

		FileChange change = file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		List<String> after = Files.readAllLines(path());
		assertThat(change.before()).isNull();
		assertThat(after).hasSameSizeAs(before);
		assertThat(after.get(placeholder)).isEqualTo(NOVA_PRO + "=us.amazon.nova-pro-v1:0");
		for (int i = 0; i < before.size(); i++) {
			if (i != placeholder) {
				assertThat(after.get(i)).isEqualTo(before.get(i));
			}
		}
		InferenceFileContent content = file.read();
		assertThat(content.problems()).isEmpty();
		assertThat(content.entries()).singleElement()
			.satisfies((entry) -> assertThat(entry.line()).isEqualTo(placeholder + 1));
	}

	@Test
	void everyCatalogModelCanBeBoundThroughItsPlaceholder() throws IOException {
		InferenceFile file = new InferenceFile(path());
		file.createIfMissing(ModelCatalog.builtIn());
		int lines = Files.readAllLines(path()).size();

		file.update((document) -> {
			InferenceDocument edited = document;
			for (var model : ModelCatalog.builtIn().all()) {
				edited = edited.with(model.modelId(), "");
			}
			return edited;
		});

		InferenceFileContent content = file.read();
		assertThat(content.problems()).isEmpty();
		assertThat(content.entries()).hasSize(ModelCatalog.builtIn().size());
		assertThat(Files.readAllLines(path())).hasSize(lines);
	}

	@Test
	void bindAndUnbindOfANewModelInTheDefaultFileGiveBackItsBytesAfterAUserComment() throws IOException {
		Path path = path();
		InferenceFile file = new InferenceFile(path);
		assertThat(file.createIfMissing(ModelCatalog.builtIn())).isTrue();
		Files.writeString(path, "# TODO: ask ops which profile\n", StandardOpenOption.APPEND);
		byte[] before = Files.readAllBytes(path);

		file.bind("acme.foo-v1:0", "");
		file.unbind("acme.foo-v1:0");

		assertThat(Files.readAllBytes(path)).isEqualTo(before);
	}

	@Test
	void unbindRemovesOnlyThatKeysLines() throws IOException {
		InferenceFile file = write("# " + NOVA_PRO + "=x\n" + NOVA_PRO + "=\n" + NOVA_LITE + "=\n" + "  " + NOVA_PRO
				+ " = us.amazon.nova-pro-v1:0\n" + "#" + NOVA_PRO + "=\n" + NOVA_PRO + "x.y=\n");

		FileChange change = file.unbind(NOVA_PRO);

		// line 4 bound it last; line 2 went too
		assertThat(change).isEqualTo(new FileChange(NOVA_PRO, "us.amazon.nova-pro-v1:0", null, List.of(2)));
		assertThat(change.changed()).isTrue();
		assertThat(text())
			.isEqualTo("# " + NOVA_PRO + "=x\n" + NOVA_LITE + "=\n" + "#" + NOVA_PRO + "=\n" + NOVA_PRO + "x.y=\n");
	}

	@Test
	void unbindOfAnUnterminatedLastLineKeepsTheLineBeforeAsItWas() throws IOException {
		InferenceFile file = write("# header\r\n\r\n" + NOVA_PRO + "=");

		file.unbind(NOVA_PRO);

		assertThat(text()).isEqualTo("# header\r\n\r\n");
		assertThat(Files.readAllLines(path())).containsExactly("# header", "");
	}

	@Test
	void unbindOfEveryLineLeavesOnlyTheByteOrderMark() throws IOException {
		InferenceFile file = write("\uFEFF" + NOVA_PRO + "=\r\n");

		file.unbind(NOVA_PRO);

		assertThat(text()).isEqualTo("\uFEFF");
		assertThat(file.read().problems()).isEmpty();
	}

	@Test
	void unbindOfAnUnboundKeyChangesNothing() throws IOException {
		String original = "# header\n" + NOVA_LITE + "=\n";
		InferenceFile file = write(original);

		FileChange change = file.unbind(NOVA_PRO);

		assertThat(change).isEqualTo(new FileChange(NOVA_PRO, null, null));
		assertThat(change.changed()).isFalse();
		assertThat(text()).isEqualTo(original);
	}

	@Test
	void unbindOnAMissingFileDoesNotCreateIt() throws IOException {
		InferenceFile file = new InferenceFile(path());

		FileChange change = file.unbind(NOVA_PRO);

		assertThat(change.changed()).isFalse();
		assertThat(path()).doesNotExist();
	}

	@Test
	void invalidModelOrTargetThrowsAndLeavesTheFileByteForByteUnchanged() throws IOException {
		byte[] original = ("\uFEFF# header\r\n" + NOVA_PRO + "=\r\nbad line\r\n").getBytes(StandardCharsets.UTF_8);
		Files.write(path(), original);
		InferenceFile file = new InferenceFile(path());

		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> file.bind("Nova Pro", ""));
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> file.bind("", ""));
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> file.bind("us.amazon.nova-pro-v1:0", ""));
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> file.bind(NOVA_PRO, "a=b"))
			.withMessageContaining("a=b");
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> file.bind(NOVA_PRO, "x\ny"));
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> file.bind(NOVA_PRO + "\n#", ""));
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> file.bind(NOVA_PRO,
					"arn:aws:bedrock:us-east-1:52136900491:inference-profile/us.amazon.nova-pro-v1:0"))
			.withMessageContaining("account must be 12 digits, got '52136900491'");

		assertThat(Files.readAllBytes(path())).isEqualTo(original);
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void invalidBindOnAMissingFileCreatesNoFile() {
		InferenceFile file = new InferenceFile(path());

		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> file.bind(NOVA_PRO, "nonsense!"));

		assertThat(path()).doesNotExist();
	}

	@Test
	void nonUtf8FileIsRefusedForWritingAndLeftUnchanged() throws IOException {
		byte[] original = { '#', ' ', (byte) 0xE9, 't', (byte) 0xE9, '\n', 'a', '.', 'b', '=', '\n' };
		Files.write(path(), original);
		InferenceFile file = new InferenceFile(path());

		String refusal = "Cannot write " + path() + ": is not valid UTF-8 (line 1); not rewriting it, so that "
				+ "nothing is lost: save it as UTF-8 first";
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.bind(NOVA_PRO, "")).withMessage(refusal);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.unbind("a.b")).withMessage(refusal);

		assertThat(Files.readAllBytes(path())).isEqualTo(original);
	}

	@ParameterizedTest
	@ValueSource(strings = { "UTF-16LE", "UTF-16BE", "UTF-16" })
	void aUtf16FileIsRefusedForWritingAndLeftUnchanged(String charset) throws IOException {
		byte[] original = ("# c\n" + NOVA_PRO + "=us." + NOVA_PRO + "\n").getBytes(Charset.forName(charset));
		Files.write(path(), original);
		InferenceFile file = new InferenceFile(path());

		String refusal = "Cannot write " + path() + ": is UTF-16 (a Windows editor's \"Unicode\"), not UTF-8; not "
				+ "rewriting it, so that nothing is lost: save it as UTF-8 first";
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.bind(NOVA_LITE, "")).withMessage(refusal);
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.unbind(NOVA_PRO)).withMessage(refusal);

		assertThat(Files.readAllBytes(path())).isEqualTo(original);
		assertThat(this.dir.resolve(".inference.txt.lock")).as("a refused write leaves no lock file").doesNotExist();
	}

	@Test
	void aNewFileIsOwnerOnly() throws IOException {
		InferenceFile file = new InferenceFile(this.dir.resolve("new/folder/inference.txt"));

		file.bind(NOVA_PRO, "");

		assertThat(Files.getPosixFilePermissions(file.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
		assertThat(Files.readString(file.path())).isEqualTo(NOVA_PRO + "=\n");
	}

	@Test
	void theDefaultFileIsOwnerOnly() throws IOException {
		InferenceFile file = new InferenceFile(path());

		file.createIfMissing(ModelCatalog.builtIn());

		assertThat(Files.getPosixFilePermissions(file.path())).isEqualTo(PosixFilePermissions.fromString("rw-------"));
	}

	@Test
	void aRewrittenFileKeepsItsPermissions() throws IOException {
		InferenceFile file = write("# header\n");
		Set<PosixFilePermission> shared = PosixFilePermissions.fromString("rw-r-----");
		Files.setPosixFilePermissions(path(), shared);

		file.bind(NOVA_PRO, "");
		assertThat(Files.getPosixFilePermissions(path())).isEqualTo(shared);

		Set<PosixFilePermission> open = PosixFilePermissions.fromString("rw-rw-r--");
		Files.setPosixFilePermissions(path(), open);
		file.unbind(NOVA_PRO);
		assertThat(Files.getPosixFilePermissions(path())).isEqualTo(open);
		assertThat(text()).isEqualTo("# header\n");
	}

	@Test
	void aFileRewrittenByRootKeepsItsOwnerAndGroup() throws IOException {
		write("# header\n");
		UserPrincipalLookupService lookup = path().getFileSystem().getUserPrincipalLookupService();
		// numeric IDs, which need no entry in the user database
		UserPrincipal user = lookup.lookupPrincipalByName("4242");
		GroupPrincipal group = lookup.lookupPrincipalByGroupName("4243");
		PosixFileAttributeView view = Files.getFileAttributeView(path(), PosixFileAttributeView.class);
		try {
			view.setOwner(user);
			view.setGroup(group);
		}
		catch (FileSystemException ex) {
			assumeTrue(false, "only root may give a file to another user");
		}
		Files.setPosixFilePermissions(path(), PosixFilePermissions.fromString("rw-------"));

		new InferenceFile(path()).bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		PosixFileAttributes after = view.readAttributes();
		assertThat(after.owner()).isEqualTo(user);
		assertThat(after.group()).isEqualTo(group);
		assertThat(PosixFilePermissions.toString(after.permissions())).isEqualTo("rw-------");
		assertThat(text()).isEqualTo("# header\n" + NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
		// the lock file the edit made is the user's too, so the user's own edits can open
		// it
		PosixFileAttributes lock = Files.readAttributes(this.dir.resolve(".inference.txt.lock"),
				PosixFileAttributes.class);
		assertThat(lock.owner()).isEqualTo(user);
		assertThat(lock.group()).isEqualTo(group);
	}

	@Test
	void aDeviceIsNoInferenceFile() throws IOException {
		Path zero = Path.of("/dev/zero");
		assumeTrue(Files.exists(zero), "a Unix device");

		assertThat(new InferenceFile(zero).read().problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("is not a regular file"));
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> new InferenceFile(zero).bind(NOVA_PRO, ""))
			.withMessage("Cannot write /dev/zero: is not a regular file (a device, pipe or socket): point the location "
					+ "at a file");
		assertThat(Path.of("/dev/.zero.lock")).doesNotExist();
	}

	@Test
	void writingThroughASymlinkKeepsTheLinkAndChangesItsTarget() throws IOException {
		Path real = Files.createDirectory(this.dir.resolve("real")).resolve("inference.txt");
		Files.writeString(real, "# real\n");
		Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
		Path link = Files.createSymbolicLink(path(), Path.of("real", "inference.txt"));
		InferenceFile file = new InferenceFile(link);

		file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real", "inference.txt"));
		assertThat(Files.readString(real)).isEqualTo("# real\n" + NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
		assertThat(Files.getPosixFilePermissions(real)).isEqualTo(PosixFilePermissions.fromString("rw-r-----"));
		assertThat(file.read().bindings()).containsKey(NOVA_PRO);
		try (Stream<Path> files = Files.list(this.dir.resolve("real"))) {
			assertThat(files.map((each) -> each.getFileName().toString())).noneMatch((name) -> name.endsWith(".tmp"));
		}
	}

	@Test
	void writingThroughAChainOfSymlinksKeepsEveryLink() throws IOException {
		Path real = Files.createDirectory(this.dir.resolve("real")).resolve("inference.txt");
		Files.writeString(real, "# real\n");
		Path middle = Files.createSymbolicLink(this.dir.resolve("middle.txt"), real);
		Path link = Files.createSymbolicLink(path(), middle);

		new InferenceFile(link).bind(NOVA_PRO, "");

		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.isSymbolicLink(middle)).isTrue();
		assertThat(Files.readString(real)).isEqualTo("# real\n" + NOVA_PRO + "=\n");
	}

	@Test
	void readOnlyFolderThrowsNamingThePathAndChangesNothing() throws IOException {
		String original = "# header\n" + NOVA_PRO + "=\n";
		InferenceFile file = write(original);
		Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("r-x------"));
		try {
			assumeFalse(Files.isWritable(this.dir), "running as root: a read-only folder is still writable");

			assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.bind(NOVA_LITE, ""))
				.withMessageContaining(file.path().toString());
			assertThat(text()).isEqualTo(original);
			assertThat(leftovers()).isEmpty();
		}
		finally {
			Files.setPosixFilePermissions(this.dir, PosixFilePermissions.fromString("rwx------"));
		}
	}

	@Test
	void folderThatCannotBeCreatedThrowsNamingThePath() throws IOException {
		Path notAFolder = Files.writeString(this.dir.resolve("home"), "a file, not a folder");
		InferenceFile file = new InferenceFile(notAFolder.resolve(".aws/inference.txt"));

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.bind(NOVA_PRO, ""))
			.withMessageContaining(file.path().toString());
		assertThat(Files.readString(notAFolder)).isEqualTo("a file, not a folder");
	}

	@Test
	void aDirectoryAtThePathIsRefusedNamingThePathAndTheFix() throws IOException {
		InferenceFile file = new InferenceFile(Files.createDirectory(path()));

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.bind(NOVA_PRO, ""))
			.withMessage("Cannot write " + path() + ": is a directory, not a file: point the location at a file");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.unbind(NOVA_PRO))
			.withMessageContaining(path() + ": is a directory, not a file");

		assertThat(path()).isEmptyDirectory();
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aWriteLeavesNoTempFiles() throws IOException {
		InferenceFile file = new InferenceFile(path());
		for (int i = 0; i < 20; i++) {
			file.bind(NOVA_PRO, (i % 2 == 0) ? "" : "us.amazon.nova-pro-v1:0");
		}
		file.unbind(NOVA_PRO);

		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aLeftoverTempFileOfAKilledWriterIsNeverTakenForTheFileAndTheNextWriteDeletesIt() throws IOException {
		InferenceFile file = write("# header\n" + NOVA_PRO + "=\n");
		Path leftover = Files.writeString(this.dir.resolve(".inference.txt.4711.tmp"),
				"# header\n" + NOVA_LITE + "=us.amaz");
		Path notOurs = Files.writeString(this.dir.resolve(".inference.txt.backup.tmp"), "kept");
		Path otherFile = Files.writeString(this.dir.resolve(".other.txt.4711.tmp"), "kept");

		assertThat(file.read().bindings()).containsOnlyKeys(NOVA_PRO);
		file.bind(NOVA_MICRO, "");

		assertThat(file.read().problems()).isEmpty();
		assertThat(file.read().bindings()).containsOnlyKeys(NOVA_PRO, NOVA_MICRO);
		assertThat(leftover).doesNotExist();
		assertThat(notOurs).hasContent("kept");
		assertThat(otherFile).hasContent("kept");
	}

	@Test
	void aWriteThatChangesNothingLeavesTheLeftoversOfOthersAlone() throws IOException {
		InferenceFile file = write("# header\n" + NOVA_PRO + "=\n");
		Path leftover = Files.writeString(this.dir.resolve(".inference.txt.4711.tmp"), "partial");

		file.bind(NOVA_PRO, "");

		assertThat(leftover).hasContent("partial");
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(
			strings = { "no final newline", "mixed endings", "CR only", "BOM and CRLF", "blank last line", "empty" })
	void bindThenUnbindOfANewModelGivesBackTheSameBytes(String shape) throws IOException {
		String original = switch (shape) {
			case "no final newline" -> "# header\n" + NOVA_PRO + "=";
			case "mixed endings" -> "# header\r\n" + NOVA_PRO + "=\n# crlf again\r\n" + NOVA_LITE + "=\r";
			case "CR only" -> "# header\r" + NOVA_PRO + "=\r";
			case "BOM and CRLF" -> "\uFEFF# header\r\n" + NOVA_PRO + "=";
			case "blank last line" -> "# header\n\n";
			default -> "";
		};
		InferenceFile file = write(original);

		file.bind(NOVA_MICRO, "us.amazon.nova-micro-v1:0");
		assertThat(file.read().bindings()).containsKey(NOVA_MICRO);
		assertThat(file.read().problems()).isEmpty();
		file.unbind(NOVA_MICRO);

		assertThat(text()).isEqualTo(original);
	}

	@Test
	void bindOfAModelBoundOnTwoLinesRewritesTheLastAndRemovesTheDuplicateKeepingEveryComment() throws IOException {
		String original = "# mine\n" + NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n# between\r\n" + NOVA_LITE + "=\n"
				+ NOVA_PRO + " = us.amazon.nova-pro-v1:0\n# trailer\n";
		InferenceFile file = write(original);

		FileChange change = file.bind(NOVA_PRO, ARN);

		assertThat(change).isEqualTo(new FileChange(NOVA_PRO, "us.amazon.nova-pro-v1:0", ARN, List.of(2)));
		assertThat(change.changed()).isTrue();
		assertThat(text())
			.isEqualTo("# mine\n# between\r\n" + NOVA_LITE + "=\n" + NOVA_PRO + "=" + ARN + "\n# trailer\n");
		assertThat(file.read().problems()).isEmpty();
	}

	@Test
	void bindToTheTargetTheLastLineNamesStillRemovesTheDuplicateAndKeepsThatLineAsWritten() throws IOException {
		InferenceFile file = write(NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n" + NOVA_PRO + "=\n" + NOVA_PRO
				+ "\t=  us.amazon.nova-pro-v1:0\n");

		FileChange change = file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		assertThat(change)
			.isEqualTo(new FileChange(NOVA_PRO, "us.amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", List.of(1, 2)));
		assertThat(change.changed()).isTrue();
		assertThat(text()).isEqualTo(NOVA_PRO + "\t=  us.amazon.nova-pro-v1:0\n");
		// once one line is left, the same bind changes nothing
		assertThat(file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0").changed()).isFalse();
	}

	@Test
	void bindKeepsABrokenLineOfTheModelWhichIsTheUsersToFix() throws IOException {
		String broken = NOVA_PRO + "=us.amazon.nova-pro-v1:";
		InferenceFile file = write(broken + "\n" + NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n");

		FileChange change = file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		assertThat(change.removedLines()).isEmpty();
		assertThat(text()).isEqualTo(broken + "\n" + NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
	}

	@Test
	void unbindOfAModelBoundOnTwoLinesRemovesBothAndSaysWhichOtherLineWent() throws IOException {
		InferenceFile file = write("# mine\n" + NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n# between\n" + NOVA_PRO
				+ "=us.amazon.nova-pro-v1:0\n");

		FileChange change = file.unbind(NOVA_PRO);

		assertThat(change).isEqualTo(new FileChange(NOVA_PRO, "us.amazon.nova-pro-v1:0", null, List.of(2)));
		assertThat(text()).isEqualTo("# mine\n# between\n");
	}

	@Test
	void aDuplicateBindRemovesUnderAModelsNoteOfTheDefaultFileBecomesItsPlaceholderAgain() throws IOException {
		InferenceFile file = new InferenceFile(path());
		assertThat(file.createIfMissing(ModelCatalog.builtIn())).isTrue();
		String original = text();
		file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");
		// the same model bound again at the end, by hand
		Files.writeString(path(), text() + NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n");

		FileChange change = file.bind(NOVA_PRO, "global.amazon.nova-pro-v1:0");

		assertThat(change.removedLines()).hasSize(1);
		assertThat(text()).isEqualTo(original + NOVA_PRO + "=global.amazon.nova-pro-v1:0\n");
	}

	@Test
	void bindThenUnbindInTheDefaultFileRestoresThePlaceholder() throws IOException {
		InferenceFile file = new InferenceFile(path());
		assertThat(file.createIfMissing(ModelCatalog.builtIn())).isTrue();
		byte[] original = Files.readAllBytes(path());

		file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");
		file.bind("acme.rocket-v9:0", "us.acme.rocket-v9:0");
		file.unbind(NOVA_PRO);
		file.unbind("acme.rocket-v9:0");

		assertThat(Files.readAllBytes(path())).isEqualTo(original);
	}

	@Test
	void unbindInAFileOfYourOwnRemovesTheLine() throws IOException {
		InferenceFile file = write("# Nova Pro: ours\n" + NOVA_PRO + "=\n");

		file.unbind(NOVA_PRO);

		assertThat(text()).isEqualTo("# Nova Pro: ours\n");
	}

	@Test
	void bindThenUnbindInAFileOfYourOwnKeepsACommentedOutLineOfThatModel() throws IOException {
		String original = "# my bindings\n#" + NOVA_PRO + "=\n" + NOVA_LITE + "=us.amazon.nova-lite-v1:0\n";
		InferenceFile file = write(original);

		file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");
		assertThat(text()).isEqualTo(original + NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
		file.unbind(NOVA_PRO);

		assertThat(text()).isEqualTo(original);
	}

	@Test
	void rebindingTheSameChainIsNoChange() throws IOException {
		InferenceFile file = write("");
		String chain = "us.amazon.nova-pro-v1:0,global.amazon.nova-pro-v1:0";
		assertThat(file.bind(NOVA_PRO, chain).after())
			.isEqualTo("us.amazon.nova-pro-v1:0, global.amazon.nova-pro-v1:0");
		byte[] written = Files.readAllBytes(path());

		FileChange again = file.bind(NOVA_PRO, chain);

		assertThat(Files.readAllBytes(path())).isEqualTo(written);
		assertThat(again.changed()).as(again.toString()).isFalse();
	}

	@Test
	void bindRewritesALineWhoseModelIdHasALookAlikeSpace() throws IOException {
		InferenceFile file = write("# header\n" + NOVA_PRO + "\u00A0=eu.amazon.nova-pro-v1:0\n");
		assertThat(file.read().bindings()).isEmpty();

		FileChange change = file.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		assertThat(change.before()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(text()).isEqualTo("# header\n" + NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
	}

	@Test
	void aDanglingSymlinkIsRefusedAndStaysALink() throws IOException {
		Path link = Files.createSymbolicLink(path(), this.dir.resolve("gone/inference.txt"));
		InferenceFile file = new InferenceFile(link);

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.bind(NOVA_PRO, ""))
			.withMessageContaining(link.toString())
			.withMessageContaining("symbolic link")
			.withMessageContaining("does not exist");

		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(this.dir.resolve("gone")).doesNotExist();
		assertThat(leftovers()).isEmpty();
	}

	@Test
	void aReadOnlyFileIsRefusedEvenForRootNamingTheFile() throws IOException {
		String original = "# header\n" + NOVA_PRO + "=\n";
		InferenceFile file = write(original);
		Files.setPosixFilePermissions(path(), PosixFilePermissions.fromString("r--r--r--"));

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.bind(NOVA_LITE, ""))
			.withMessageContaining(path().toString() + ": the file is read-only (mode r--r--r--)")
			.withMessageContaining("chmod u+w")
			.withMessageNotContaining("folder");
		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.unbind(NOVA_PRO))
			.withMessageContaining("read-only");

		assertThat(text()).isEqualTo(original);
		assertThat(Files.getPosixFilePermissions(path())).isEqualTo(PosixFilePermissions.fromString("r--r--r--"));
		assertThat(leftovers()).isEmpty();
		// nor the lock file it made (read-only as the file: it would refuse the
		// next write of a user other than root)
		assertThat(this.dir.resolve(".inference.txt.lock")).doesNotExist();
	}

	@Test
	void aRefusedWriteKeepsALockFileThatWasThereBefore() throws IOException {
		InferenceFile file = write("# header\n" + NOVA_PRO + "=\n");
		Path lockFile = Files.createFile(this.dir.resolve(".inference.txt.lock"));
		Files.setPosixFilePermissions(path(), PosixFilePermissions.fromString("r--r--r--"));

		assertThatExceptionOfType(IOException.class).isThrownBy(() -> file.bind(NOVA_LITE, ""));

		assertThat(lockFile).exists();
	}

	@Test
	void anEditThatWaitedForTheLockOfAFailedEditThatDeletedItTakesANewOne() throws Exception {
		InferenceFile file = write("# header\n");
		AtomicBoolean locked = new AtomicBoolean();
		Thread[] second = new Thread[1];
		Throwable[] secondFailure = new Throwable[1];
		second[0] = new Thread(() -> {
			try {
				// spinning, not waiting: WAITING is the lock's
				while (!locked.get()) {
					Thread.onSpinWait();
				}
				file.bind(NOVA_PRO, "");
			}
			catch (Throwable ex) {
				secondFailure[0] = ex;
			}
		});
		second[0].start();

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> file.update((document) -> {
			locked.set(true);
			// the second edit has opened the lock file this edit made and waits for it
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (second[0].getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
				Thread.onSpinWait();
			}
			throw new IllegalStateException("refused");
		}));
		second[0].join(TimeUnit.SECONDS.toMillis(30));

		assertThat(secondFailure[0]).isNull();
		assertThat(text()).isEqualTo("# header\n" + NOVA_PRO + "=\n");
		// the lock file the second edit made, and kept, as a successful edit does: had it
		// written under its lock of the deleted one, a third edit could have run with it
		assertThat(this.dir.resolve(".inference.txt.lock")).exists();
	}

	@Test
	void aReadOnlyFileIsStillRead() throws IOException {
		InferenceFile file = write(NOVA_PRO + "=\n");
		Files.setPosixFilePermissions(path(), PosixFilePermissions.fromString("r--r--r--"));

		assertThat(file.read().bindings()).containsOnlyKeys(NOVA_PRO);
		assertThat(file.bind(NOVA_PRO, "").changed()).isFalse();
	}

	@Test
	void theLockFileIsHiddenBesideTheFile() throws IOException {
		InferenceFile file = new InferenceFile(path());

		file.bind(NOVA_PRO, "");

		try (Stream<Path> files = Files.list(this.dir)) {
			assertThat(files.map((each) -> each.getFileName().toString())).containsExactlyInAnyOrder("inference.txt",
					".inference.txt.lock");
		}
	}

	/** Files in the folder other than the file itself and its lock file. */
	private List<String> leftovers() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.map((each) -> each.getFileName().toString())
				.filter((name) -> !name.equals("inference.txt") && !name.equals(".inference.txt.lock"))
				.toList();
		}
	}

}
