package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A folder of its own for each test, on tmpfs ({@code /dev/shm}) when there is one, else
 * a temp folder: for tests of locks and lost writes, which tmpfs runs the same, where the
 * fsync of every rewrite on a disk would take most of their time. Deleted after each
 * test.
 */
public final class MemoryFolder implements BeforeEachCallback, AfterEachCallback {

	private final String prefix;

	private Path path;

	/**
	 * A folder whose name starts with {@code prefix}.
	 * @param prefix the start of its name
	 */
	public MemoryFolder(String prefix) {
		this.prefix = prefix;
	}

	/**
	 * The current test's folder.
	 * @return the folder
	 */
	public Path path() {
		return this.path;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		Path shm = Path.of("/dev/shm");
		this.path = (Files.isDirectory(shm) && Files.isWritable(shm)) ? Files.createTempDirectory(shm, this.prefix)
				: Files.createTempDirectory(this.prefix);
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		try (Stream<Path> files = Files.walk(this.path)) {
			for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(file);
			}
		}
	}

}
