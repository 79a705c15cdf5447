package io.bedrockbinding.registry;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.FileEntry;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.file.MemoryFolder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/** Many writers lose nothing; readers see every change whole or not at all. */
class BindingRegistryConcurrencyTests {

	private static final int THREADS = 8;

	// 8 x 100, on tmpfs: every group commit rewrites the whole file (quadratic cost), and
	// 8 x 400 on a disk took 20 to 27 s of a build on a loaded 2-core machine (8 x 1000,
	// one to two minutes). 800 concurrent binds still queue for the lock of many group
	// commits: a group commit that drops a bind of its batch, or commits run without the
	// write lock, failed it in every run tried.
	private static final int BINDS_PER_THREAD = 100;

	/** No models, so that the registry holds only what the test binds. */
	private static final ModelCatalog CATALOG = new ModelCatalog(List.of(),
			new Geographies(List.of(new Geography("us", List.of("us-east-1")))));

	@TempDir
	Path folder;

	/**
	 * Where the test of 800 persisted binds writes: tmpfs when there is one. It tests the
	 * group commit and lost binds, which tmpfs runs the same; on a disk the fsync of
	 * every file rewrite takes most of its time.
	 */
	@RegisterExtension
	final MemoryFolder fast = new MemoryFolder("registry-concurrency");

	/**
	 * Slow: every persisted bind rewrites (and re-reads) the whole file, so the cost
	 * grows with the square of the number of binds; tagged so that a quick build can
	 * leave it out.
	 */
	@Tag("slow")
	@Test
	void eightThreadsBindingAHundredModelsEachWithPersistenceLoseNothing() throws Exception {
		Path path = this.fast.path().resolve("inference.txt");
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.inferenceFile(new InferenceFile(path))
			.build();
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService executor = Executors.newFixedThreadPool(THREADS);
		long began;
		try {
			List<Future<?>> writers = new ArrayList<>();
			for (int t = 0; t < THREADS; t++) {
				int thread = t;
				writers.add(executor.submit(() -> {
					start.await();
					for (int i = 0; i < BINDS_PER_THREAD; i++) {
						registry.bind(modelId(thread, i), "us." + modelId(thread, i), true);
					}
					return null;
				}));
			}
			began = System.nanoTime();
			start.countDown();
			for (Future<?> writer : writers) {
				// A guard against a deadlock only: the binds take minutes on a loaded
				// machine.
				writer.get(20, TimeUnit.MINUTES);
			}
		}
		finally {
			executor.shutdownNow();
		}
		Duration took = Duration.ofNanos(System.nanoTime() - began);
		System.out.println("[BindingRegistryConcurrencyTests] " + THREADS + " x " + BINDS_PER_THREAD
				+ " persisted binds took " + took.toMillis() + " ms");

		InferenceFileContent onDisk = new InferenceFile(path).read();
		Map<String, FileEntry> fileBindings = onDisk.bindings();
		assertThat(onDisk.problems()).isEmpty();
		assertThat(fileBindings).hasSize(THREADS * BINDS_PER_THREAD);
		assertThat(registry.bindings()).hasSize(THREADS * BINDS_PER_THREAD);
		for (int t = 0; t < THREADS; t++) {
			for (int i = 0; i < BINDS_PER_THREAD; i++) {
				String modelId = modelId(t, i);
				Binding binding = registry.resolve(modelId);
				assertThat(binding.target().value()).as(modelId).isEqualTo("us." + modelId);
				assertThat(binding.origin()).as(modelId).isEqualTo(Origin.runtime());
				assertThat(binding.shadowed()).as(modelId)
					.singleElement()
					.satisfies((shadowed) -> assertThat(shadowed.origin().kind()).isEqualTo(OriginKind.FILE));
				assertThat(fileBindings.get(modelId)).as(modelId).isNotNull();
				assertThat(fileBindings.get(modelId).target().value()).as(modelId).isEqualTo("us." + modelId);
			}
		}
		assertThat(registry.reloadFile()).isTrue();
		assertThat(registry.bindings()).hasSize(THREADS * BINDS_PER_THREAD);
	}

