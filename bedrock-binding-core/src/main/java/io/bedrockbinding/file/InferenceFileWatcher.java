package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches an inference file and hands every changed content to a listener, debounced.
 * Watches the folder of the path and, when the path is a symlink, the folders along the
 * link, so that a Kubernetes ConfigMap swap ({@code ..data} re-pointed) is seen. Only a
 * content change is reported: touching the file, or an event for another file in the
 * folder, reads it but reports nothing. A folder that does not exist yet is waited for:
 * its nearest existing ancestor is watched until it appears.
 */
public final class InferenceFileWatcher implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(InferenceFileWatcher.class);

	private static final long CLOSE_WAIT_SECONDS = 10;

	private final InferenceFile file;

	private final Duration debounce;

	private final Consumer<InferenceFileContent> listener;

	private final WatchService watchService;

	private final ScheduledExecutorService scheduler;

	private final Thread thread;

	private @Nullable ScheduledFuture<?> pending;

	private @Nullable Object lastSeen;

	private volatile boolean closed;

	private volatile @Nullable Thread reloadThread;

	/**
	 * Runs after every look at the file, changed or not; tests use it to know a check
	 * happened.
	 */
	private volatile Runnable afterCheck = () -> {
	};

	private InferenceFileWatcher(InferenceFile file, Duration debounce, Consumer<InferenceFileContent> listener)
			throws IOException {
		this.file = file;
		this.debounce = debounce;
		this.listener = listener;
		this.watchService = FileSystems.getDefault().newWatchService();
		ScheduledThreadPoolExecutor scheduler = new ScheduledThreadPoolExecutor(1, (runnable) -> {
			Thread thread = new Thread(runnable, "inference-file-reload");
			thread.setDaemon(true);
			return thread;
		});
		// a reload that is only waiting for its debounce is dropped at close
		scheduler.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
		this.scheduler = scheduler;
		this.thread = new Thread(this::watch, "inference-file-watch");
		this.thread.setDaemon(true);
	}

	/**
	 * Starts watching. The current content counts as seen: only later changes are
	 * reported.
	 * @param file the file to watch
	 * @param debounce how long the file must stay quiet before it is read
	 * @param listener what gets each changed content
	 * @return the running watcher; close it to stop
	 * @throws IOException if the folder cannot be watched
	 */
	public static InferenceFileWatcher start(InferenceFile file, Duration debounce,
			Consumer<InferenceFileContent> listener) throws IOException {
		InferenceFileWatcher watcher = new InferenceFileWatcher(file, debounce, listener);
		// Register first: a change between taking the fingerprint and registering would
		// be lost.
		try {
			watcher.register();
		}
		catch (IOException | RuntimeException ex) {
			// the watch service holds an inotify instance, and the scheduler a thread
			watcher.close();
			throw ex;
		}
		watcher.lastSeen = watcher.fingerprint();
		watcher.thread.start();
		return watcher;
	}

	/**
	 * Watches each folder to watch or, while it does not exist, its nearest existing
	 * ancestor, whose events then bring a look (and this again) when it is created.
	 * Registering a folder twice is harmless.
	 */
	private void register() throws IOException {
		for (Path folder : foldersToWatch()) {
			Path existing = folder;
			while (existing != null && !Files.isDirectory(existing)) {
				existing = existing.getParent();
			}
			if (existing != null) {
				existing.register(this.watchService, StandardWatchEventKinds.ENTRY_CREATE,
						StandardWatchEventKinds.ENTRY_DELETE, StandardWatchEventKinds.ENTRY_MODIFY);
			}
		}
	}

	/**
	 * The file's folder and, along a chain of symlinks, every folder a link points into.
	 * @return the folders to watch
	 */
	private Set<Path> foldersToWatch() {
		Set<Path> folders = new LinkedHashSet<>();
		Path current = this.file.path();
		for (int hops = 0; hops < 16; hops++) {
			folders.add(current.getParent());
			if (!Files.isSymbolicLink(current)) {
				break;
			}
			try {
				current = current.getParent().resolve(Files.readSymbolicLink(current)).normalize();
			}
			catch (IOException ex) {
				break;
			}
		}
		return folders;
	}

	private void watch() {
		while (!this.closed) {
			try {
				WatchKey key = this.watchService.take();
				key.pollEvents();
				key.reset();
				schedule();
			}
			catch (InterruptedException | ClosedWatchServiceException ex) {
				return;
			}
			catch (RejectedExecutionException ex) {
				// close() shut the scheduler down between take() and schedule(): a change
				// in the folder while the application stops.
				return;
			}
		}
	}

	private synchronized void schedule() {
		if (this.pending != null) {
			this.pending.cancel(false);
		}
		this.pending = this.scheduler.schedule(this::reloadIfChanged, this.debounce.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void reloadIfChanged() {
		this.reloadThread = Thread.currentThread();
		try {
			// Before the read: a swapped symlink may point into a folder not watched yet,
			// or a missing folder may have appeared, and a change after the read is then
			// seen too.
			register();
			Object fingerprint = fingerprint();
			if (Objects.equals(fingerprint, this.lastSeen)) {
				return;
			}
			this.lastSeen = fingerprint;
			this.listener.accept(this.file.read());
		}
		catch (RuntimeException | IOException ex) {
			logger.warn("Reloading {} failed: {}", this.file.path(), ex.toString());
		}
		finally {
			this.afterCheck.run();
		}
	}

	/**
	 * What is at the path, to tell real changes apart: the bytes of the file, or why it
	 * cannot be read, so that a folder, a device or an unreadable file taking the place
	 * of a missing one (or of each other) is a change the read reports in its words.
	 * @return the bytes (compared by content), {@code null} when nothing is at the path,
	 * or the reason it is no file or cannot be read (which differs from an empty file)
	 */
	private @Nullable Object fingerprint() {
		Path path = this.file.path();
		try {
			String notAFile = Files.exists(path) ? FileReplacer.notAFile(path) : null;
			return (notAFile != null) ? notAFile : ByteBuffer.wrap(Files.readAllBytes(path));
		}
		catch (NoSuchFileException ex) {
			return null;
		}
		catch (IOException | RuntimeException ex) {
			return ex.getClass().getName();
		}
	}

	/**
	 * Runs {@code afterCheck} after every look at the file, whether it changed or not.
	 * @param afterCheck what to run
	 * @return this watcher
	 */
	InferenceFileWatcher afterCheck(Runnable afterCheck) {
		this.afterCheck = afterCheck;
		return this;
	}

	/**
	 * Stops watching. A reload under way is let finish, so that no listener call comes
	 * after this returns (waiting up to {@value #CLOSE_WAIT_SECONDS} s, and not at all
	 * when the listener itself closes the watcher); one still waiting for its debounce is
	 * dropped.
	 */
	@Override
	public void close() {
		this.closed = true;
		this.scheduler.shutdown();
		try {
			this.watchService.close();
		}
		catch (IOException ex) {
			// closing: nothing left to do
		}
		if (Thread.currentThread() == this.reloadThread) {
			return;
		}
		try {
			if (!this.scheduler.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
				logger.warn("A reload of {} was still running {} s after the watcher was closed", this.file.path(),
						CLOSE_WAIT_SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
