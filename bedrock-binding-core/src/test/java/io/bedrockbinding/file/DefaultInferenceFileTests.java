package io.bedrockbinding.file;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/** The default {@code inference.txt}: a header and every catalog model, commented out. */
class DefaultInferenceFileTests {

	private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

	@TempDir
	Path dir;

	private Path created() {
		Path path = this.dir.resolve(".aws/inference.txt");
		assertThat(new InferenceFile(path).createIfMissing(CATALOG)).isTrue();
		return path;
	}

	@Test
	void startsWithAHeaderExplainingTheFormat() throws IOException {
		List<String> lines = Files.readAllLines(created());

		List<String> header = lines.subList(0, lines.indexOf(""));
		assertThat(header).isNotEmpty().allSatisfy((line) -> assertThat(line).startsWith("#"));
		String text = String.join("\n", header);
		assertThat(text).contains("model-id=target")
			.contains("empty")
			.contains("us.")
			.contains("arn:aws:bedrock:")
			.contains("{account}")
			.contains("'#'")
			.contains("first '='");
	}

	@Test
	void listsEveryCatalogModelAsAPlaceholderGroupedByProvider() throws IOException {
		List<String> lines = Files.readAllLines(created());

		Set<String> providers = new LinkedHashSet<>();
		CATALOG.all().forEach((model) -> providers.add(model.provider()));
		List<String> providerLines = lines.stream().filter((line) -> line.startsWith("# ==== ")).toList();
		assertThat(providerLines)
			.containsExactlyElementsOf(providers.stream().map((p) -> "# ==== " + p + " ====").toList());

		assertThat(CATALOG.size()).isGreaterThanOrEqualTo(150);
		for (ModelInfo model : CATALOG.all()) {
			String placeholder = "#" + model.modelId() + "=";
			assertThat(lines).as(model.modelId()).containsOnlyOnce(placeholder);
			int index = lines.indexOf(placeholder);
			int section = lastIndexBefore(lines, index);
			assertThat(lines.get(section)).as(model.modelId() + " grouped under its provider")
				.isEqualTo("# ==== " + model.provider() + " ====");
			String note = lines.get(index - 1);
			assertThat(note).as("the note above " + model.modelId()).startsWith("# " + model.displayName() + ": ");
		}
	}

	@Test
	void notesSayWhereAModelNeedsAProfile() throws IOException {
		List<String> lines = Files.readAllLines(created());

		List<String> notes = new ArrayList<>();
		for (ModelInfo model : CATALOG.all()) {
			String note = lines.get(lines.indexOf("#" + model.modelId() + "=") - 1);
			notes.add(note);
			if (model.isContextVariant()) {
				assertThat(note).as(model.modelId()).contains("provisioned");
			}
			else if (!model.profileOnlyRegions().isEmpty()) {
				assertThat(note).as(model.modelId()).contains("needs a profile in");
				model.profileOnlyRegions().forEach((region) -> assertThat(note).as(model.modelId()).contains(region));
			}
			else if (model.needsProfileElsewhere()) {
				assertThat(note).as(model.modelId()).contains("needs a profile");
			}
			else if (model.onDemandRegions().isEmpty()) {
				assertThat(note).as(model.modelId()).endsWith(": in no region of the catalog");
			}
			else {
				assertThat(note).as(model.modelId()).contains("on demand in");
				model.onDemandRegions().forEach((region) -> assertThat(note).as(model.modelId()).contains(region));
			}
		}
		assertThat(notes).anySatisfy((note) -> assertThat(note).contains("needs a profile"));
		assertThat(notes).anySatisfy((note) -> assertThat(note).contains("on demand in"));
	}

	@Test
	void aLineBreakInAModelsNameStartsNoLine() throws IOException {
		String json = "{\"models\":[{\"id\":\"acme.m-v1:0\",\"provider\":\"acme\","
				+ "\"name\":\"M\\namazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\\n#\"}]}";
		ModelCatalog catalog = ModelCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
		Path path = this.dir.resolve("inference.txt");

		assertThat(new InferenceFile(path).createIfMissing(catalog)).isTrue();

		assertThat(new InferenceFile(path).read().entries()).isEmpty();
		assertThat(Files.readAllLines(path))
			.contains("# M amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0 #: in no region of the catalog");
	}

