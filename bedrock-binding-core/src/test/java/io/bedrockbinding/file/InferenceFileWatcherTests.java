package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watcher reports real content changes, debounced. Events are awaited with
 * {@link BlockingQueue#poll(long, TimeUnit)}; "nothing was reported" is shown by a later
 * sentinel change being the very next report.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InferenceFileWatcherTests {

	private static final Duration DEBOUNCE = Duration.ofMillis(50);

	/** Generous: only a failing test waits this long. */
	private static final long WAIT_SECONDS = 10;

	@TempDir
	Path dir;

	private final BlockingQueue<InferenceFileContent> reports = new LinkedBlockingQueue<>();

	/** One element per look the watcher took at the file, changed or not. */
	private final BlockingQueue<Boolean> checks = new LinkedBlockingQueue<>();

	private final List<InferenceFileWatcher> watchers = new ArrayList<>();

	@AfterEach
	void close() {
		this.watchers.forEach(InferenceFileWatcher::close);
	}

	private InferenceFileWatcher watch(Path path) throws IOException {
		return watch(path, this.reports::add);
	}

	private InferenceFileWatcher watch(Path path, Consumer<InferenceFileContent> listener) throws IOException {
		InferenceFileWatcher watcher = InferenceFileWatcher.start(new InferenceFile(path), DEBOUNCE, listener)
			.afterCheck(() -> this.checks.add(Boolean.TRUE));
		this.watchers.add(watcher);
		return watcher;
	}

	private InferenceFileContent next() throws InterruptedException {
		InferenceFileContent content = this.reports.poll(WAIT_SECONDS, TimeUnit.SECONDS);
		assertThat(content).as("a reload within " + WAIT_SECONDS + " s").isNotNull();
		return content;
	}

	private void awaitCheck() throws InterruptedException {
		assertThat(this.checks.poll(WAIT_SECONDS, TimeUnit.SECONDS)).as("the watcher looked at the file").isNotNull();
	}

	private static Map<String, String> targets(InferenceFileContent content) {
		Map<String, String> targets = new java.util.LinkedHashMap<>();
		content.entries().forEach((entry) -> targets.put(entry.modelId(), entry.target().value()));
		return targets;
	}

	private static String binding(String target) {
		return "amazon.nova-pro-v1:0=" + target + "\n";
	}

	@Test
	void reloadsOnChange() throws Exception {
		Path path = Files.writeString(this.dir.resolve("inference.txt"), binding(""));
		watch(path);

		Files.writeString(path, binding("us.amazon.nova-pro-v1:0"));

		InferenceFileContent content = next();
		assertThat(content.source()).isEqualTo(path.toString());
		assertThat(targets(content)).containsExactly(Map.entry("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0"));
	}

	@Test
	void reloadsWhenABindRewritesTheFile() throws Exception {
		Path path = Files.writeString(this.dir.resolve("inference.txt"), "# header\n");
		watch(path);

		new InferenceFile(path).bind("amazon.nova-lite-v1:0", "eu.amazon.nova-lite-v1:0");

		assertThat(targets(next())).containsExactly(Map.entry("amazon.nova-lite-v1:0", "eu.amazon.nova-lite-v1:0"));
	}

	@Test
	void reportsAFileThatAppearsAndOneThatIsDeleted() throws Exception {
		Path path = this.dir.resolve("inference.txt");
		watch(path);

		Files.writeString(path, binding("us.amazon.nova-pro-v1:0"));
		assertThat(targets(next())).containsKey("amazon.nova-pro-v1:0");

		Files.delete(path);
		InferenceFileContent deleted = next();
		assertThat(deleted.exists()).isFalse();
		assertThat(deleted.entries()).isEmpty();
	}

	@Test
	void aDeletedFileRecreatedEmptyIsReported() throws Exception {
		Path path = Files.writeString(this.dir.resolve("inference.txt"), binding("us.amazon.nova-pro-v1:0"));
		watch(path);
		Files.delete(path);
		assertThat(next().exists()).isFalse();

		// an empty file has no bindings; a missing one keeps the last good ones
		Files.writeString(path, "");

		InferenceFileContent empty = next();
		assertThat(empty.exists()).isTrue();
		assertThat(empty.entries()).isEmpty();
	}

	@Test
	void aFolderCreatedAtThePathOfADeletedFileIsReportedAsNoFile() throws Exception {
		Path path = Files.writeString(this.dir.resolve("inference.txt"), binding("us.amazon.nova-pro-v1:0"));
		watch(path);
		Files.delete(path);
		assertThat(next().exists()).isFalse();

		Files.createDirectory(path);

		InferenceFileContent folder = next();
		assertThat(folder.exists()).isTrue();
		assertThat(folder.readable()).isFalse();
		assertThat(folder.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).isEqualTo(FileReplacer.A_DIRECTORY));
	}

	@Test
	void aFileWhoseFolderIsCreatedAfterTheStartIsReported() throws Exception {
		Path path = this.dir.resolve("home").resolve(".aws").resolve("inference.txt");
		watch(path);

		new InferenceFile(path).bind("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");

		assertThat(targets(next())).containsExactly(Map.entry("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0"));
		// and the folder made is now watched itself
		Files.writeString(path, binding("eu.amazon.nova-pro-v1:0"));
		assertThat(targets(next())).containsExactly(Map.entry("amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0"));
	}

	@Test
	void aBrokenVersionIsReportedWithItsProblems() throws Exception {
		Path path = Files.writeString(this.dir.resolve("inference.txt"), binding(""));
		watch(path);

		Files.writeString(path, "amazon.nova-pro-v1:0=arn:aws:bedrock:us-east-1:52136900491:inference-profile/x\n");

		InferenceFileContent content = next();
		assertThat(content.entries()).isEmpty();
		assertThat(content.problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.toString())
				.startsWith(path + ":1: error: account must be 12 digits"));
	}

	@Test
	void touchingWithoutAContentChangeReportsNothing() throws Exception {
		Path path = Files.writeString(this.dir.resolve("inference.txt"), binding(""));
		watch(path);
		Files.writeString(path, binding("us.amazon.nova-pro-v1:0"));
		assertThat(targets(next())).containsValue("us.amazon.nova-pro-v1:0");

		// a touch, and a rewrite with the same bytes: each is looked at, and nothing
		// reported
		this.checks.clear();
		Files.setLastModifiedTime(path, FileTime.from(Instant.now().plusSeconds(60)));
		awaitCheck();
		Files.writeString(path, binding("us.amazon.nova-pro-v1:0"));
		awaitCheck();
		assertThat(this.reports).isEmpty();
		// the sentinel
		Files.writeString(path, binding("eu.amazon.nova-pro-v1:0"));

		assertThat(targets(next())).as("the next report is the sentinel")
			.containsExactly(Map.entry("amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0"));
	}

	@Test
	void anotherFileInTheFolderReportsNothing() throws Exception {
		Path path = Files.writeString(this.dir.resolve("inference.txt"), binding(""));
		watch(path);

		this.checks.clear();
		Files.writeString(this.dir.resolve("other.txt"), binding("us.amazon.nova-pro-v1:0"));
		awaitCheck();
		assertThat(this.reports).isEmpty();
		Files.writeString(path, binding("eu.amazon.nova-pro-v1:0"));

		assertThat(targets(next())).as("the next report is the sentinel")
			.containsExactly(Map.entry("amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0"));
	}

	@Test
	void reloadsAKubernetesStyleSymlinkSwap() throws Exception {
		Path first = Files.createDirectory(this.dir.resolve("..2026_1"));
		Files.writeString(first.resolve("inference.txt"), binding("us.amazon.nova-pro-v1:0"));
		Path data = Files.createSymbolicLink(this.dir.resolve("..data"), Path.of("..2026_1"));
		Path path = Files.createSymbolicLink(this.dir.resolve("inference.txt"), Path.of("..data", "inference.txt"));
		watch(path);

		// the kubelet writes the new version beside the old one, then swaps ..data
		// atomically
		Path second = Files.createDirectory(this.dir.resolve("..2026_2"));
		Files.writeString(second.resolve("inference.txt"), binding("eu.amazon.nova-pro-v1:0"));
		Path swap = Files.createSymbolicLink(this.dir.resolve("..data_tmp"), Path.of("..2026_2"));
		Files.move(swap, data, StandardCopyOption.ATOMIC_MOVE);
		assertThat(Files.readSymbolicLink(data)).isEqualTo(Path.of("..2026_2"));

		assertThat(targets(next())).containsExactly(Map.entry("amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0"));

		// the old version goes away, and the next swap is seen too
		Files.delete(first.resolve("inference.txt"));
		Files.delete(first);
		Path third = Files.createDirectory(this.dir.resolve("..2026_3"));
		Files.writeString(third.resolve("inference.txt"), binding("apac.amazon.nova-pro-v1:0"));
		Files.move(Files.createSymbolicLink(this.dir.resolve("..data_tmp"), Path.of("..2026_3")), data,
				StandardCopyOption.ATOMIC_MOVE);

		assertThat(targets(next())).containsExactly(Map.entry("amazon.nova-pro-v1:0", "apac.amazon.nova-pro-v1:0"));
		assertThat(Files.isSymbolicLink(path)).isTrue();
	}

	@Test
	void reloadsAChangeInsideTheFolderASwappedLinkPointsTo() throws Exception {
		Path first = Files.createDirectory(this.dir.resolve("..2026_1"));
		Files.writeString(first.resolve("inference.txt"), binding(""));
		Path data = Files.createSymbolicLink(this.dir.resolve("..data"), Path.of("..2026_1"));
		Path path = Files.createSymbolicLink(this.dir.resolve("inference.txt"), Path.of("..data", "inference.txt"));
		watch(path);
		Path second = Files.createDirectory(this.dir.resolve("..2026_2"));
		Files.writeString(second.resolve("inference.txt"), binding("us.amazon.nova-pro-v1:0"));
		Files.move(Files.createSymbolicLink(this.dir.resolve("..data_tmp"), Path.of("..2026_2")), data,
				StandardCopyOption.ATOMIC_MOVE);
		assertThat(targets(next())).containsValue("us.amazon.nova-pro-v1:0");

		// an edit in the new folder, not in the folder of the link
		Files.writeString(second.resolve("inference.txt"), binding("eu.amazon.nova-pro-v1:0"));

		assertThat(targets(next())).containsValue("eu.amazon.nova-pro-v1:0");
	}

	@Test
	void quickWritesAreDebouncedAndTheLastContentIsDeliveredLast() throws Exception {
		Path path = Files.writeString(this.dir.resolve("inference.txt"), "# header\n");
		watch(path);
		InferenceFile file = new InferenceFile(path);
		int writes = 30;

		for (int i = 0; i < writes; i++) {
			file.bind("amazon.nova-pro-v1:0", (i % 2 == 0) ? "us.amazon.nova-pro-v1:0" : "");
			file.bind("amazon.nova-lite-v1:0",
					"arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/p" + i);
		}
		String last = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/p" + (writes - 1);

		List<InferenceFileContent> seen = new ArrayList<>();
		do {
			seen.add(next());
		}
		while (!last.equals(targets(seen.get(seen.size() - 1)).get("amazon.nova-lite-v1:0")));
		assertThat(seen.size()).as("reloads for %d quick writes", 2 * writes).isLessThanOrEqualTo(writes / 2);
		assertThat(targets(seen.get(seen.size() - 1))).containsEntry("amazon.nova-pro-v1:0", "amazon.nova-pro-v1:0");

		// nothing older comes after the last content: the next report is the sentinel
		file.bind("amazon.nova-micro-v1:0", "");
		assertThat(targets(next())).containsKey("amazon.nova-micro-v1:0").containsEntry("amazon.nova-lite-v1:0", last);
	}

	@Test
	void closeStopsReporting() throws Exception {
		Path path = Files.writeString(this.dir.resolve("inference.txt"), binding(""));
		BlockingQueue<InferenceFileContent> closedReports = new LinkedBlockingQueue<>();
		InferenceFileWatcher closed = InferenceFileWatcher.start(new InferenceFile(path), DEBOUNCE, closedReports::add);
		closed.close();
		watch(path);

		Files.writeString(path, binding("us.amazon.nova-pro-v1:0"));
		assertThat(targets(next())).containsValue("us.amazon.nova-pro-v1:0");
		Files.writeString(path, binding("eu.amazon.nova-pro-v1:0"));
		assertThat(targets(next())).containsValue("eu.amazon.nova-pro-v1:0");

		assertThat(closedReports).as("a closed watcher reports nothing").isEmpty();
	}

	@Test
	void closeWaitsForAReloadUnderWayAndDoesNotInterruptIt() throws Exception {
		Path path = Files.writeString(this.dir.resolve("inference.txt"), binding(""));
		CountDownLatch entered = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<String> listenerEnd = new AtomicReference<>();
		InferenceFileWatcher watcher = watch(path, (content) -> {
			entered.countDown();
			try {
				release.await();
				listenerEnd.set("finished");
			}
			catch (InterruptedException ex) {
				listenerEnd.set("interrupted");
			}
		});
		Files.writeString(path, binding("us.amazon.nova-pro-v1:0"));
		assertThat(entered.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("a reload within " + WAIT_SECONDS + " s").isTrue();

		AtomicReference<String> endSeenByClose = new AtomicReference<>();
		Thread closing = new Thread(() -> {
			watcher.close();
			endSeenByClose.set(String.valueOf(listenerEnd.get()));
		});
		closing.start();
		// until close() either returned or waits
		while (closing.getState() != Thread.State.TERMINATED && closing.getState() != Thread.State.TIMED_WAITING
				&& closing.getState() != Thread.State.WAITING) {
			Thread.onSpinWait();
		}
		release.countDown();
		closing.join();

		assertThat(endSeenByClose).hasValue("finished");
	}

}
