package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.UnaryOperator;

import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.ModelCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@code inference.txt} on disk. Reading never throws: every problem, including an
 * unreadable file, comes back with its line. Writing changes lines in place and replaces
 * the file atomically under a lock (see {@link FileReplacer}), so that two threads or two
 * processes binding at once lose nothing.
 */
public final class InferenceFile {

	private static final int PLAIN = 0;

	private static final int ASCII = 1;

	private static final int OTHER = 2;

	private final Path path;

	private final Clock clock;

	/**
	 * A file read and written at {@code path}.
	 * @param path the file (relative paths are resolved against the working folder)
	 */
	public InferenceFile(Path path) {
		this(path, Clock.systemUTC());
	}

	/**
	 * A file read and written at {@code path}, with reads stamped by {@code clock}.
	 * @param path the file (relative paths are resolved against the working folder)
	 * @param clock what tells the time of each read
	 */
	public InferenceFile(Path path, Clock clock) {
		this.path = path.toAbsolutePath().normalize();
		this.clock = clock;
	}

	/**
	 * The default location, in the folder the AWS SDK reads {@code ~/.aws/config} from:
	 * the home directory is the SDK's ({@code HOME} first, then {@code user.home}), so a
	 * container that sets {@code HOME} finds the file beside its AWS config.
	 * @return {@code ~/.aws/inference.txt}
	 */
	public static Path defaultLocation() {
		return Path.of(homeDirectory(), ".aws", "inference.txt");
	}

	/**
	 * A location as people write it in properties and options: a leading {@code ~} names
	 * the home directory of {@link #defaultLocation()} ({@code ~/config/inference.txt});
	 * any other path is answered as it is ({@code ~user} forms are not expanded).
	 * @param location a path, perhaps starting with {@code ~}
	 * @return the path with a leading {@code ~} replaced by the home directory
	 */
	public static Path expandHome(Path location) {
		if (location.isAbsolute() || location.getNameCount() == 0 || !location.getName(0).toString().equals("~")) {
			return location;
		}
		Path home = Path.of(homeDirectory());
		return (location.getNameCount() == 1) ? home : home.resolve(location.subpath(1, location.getNameCount()));
	}

