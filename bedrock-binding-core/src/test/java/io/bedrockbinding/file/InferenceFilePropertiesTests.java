package io.bedrockbinding.file;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import io.bedrockbinding.identifier.BindingTarget;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Property tests: no input makes reading throw, and writing keeps every binding, comment
 * and line order.
 */
class InferenceFilePropertiesTests {

	private static final List<String> MODELS = List.of("amazon.nova-pro-v1:0", "amazon.nova-lite-v1:0",
			"anthropic.claude-3-haiku-20240307-v1:0", "deepseek.r1-v1:0", "meta.llama3-1-8b-instruct-v1:0");

	/** A model no generated text binds. */
	private static final String NEW_MODEL = "fuzz.model-1:0";

	private static final String SOURCE = "/some/where/inference.txt";

	private static final Clock CLOCK = Clock.systemUTC();

	private static Path dir;

	private static final AtomicInteger counter = new AtomicInteger();

	/**
	 * On tmpfs when there is one: hundreds of fsync'd writes on a disk only cost time
	 * here.
	 */
	@BeforeContainer
	static void createFolder() throws IOException {
		Path shm = Path.of("/dev/shm");
		dir = (Files.isDirectory(shm) && Files.isWritable(shm)) ? Files.createTempDirectory(shm, "inference-properties")
				: Files.createTempDirectory("inference-properties");
	}

	@AfterContainer
	static void deleteFolder() throws IOException {
		try (Stream<Path> files = Files.walk(dir)) {
			for (Path path : files.sorted(Comparator.reverseOrder()).toList()) {
				Files.deleteIfExists(path);
			}
		}
	}

	// ---- reading never throws --------------------------------------------------------

	@Property(tries = 1000)
	void anyStringParsesToEntriesAndProblemsOnly(@ForAll String text) {
		checkParse(text.getBytes(StandardCharsets.UTF_8));
		checkDocument(text);
	}

	@Property(tries = 1000)
	void anyLineLikeTextParsesToEntriesAndProblemsOnly(@ForAll("lineLikeText") String text) {
		checkParse(text.getBytes(StandardCharsets.UTF_8));
		checkDocument(text);
	}

	@Property(tries = 1000)
	void anyBytesParseToEntriesAndProblemsOnly(@ForAll byte[] bytes) {
		checkParse(bytes);
	}

	@Property(tries = 500)
	void anyMixOfTextAndBytesReadsFromDiskWithoutThrowing(@ForAll("textAndBytes") byte[] bytes) throws IOException {
		Path path = dir.resolve("read-" + counter.incrementAndGet() + ".txt");
		Files.write(path, bytes);
		InferenceFileContent content = new InferenceFile(path).read();
		assertThat(content.exists()).isTrue();
		checkContent(content, bytes, path.toString());
		Files.delete(path);
	}

	/**
	 * Lines of text and control characters with every separator and the characters the
	 * parser cares about.
	 */
	@Provide
	Arbitrary<String> lineLikeText() {
		Arbitrary<String> fragment = Arbitraries.oneOf(Arbitraries.of("=", "#", " ", "\t", "\n", "\r\n", "\r", "\uFEFF",
				"\0", "amazon.nova-pro-v1:0", "us.", "arn:aws:bedrock:us-east-1:111122223333:", "inference-profile/",
				"{account}", ":", ".", "\uFFFD", "\u001F", "\u00A0", "\u2003", "\u3000", "\u2028", "\u000B", "\u000C",
				"\u200B", "\u0085", "#amazon.nova-pro-v1:0="), Arbitraries.strings().ofMaxLength(6));
		return fragment.list().ofMaxSize(40).map((parts) -> String.join("", parts));
	}

	@Provide
	Arbitrary<byte[]> textAndBytes() {
		Arbitrary<byte[]> text = lineLikeText().map((string) -> string.getBytes(StandardCharsets.UTF_8));
		Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(8);
		return Arbitraries.oneOf(text, raw).list().ofMaxSize(8).map((parts) -> {
			java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
			parts.forEach(out::writeBytes);
			return out.toByteArray();
		});
	}

	private static void checkParse(byte[] bytes) {
		InferenceFileContent content = InferenceFile.parse(bytes, SOURCE, CLOCK);
		checkContent(content, bytes, SOURCE);
	}

	private static void checkDocument(String text) {
		InferenceFileContent content = InferenceDocument.parse(text).content(SOURCE, true, Instant.EPOCH);
		checkContent(content, text.getBytes(StandardCharsets.UTF_8), SOURCE);
	}

