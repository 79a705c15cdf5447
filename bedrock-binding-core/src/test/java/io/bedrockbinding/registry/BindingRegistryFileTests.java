package io.bedrockbinding.registry;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.FileProblem;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.identifier.BindingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The FILE layer: reads of {@code inference.txt}, applied or kept back when broken. */
class BindingRegistryFileTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String CLAUDE_3_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	private static final String DEEPSEEK_R1 = "deepseek.r1-v1:0";

	private static final String LLAMA_3_8B = "meta.llama3-8b-instruct-v1:0";

	private static final String DEEPSEEK_ARN = "arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0";

	@TempDir
	Path folder;

	private final TickingClock clock = new TickingClock();

	@Test
	void builderReadsTheFileAndAFirstReadWithABadLineAppliesTheGoodLines() throws IOException {
		Path path = write("# comment=with equals\n" + NOVA_PRO + " = us.amazon.nova-pro-v1:0\nthis line has no equals\n"
				+ DEEPSEEK_R1 + "=" + DEEPSEEK_ARN + "\n" + CLAUDE_3_HAIKU + "=\n");

		BindingRegistry registry = registry(path);

		assertFileBinding(registry, NOVA_PRO, "us.amazon.nova-pro-v1:0", location(path, 2));
		assertFileBinding(registry, DEEPSEEK_R1, DEEPSEEK_ARN, location(path, 4));
		assertFileBinding(registry, CLAUDE_3_HAIKU, CLAUDE_3_HAIKU, location(path, 5));
		assertThat(registry.resolve(CLAUDE_3_HAIKU).target()).isEqualTo(new BindingTarget.Direct(CLAUDE_3_HAIKU));
		assertThat(registry.bindings()).filteredOn((binding) -> binding.origin().kind() == OriginKind.FILE).hasSize(3);
		assertThat(registry.fileLoadedAt()).isPresent();
		assertThat(registry.lastFileRead()).hasValueSatisfying((read) -> {
			assertThat(read.problems()).extracting(FileProblem::line).containsExactly(3);
			assertThat(read.hasErrors()).isTrue();
		});
		assertThat(registry.validate()).filteredOn((problem) -> problem.code() == ProblemCode.FILE_PROBLEM)
			.singleElement()
			.satisfies((problem) -> {
				assertThat(problem.severity()).isEqualTo(Severity.ERROR);
				assertThat(problem.origin()).isEqualTo(new Origin(OriginKind.FILE, location(path, 3)));
				assertThat(problem.message()).contains(location(path, 3));
			});
	}

	@Test
	void laterReadWithErrorsAppliesEveryGoodLineAndKeepsTheLastGoodBindingOfABrokenOne() throws IOException {
		Path path = write(
				NOVA_PRO + "=us.amazon.nova-pro-v1:0\n" + LLAMA_3_8B + "=\n" + DEEPSEEK_R1 + "=" + DEEPSEEK_ARN + "\n");
		BindingRegistry registry = registry(path);
		Instant loadedAt = registry.fileLoadedAt().orElseThrow();

		write("# half edited\n" + NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n" + DEEPSEEK_R1
				+ "=arn:aws:bedrock:us-east-2:11112222333:inference-profile/us.deepseek.r1-v1:0\n");
		boolean applied = registry.reloadFile();

		assertThat(applied).isTrue();
		assertFileBinding(registry, NOVA_PRO, "eu.amazon.nova-pro-v1:0", location(path, 2));
		assertFileBinding(registry, DEEPSEEK_R1, DEEPSEEK_ARN, location(path, 3));
		assertThat(registry.resolve(LLAMA_3_8B).origin()).isEqualTo(Origin.catalog());
		assertThat(registry.fileLoadedAt()).hasValueSatisfying((loaded) -> assertThat(loaded).isAfter(loadedAt));
		InferenceFileContent read = registry.lastFileRead().orElseThrow();
		assertThat(read.problems()).extracting(FileProblem::line, FileProblem::severity)
			.containsExactly(tuple(3, Severity.ERROR), tuple(3, Severity.WARNING));
		assertThat(read.problems().get(0).message()).contains("12 digits");
		assertThat(read.problems().get(1).message()).contains("keeping the last good binding " + DEEPSEEK_R1);
		assertThat(registry.validate()).filteredOn((problem) -> problem.code() == ProblemCode.FILE_PROBLEM)
			.extracting((problem) -> problem.origin().source())
			.containsExactly(location(path, 3), location(path, 3));
	}

	@Test
	void oneBrokenLineNoLongerFreezesTheFile() throws IOException {
		Path path = write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\n" + LLAMA_3_8B + "=\n");
		BindingRegistry registry = registry(path);
		write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\n" + LLAMA_3_8B
				+ "=arn:aws:bedrock:us-east-2:11112222333:inference-profile/us." + LLAMA_3_8B + "\n");
		registry.reloadFile();

		write(NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n" + LLAMA_3_8B
				+ "=arn:aws:bedrock:us-east-2:11112222333:inference-profile/us." + LLAMA_3_8B + "\n" + DEEPSEEK_R1 + "="
				+ DEEPSEEK_ARN + "\n");
		registry.reloadFile();

		assertFileBinding(registry, NOVA_PRO, "eu.amazon.nova-pro-v1:0", location(path, 1));
		assertFileBinding(registry, DEEPSEEK_R1, DEEPSEEK_ARN, location(path, 3));
		assertFileBinding(registry, LLAMA_3_8B, LLAMA_3_8B, location(path, 2));
	}

	@Test
	void aFileThatCannotBeReadKeepsTheLastGoodBindingsWhole() throws IOException {
		Path path = write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
		BindingRegistry registry = registry(path);
		Instant loadedAt = registry.fileLoadedAt().orElseThrow();
		Files.delete(path);
		Files.createDirectory(path);

		assertThat(registry.reloadFile()).isFalse();

		assertFileBinding(registry, NOVA_PRO, "us.amazon.nova-pro-v1:0", location(path, 1));
		assertThat(registry.fileLoadedAt()).contains(loadedAt);
		assertThat(registry.lastFileRead().orElseThrow().problems()).extracting(FileProblem::severity)
			.containsExactly(Severity.ERROR, Severity.WARNING);
	}

	@Test
	void aFileSavedAsUtf16KeepsTheLastGoodBindingsWholeAndSaysHowToSaveIt() throws IOException {
		String text = NOVA_PRO + "=us.amazon.nova-pro-v1:0\n";
		Path path = write(text);
		BindingRegistry registry = registry(path);
		// a Windows editor's "Unicode", with and without its byte order mark
		for (Charset utf16 : List.of(StandardCharsets.UTF_16, StandardCharsets.UTF_16LE)) {
			Files.write(path, text.getBytes(utf16));

			assertThat(registry.reloadFile()).isFalse();

			assertFileBinding(registry, NOVA_PRO, "us.amazon.nova-pro-v1:0", location(path, 1));
			assertThat(registry.lastFileRead().orElseThrow().problems()).first()
				.satisfies((problem) -> assertThat(problem.message())
					.isEqualTo("is UTF-16 (a Windows editor's \"Unicode\"), not UTF-8: save it as UTF-8 (the "
							+ "bindings read before stay in force)"));
		}
	}

	@Test
	void anEmptyFileHasNoBindings() throws IOException {
		Path path = write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
		BindingRegistry registry = registry(path);

		write("");

		assertThat(registry.reloadFile()).isTrue();
		assertThat(registry.resolve(NOVA_PRO).origin().kind()).isNotEqualTo(OriginKind.FILE);
		assertThat(registry.validate()).extracting(BindingProblem::code).doesNotContain(ProblemCode.FILE_PROBLEM);
	}

	@Test
	void laterGoodReadReplacesTheFileLayer() throws IOException {
		Path path = write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\n" + LLAMA_3_8B + "=\n");
		BindingRegistry registry = registry(path);
		write(NOVA_PRO + "=broken target\n");
		assertThat(registry.reloadFile()).isTrue();
		assertFileBinding(registry, NOVA_PRO, "us.amazon.nova-pro-v1:0", location(path, 1));
		Instant firstLoad = registry.fileLoadedAt().orElseThrow();

		write("# fixed\n\n" + NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n" + DEEPSEEK_R1 + "=" + DEEPSEEK_ARN + "\n");
		assertThat(registry.reloadFile()).isTrue();

		assertFileBinding(registry, NOVA_PRO, "eu.amazon.nova-pro-v1:0", location(path, 3));
		assertFileBinding(registry, DEEPSEEK_R1, DEEPSEEK_ARN, location(path, 4));
		assertThat(registry.resolve(LLAMA_3_8B).origin()).isEqualTo(Origin.catalog());
		assertThat(registry.fileLoadedAt()).hasValueSatisfying((loaded) -> assertThat(loaded).isAfter(firstLoad));
		assertThat(registry.lastFileRead().orElseThrow().problems()).isEmpty();
		assertThat(registry.validate()).extracting(BindingProblem::code).doesNotContain(ProblemCode.FILE_PROBLEM);
	}

	@Test
	void laterReadWithOnlyWarningsIsApplied() throws IOException {
		Path path = write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
		BindingRegistry registry = registry(path);

		write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\n" + NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n");

		assertThat(registry.reloadFile()).isTrue();
		assertFileBinding(registry, NOVA_PRO, "eu.amazon.nova-pro-v1:0", location(path, 2));
		assertThat(registry.validate()).filteredOn((problem) -> problem.code() == ProblemCode.FILE_PROBLEM)
			.singleElement()
			.satisfies((problem) -> assertThat(problem.severity()).isEqualTo(Severity.WARNING));
	}

	@Test
	void missingFileAfterAGoodReadKeepsTheBindings() throws IOException {
		Path path = write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
		BindingRegistry registry = registry(path);
		Instant loadedAt = registry.fileLoadedAt().orElseThrow();

		Files.delete(path);

		assertThat(registry.reloadFile()).isFalse();
		assertFileBinding(registry, NOVA_PRO, "us.amazon.nova-pro-v1:0", location(path, 1));
		assertThat(registry.fileLoadedAt()).contains(loadedAt);
		assertThat(registry.lastFileRead()).hasValueSatisfying((read) -> assertThat(read.exists()).isFalse());
	}

	@Test
	void reloadFileReadsTheFileAgain() throws IOException {
		Path path = write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
		BindingRegistry registry = registry(path);
		assertThat(registry.inferenceFile()).hasValueSatisfying((file) -> assertThat(file.path()).isEqualTo(path));

		write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\r\n" + LLAMA_3_8B + "=us.meta.llama3-8b-instruct-v1:0\r\n");
		assertThat(registry.resolve(LLAMA_3_8B).origin()).isEqualTo(Origin.catalog());

		assertThat(registry.reloadFile()).isTrue();
		assertFileBinding(registry, LLAMA_3_8B, "us.meta.llama3-8b-instruct-v1:0", location(path, 2));
	}

	@Test
	void missingFileAtBuildGivesNoFileBindings() {
		Path path = this.folder.resolve("absent.txt");

		BindingRegistry registry = registry(path);

		assertThat(registry.bindings()).extracting((binding) -> binding.origin().kind())
			.doesNotContain(OriginKind.FILE);
		assertThat(registry.lastFileRead()).hasValueSatisfying((read) -> assertThat(read.exists()).isFalse());
		assertThat(registry.validate()).isEmpty();
	}

	@Test
	void fileThatAppearsAfterAMissingFirstReadIsAppliedWithItsGoodLinesEvenWhenItHasABadOne() throws IOException {
		Path path = this.folder.resolve("inference.txt");
		BindingRegistry registry = registry(path);

		write(NOVA_PRO + "=us.amazon.nova-pro-v1:0\nhalf typed line\n" + LLAMA_3_8B + "=\n");

		assertThat(registry.reloadFile()).isTrue();
		assertFileBinding(registry, NOVA_PRO, "us.amazon.nova-pro-v1:0", location(path, 1));
		assertFileBinding(registry, LLAMA_3_8B, LLAMA_3_8B, location(path, 3));
		assertThat(registry.lastFileRead().orElseThrow().problems()).extracting(FileProblem::line).containsExactly(2);

		write(NOVA_PRO + "=eu.amazon.nova-pro-v1:0\nstill broken\n");
		assertThat(registry.reloadFile()).isTrue();
		assertFileBinding(registry, NOVA_PRO, "eu.amazon.nova-pro-v1:0", location(path, 1));
		assertThat(registry.resolve(LLAMA_3_8B).origin()).isEqualTo(Origin.catalog());
	}

	@Test
	void applyFileWorksWithoutAConfiguredFileAndReloadFileThenDoesNothing() {
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).build();
		InferenceFileContent content = InferenceFile
			.parse((NOVA_PRO + "=us.amazon.nova-pro-v1:0\n").getBytes(StandardCharsets.UTF_8), "configmap", this.clock);

		assertThat(registry.applyFile(content)).isTrue();

		assertThat(registry.resolve(NOVA_PRO).origin()).isEqualTo(new Origin(OriginKind.FILE, "configmap:1"));
		assertThat(registry.inferenceFile()).isEmpty();
		assertThat(registry.reloadFile()).isFalse();
		assertThat(registry.resolve(NOVA_PRO).origin().kind()).isEqualTo(OriginKind.FILE);
	}

	private void assertFileBinding(BindingRegistry registry, String modelId, String target, String location) {
		Binding binding = registry.resolve(modelId);
		assertThat(binding.target().value()).isEqualTo(target);
		assertThat(binding.origin()).isEqualTo(new Origin(OriginKind.FILE, location));
	}

	private BindingRegistry registry(Path path) {
		return BindingRegistry.builder(ModelCatalog.builtIn())
			.region("us-east-1")
			.inferenceFile(new InferenceFile(path, this.clock))
			.build();
	}

	private static String location(Path path, int line) {
		return path.toAbsolutePath().normalize() + ":" + line;
	}

	private Path write(String content) throws IOException {
		Path path = this.folder.resolve("inference.txt");
		Files.writeString(path, content, StandardCharsets.UTF_8);
		return path;
	}

	/**
	 * A clock one second further on every time it is read, so that reads are told apart.
	 */
	private static final class TickingClock extends Clock {

		private final AtomicLong seconds = new AtomicLong(1_700_000_000L);

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return Instant.ofEpochSecond(this.seconds.incrementAndGet());
		}

	}

}
