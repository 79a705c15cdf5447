package io.bedrockbinding.file;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.Severity;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Merging a new read into the bindings in force: broken lines keep their last good
 * binding, everything else applies.
 */
class FileReloadTests {

	private static final String SOURCE = "/etc/app/inference.txt";

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String NOVA_LITE = "amazon.nova-lite-v1:0";

	private static final String NOVA_MICRO = "amazon.nova-micro-v1:0";

	private static final Instant FIRST = Instant.parse("2026-01-01T10:00:00Z");

	private static final Instant SECOND = Instant.parse("2026-01-01T10:05:00Z");

	private final InferenceFileContent inForce = read(
			NOVA_PRO + "=us.amazon.nova-pro-v1:0\n" + NOVA_LITE + "=us.amazon.nova-lite-v1:0\n", FIRST);

	@Test
	void theFirstReadIsAppliedAsItIs() {
		InferenceFileContent read = read(NOVA_PRO + "=\nbroken\n", FIRST);

		FileReload reload = FileReload.of(null, read);

		assertThat(reload.applied()).isSameAs(read);
		assertThat(reload.reported()).isSameAs(read);
		assertThat(reload.keptWhole()).isFalse();
	}

	@Test
	void everyValidLineAppliesAndABrokenLineKeepsTheLastGoodBindingOfItsModel() {
		InferenceFileContent read = read("# edited\n" + NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n" + NOVA_LITE
				+ "=arn:aws:bedrock:us-east-1:1111:inference-profile/us.amazon.nova-lite-v1:0\n" + NOVA_MICRO + "=\n",
				SECOND);

		FileReload reload = FileReload.of(this.inForce, read);

		assertThat(reload.keptWhole()).isFalse();
		assertThat(targets(reload.applied())).containsExactly(Map.entry(NOVA_PRO, "eu.amazon.nova-pro-v1:0"),
				Map.entry(NOVA_LITE, "us.amazon.nova-lite-v1:0"), Map.entry(NOVA_MICRO, NOVA_MICRO));
		assertThat(reload.applied().bindings().get(NOVA_LITE).line()).isEqualTo(3);
		assertThat(reload.applied().loadedAt()).isEqualTo(SECOND);
		assertThat(reload.reported().entries()).extracting(FileEntry::modelId).containsExactly(NOVA_PRO, NOVA_MICRO);
		assertThat(reload.reported().problems()).extracting(FileProblem::line, FileProblem::severity)
			.containsExactly(tuple(3, Severity.ERROR), tuple(3, Severity.WARNING));
		assertThat(reload.reported().problems().get(1).message()).isEqualTo("keeping the last good binding " + NOVA_LITE
				+ "=us.amazon.nova-lite-v1:0 (read at " + FIRST + ") until this line is fixed");
		assertThat(reload.applied().problems()).isEqualTo(reload.reported().problems());
	}

	@Test
	void aLookAlikeSpaceInTheModelIdKeepsThatModelsLastGoodBinding() {
		InferenceFileContent read = read(NOVA_PRO + "\u2003=eu.amazon.nova-pro-v1:0\n" + NOVA_LITE + "=\n", SECOND);

		FileReload reload = FileReload.of(this.inForce, read);

		assertThat(targets(reload.applied())).containsExactly(Map.entry(NOVA_PRO, "us.amazon.nova-pro-v1:0"),
				Map.entry(NOVA_LITE, NOVA_LITE));
	}

	@Test
	void aDeletedLineUnbindsAndABrokenLineThatNamesNoModelKeepsNothing() {
		InferenceFileContent read = read("half typed line\n" + NOVA_LITE + "=\n", SECOND);

		FileReload reload = FileReload.of(this.inForce, read);

		assertThat(targets(reload.applied())).containsExactly(Map.entry(NOVA_LITE, NOVA_LITE));
		assertThat(reload.reported().problems()).singleElement()
			.satisfies((problem) -> assertThat(problem.message()).contains("no '='"));
	}

	@Test
	void aMissingFileKeepsTheBindingsInForceWhole() {
		InferenceFileContent missing = new InferenceFileContent(SOURCE, false, false, List.of(), List.of(), SECOND);

		FileReload reload = FileReload.of(this.inForce, missing);

		assertThat(reload.keptWhole()).isTrue();
		assertThat(reload.applied().entries()).isEqualTo(this.inForce.entries());
		assertThat(reload.applied().loadedAt()).isEqualTo(FIRST);
		assertThat(reload.reported().exists()).isFalse();
		assertThat(reload.reported().problems()).singleElement().satisfies((problem) -> {
			assertThat(problem.line()).isZero();
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.message())
				.isEqualTo("is missing: keeping the 2 bindings read at " + FIRST + " until it can be read again");
		});
	}

	@Test
	void aMissingFileKeepingOneBindingSaysSo() {
		InferenceFileContent one = read(NOVA_LITE + "=" + NOVA_LITE + "\n", FIRST);
		InferenceFileContent missing = new InferenceFileContent(SOURCE, false, false, List.of(), List.of(), SECOND);

		assertThat(FileReload.of(one, missing).reported().problems()).singleElement()
			.extracting(FileProblem::message)
			.isEqualTo("is missing: keeping the binding read at " + FIRST + " until it can be read again");
	}

	@Test
	void anUnreadableFileKeepsTheBindingsInForceWhole() {
		InferenceFileContent unreadable = new InferenceFileContent(SOURCE, true, false, List.of(),
				List.of(new FileProblem(SOURCE, 0, Severity.ERROR, "cannot be read (permission denied)")), SECOND);

		FileReload reload = FileReload.of(this.inForce, unreadable);

		assertThat(reload.keptWhole()).isTrue();
		assertThat(reload.applied().entries()).isEqualTo(this.inForce.entries());
		assertThat(reload.reported().problems()).extracting(FileProblem::severity)
			.containsExactly(Severity.ERROR, Severity.WARNING);
	}

	@Test
	void anEmptyFileOrOneWithOnlyCommentsHasNoBindings() {
		assertThat(FileReload.of(this.inForce, read("", SECOND)).applied().entries()).isEmpty();
		assertThat(FileReload.of(this.inForce, read("# all unbound\n", SECOND)).applied().entries()).isEmpty();
		assertThat(FileReload.of(this.inForce, read("", SECOND)).keptWhole()).isFalse();
	}

	@Test
	void aFileThatIsNotUtf8StillAppliesItsGoodLines() {
		byte[] bytes = (NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n" + NOVA_LITE + "=us.amazon.nova-lite-v1:\u00e9\n")
			.getBytes(StandardCharsets.ISO_8859_1);
		InferenceFileContent read = InferenceFile.parse(bytes, SOURCE, Clock.fixed(SECOND, ZoneOffset.UTC));

		FileReload reload = FileReload.of(this.inForce, read);

		assertThat(targets(reload.applied())).containsExactly(Map.entry(NOVA_PRO, "eu.amazon.nova-pro-v1:0"),
				Map.entry(NOVA_LITE, "us.amazon.nova-lite-v1:0"));
	}

	private static InferenceFileContent read(String text, Instant at) {
		return InferenceFile.parse(text.getBytes(StandardCharsets.UTF_8), SOURCE, Clock.fixed(at, ZoneOffset.UTC));
	}

	private static Map<String, String> targets(InferenceFileContent content) {
		Map<String, String> targets = new LinkedHashMap<>();
		content.entries().forEach((entry) -> targets.put(entry.modelId(), entry.target().value()));
		return targets;
	}

}