	/**
	 * What every read must give: sane problems, and entries only from well-formed lines.
	 */
	private static void checkContent(InferenceFileContent content, byte[] bytes, String source) {
		String decoded = new String(bytes, StandardCharsets.UTF_8);
		List<String> lines = InferenceDocument.parse(decoded).lines();
		assertThat(content.source()).isEqualTo(source);
		assertThat(content.problems()).allSatisfy((problem) -> {
			assertThat(problem.source()).isEqualTo(source);
			assertThat(problem.line()).isBetween(0, lines.size());
			assertThat(problem.severity()).isNotNull();
			assertThat(problem.message()).isNotBlank();
			assertThat(problem.toString())
				.startsWith(source + ((problem.line() > 0) ? ":" + problem.line() + ": " : ": "));
		});
		Set<String> keys = new HashSet<>();
		assertThat(content.entries()).allSatisfy((entry) -> {
			assertThat(keys.add(entry.modelId())).as("one entry per model ID").isTrue();
			assertThat(entry.line()).isBetween(1, lines.size());
			String line = lines.get(entry.line() - 1);
			assertThat(line).doesNotContain("\uFFFD").doesNotContain("\0");
			assertThat(line.chars().filter((c) -> c != ' ' && c != '\t' && isInvisible(c)))
				.as("a look-alike or invisible character in a bound line")
				.isEmpty();
			assertThat(line.strip()).doesNotStartWith("#");
			int equals = line.indexOf('=');
			assertThat(line.substring(0, equals).strip()).isEqualTo(entry.modelId());
			assertThat(BindingTarget.parse(entry.modelId(), line.substring(equals + 1))).isEqualTo(entry.target());
			assertThat(content.problems()).noneSatisfy((problem) -> {
				assertThat(problem.line()).isEqualTo(entry.line());
				assertThat(problem.severity()).isEqualTo(io.bedrockbinding.Severity.ERROR);
			});
		});
		assertThat(content.entries()).extracting(FileEntry::line).isSorted();
	}

	// ---- the document round trip
	// --------------------------------------------------------

	@Property(tries = 1000)
	void renderGivesBackTheTextWhenLineEndingsAreConsistent(@ForAll("lineLikeText") String text, @ForAll boolean crlf) {
		String consistent = text.replace("\r", "").replace("\n", crlf ? "\r\n" : "\n");

		assertThat(InferenceDocument.parse(consistent).render()).isEqualTo(consistent);
	}

	@Property(tries = 1000)
	void bindThenUnbindOfANewModelGivesBackTheSameText(@ForAll("lineLikeText") String text,
			@ForAll("targets") String target) {
		InferenceDocument document = InferenceDocument.parse(text);

		String roundTrip = document.with(NEW_MODEL, target).without(NEW_MODEL).render();

		assertThat(roundTrip).isEqualTo(text);
	}

	@Property(tries = 200)
	void bindThenUnbindOfANewModelOnDiskGivesBackTheSameBytes(@ForAll("lineLikeText") String text,
			@ForAll("targets") String target) throws IOException {
		Path path = dir.resolve("round-trip-" + counter.incrementAndGet() + ".txt");
		byte[] original = text.getBytes(StandardCharsets.UTF_8);
		// A NUL beside every character reads as UTF-16 (FileEncoding.isUtf16), which a
		// write refuses by design: not the UTF-8 file this property is about.
		Assume.that(!FileEncoding.isUtf16(original));
		Files.write(path, original);
		InferenceFile file = new InferenceFile(path);

		file.bind(NEW_MODEL, target);
		assertThat(file.read().bindings()).containsKey(NEW_MODEL);
		file.unbind(NEW_MODEL);

		assertThat(Files.readAllBytes(path)).isEqualTo(original);
		Files.delete(path);
	}

