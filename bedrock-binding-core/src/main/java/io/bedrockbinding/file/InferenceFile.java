package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.ModelCatalog;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code inference.txt} on disk. Reading never throws: every problem, including an
 * unreadable file, comes back with its line. Writing changes lines in place, replaces the
 * file atomically (a temp file in the same folder, then an atomic move) and holds a lock
 * around read-modify-write, so that two threads or two processes binding at once lose
 * nothing.
 */
public final class InferenceFile {

	private static final Logger logger = LoggerFactory.getLogger(InferenceFile.class);

	private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

	/**
	 * One lock per lock file (by its identity) for the threads of this JVM; the OS lock
	 * serves other processes.
	 */
	private static final ConcurrentHashMap<Object, ReentrantLock> JVM_LOCKS = new ConcurrentHashMap<>();

	private final Path path;

	private final Clock clock;

	public InferenceFile(Path path) {
		this(path, Clock.systemUTC());
	}

	public InferenceFile(Path path, Clock clock) {
		this.path = path.toAbsolutePath().normalize();
		this.clock = clock;
	}

	/** {@code ~/.aws/inference.txt}. */
	public static Path defaultLocation() {
		return Path.of(System.getProperty("user.home"), ".aws", "inference.txt");
	}

	public Path path() {
		return this.path;
	}

	public boolean exists() {
		return Files.isRegularFile(this.path);
	}

	/** Reads and validates the file. Never throws. */
	public InferenceFileContent read() {
		String source = this.path.toString();
		if (!Files.exists(this.path)) {
			return new InferenceFileContent(source, false, List.of(), List.of(), this.clock.instant());
		}
		byte[] bytes;
		try {
			if (Files.isDirectory(this.path)) {
				return unreadable(source, "is a directory, not a file: point the location at a file");
			}
			bytes = Files.readAllBytes(this.path);
		}
		catch (AccessDeniedException ex) {
			return unreadable(source,
					"cannot be read (permission denied): give the application's user read access, e.g. chmod u+r "
							+ source);
		}
		catch (NoSuchFileException ex) {
			return new InferenceFileContent(source, false, List.of(), List.of(), this.clock.instant());
		}
		catch (IOException | OutOfMemoryError ex) {
			return unreadable(source, "cannot be read: " + describe(ex));
		}
		return parse(bytes, source, this.clock);
	}

	/**
	 * Parses file bytes: UTF-8 with an optional BOM. Undecodable bytes are reported, and
	 * the lines that hold them never become bindings.
	 */
	public static InferenceFileContent parse(byte[] bytes, String source, Clock clock) {
		List<FileProblem> extra = new ArrayList<>();
		String text;
		try {
			text = strictUtf8(bytes);
		}
		catch (CharacterCodingException ex) {
			text = new String(bytes, StandardCharsets.UTF_8);
			extra.add(new FileProblem(source, 0, Severity.ERROR,
					"is not valid UTF-8: lines with undecodable bytes are ignored, and the file will not be rewritten until it is saved as UTF-8"));
		}
		InferenceFileContent content = InferenceDocument.content(text, source, true, clock.instant());
		if (extra.isEmpty()) {
			return content;
		}
		extra.addAll(content.problems());
		return new InferenceFileContent(source, true, content.entries(), extra, content.loadedAt());
	}

	/** Binds {@code modelId} to {@code target} in the file (empty target: direct). */
	public FileChange bind(String modelId, String target) throws IOException {
		String[] before = new String[1];
		update((document) -> {
			before[0] = document.targetOf(modelId).orElse(null);
			return document.with(modelId, target);
		});
		return new FileChange(modelId, before[0], target.strip());
	}

	/** Removes the lines that bind {@code modelId}. */
	public FileChange unbind(String modelId) throws IOException {
		String[] before = new String[1];
		update((document) -> {
			before[0] = document.targetOf(modelId).orElse(null);
			return document.without(modelId);
		});
		return new FileChange(modelId, before[0], null);
	}

