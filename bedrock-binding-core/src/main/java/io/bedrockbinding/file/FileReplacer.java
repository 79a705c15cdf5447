package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Replaces a file atomically, so that a reader only ever sees a whole version: the way
 * {@link InferenceFile} writes {@code inference.txt}, and {@link #replace} writes any
 * other file (the CLI's {@code refresh-catalog} its {@code catalog.json}).
 * <ul>
 * <li>A write goes to {@code .NAME.DIGITS.tmp} in the same folder, is forced to disk,
 * then moved over the file.</li>
 * <li>A symlink is followed, so the link survives; a dangling one is refused rather than
 * replaced by a regular file, and so is a directory at the path. A file that no mode bit
 * lets anyone write is refused, even for root.</li>
 * <li>A rewritten file keeps its permissions, and its owner and group where the writer
 * may set them; a new file gets the {@link NewFilePermissions} the caller asks for.</li>
 * <li>An edit of an inference file runs under a lock, so that two threads or two
 * processes editing it at once lose nothing ({@link EditLock}): {@code .NAME.lock} beside
 * the file (hidden on Unix), an OS lock for other processes and one lock per lock file
 * for the threads of this JVM. Under the lock no other writer is live, so a temp file of
 * the pattern above is what a killed writer left: each edit deletes them first.
 * {@link #replace} writes a whole file, so it has nothing to lose to another writer: it
 * takes no lock and leaves no lock file.</li>
 * </ul>
 */
public final class FileReplacer {

	/**
	 * What a read or a write says of a location that is a directory, after the path.
	 */
	static final String A_DIRECTORY = "is a directory, not a file: point the location at a file";

	private static final String NOT_A_FILE = "is not a regular file (a device, pipe or socket): point the location at a file";

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	private static final Set<PosixFilePermission> ANY_WRITE = EnumSet.of(PosixFilePermission.OWNER_WRITE,
			PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_WRITE);

	private FileReplacer() {
	}

	/**
	 * Replaces the file with {@code content}, atomically, without reading it.
	 * @param path the file (a symlink is followed; a relative path is resolved against
	 * the working folder; a missing folder is created)
	 * @param content the bytes the file is to hold
	 * @param newFile the permissions of the file if it does not exist yet
	 * @throws IOException if the file cannot be replaced; the message starts with
	 * {@code Cannot write PATH: }, says why and the fix, and names the folder when the
	 * folder is what cannot be written
	 */
	public static void replace(Path path, byte[] content, NewFilePermissions newFile) throws IOException {
		Path target = writeTarget(path).toAbsolutePath();
		Path folder = createFolder(target, path);
		try {
			boolean exists = Files.exists(target);
			if (exists) {
				if (Files.isDirectory(target)) {
					throw WriteRefusal.of(path, A_DIRECTORY);
				}
				requireWritable(target, path);
			}
			write(target, path, content, exists ? null : newFile);
		}
		catch (FileSystemException ex) {
			throw notWritten(ex, path, folder);
		}
	}

	/**
	 * Reads the file under its lock, edits it, and replaces it when the edit returns
	 * bytes.
	 * @param path the file (a symlink is followed)
	 * @param edit what to do with its bytes
	 * @throws IOException if the file cannot be locked, read or replaced; the message
	 * names the file, and the folder when the folder is what cannot be written
	 */
	static void update(Path path, Edit edit) throws IOException {
		Path target = writeTarget(path);
		String notAFile = Files.exists(target) ? notAFile(target) : null;
		if (notAFile != null) {
			throw WriteRefusal.of(path, notAFile);
		}
		Path folder = createFolder(target, path);
		try {
			EditLock.run(folder, target, path, () -> {
				boolean exists = Files.exists(target);
				byte[] written = edit.apply(exists ? read(target, path) : null);
				if (written != null) {
					if (exists) {
						requireWritable(target, path);
					}
					deleteStaleTempFiles(target);
					write(target, path, written, exists ? null : NewFilePermissions.OWNER_ONLY);
				}
			});
		}
		catch (FileSystemException ex) {
			throw notWritten(ex, path, folder);
		}
	}

	private static Path createFolder(Path target, Path path) throws IOException {
		Path folder = target.getParent();
		try {
			Files.createDirectories(folder);
		}
		catch (FileSystemException ex) {
			throw WriteRefusal.of(path, "its folder " + folder + " cannot be created (" + describe(ex) + ")", ex);
		}
		return folder;
	}

	private static IOException notWritten(FileSystemException ex, Path path, Path folder) {
		if (ex instanceof AccessDeniedException) {
			return WriteRefusal.of(path, "the folder " + folder
					+ " is not writable (the file is replaced through a temp file beside it): give the user write "
					+ "access to the folder", ex);
		}
		return WriteRefusal.of(path, describe(ex), ex);
	}

	/**
	 * Why an existing path is no file to read or replace.
	 * @param file the path, symlinks followed
	 * @return the reason, or {@code null} for a regular file
	 */
	static @Nullable String notAFile(Path file) {
		return Files.isRegularFile(file) ? null : Files.isDirectory(file) ? A_DIRECTORY : NOT_A_FILE;
	}

	private static byte[] read(Path target, Path path) throws IOException {
		try {
			return Files.readAllBytes(target);
		}
		catch (AccessDeniedException ex) {
			throw WriteRefusal.of(path, "the file cannot be read (permission denied), and an edit "
					+ "keeps every line it has: give the user read access, e.g. chmod u+r " + path, ex);
		}
	}

	/**
	 * The file to replace: the target of a symlink, so that the link itself survives.
	 * @param path the file as configured
	 * @return the regular file to replace
	 * @throws IOException if the path is a dangling symlink
	 */
	private static Path writeTarget(Path path) throws IOException {
		if (!Files.isSymbolicLink(path)) {
			return path;
		}
		if (!Files.exists(path)) {
			throw WriteRefusal.of(path, "it is a symbolic link to " + Files.readSymbolicLink(path)
					+ ", which does not exist; create that file, or remove the link to keep a regular file here");
		}
		return path.toRealPath();
	}

	/**
	 * Refuses a file that its mode keeps from being written (root could still replace it,
	 * but a read-only file says it must not change), or that this user cannot write.
	 * @param target the regular file to replace
	 * @param path the file as configured, as the error names it
	 * @throws IOException if the file must not be written
	 */
	private static void requireWritable(Path target, Path path) throws IOException {
		if (!Files.isRegularFile(target)) {
			throw WriteRefusal.of(path, "it is not a regular file");
		}
		boolean writable = Files.isWritable(target);
		PosixFileAttributes attributes = null;
		if (target.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			attributes = Files.readAttributes(target, PosixFileAttributes.class);
			writable &= attributes.permissions().stream().anyMatch(ANY_WRITE::contains);
		}
		if (!writable) {
			throw new IOException(WriteRefusal.message(path, (attributes != null) ? attributes.permissions() : null,
					(attributes != null) ? attributes.owner().getName() : null, System.getProperty("user.name")));
		}
	}

	/**
	 * Deletes what killed writers left. Called under the lock: no live writer of ours
	 * owns such a file then.
	 * @param target the file whose temp files to delete
	 * @throws IOException if the folder cannot be listed or a temp file deleted
	 */
	private static void deleteStaleTempFiles(Path target) throws IOException {
		String prefix = "." + target.getFileName() + ".";
		try (DirectoryStream<Path> files = Files.newDirectoryStream(target.getParent(),
				(each) -> isTempName(each.getFileName().toString(), prefix))) {
			for (Path stale : files) {
				if (Files.isRegularFile(stale, LinkOption.NOFOLLOW_LINKS)) {
					Files.deleteIfExists(stale);
					Log.logger.info("Deleted {}, left by a write that did not finish", stale);
				}
			}
		}
	}

	/**
	 * Whether a file name is {@code .NAME.DIGITS.tmp}, what {@link Files#createTempFile}
	 * makes of our prefix.
	 * @param name the file name
	 * @param prefix {@code .NAME.}
	 * @return whether the name is one of our temp files
	 */
	static boolean isTempName(String name, String prefix) {
		if (!name.startsWith(prefix) || !name.endsWith(".tmp")) {
			return false;
		}
		int end = name.length() - ".tmp".length();
		if (end <= prefix.length()) {
			return false;
		}
		for (int i = prefix.length(); i < end; i++) {
			if (!Character.isDigit(name.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	/**
	 * {@link #writeAndMove}, whose plain {@code IOException} (the disk is full, the file
	 * would pass the size limit of the process: {@code File too large}) names the file as
	 * every other failure does; a {@link FileSystemException} is the caller's, which
	 * knows the folder. The file stays as it was: only the temp file was written.
	 * @param target the regular file to replace
	 * @param path the file as configured, as the error names it
	 * @param bytes what it is to hold
	 * @param newFile the permissions of a new file, or null when the target exists
	 * @throws IOException if the temp file cannot be written or moved
	 */
	private static void write(Path target, Path path, byte[] bytes, @Nullable NewFilePermissions newFile)
			throws IOException {
		try {
			writeAndMove(target, bytes, newFile);
		}
		catch (FileSystemException ex) {
			throw ex;
		}
		catch (IOException ex) {
			throw WriteRefusal.of(path, describe(ex), ex);
		}
	}

	/**
	 * Writes the bytes to {@code .NAME.DIGITS.tmp} beside the target, forces them to disk
	 * and moves the temp file over the target.
	 * @param target the regular file to replace
	 * @param bytes what it is to hold
	 * @param newFile the permissions of a new file, or null when the target exists
	 * @throws IOException if the temp file cannot be written or moved
	 */
	private static void writeAndMove(Path target, byte[] bytes, @Nullable NewFilePermissions newFile)
			throws IOException {
		String prefix = "." + target.getFileName() + ".";
		// a file with the permissions of any new file must be made as one; any other
		// starts owner-only (on Unix), as Files.createTempFile makes it
		Path temp = (newFile == NewFilePermissions.DEFAULT) ? createNewFile(target.getParent(), prefix)
				: Files.createTempFile(target.getParent(), prefix, ".tmp");
		try {
			if (newFile == null) {
				keepAttributes(temp, target);
			}
			else if (newFile == NewFilePermissions.OWNER_ONLY && isPosix(temp)) {
				Files.setPosixFilePermissions(temp, OWNER_ONLY);
			}
			try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE,
					StandardOpenOption.TRUNCATE_EXISTING)) {
				ByteBuffer buffer = ByteBuffer.wrap(bytes);
				while (buffer.hasRemaining()) {
					channel.write(buffer);
				}
				channel.force(true);
			}
			Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	private static Path createNewFile(Path folder, String prefix) throws IOException {
		while (true) {
			String digits = Long.toUnsignedString(ThreadLocalRandom.current().nextLong());
			try {
				return Files.createFile(folder.resolve(prefix + digits + ".tmp"));
			}
			catch (FileAlreadyExistsException ex) {
				// drawn before: draw again
			}
		}
	}

	private static boolean isPosix(Path file) {
		return file.getFileSystem().supportedFileAttributeViews().contains("posix");
	}

	/**
	 * A rewritten file keeps the permissions it had, and its owner and group where the
	 * writer may set them (root editing a user's file leaves it the user's).
	 * @param temp the temp file about to replace the file
	 * @param original the file it replaces
	 * @throws IOException if the permissions cannot be read or set
	 */
	static void keepAttributes(Path temp, Path original) throws IOException {
		if (!isPosix(temp)) {
			return;
		}
		PosixFileAttributes was = Files.readAttributes(original, PosixFileAttributes.class);
		PosixFileAttributeView view = Files.getFileAttributeView(temp, PosixFileAttributeView.class);
		PosixFileAttributes now = view.readAttributes();
		try {
			if (!now.owner().equals(was.owner())) {
				view.setOwner(was.owner());
			}
			if (!now.group().equals(was.group())) {
				view.setGroup(was.group());
			}
		}
		catch (FileSystemException ex) {
			// not permitted (another user's file, a group the writer is not in): the file
			// becomes the writer's, as any editor's rewrite would make it
		}
		view.setPermissions(was.permissions());
	}

	static String describe(Throwable ex) {
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

	/**
	 * An edit of the file's bytes, run under the lock.
	 */
	@FunctionalInterface
	interface Edit {

		/**
		 * Edits the bytes on disk.
		 * @param current the bytes of the file, or null when it does not exist
		 * @return the bytes to write, or null to leave the file as it is
		 * @throws IOException if the current bytes cannot be edited
		 */
		byte @Nullable [] apply(byte @Nullable [] current) throws IOException;

	}

	/**
	 * The logger, made on first use: a command-line start that logs nothing does not
	 * initialise logging.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(FileReplacer.class);

	}

}
