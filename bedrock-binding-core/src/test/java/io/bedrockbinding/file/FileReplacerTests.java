package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link FileReplacer#replace}: a whole file written as an inference file is, without a
 * lock.
 */
class FileReplacerTests {

	private static final byte[] CONTENT = "{\"models\":[]}\n".getBytes(StandardCharsets.UTF_8);

	@TempDir
	Path dir;

	@Test
	void aNewFileGetsThePermissionsAsked() throws IOException {
		Path ownerOnly = this.dir.resolve("owner-only.json");
		Path shared = this.dir.resolve("shared.json");
		Path plain = Files.createFile(this.dir.resolve("plain"));

		FileReplacer.replace(ownerOnly, CONTENT, NewFilePermissions.OWNER_ONLY);
		FileReplacer.replace(shared, CONTENT, NewFilePermissions.DEFAULT);

		assertThat(ownerOnly).hasBinaryContent(CONTENT);
		assertThat(shared).hasBinaryContent(CONTENT);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(ownerOnly))).isEqualTo("rw-------");
		assertThat(Files.getPosixFilePermissions(shared)).isEqualTo(Files.getPosixFilePermissions(plain));
	}

	@Test
	void aReplacedFileKeepsItsPermissionsAndItsLink() throws IOException {
		Path real = Files.createDirectory(this.dir.resolve("real")).resolve("catalog.json");
		Files.writeString(real, "{}");
		Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r-----"));
		Path link = Files.createSymbolicLink(this.dir.resolve("catalog.json"), Path.of("real", "catalog.json"));

		FileReplacer.replace(link, CONTENT, NewFilePermissions.OWNER_ONLY);

		assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real", "catalog.json"));
		assertThat(real).hasBinaryContent(CONTENT);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(real))).isEqualTo("rw-r-----");
	}

	@Test
	void aWholeFileIsWrittenWithoutALockFileOrATempFileLeft() throws IOException {
		Path file = this.dir.resolve("catalog.json");

		FileReplacer.replace(file, "{}".getBytes(StandardCharsets.UTF_8), NewFilePermissions.DEFAULT);
		FileReplacer.replace(file, CONTENT, NewFilePermissions.DEFAULT);

		assertThat(file).hasBinaryContent(CONTENT);
		assertThat(fileNames(this.dir)).containsExactly("catalog.json");
	}

	@Test
	void aFileNameAloneIsWrittenInTheWorkingFolder() throws IOException {
		Path name = Path.of("file-replacer-" + UUID.randomUUID() + ".json");
		try {
			FileReplacer.replace(name, CONTENT, NewFilePermissions.DEFAULT);

			assertThat(name.toAbsolutePath()).hasBinaryContent(CONTENT);
		}
		finally {
			Files.deleteIfExists(name);
		}
	}

	private static List<String> fileNames(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

}