	@Property(tries = 500)
	void aLookAlikeSpaceAroundAValidBindingIsAlwaysAProblemNamingIt(@ForAll("models") String model,
			@ForAll("choices") int choice, @ForAll("lookAlikes") int odd, @ForAll("positions") int position) {
		String[] parts = { "", model, "", "=", "", target(model, choice), "" };
		parts[position] = Character.toString(odd);
		String line = String.join("", parts);

		InferenceFileContent content = InferenceFile.parse(
				("# a U+FEFF first in the file is its BOM\n" + line + "\n").getBytes(StandardCharsets.UTF_8), SOURCE,
				CLOCK);

		assertThat(content.entries()).isEmpty();
		assertThat(content.problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(io.bedrockbinding.Severity.ERROR);
			assertThat(problem.message())
				.startsWith(String.format("U+%04X %s at column ", odd, Character.getName(odd)));
			assertThat(problem.modelId()).isEqualTo(model);
		});
	}

	@Provide
	Arbitrary<String> models() {
		return Arbitraries.of(MODELS);
	}

	/** Targets for {@link #NEW_MODEL}, of every kind. */
	@Provide
	Arbitrary<String> targets() {
		return choices().map((choice) -> target(NEW_MODEL, choice));
	}

	@Provide
	Arbitrary<Integer> choices() {
		return Arbitraries.integers().between(0, 6);
	}

	/**
	 * Characters that look like white space (or nothing) but are not a space or a tab.
	 */
	@Provide
	Arbitrary<Integer> lookAlikes() {
		return Arbitraries.of(0x2003, 0x3000, 0x2028, 0x2029, 0x000B, 0x000C, 0x00A0, 0xFEFF, 0x200B, 0x0085, 0x2007,
				0x202F, 0x205F, 0x1680, 0x180E, 0x2060, 0x0000, 0x001F);
	}

	/** Before the model, after it, after {@code =}, or after the target. */
	@Provide
	Arbitrary<Integer> positions() {
		return Arbitraries.of(0, 2, 4, 6);
	}

	// ---- write then read
	// ----------------------------------------------------------------

	@Provide
	Arbitrary<Scenario> scenarios() {
		Arbitrary<String> padding = Arbitraries.of("", " ", "  ", "\t", " \t ");
		Arbitrary<Item> comment = Combinators
			.combine(Arbitraries.of("#", "# ", "  #", "\t# "),
					Arbitraries.strings().withChars("abc xyz=#.:-{}").withCharRange('\u00e0', '\u00ff').ofMaxLength(30))
			.as((start, text) -> new Comment((start.equals("#") ? "# " : start) + text));
		Arbitrary<Item> blank = padding.map(Blank::new);
		Arbitrary<Item> bound = Combinators
			.combine(Arbitraries.of(MODELS), Arbitraries.integers().between(0, 6), padding, padding, padding)
			.as((model, target, a, b, c) -> new Bound(model, target(model, target),
					a + model + b + "=" + c + target(model, target) + b));
		Arbitrary<List<Item>> items = Arbitraries
			.frequencyOf(net.jqwik.api.Tuple.of(3, comment), net.jqwik.api.Tuple.of(1, blank),
					net.jqwik.api.Tuple.of(3, bound))
			.list()
			.ofMaxSize(15)
			.map(InferenceFilePropertiesTests::distinctKeys);
		Arbitrary<Op> bind = Combinators.combine(Arbitraries.of(MODELS), Arbitraries.integers().between(0, 6), padding)
			.as((model, target, pad) -> new Bind(model, target(model, target), pad));
		Arbitrary<Op> unbind = Arbitraries.of(MODELS).map(Unbind::new);
		Arbitrary<List<Op>> ops = Arbitraries
			.frequencyOf(net.jqwik.api.Tuple.of(3, bind), net.jqwik.api.Tuple.of(1, unbind))
			.list()
			.ofMinSize(1)
			.ofMaxSize(8);
		return Combinators
			.combine(items, Arbitraries.of(true, false), Arbitraries.of(true, false), Arbitraries.of(true, false), ops)
			.as(Scenario::new);
	}

	private static String target(String model, int choice) {
		return switch (choice) {
			case 0 -> "";
			case 1 -> model;
			case 2 -> "us." + model;
			case 3 -> "eu." + model;
			case 4 -> "arn:aws:bedrock:us-east-2:111122223333:inference-profile/us." + model;
			case 5 -> "arn:aws:bedrock:{region}:{account}:inference-profile/global." + model;
			default -> "arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/abc123def456";
		};
	}

	private static boolean isDirect(String model, String target) {
		return target.isEmpty() || target.equals(model);
	}

	/**
	 * The generated file binds each model at most once (the simple model has no
	 * duplicates).
	 */
	private static List<Item> distinctKeys(List<Item> items) {
		Set<String> seen = new HashSet<>();
		return items.stream().filter((item) -> !(item instanceof Bound bound) || seen.add(bound.model())).toList();
	}

	@Property(tries = 300)
	void writeThenReadKeepsEveryBindingCommentAndOrder(@ForAll("scenarios") Scenario scenario) throws IOException {
		String newline = scenario.crlf() ? "\r\n" : "\n";
		List<String> lines = new ArrayList<>(scenario.items().stream().map(Item::text).toList());
		// The model of the file: each line with its own ending; only a last line that is
		// not empty can go without one.
		List<String> endings = new ArrayList<>();
		for (int i = 0; i < lines.size(); i++) {
			boolean last = i == lines.size() - 1;
			endings.add((!last || scenario.finalNewline() || lines.get(i).isEmpty()) ? newline : "");
		}
		String bom = scenario.bom() ? "\uFEFF" : "";
		Path path = dir.resolve("write-" + counter.incrementAndGet() + ".txt");
		Files.writeString(path, render(bom, lines, endings), StandardCharsets.UTF_8);
		InferenceFile file = new InferenceFile(path);

		// The simple model: the bindings in order, and every line of the file.
		Map<String, String> expected = new LinkedHashMap<>();
		scenario.items().forEach((item) -> {
			if (item instanceof Bound bound) {
				expected.put(bound.model(), bound.target());
			}
		});
		List<String> comments = scenario.items()
			.stream()
			.filter((item) -> !(item instanceof Bound))
			.map(Item::text)
			.toList();

		for (Op op : scenario.ops()) {
			if (op instanceof Bind bind) {
				FileChange change = file.bind(bind.model(), bind.padding() + bind.target() + bind.padding());
				String before = expected.get(bind.model());
				// direct is the empty target or the model ID itself: either way the line
				// stays
				boolean same = before != null && (bind.target().equals(before)
						|| (isDirect(bind.model(), before) && isDirect(bind.model(), bind.target())));
				String after = same ? before : bind.target();
				assertThat(change).isEqualTo(new FileChange(bind.model(), before, after));
				int index = lineOf(lines, bind.model());
				String line = bind.model() + "=" + bind.target();
				int last = lines.size() - 1;
				if (index >= 0) {
					// a line that names the same target stays as it was written
					if (!same) {
						lines.set(index, line);
					}
				}
				else if (last < 0) {
					lines.add(line);
					endings.add(System.lineSeparator());
				}
				else if (endings.get(last).isEmpty()) {
					// the file keeps going without a final line ending
					endings.set(last,
							endings.stream()
								.filter((ending) -> !ending.isEmpty())
								.reduce((a, b) -> b)
								.orElse(System.lineSeparator()));
					lines.add(line);
					endings.add("");
				}
				else {
					lines.add(line);
					endings.add(endings.get(last));
				}
				expected.put(bind.model(), after);
			}
			else if (op instanceof Unbind unbind) {
				FileChange change = file.unbind(unbind.model());
				assertThat(change).isEqualTo(new FileChange(unbind.model(), expected.get(unbind.model()), null));
				int index = lineOf(lines, unbind.model());
				if (index >= 0) {
					// A removed last line hands its ending to a line before it that is
					// not
					// empty.
					if (index == lines.size() - 1 && index > 0 && !lines.get(index - 1).isEmpty()) {
						endings.set(index - 1, endings.get(index));
					}
					lines.remove(index);
					endings.remove(index);
				}
				expected.remove(unbind.model());
			}
		}

		InferenceFileContent content = file.read();
		assertThat(content.problems()).isEmpty();
		Map<String, String> actual = new LinkedHashMap<>();
		content.entries().forEach((entry) -> actual.put(entry.modelId(), entry.target().value()));
		Map<String, String> expectedValues = new LinkedHashMap<>();
		expected.forEach((model, target) -> expectedValues.put(model, target.isEmpty() ? model : target));
		assertThat(actual).containsExactlyEntriesOf(expectedValues);

		String written = Files.readString(path, StandardCharsets.UTF_8);
		List<String> writtenLines = InferenceDocument.parse(written).lines();
		assertThat(writtenLines.stream().filter((line) -> line.isBlank() || line.strip().startsWith("#")).toList())
			.as("comments and blank lines, in their original order")
			.containsExactlyElementsOf(comments);
		assertThat(written).isEqualTo(render(bom, lines, endings));
		Files.delete(path);
	}

	private static String render(String bom, List<String> lines, List<String> endings) {
		StringBuilder text = new StringBuilder(bom);
		for (int i = 0; i < lines.size(); i++) {
			text.append(lines.get(i)).append(endings.get(i));
		}
		return text.toString();
	}

	private static int lineOf(List<String> lines, String model) {
		for (int i = 0; i < lines.size(); i++) {
			String line = lines.get(i).strip();
			if (!line.startsWith("#") && line.contains("=")
					&& line.substring(0, line.indexOf('=')).strip().equals(model)) {
				return i;
			}
		}
		return -1;
	}

	private static boolean isInvisible(int c) {
		return switch (Character.getType(c)) {
			case Character.CONTROL, Character.SPACE_SEPARATOR, Character.LINE_SEPARATOR, Character.PARAGRAPH_SEPARATOR,
					Character.FORMAT ->
				true;
			default -> false;
		};
	}

	sealed interface Item permits Comment, Blank, Bound {

		String text();

	}

	record Comment(String text) implements Item {
	}

	record Blank(String text) implements Item {
	}

	record Bound(String model, String target, String text) implements Item {
	}

	sealed interface Op permits Bind, Unbind {

	}

	record Bind(String model, String target, String padding) implements Op {
	}

	record Unbind(String model) implements Op {
	}

	record Scenario(List<Item> items, boolean bom, boolean crlf, boolean finalNewline, List<Op> ops) {
	}

}
