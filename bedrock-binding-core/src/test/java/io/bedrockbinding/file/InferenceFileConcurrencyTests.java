package io.bedrockbinding.file;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Threads and processes binding the same file at once lose nothing, and the file on disk
 * is always a complete old or new version, even when the writer dies mid-write.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class InferenceFileConcurrencyTests {

	private static final int THREADS = 8;

	/**
	 * Binds per thread. Every bind reads and rewrites the whole file, so the cost grows
	 * with the square of the total: 8 x 400 took 12 s of a build for the two tests on a
	 * shared two-core machine. Fewer than 8 x 200 would not do: at 8 x 100 the file stays
	 * so small that a writer which overwrote it in place (not through a temp file) went
	 * unseen in one run of six; 8 x 200 caught it in twelve runs of twelve.
	 */
	private static final int BINDS = 200;

	@TempDir
	Path dir;

	/**
	 * Where the 8 x 200 tests write: tmpfs when there is one. They test locking and lost
	 * updates, which tmpfs runs the same; on a disk, the fsync of every write slows them
	 * down (at 8 x 400, with a 300 KB file towards the end, it alone took about a minute
	 * for the two tests).
	 */
	@RegisterExtension
	final MemoryFolder fast = new MemoryFolder("inference-concurrency");

	private static String model(int thread, int index) {
		return "t" + thread + ".model-" + index + ":0";
	}

	@Test
	void eightThreadsThroughOneInstanceLoseNothing() throws Exception {
		Path path = this.fast.path().resolve("inference.txt");
		InferenceFile file = new InferenceFile(path);
		Files.writeString(path, "# header\n");

		bindConcurrently(path, (thread) -> file);
	}

	@Test
	void eightThreadsThroughSeparateInstancesLoseNothing() throws Exception {
		Path path = this.fast.path().resolve("inference.txt");

		bindConcurrently(path, (thread) -> new InferenceFile(path));
	}

	/**
	 * Binds {@code THREADS x BINDS} distinct keys while a reader checks that every
	 * version it sees is whole: no problems, and each thread's keys are a prefix of the
	 * keys it bound (nothing half-applied, nothing lost on the way).
	 */
	private void bindConcurrently(Path path, IntFunction<InferenceFile> files) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(THREADS + 1);
		try {
			CountDownLatch start = new CountDownLatch(1);
			AtomicBoolean writing = new AtomicBoolean(true);
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				InferenceFile file = files.apply(thread);
				writers.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < BINDS; i++) {
						FileChange change = file.bind(model(thread, i), "us." + model(thread, i));
						assertThat(change.before()).isNull();
					}
					return null;
				}));
			}
			AtomicInteger reads = new AtomicInteger();
			Future<?> reader = pool.submit(() -> {
				InferenceFile file = new InferenceFile(path);
				start.await();
				while (writing.get()) {
					byte[] bytes = Files.exists(path) ? Files.readAllBytes(path) : new byte[0];
					checkPrefixes(new String(bytes, StandardCharsets.UTF_8));
					if (reads.incrementAndGet() % 16 == 0) {
						assertThat(file.read().problems()).isEmpty();
					}
					// leave the CPU to the writers now and then; correctness does not
					// depend on it
					Thread.yield();
				}
				return null;
			});
			start.countDown();
			for (Future<?> writer : writers) {
				writer.get(50, TimeUnit.SECONDS);
			}
			writing.set(false);
			reader.get(10, TimeUnit.SECONDS);
			assertThat(reads).hasPositiveValue();
		}
		finally {
			pool.shutdownNow();
		}

		InferenceFileContent content = new InferenceFile(path).read();
		assertThat(content.problems()).isEmpty();
		assertThat(content.entries()).hasSize(THREADS * BINDS);
		Map<String, FileEntry> bindings = content.bindings();
		for (int t = 0; t < THREADS; t++) {
			for (int i = 0; i < BINDS; i++) {
				assertThat(bindings.get(model(t, i))).as(model(t, i)).isNotNull();
				assertThat(bindings.get(model(t, i)).target().value()).isEqualTo("us." + model(t, i));
			}
		}
		List<String> lines = Files.readAllLines(path);
		assertThat(lines.stream().filter((line) -> line.startsWith("t"))).hasSize(THREADS * BINDS);
		assertThat(leftovers(path.getParent())).isEmpty();
	}

	/**
	 * Checks one version of the file cheaply (a full read of every version would slow the
	 * writers down): whole lines only, and each thread's keys are 0 to n-1.
	 */
	private static void checkPrefixes(String text) {
		if (!text.isEmpty() && !text.endsWith("\n")) {
			throw new AssertionError("a version without its final newline: a half-written file");
		}
		java.util.BitSet[] seen = new java.util.BitSet[THREADS];
		for (int t = 0; t < THREADS; t++) {
			seen[t] = new java.util.BitSet();
		}
		for (String line : text.split("\n")) {
			if (line.isEmpty() || line.startsWith("#")) {
				continue;
			}
			int thread = line.charAt(1) - '0';
			int index = Integer.parseInt(line.substring(line.indexOf('-') + 1, line.indexOf(':')));
			if (!line.equals(model(thread, index) + "=us." + model(thread, index))) {
				throw new AssertionError("not a whole line: " + line);
			}
			seen[thread].set(index);
		}
		for (int t = 0; t < THREADS; t++) {
			if (seen[t].nextClearBit(0) != seen[t].cardinality()) {
				throw new AssertionError(
						model(t, seen[t].nextClearBit(0)) + " is missing while " + seen[t].cardinality()
								+ " keys of thread " + t + " are bound: a bind was lost or half applied");
			}
		}
	}

	@Test
	void threadsWritingThroughASymlinkAndThroughItsTargetLoseNothing() throws Exception {
		// on tmpfs too (see fast): the lock is what this tests, not the disk
		Path real = Files.createDirectory(this.fast.path().resolve("real")).resolve("inference.txt");
		Files.writeString(real, "# real\n");
		Path link = Files.createSymbolicLink(this.fast.path().resolve("inference.txt"), real);
		Path linkedFolder = Files.createSymbolicLink(this.fast.path().resolve("linked"),
				this.fast.path().resolve("real"));
		List<InferenceFile> files = List.of(new InferenceFile(link), new InferenceFile(real),
				new InferenceFile(linkedFolder.resolve("inference.txt")));
		int binds = 200;

		ExecutorService pool = Executors.newFixedThreadPool(files.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < files.size(); t++) {
				int thread = t;
				writers.add(pool.submit(() -> {
					start.await();
					for (int i = 0; i < binds; i++) {
						files.get(thread).bind(model(thread, i), "");
					}
					return null;
				}));
			}
			start.countDown();
			for (Future<?> writer : writers) {
				writer.get(30, TimeUnit.SECONDS);
			}
		}
		finally {
			pool.shutdownNow();
		}

		assertThat(Files.isSymbolicLink(link)).isTrue();
		InferenceFileContent content = new InferenceFile(real).read();
		assertThat(content.problems()).isEmpty();
		assertThat(content.entries()).hasSize(files.size() * binds);
	}

	@Test
	void twoProcessesBindingTheSameFileLoseNothing() throws Exception {
		Path path = this.dir.resolve("inference.txt");
		Files.writeString(path, "# shared by two processes\n");
		int binds = 300;
		Path errors = this.dir.resolve("child.err");
		Child started = startChild(errors, "bind", path.toString(), "child", String.valueOf(binds));
		Process child = started.process();
		try {
			BufferedReader out = started.out();
			assertThat(started.firstLine()).as(() -> stderr(errors)).isEqualTo("ready");
			Writer in = new java.io.OutputStreamWriter(child.getOutputStream(), StandardCharsets.UTF_8);
			in.write("go\n");
			in.flush();

			InferenceFile file = new InferenceFile(path);
			for (int i = 0; i < binds; i++) {
				file.bind("parent.model-" + i + ":0", "us.parent.model-" + i + ":0");
			}

			assertThat(out.readLine()).as(() -> stderr(errors)).isEqualTo("done");
			assertThat(child.waitFor(20, TimeUnit.SECONDS)).isTrue();
			assertThat(child.exitValue()).as(() -> stderr(errors)).isZero();
		}
		finally {
			child.destroyForcibly();
		}

		InferenceFileContent content = new InferenceFile(path).read();
		assertThat(content.problems()).isEmpty();
		Map<String, FileEntry> bindings = content.bindings();
		assertThat(bindings).hasSize(2 * binds);
		for (int i = 0; i < binds; i++) {
			assertThat(bindings).containsKeys("parent.model-" + i + ":0", "child.model-" + i + ":0");
			assertThat(bindings.get("child.model-" + i + ":0").target().value())
				.isEqualTo("us.child.model-" + i + ":0");
		}
		assertThat(Files.readAllLines(path).get(0)).isEqualTo("# shared by two processes");
	}

	@Test
	void theFileIsAlwaysWholeWhenWritersAreKilledMidWriteAndTheNextWriteDeletesTheirTempFiles() throws Exception {
		Path path = this.dir.resolve("inference.txt");
		List<String> header = new ArrayList<>();
		header.add("# header: atomicity test");
		for (int i = 0; i < 300; i++) {
			header.add("# filler " + i + " keeps the file large enough that a write takes a while: a=b, x.y=z");
		}
		header.add("# end of header");
		Files.writeString(path, String.join("\n", header) + "\n");
		int keys = 100;
		Pattern body = Pattern.compile("loop\\.model-(\\d+):0=(.*)");

		ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
		AtomicBoolean reading = new AtomicBoolean(true);
		AtomicInteger reads = new AtomicInteger();
		Thread reader = new Thread(() -> {
			while (reading.get()) {
				try {
					String text = Files.readString(path, StandardCharsets.UTF_8);
					String problem = incomplete(text, header, body);
					if (problem == null && !new InferenceFile(path).read().problems().isEmpty()) {
						problem = "problems: " + new InferenceFile(path).read().problems();
					}
					if (problem != null) {
						failures.add(problem);
					}
					reads.incrementAndGet();
				}
				catch (IOException | RuntimeException ex) {
					failures.add("read failed: " + ex);
				}
			}
		}, "atomicity-reader");
		reader.start();
		Random random = new Random(42);
		Path errors = this.dir.resolve("child.err");
		try {
			for (int round = 0; round < 4; round++) {
				int killAfter = 20 + random.nextInt(150);
				Child started = startChild(errors, "loop", path.toString(), String.valueOf(keys));
				Process child = started.process();
				try {
					BufferedReader out = started.out();
					String line = started.firstLine();
					while (line != null && Integer.parseInt(line) < killAfter) {
						line = out.readLine();
						// the child keeps binding while we count
					}
					assertThat(line).as(() -> "the child stopped early: " + stderr(errors)).isNotNull();
				}
				finally {
					child.destroyForcibly();
					assertThat(child.waitFor(10, TimeUnit.SECONDS)).isTrue();
				}
				assertThat(failures).isEmpty();
				assertThat(incomplete(Files.readString(path), header, body)).isNull();
				// whatever a killed write left is a temp file of ours, never anything
				// else
				for (Path leftover : leftovers(this.dir)) {
					assertThat(leftover.getFileName().toString()).matches("\\.inference\\.txt\\.\\d+\\.tmp");
				}
			}
		}
		finally {
			reading.set(false);
			reader.join(10_000);
		}

		assertThat(failures).isEmpty();
		assertThat(reads).hasPositiveValue();
		// The lock of a killed process is released: this JVM binds, and leftover temp
		// files
		// of killed writes are never taken for the file.
		InferenceFile file = new InferenceFile(path);
		file.bind("loop.model-0:0", "");
		String text = Files.readString(path);
		assertThat(incomplete(text, header, body)).isNull();
		InferenceFileContent content = file.read();
		assertThat(content.problems()).isEmpty();
		assertThat(content.bindings()).hasSizeBetween(1, keys);
		assertThat(content.bindings().get("loop.model-0:0").target().value()).isEqualTo("loop.model-0:0");
		// and the next write deletes the temp files killed writers left
		assertThat(leftovers(this.dir)).isEmpty();
	}

	/** Why {@code text} is not a complete version of the loop file, or null if it is. */
	private static String incomplete(String text, List<String> header, Pattern body) {
		if (!text.endsWith("\n")) {
			return "no final newline: " + tail(text);
		}
		List<String> lines = InferenceDocument.parse(text).lines();
		if (lines.size() < header.size() || !lines.subList(0, header.size()).equals(header)) {
			return "header not intact (" + lines.size() + " lines): " + tail(text);
		}
		for (String line : lines.subList(header.size(), lines.size())) {
			Matcher matcher = body.matcher(line);
			if (!matcher.matches()) {
				return "not a binding of the loop: " + line;
			}
			String model = "loop.model-" + matcher.group(1) + ":0";
			String target = matcher.group(2);
			if (!List.of("", "us." + model, "arn:aws:bedrock:us-east-1:111122223333:inference-profile/eu." + model)
				.contains(target)) {
				return "cut target: " + line;
			}
		}
		return null;
	}

	private static String tail(String text) {
		return text.substring(Math.max(0, text.length() - 200));
	}

	/**
	 * Starts {@link BindProcessMain} in a second JVM with this test's class path and
	 * waits for its first line of output.
	 */
	private Child startChild(Path errors, String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>(List.of(
				Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
				System.getProperty("java.class.path"), "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC",
				"-Dorg.slf4j.simpleLogger.defaultLogLevel=warn", BindProcessMain.class.getName()));
		command.addAll(List.of(args));
		Process process = new ProcessBuilder(command).redirectError(errors.toFile()).start();
		BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
		String first = out.readLine();
		if (first == null) {
			process.waitFor(10, TimeUnit.SECONDS);
			throw new AssertionError("the child printed nothing; " + stderr(errors));
		}
		return new Child(process, out, first);
	}

	private static String stderr(Path errors) {
		try {
			return "child stderr: " + Files.readString(errors);
		}
		catch (IOException ex) {
			return "no child stderr: " + ex;
		}
	}

	/**
	 * Files in the folder other than the file itself, its lock file and the child's
	 * stderr.
	 */
	private static List<Path> leftovers(Path folder) throws IOException {
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter((each) -> {
				String name = each.getFileName().toString();
				return !name.equals("inference.txt") && !name.equals(".inference.txt.lock")
						&& !name.equals("child.err");
			}).toList();
		}
	}

	/** A started child process, its output, and the first line it printed. */
	record Child(Process process, BufferedReader out, String firstLine) {
	}

}
