package io.bedrockbinding.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The inference file a CLI test works on: before each test, {@code inference.txt} in a
 * new temporary folder, holding the given content (or absent); after it, the folder is
 * deleted. {@link #run(String...)} runs the tool on it with {@code --file}.
 *
 * <pre class="code">
 * &#64;RegisterExtension
 * final InferenceFileFixture inference = new InferenceFileFixture("# bindings\n");
 * </pre>
 */
final class InferenceFileFixture implements BeforeEachCallback, AfterEachCallback {

	private final @Nullable String content;

	private @Nullable Path folder;

	/**
	 * A fixture whose file holds {@code content} when a test starts.
	 * @param content the text of the file
	 */
	InferenceFileFixture(String content) {
		this.content = content;
	}

	/** A fixture whose file does not exist when a test starts. */
	InferenceFileFixture() {
		this.content = null;
	}

	@Override
	public void beforeEach(ExtensionContext context) throws IOException {
		this.folder = Files.createTempDirectory("inference-config-test");
		if (this.content != null) {
			Files.writeString(path(), this.content);
		}
	}

	@Override
	public void afterEach(ExtensionContext context) throws IOException {
		Path created = this.folder;
		this.folder = null;
		if (created != null) {
			try (Stream<Path> files = Files.walk(created)) {
				for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
					Files.deleteIfExists(file);
				}
			}
		}
	}

	/**
	 * The test's own folder.
	 * @return the folder the file is in
	 */
	Path folder() {
		if (this.folder == null) {
			throw new IllegalStateException("the inference file exists only while a test runs");
		}
		return this.folder;
	}

	/**
	 * The file, {@code inference.txt} in {@link #folder()}.
	 * @return its path
	 */
	Path path() {
		return folder().resolve("inference.txt");
	}

	/**
	 * The file as the tool names it in its output.
	 * @return the absolute, normalized path
	 */
	String shown() {
		return path().toAbsolutePath().normalize().toString();
	}

	/**
	 * Runs the tool with {@code args} and {@code --file} naming the file.
	 * @param args the command line, without {@code --file}
	 * @return what the run did
	 */
	Cli.Result run(String... args) {
		return Cli.run(withFile(args));
	}

	/**
	 * Runs the tool on the file with {@code stdin} as its input.
	 * @param stdin the input, such as the choices of the interactive menu
	 * @param args the command line, without {@code --file}
	 * @return what the run did
	 */
	Cli.Result runWithInput(String stdin, String... args) {
		return Cli.runWithInput(stdin, withFile(args));
	}

	/**
	 * Runs the tool on the file with the models' lifecycle judged by {@code clock}.
	 * @param clock the clock
	 * @param args the command line, without {@code --file}
	 * @return what the run did
	 */
	Cli.Result runAt(java.time.Clock clock, String... args) {
		return Cli.runAt(clock, withFile(args));
	}

	private String[] withFile(String[] args) {
		String[] all = Arrays.copyOf(args, args.length + 2);
		all[args.length] = "--file";
		all[args.length + 1] = path().toString();
		return all;
	}

}
