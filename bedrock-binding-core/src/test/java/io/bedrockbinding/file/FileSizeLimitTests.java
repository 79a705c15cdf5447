package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A write that fails with a plain {@code IOException}, not a {@code FileSystemException}:
 * a process whose file size limit ({@code ulimit -f}) the new file would pass gets
 * {@code File too large} from the write.
 */
class FileSizeLimitTests {

	@TempDir
	Path dir;

	@Test
	void aWriteOverTheSizeLimitNamesTheFileAsEveryWriteFailureDoesAndLeavesTheFileAsItWas()
			throws IOException, InterruptedException {
		Path bash = Path.of("/bin/bash");
		assumeTrue(Files.isExecutable(bash), "needs bash for ulimit");
		Path path = this.dir.resolve("inference.txt");
		StringBuilder text = new StringBuilder("# more than the 1 KiB that ulimit -f 1 allows\n");
		for (int i = 0; text.length() < 1500; i++) {
			text.append("# comment ").append(i).append(" padding padding padding padding\n");
		}
		text.append("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
		Files.writeString(path, text);
		byte[] before = Files.readAllBytes(path);

		// the JVM ignores SIGXFSZ: the write gets EFBIG, "File too large"
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process process = new ProcessBuilder(bash.toString(), "-c", "ulimit -f 1 && exec \"$0\" \"$@\"", java, "-cp",
				System.getProperty("java.class.path"), "-XX:-UsePerfData", "-Xshare:auto", "-XX:TieredStopAtLevel=1",
				"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", BindProcessMain.class.getName(), "once",
				path.toString(), "amazon.nova-lite-v1:0", "us.amazon.nova-lite-v1:0")
			.redirectError(ProcessBuilder.Redirect.DISCARD)
			.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();

		assumeTrue(!out.startsWith("done"), "this system set no file size limit");
		assertThat(process.exitValue()).isEqualTo(1);
		assertThat(out).isEqualTo("Cannot write " + path + ": IOException: File too large\n");
		assertThat(path).hasBinaryContent(before);
		assertThat(names()).as("no temp file left").containsExactly("inference.txt");
	}

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(this.dir)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> !name.endsWith(".lock"))
				.toList();
		}
	}

}
