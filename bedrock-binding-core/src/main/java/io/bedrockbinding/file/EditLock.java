package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The lock an edit of an inference file runs under: {@code .NAME.lock} beside the file
 * (hidden on Unix), an OS lock for other processes and one lock per lock file for the
 * threads of this JVM. A lock file made for an existing file gets that file's owner,
 * group and permissions where the writer may set them, so that a {@code sudo} edit does
 * not leave the file's user a lock file they cannot open.
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
		try (FileChannel channel = open(lockFile, target, path)) {
			// One JVM lock per lock file, not per path: two threads that name the same
			// file differently (a symlink and its target) would otherwise both ask the OS
			// for the lock, and the JVM refuses that with OverlappingFileLockException.
			ReentrantLock lock = JVM_LOCKS.computeIfAbsent(identity(lockFile), (key) -> new ReentrantLock());
			lock.lock();
			try (FileLock fileLock = channel.lock()) {
				action.run();
			}
			finally {
				lock.unlock();
			}
		}
	}

	private static FileChannel open(Path lockFile, Path target, Path path) throws IOException {
		try {
			boolean made = !Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS);
			FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
			if (made && Files.exists(target)) {
				try {
					FileReplacer.keepAttributes(lockFile, target);
				}
				catch (IOException ex) {
					channel.close();
					throw ex;
				}
			}
			return channel;
		}
		catch (AccessDeniedException ex) {
			if (Files.exists(lockFile, LinkOption.NOFOLLOW_LINKS)) {
				throw new IOException("Cannot write " + path + ": its lock file " + lockFile
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

	/** An action run under the lock. */
	interface Action {

		/**
		 * Runs it.
		 * @throws IOException if it fails
		 */
		void run() throws IOException;

	}

}