	/**
	 * The home directory by the rule of the AWS SDK's {@code UserHomeDirectoryUtils}:
	 * {@code HOME}; on Windows then {@code USERPROFILE}, then {@code HOMEDRIVE} and
	 * {@code HOMEPATH}; then {@code user.home} ({@code DefaultLocationTests} compare the
	 * two). Not asked of the SDK: its settings utilities initialise logging, which the
	 * start of a command-line listing otherwise does without.
	 * @return the home directory
	 */
	private static String homeDirectory() {
		String home = System.getenv("HOME");
		if (home != null) {
			return home;
		}
		if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows")) {
			String profile = System.getenv("USERPROFILE");
			if (profile != null) {
				return profile;
			}
			String drive = System.getenv("HOMEDRIVE");
			String path = System.getenv("HOMEPATH");
			if (drive != null && path != null) {
				return drive + path;
			}
		}
		String userHome = System.getProperty("user.home");
		if (userHome == null) {
			throw new IllegalStateException("No home directory: neither HOME nor user.home is set");
		}
		return userHome;
	}

	/**
	 * The file's path.
	 * @return the absolute, normalized path
	 */
	public Path path() {
		return this.path;
	}

	/**
	 * Whether a regular file is at the path (through symlinks).
	 * @return whether the file exists
	 */
	public boolean exists() {
		return Files.isRegularFile(this.path);
	}

	/**
	 * Reads and validates the file. Never throws.
	 * @return the bindings and problems; a missing or unreadable file is not
	 * {@link InferenceFileContent#readable() readable}
	 */
	public InferenceFileContent read() {
		String source = this.path.toString();
		if (!Files.exists(this.path)) {
			return missing(source);
		}
		byte[] bytes;
		try {
			String notAFile = FileReplacer.notAFile(this.path);
			if (notAFile != null) {
				return unreadable(source, notAFile);
			}
			bytes = Files.readAllBytes(this.path);
		}
		catch (AccessDeniedException ex) {
			return unreadable(source,
					"cannot be read (permission denied): give the application's user read access, e.g. chmod u+r "
							+ source);
		}
		catch (NoSuchFileException ex) {
			return missing(source);
		}
		catch (IOException | OutOfMemoryError ex) {
			return unreadable(source, "cannot be read: " + FileReplacer.describe(ex));
		}
		return parse(bytes, source, this.clock);
	}

	/**
	 * Parses file bytes: UTF-8 with an optional BOM. Undecodable bytes are reported, and
	 * the lines that hold them never become bindings.
	 * @param bytes the whole file
	 * @param source the file, as problems name it
	 * @param clock what tells the time of the read
	 * @return the bindings and problems
	 */
	public static InferenceFileContent parse(byte[] bytes, String source, Clock clock) {
		if (FileEncoding.isUtf16(bytes)) {
			// every line would be broken, and every binding lost: the file is read as
			// unreadable, which keeps the last ones
			return new InferenceFileContent(source, true, false, List.of(),
					List.of(new FileProblem(source, 0, Severity.ERROR,
							FileEncoding.UTF_16 + ": save it as UTF-8 (the bindings " + "read before stay in force)")),
					clock.instant());
		}
		int kind = asciiKind(bytes);
		String text;
		try {
			text = strictUtf8(bytes, kind);
		}
		catch (CharacterCodingException ex) {
			text = new String(bytes, StandardCharsets.UTF_8);
			return undecodable(InferenceDocument.content(text, source, true, clock.instant(), false),
					FileEncoding.undecodableLines(bytes));
		}
		return InferenceDocument.content(text, source, true, clock.instant(), kind == PLAIN);
	}

	/**
	 * The content of a file that is not valid UTF-8: each line with bytes it cannot
	 * decode is one error that says so, in place of what its U+FFFD characters made of it
	 * (an invalid model ID or target), so that the line is reported once; the error keeps
	 * the model the line names, whose last good binding a reload keeps. Such a line never
	 * becomes a binding.
	 * @param content the content of the text decoded with U+FFFD for undecodable bytes
	 * @param lines the 1-based numbers of the lines with undecodable bytes
	 * @return the content with one error for each of those lines
	 */
	private static InferenceFileContent undecodable(InferenceFileContent content, List<Integer> lines) {
		Map<Integer, String> modelIds = new HashMap<>();
		List<FileProblem> problems = new ArrayList<>();
		for (FileProblem problem : content.problems()) {
			if (!lines.contains(problem.line())) {
				problems.add(problem);
			}
			else if (problem.modelId() != null) {
				modelIds.putIfAbsent(problem.line(), problem.modelId());
			}
		}
		for (int line : lines) {
			problems.add(new FileProblem(content.source(), line, Severity.ERROR,
					"is not valid UTF-8 (the line holds bytes it cannot decode): the line is ignored, and the file will "
							+ "not be rewritten until it is saved as UTF-8",
					modelIds.get(line)));
		}
		problems.sort(Comparator.comparingInt(FileProblem::line));
		List<FileEntry> entries = content.entries().stream().filter((entry) -> !lines.contains(entry.line())).toList();
		return new InferenceFileContent(content.source(), true, entries, problems, content.loadedAt());
	}

	/**
	 * Binds {@code modelId} to {@code target} in the file.
	 * @param modelId the model ID
	 * @param target the target text ({@code ""} for a direct call)
	 * @return what changed
	 * @throws IOException if the file cannot be read as UTF-8 or written
	 */
	public FileChange bind(String modelId, String target) throws IOException {
		String[] before = new String[1];
		AtomicReference<List<Integer>> removed = new AtomicReference<>(List.of());
		InferenceDocument written = update((document) -> {
			before[0] = document.targetOf(modelId).orElse(null);
			removed.set(document.duplicateLinesOf(modelId));
			return document.with(modelId, target);
		});
		// as written: a chain is written in its one text form
		return new FileChange(modelId, before[0], written.targetOf(modelId).orElseThrow(), removed.get());
	}

	/**
	 * Removes the lines that name {@code modelId}.
	 * @param modelId the model ID
	 * @return what changed; its removed lines are those besides the last one
	 * @throws IOException if the file cannot be read as UTF-8 or written
	 */
	public FileChange unbind(String modelId) throws IOException {
		String[] before = new String[1];
		AtomicReference<List<Integer>> removed = new AtomicReference<>(List.of());
		update((document) -> {
			before[0] = document.targetOf(modelId).orElse(null);
			List<Integer> lines = document.linesOf(modelId);
			removed.set(lines.isEmpty() ? lines : lines.subList(0, lines.size() - 1));
			return document.without(modelId);
		});
		return new FileChange(modelId, before[0], null, removed.get());
	}

	/**
	 * Applies {@code edit} under the file lock: reads the current content, edits it and
	 * atomically replaces the file when the content changed.
	 * @param edit the change to make to the document on disk
	 * @return the document now on disk
	 * @throws IOException if the file cannot be read as UTF-8 or written
	 */
	public InferenceDocument update(UnaryOperator<InferenceDocument> edit) throws IOException {
		InferenceDocument[] result = new InferenceDocument[1];
		FileReplacer.update(this.path, (bytes) -> {
			InferenceDocument current = (bytes != null) ? InferenceDocument.parse(decodeForWrite(bytes))
					: InferenceDocument.empty();
			InferenceDocument edited = edit.apply(current);
			result[0] = edited;
			// A missing file is created only when there is something to write (unbind
			// creates none).
			boolean changed = (bytes != null) ? !edited.sameAs(current) : !edited.lines().isEmpty();
			return changed ? edited.render().getBytes(StandardCharsets.UTF_8) : null;
		});
		return result[0];
	}

	/**
	 * Creates the default file (a header and every catalog model, commented out) if the
	 * file does not exist. Problems are logged, never thrown: a read-only home folder
	 * must not stop an application.
	 * @param catalog the models to list
	 * @return whether a file was created
	 */
	public boolean createIfMissing(ModelCatalog catalog) {
		if (Files.exists(this.path, LinkOption.NOFOLLOW_LINKS)) {
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
				Log.logger.info("Created {} with the {} models of the catalog (all commented out)", this.path,
						catalog.size());
			}
			return created[0];
		}
		catch (IOException | RuntimeException ex) {
			Log.logger.warn("Could not create {}: {}. Bindings from the file are skipped until it exists.", this.path,
					ex.getMessage());
			return false;
		}
	}

	private String decodeForWrite(byte[] bytes) throws IOException {
		// UTF-16 without a byte order mark is valid UTF-8 with NULs
		if (!FileEncoding.isUtf16(bytes)) {
			try {
				return strictUtf8(bytes, asciiKind(bytes));
			}
			catch (CharacterCodingException ex) {
				// refused below
			}
		}
		throw WriteRefusal.of(this.path, FileEncoding.notRewritten(bytes));
	}

	private static String strictUtf8(byte[] bytes, int kind) throws CharacterCodingException {
		String text = new String(bytes, StandardCharsets.UTF_8);
		if (kind != OTHER) {
			return text;
		}
		// Only valid UTF-8 survives the round trip: malformed input was replaced with
		// U+FFFD. (Several times faster than a reporting CharsetDecoder, which matters as
		// every bind reads the file.)
		if (!Arrays.equals(text.getBytes(StandardCharsets.UTF_8), bytes)) {
			throw new CharacterCodingException();
		}
		return text;
	}

	/**
	 * What kind of bytes a file holds, in one pass that a read makes anyway: only
	 * printable ASCII, tabs and line endings ({@link #PLAIN}: no line can hold a
	 * look-alike space, so validation skips the look for one), ASCII with other control
	 * characters ({@link #ASCII}), or more ({@link #OTHER}).
	 * @param bytes the file
	 * @return {@link #PLAIN}, {@link #ASCII} or {@link #OTHER}
	 */
	private static int asciiKind(byte[] bytes) {
		int kind = PLAIN;
		for (byte b : bytes) {
			if (b < ' ') {
				if (b < 0) {
					return OTHER;
				}
				if (b != '\t' && b != '\n' && b != '\r') {
					kind = ASCII;
				}
			}
			else if (b == 0x7F) {
				kind = ASCII;
			}
		}
		return kind;
	}

	private InferenceFileContent missing(String source) {
		return new InferenceFileContent(source, false, false, List.of(), List.of(), this.clock.instant());
	}

	private InferenceFileContent unreadable(String source, String message) {
		return new InferenceFileContent(source, true, false, List.of(),
				List.of(new FileProblem(source, 0, Severity.ERROR, message)), this.clock.instant());
	}

	/**
	 * The logger, made on first use: a command-line start that logs nothing does not
	 * initialise logging.
	 */
	private static final class Log {

		static final Logger logger = LoggerFactory.getLogger(InferenceFile.class);

	}

}
