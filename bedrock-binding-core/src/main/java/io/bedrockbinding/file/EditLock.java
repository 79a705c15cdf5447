package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

import org.jspecify.annotations.Nullable;

/**
 * The lock an edit of an inference file runs under: {@code .NAME.lock} beside the file
 * (hidden on Unix), an OS lock for other processes and one lock per lock file for the
 * threads of this JVM. A lock file made for an existing file gets that file's owner,
 * group and permissions where the writer may set them, so that a {@code sudo} edit does
 * not leave the file's user a lock file they cannot open. An edit that fails deletes the
 * lock file it made (a lock file that was there stays), so that a refused write leaves no
 * file behind; an edit that then finds its lock file replaced starts again.
 */
final class EditLock {

	/**
	 * One lock per lock file (by its identity) for the threads of this JVM; the OS lock
	 * serves other processes.
	 */
	private static final ConcurrentHashMap<Object, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

	private EditLock() {
	}

	/**
	 * Runs {@code action} under the lock of {@code target}.
	 * @param folder the folder of the target, which exists
	 * @param target the file to edit (a symlink's target)
	 * @param path the file as configured, as messages name it
	 * @param action what to do under the lock
	 * @throws IOException if the lock file cannot be opened, or the action fails
	 */
	static void run(Path folder, Path target, Path path, Action action) throws IOException {
		Path lockFile = folder.resolve("." + target.getFileName() + ".lock");
		while (true) {
			boolean[] made = new boolean[1];
			try (FileChannel channel = open(lockFile, target, path, made)) {
				Object identity = identityOrNull(lockFile);
				if (identity == null) {
					// deleted by a failed edit since it was opened
					continue;
				}
				// One JVM lock per lock file, not per path: two threads that name the
				// same file differently (a symlink and its target) would otherwise both
				// ask the OS for the lock, and the JVM refuses that with
				// OverlappingFileLockException.
				ReentrantLock lock = JVM_LOCKS.computeIfAbsent(identity, (key) -> new ReentrantLock());
				lock.lock();
				try (FileLock fileLock = channel.lock()) {
					if (!identity.equals(identityOrNull(lockFile))) {
						// a failed edit deleted the lock file it had made while this one
						// waited for it: a lock of that file excludes no one now
						continue;
					}
					runOrDeleteMade(action, lockFile, made[0]);
					return;
				}
				finally {
					lock.unlock();
				}
			}
		}
	}

	/**
	 * Runs the action; if it fails, deletes the lock file this edit made, so that a
	 * refused write (a read-only file, a file too large to write) leaves nothing behind.
	 * A lock file that was there before stays. Deleted while it is still locked: an edit
	 * that waits for it finds it gone when it gets the lock, and starts again.
	 * @param action what to do under the lock
	 * @param lockFile the lock file
	 * @param made whether this edit created it
	 * @throws IOException if the action fails
	 */
	private static void runOrDeleteMade(Action action, Path lockFile, boolean made) throws IOException {
		try {
			action.run();
		}
		catch (IOException | RuntimeException | Error ex) {
			if (made) {
				try {
					Files.deleteIfExists(lockFile);
				}
				catch (IOException deleteFailed) {
					ex.addSuppressed(deleteFailed);
				}
			}
			throw ex;
		}
	}

	/**
	 * Opens the lock file, making it when it is missing.
	 * @param lockFile the lock file
	 * @param target the file to edit, whose owner a new lock file gets
	 * @param path the file as configured, as messages name it
	 * @param made set to whether this call made the lock file
	 * @return the open lock file
	 * @throws IOException if it cannot be opened or made
	 */
	private static FileChannel open(Path lockFile, Path target, Path path, boolean[] made) throws IOException {
		try {
			FileChannel channel;
			try {
				channel = FileChannel.open(lockFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
				made[0] = true;
			}
			catch (FileAlreadyExistsException ex) {
				channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
				made[0] = false;
			}
			if (made[0] && Files.exists(target)) {
				try {
					FileReplacer.keepAttributes(lockFile, target);
				}
				catch (IOException ex) {
					channel.close();
					Files.deleteIfExists(lockFile);
					throw ex;
				}
			}
			return channel;
		}
		catch (AccessDeniedException ex) {
			if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
				throw WriteRefusal.of(path, "its lock file " + lockFile
						+ " is not writable by this user: delete it (it holds nothing) or give the user write access",
						ex);
			}
			throw ex;
		}
	}

	/**
	 * What identifies a file however it is named: its device and inode where the OS has
	 * them.
	 * @param file the file
	 * @return its file key, or its real path
	 * @throws IOException if the file cannot be read
	 */
	private static Object identity(Path file) throws IOException {
		Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
		return (key != null) ? key : file.toRealPath();
	}

	/**
	 * {@link #identity}, or null when the file is gone.
	 * @param file the file
	 * @return its identity, or null
	 * @throws IOException if the file cannot be read
	 */
	private static @Nullable Object identityOrNull(Path file) throws IOException {
		try {
			return identity(file);
		}
		catch (NoSuchFileException ex) {
			return null;
		}
	}

	/** An action run under the lock. */
	interface Action {

		/**
		 * Runs it.
		 * @throws IOException if it fails
		 */
		void run() throws IOException;

	}

}