	/**
	 * Applies {@code edit} under the file lock: reads the current content, edits it and
	 * atomically replaces the file when the content changed.
	 * @return the document now on disk
	 * @throws IOException if the file cannot be read as UTF-8 or written
	 */
	public InferenceDocument update(UnaryOperator<InferenceDocument> edit) throws IOException {
		try {
			Path target = writeTarget();
			Path folder = target.getParent();
			Files.createDirectories(folder);
			Path lockFile = folder.resolve("." + target.getFileName() + ".lock");
			try (FileChannel lockChannel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
					StandardOpenOption.WRITE)) {
				// One JVM lock per lock file, not per path: two threads that name the
				// same file
				// differently (a symlink and its target) would otherwise both ask the OS
				// for the
				// lock, and the JVM refuses that with OverlappingFileLockException.
				ReentrantLock lock = JVM_LOCKS.computeIfAbsent(identity(lockFile), (key) -> new ReentrantLock());
				lock.lock();
				try (FileLock fileLock = lockChannel.lock()) {
					byte[] bytes = Files.exists(target) ? Files.readAllBytes(target) : null;
					InferenceDocument current = (bytes != null) ? InferenceDocument.parse(decodeForWrite(bytes, target))
							: InferenceDocument.empty();
					InferenceDocument edited = edit.apply(current);
					// A missing file is created only when there is something to write
					// (unbind creates none).
					if ((bytes == null) ? !edited.lines().isEmpty() : !edited.sameAs(current)) {
						writeAtomically(target, edited.render().getBytes(StandardCharsets.UTF_8), bytes != null);
					}
					return edited;
				}
				finally {
					lock.unlock();
				}
			}
		}
		catch (FileSystemException ex) {
			throw new IOException("Cannot write " + this.path + ": " + describe(ex)
					+ " (the folder must be writable: the file is replaced through a temp file beside it)", ex);
		}
	}

	/**
	 * What identifies a file however it is named: its device and inode where the OS has
	 * them.
	 */
	private static Object identity(Path file) throws IOException {
		Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
		return (key != null) ? key : file.toRealPath();
	}

	/**
	 * Creates the default file (a header and every catalog model, commented out) if the
	 * file does not exist. Problems are logged, never thrown: a read-only home folder
	 * must not stop an application.
	 * @return whether a file was created
	 */
	public boolean createIfMissing(ModelCatalog catalog) {
		if (Files.exists(this.path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
			return false;
		}
		try {
			String text = DefaultInferenceFile.render(catalog);
			boolean[] created = { false };
			update((document) -> {
				if (!document.lines().isEmpty()) {
					return document;
				}
				created[0] = true;
				return InferenceDocument.parse(text);
			});
			if (created[0]) {
				logger.info("Created {} with the {} models of the catalog (all commented out)", this.path,
						catalog.size());
			}
			return created[0];
		}
		catch (IOException | RuntimeException ex) {
			logger.warn("Could not create {}: {}. Bindings from the file are skipped until it exists.", this.path,
					ex.getMessage());
			return false;
		}
	}

	/** The file to replace: the target of a symlink, so that the link itself survives. */
	private Path writeTarget() throws IOException {
		if (Files.isSymbolicLink(this.path) && Files.exists(this.path)) {
			return this.path.toRealPath();
		}
		return this.path;
	}

	private void writeAtomically(Path target, byte[] bytes, boolean existed) throws IOException {
		Path folder = target.getParent();
		Path temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
		try {
			applyPermissions(temp, existed ? target : null);
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

	/** New files are owner-only; a rewritten file keeps the permissions it had. */
	private static void applyPermissions(Path temp, @Nullable Path original) throws IOException {
		if (!temp.getFileSystem().supportedFileAttributeViews().contains("posix")) {
			return;
		}
		Set<PosixFilePermission> permissions = (original != null) ? Files.getPosixFilePermissions(original)
				: OWNER_ONLY;
		Files.setPosixFilePermissions(temp, permissions);
	}

	private static String decodeForWrite(byte[] bytes, Path target) throws IOException {
		try {
			return strictUtf8(bytes);
		}
		catch (CharacterCodingException ex) {
			throw new IOException(
					target + " is not valid UTF-8; not rewriting it, so that nothing is lost: save it as UTF-8 first",
					ex);
		}
	}

	private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (isAscii(bytes)) {
			return text;
		}
		// Only valid UTF-8 survives the round trip: malformed input was replaced with
		// U+FFFD.
		// (Several times faster than a reporting CharsetDecoder, which matters as every
		// bind reads the file.)
		if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
			throw new CharacterCodingException();
		}
		return text;
	}

	private static boolean isAscii(byte[] bytes) {
		for (byte b : bytes) {
			if (b < 0) {
				return false;
			}
		}
		return true;
	}

	private InferenceFileContent unreadable(String source, String message) {
		return new InferenceFileContent(source, true, List.of(),
				List.of(new FileProblem(source, 0, Severity.ERROR, message)), this.clock.instant());
	}

	private static String describe(Throwable ex) {
		if (ex instanceof AccessDeniedException) {
			return "permission denied";
		}
		String message = ex.getMessage();
		return ex.getClass().getSimpleName() + ((message != null) ? ": " + message : "");
	}

}