	@Test
	void readingItYieldsNoBindingsAndNoProblems() {
		InferenceFileContent content = new InferenceFile(created()).read();

		assertThat(content.exists()).isTrue();
		assertThat(content.entries()).isEmpty();
		assertThat(content.problems()).isEmpty();
	}

	@Test
	void createsTheFolder() {
		Path path = this.dir.resolve("a/b/c/inference.txt");

		assertThat(new InferenceFile(path).createIfMissing(CATALOG)).isTrue();

		assertThat(path).isRegularFile();
	}

	@Test
	void returnsFalseAndChangesNothingWhenTheFileExists() throws IOException {
		Path path = this.dir.resolve("inference.txt");
		byte[] mine = "# mine\namazon.nova-pro-v1:0=\n".getBytes(StandardCharsets.UTF_8);
		Files.write(path, mine);
		FileTime modified = FileTime.fromMillis(1_000_000_000_000L);
		Files.setLastModifiedTime(path, modified);

		assertThat(new InferenceFile(path).createIfMissing(CATALOG)).isFalse();

		assertThat(Files.readAllBytes(path)).isEqualTo(mine);
		assertThat(Files.getLastModifiedTime(path)).isEqualTo(modified);
	}

	@Test
	void returnsFalseAndChangesNothingWhenTheFileExistsButIsEmpty() throws IOException {
		Path path = Files.createFile(this.dir.resolve("inference.txt"));

		assertThat(new InferenceFile(path).createIfMissing(CATALOG)).isFalse();

		assertThat(Files.size(path)).isZero();
	}

	@Test
	void returnsFalseForASymlinkEvenWhenDangling() throws IOException {
		Path link = Files.createSymbolicLink(this.dir.resolve("inference.txt"), this.dir.resolve("elsewhere.txt"));

		assertThat(new InferenceFile(link).createIfMissing(CATALOG)).isFalse();

		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(this.dir.resolve("elsewhere.txt")).doesNotExist();
	}

	@Test
	void readOnlyHomeReturnsFalseAndThrowsNothing() throws IOException {
		Path home = Files.createDirectory(this.dir.resolve("home"));
		Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("r-x------"));
		try {
			assumeFalse(Files.isWritable(home), "running as root: a read-only folder is still writable");
			InferenceFile file = new InferenceFile(home.resolve(".aws/inference.txt"));

			assertThatNoException().isThrownBy(() -> assertThat(file.createIfMissing(CATALOG)).isFalse());
			assertThat(home.resolve(".aws")).doesNotExist();
		}
		finally {
			Files.setPosixFilePermissions(home, PosixFilePermissions.fromString("rwx------"));
		}
	}

	@Test
	void homeThatIsAFileReturnsFalseAndThrowsNothing() throws IOException {
		Path home = Files.writeString(this.dir.resolve("home"), "not a folder");
		InferenceFile file = new InferenceFile(home.resolve(".aws/inference.txt"));

		assertThatNoException().isThrownBy(() -> assertThat(file.createIfMissing(CATALOG)).isFalse());

		assertThat(Files.readString(home)).isEqualTo("not a folder");
	}

	@Test
	void directoryAtThePathReturnsFalseAndThrowsNothing() throws IOException {
		Path folder = Files.createDirectory(this.dir.resolve("inference.txt"));

		assertThatNoException()
			.isThrownBy(() -> assertThat(new InferenceFile(folder).createIfMissing(CATALOG)).isFalse());

		assertThat(folder).isEmptyDirectory();
	}

	private static int lastIndexBefore(List<String> lines, int index) {
		for (int i = index; i >= 0; i--) {
			if (lines.get(i).startsWith("# ==== ")) {
				return i;
			}
		}
		return -1;
	}

}