	@Test
	void aPersistedBindOverTheCapFailsOnlyItsOwnCallerWhenCommittedWithOthers() throws Exception {
		Path path = this.folder.resolve("inference.txt");
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.inferenceFile(new InferenceFile(path))
			.maxRuntimeBindings(1)
			.build();
		// A listener runs under the registry's write lock: while it waits, both binds
		// queue for the same group commit.
		CountDownLatch inListener = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		AtomicReference<Thread> lockHolder = new AtomicReference<>();
		registry.addListener((layer, models) -> {
			if (layer == OriginKind.PROPERTIES) {
				lockHolder.set(Thread.currentThread());
				inListener.countDown();
				await(release);
			}
		});
		ExecutorService executor = Executors.newFixedThreadPool(3);
		try {
			Future<?> holder = executor.submit(() -> registry.setLayer(OriginKind.PROPERTIES,
					List.of(new LayerEntry("acme.held-v1:0", "", "test"))));
			assertThat(inListener.await(30, TimeUnit.SECONDS)).as("the lock is held").isTrue();
			List<Future<String>> binds = new ArrayList<>();
			for (String modelId : List.of("acme.one-v1:0", "acme.two-v1:0")) {
				binds.add(executor.submit(() -> {
					try {
						registry.bind(modelId, "us." + modelId, true);
						return modelId + " bound";
					}
					catch (RuntimeBindingLimitException ex) {
						return ex.getMessage();
					}
				}));
			}
			awaitBlockedOn(lockHolder.get(), 2);
			release.countDown();
			holder.get(30, TimeUnit.SECONDS);
			List<String> outcomes = new ArrayList<>();
			for (Future<String> bind : binds) {
				outcomes.add(bind.get(30, TimeUnit.SECONDS));
			}

			assertThat(outcomes).as("the first to be checked fits under the cap of 1")
				.filteredOn((outcome) -> outcome.endsWith(" bound"))
				.hasSize(1);
			String boundModel = outcomes.get(0).endsWith(" bound") ? "acme.one-v1:0" : "acme.two-v1:0";
			String refusedModel = boundModel.equals("acme.one-v1:0") ? "acme.two-v1:0" : "acme.one-v1:0";
			assertThat(outcomes).as("the other is refused on its own")
				.contains("Cannot bind " + refusedModel + " at runtime: the registry holds 1 runtime bindings"
						+ " and allows at most 1. Unbind models that are no longer needed, or raise the limit"
						+ " (BindingRegistryBuilder.maxRuntimeBindings)");
			assertThat(new InferenceFile(path).read().bindings()).containsOnlyKeys(boundModel);
			assertThat(registry.resolve(boundModel).origin()).isEqualTo(Origin.runtime());
		}
		finally {
			release.countDown();
			executor.shutdownNow();
		}
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/**
	 * Waits until {@code count} threads are blocked on a lock that {@code owner} holds.
	 */
	private static void awaitBlockedOn(Thread owner, int count) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (Arrays.stream(threads.getThreadInfo(threads.getAllThreadIds()))
			.filter((info) -> info != null && info.getThreadState() == Thread.State.BLOCKED
					&& info.getLockOwnerId() == owner.getId())
			.count() < count) {
			assertThat(System.nanoTime()).as("both binds wait for the lock").isLessThan(deadline);
			Thread.onSpinWait();
		}
	}

	@Test
	void readersNeverSeeHalfOfABindAll() throws Exception {
		BindingRegistry registry = BindingRegistry.builder(CATALOG).region("us-east-1").build();
		String a = "acme.model-a-v1:0";
		String b = "acme.model-b-v1:0";
		int generations = 20_000;
		int readers = 4;
		registry.bindAll(Map.of(a, target(0), b, target(0)), false);
		AtomicBoolean done = new AtomicBoolean();
		CountDownLatch readersRunning = new CountDownLatch(readers);
		ExecutorService executor = Executors.newFixedThreadPool(readers + 1);
		try {
			List<Future<long[]>> readerResults = new ArrayList<>();
			for (int r = 0; r < readers; r++) {
				readerResults.add(executor.submit(reader(registry, a, b, done, readersRunning)));
			}
			Future<?> writer = executor.submit(() -> {
				readersRunning.await();
				for (int i = 1; i <= generations; i++) {
					registry.bindAll(Map.of(a, target(i), b, target(i)), false);
				}
				done.set(true);
				return null;
			});
			writer.get(2, TimeUnit.MINUTES);
			long checks = 0;
			for (Future<long[]> result : readerResults) {
				long[] counts = result.get(2, TimeUnit.MINUTES);
				checks += counts[0];
				assertThat(counts[1]).as("torn snapshots").isZero();
			}
			assertThat(checks).isPositive();
		}
		finally {
			done.set(true);
			executor.shutdownNow();
		}
		assertThat(registry.resolve(a).target().value()).isEqualTo(target(generations));
		assertThat(registry.resolve(b).target().value()).isEqualTo(target(generations));
	}

	/**
	 * Reads one {@code bindings()} snapshot at a time and checks that {@code a} and
	 * {@code b} are of the same generation, and that generations never go back.
	 * @return the number of snapshots checked and the number of torn ones
	 */
	private static Callable<long[]> reader(BindingRegistry registry, String a, String b, AtomicBoolean done,
			CountDownLatch running) {
		return () -> {
			running.countDown();
			long checks = 0;
			long torn = 0;
			int lastGeneration = -1;
			boolean last = false;
			while (!last) {
				last = done.get();
				String targetA = null;
				String targetB = null;
				for (Binding binding : registry.bindings()) {
					if (binding.modelId().equals(a)) {
						targetA = binding.target().value();
					}
					else if (binding.modelId().equals(b)) {
						targetB = binding.target().value();
					}
				}
				checks++;
				if (targetA == null || !targetA.equals(targetB)) {
					torn++;
					continue;
				}
				int generation = generationOf(targetA);
				if (generation < lastGeneration) {
					torn++;
				}
				lastGeneration = generation;
			}
			return new long[] { checks, torn };
		};
	}

	private static String target(int generation) {
		return "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/gen-" + generation;
	}

	private static int generationOf(String target) {
		return Integer.parseInt(target.substring(target.lastIndexOf('-') + 1));
	}

	private static String modelId(int thread, int index) {
		return "test.model-" + thread + "-" + index + "-v1:0";
	}

}
