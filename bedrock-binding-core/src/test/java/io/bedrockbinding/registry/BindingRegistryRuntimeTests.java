package io.bedrockbinding.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Runtime {@code bind}/{@code unbind}, persisted or not, and change listeners. */
class BindingRegistryRuntimeTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String LLAMA_3_8B = "meta.llama3-8b-instruct-v1:0";

	private static final String DEEPSEEK_R1 = "deepseek.r1-v1:0";

	private static final String ELEVEN_DIGITS = "arn:aws:bedrock:us-east-1:11112222333:inference-profile/us.amazon.nova-pro-v1:0";

	private static final String ORIGINAL = "# production bindings\n" + NOVA_PRO + "=us.amazon.nova-pro-v1:0\n\n"
			+ "# llama stays direct\n" + LLAMA_3_8B + "=\n";

	@TempDir
	Path folder;

	@Test
	void bindInMemoryWinsOverEveryOtherLayerAndLeavesTheFileAlone() throws IOException {
		Path path = write(ORIGINAL);
		BindingRegistry registry = registry(path);

		Binding binding = registry.bind(NOVA_PRO, "eu.amazon.nova-pro-v1:0");

		assertThat(binding.origin()).isEqualTo(Origin.runtime());
		assertThat(binding.target().value()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(registry.resolve(NOVA_PRO)).isEqualTo(binding);
		assertThat(binding.shadowed()).extracting(LayeredTarget::origin)
			.containsExactly(new Origin(OriginKind.FILE, location(path, 2)), Origin.catalog());
		assertThat(Files.readString(path)).isEqualTo(ORIGINAL);
	}

	@Test
	void invalidTargetIsRefusedAndNothingChanges() throws IOException {
		Path path = write(ORIGINAL);
		BindingRegistry registry = registry(path);
		List<Binding> before = registry.bindings();
		List<Set<String>> events = new CopyOnWriteArrayList<>();
		registry.addListener((layer, modelIds) -> events.add(modelIds));

		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> registry.bind(NOVA_PRO, ELEVEN_DIGITS))
			.withMessageContaining("12 digits");
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> registry.bind(NOVA_PRO, ELEVEN_DIGITS, true));
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> registry.bind("us.amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", true));
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> registry
			.bindAll(Map.of(LLAMA_3_8B, "us.meta.llama3-8b-instruct-v1:0", NOVA_PRO, "nonsense!"), true));

		assertThat(registry.bindings()).isEqualTo(before);
		assertThat(Files.readString(path)).isEqualTo(ORIGINAL);
		assertThat(events).isEmpty();
	}

	@Test
	void persistedBindChangesTheLineInPlaceKeepsCommentsAndTheFileLayerShowsItsLine() throws IOException {
		Path path = write(ORIGINAL);
		BindingRegistry registry = registry(path);

		Binding binding = registry.bind(NOVA_PRO, "global.amazon.nova-pro-v1:0", true);

		assertThat(Files.readString(path)).isEqualTo("# production bindings\n" + NOVA_PRO
				+ "=global.amazon.nova-pro-v1:0\n\n" + "# llama stays direct\n" + LLAMA_3_8B + "=\n");
		assertThat(binding.origin()).isEqualTo(Origin.runtime());
		assertThat(binding.shadowed().get(0)).isEqualTo(new LayeredTarget(
				BindingTarget.parse("global.amazon.nova-pro-v1:0"), new Origin(OriginKind.FILE, location(path, 2))));
		assertThat(new InferenceFile(path).read().bindings().get(NOVA_PRO).target().value())
			.isEqualTo("global.amazon.nova-pro-v1:0");
	}

	@Test
	void aPersistedBindTheFileRefusesNamesTheFixAndTheRuntimeBindAndChangesNothing() throws IOException {
		Path path = write(ORIGINAL);
		BindingRegistry registry = registry(path);
		Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("r--r--r--"));

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> registry.bind(NOVA_PRO, "global.amazon.nova-pro-v1:0", true))
			.withMessageContaining("chmod u+w")
			.withMessageEndingWith("; or bind at runtime only (persist=false)");
		assertThatExceptionOfType(UncheckedIOException.class).isThrownBy(() -> registry.unbind(NOVA_PRO, true))
			.withMessageEndingWith("; or unbind at runtime only (persist=false)");
		assertThat(Files.readString(path)).isEqualTo(ORIGINAL);
		assertThat(registry.resolve(NOVA_PRO).origin().kind()).isEqualTo(OriginKind.FILE);
	}

	@Test
	void persistedBindOfANewModelAppendsALineWithItsNumber() throws IOException {
		Path path = write(ORIGINAL);
		BindingRegistry registry = registry(path);
		String arn = "arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0";

		registry.bind(DEEPSEEK_R1, arn, true);

		assertThat(Files.readString(path)).isEqualTo(ORIGINAL + DEEPSEEK_R1 + "=" + arn + "\n");
		Binding binding = registry.resolve(DEEPSEEK_R1);
		assertThat(binding.origin()).isEqualTo(Origin.runtime());
		assertThat(binding.shadowed().get(0).origin()).isEqualTo(new Origin(OriginKind.FILE, location(path, 6)));
		assertThat(registry.reloadFile()).isTrue();
		registry.unbind(DEEPSEEK_R1, false);
		assertThat(registry.resolve(DEEPSEEK_R1).origin()).isEqualTo(new Origin(OriginKind.FILE, location(path, 6)));
		assertThat(registry.resolve(DEEPSEEK_R1).target().value()).isEqualTo(arn);
	}

	@Test
	void persistedBindOfAModelBoundTwiceRemovesTheDuplicateAndTheFileLayerHasTheLinesAsTheyAreNow() throws IOException {
		Path path = write("# two\n" + NOVA_PRO + "=eu.amazon.nova-pro-v1:0\n" + ORIGINAL);
		BindingRegistry registry = registry(path);
		assertThat(registry.validate()).extracting(BindingProblem::code).contains(ProblemCode.FILE_PROBLEM);

		registry.bind(NOVA_PRO, "global.amazon.nova-pro-v1:0", true);

		assertThat(Files.readString(path))
			.isEqualTo("# two\n" + ORIGINAL.replace("=us.amazon.nova-pro-v1:0", "=global.amazon.nova-pro-v1:0"));
		assertThat(registry.resolve(NOVA_PRO).shadowed().get(0).origin())
			.isEqualTo(new Origin(OriginKind.FILE, location(path, 3)));
		// a line after the removed one moved up, and the duplicate's warning is gone
		assertThat(registry.resolve(LLAMA_3_8B).origin()).isEqualTo(new Origin(OriginKind.FILE, location(path, 6)));
		assertThat(registry.validate()).extracting(BindingProblem::code).doesNotContain(ProblemCode.FILE_PROBLEM);
	}

	@Test
	void persistedBindCreatesAMissingFile() throws IOException {
		Path path = this.folder.resolve("new").resolve("inference.txt");
		BindingRegistry registry = registry(path);

		registry.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0", true);

		assertThat(Files.readString(path)).isEqualTo(NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
		assertThat(registry.resolve(NOVA_PRO).shadowed().get(0).origin())
			.isEqualTo(new Origin(OriginKind.FILE, location(path, 1)));
	}

	@Test
	void persistWithoutAFileIsRefusedAndNothingChanges() {
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).region("us-east-1").build();
		List<Binding> before = registry.bindings();
		List<Set<String>> events = new CopyOnWriteArrayList<>();
		registry.addListener((layer, modelIds) -> events.add(modelIds));

		assertThatIllegalStateException().isThrownBy(() -> registry.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0", true))
			.withMessageContaining("no inference file");
		assertThatIllegalStateException().isThrownBy(() -> registry.unbind(NOVA_PRO, true));

		assertThat(registry.bindings()).isEqualTo(before);
		assertThat(events).isEmpty();
	}

	@Test
	void unbindingAModelWithoutARuntimeBindingChangesNothingAndTellsNoOne() {
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).region("us-east-1").build();
		List<Binding> before = registry.bindings();
		List<Set<String>> events = new CopyOnWriteArrayList<>();
		registry.addListener((layer, modelIds) -> events.add(modelIds));

		assertThat(registry.unbind(NOVA_PRO, false)).isEmpty();

		assertThat(registry.bindings()).isEqualTo(before);
		assertThat(events).isEmpty();
	}

	@Test
	void bindReturnsTheBindingItPutInForce() {
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).region("us-east-1").build();

		Binding bound = registry.bind(NOVA_PRO, "global.amazon.nova-pro-v1:0");

		assertThat(bound.origin()).isEqualTo(Origin.runtime());
		assertThat(bound.target().value()).isEqualTo("global.amazon.nova-pro-v1:0");
		assertThat(bound.shadowed()).extracting((shadowed) -> shadowed.origin().kind()).contains(OriginKind.CATALOG);
	}

	@Test
	void persistedUnbindRemovesTheRuntimeBindingAndEveryFileLineButKeepsComments() throws IOException {
		Path path = write("# duplicates\n" + NOVA_PRO + "=us.amazon.nova-pro-v1:0\n# keep me\n" + NOVA_PRO
				+ "=eu.amazon.nova-pro-v1:0\n" + LLAMA_3_8B + "=\n");
		BindingRegistry registry = registry(path);
		registry.bind(NOVA_PRO, "global.amazon.nova-pro-v1:0");

		assertThat(registry.unbind(NOVA_PRO, true)).hasValueSatisfying(
				(removed) -> assertThat(removed.target().value()).isEqualTo("global.amazon.nova-pro-v1:0"));

		assertThat(Files.readString(path)).isEqualTo("# duplicates\n# keep me\n" + LLAMA_3_8B + "=\n");
		assertThat(registry.resolve(NOVA_PRO).origin()).isEqualTo(Origin.catalog());
		assertThat(registry.resolve(LLAMA_3_8B).origin()).isEqualTo(new Origin(OriginKind.FILE, location(path, 3)));
	}

	@Test
	void unbindInMemoryUncoversTheFileBindingAndReportsNothingRemovedTheSecondTime() throws IOException {
		Path path = write(ORIGINAL);
		BindingRegistry registry = registry(path);
		registry.bind(NOVA_PRO, "global.amazon.nova-pro-v1:0");

		assertThat(registry.unbind(NOVA_PRO, false)).isPresent();
		assertThat(registry.unbind(NOVA_PRO, false)).isEmpty();

		assertThat(registry.resolve(NOVA_PRO).origin()).isEqualTo(new Origin(OriginKind.FILE, location(path, 2)));
		assertThat(Files.readString(path)).isEqualTo(ORIGINAL);
	}

	@Test
	void listenersHearTheLayerAndTheModelsAfterTheChangeUntilTheirRegistrationIsClosed() throws Exception {
		Path path = write(ORIGINAL);
		BindingRegistry registry = registry(path);
		List<String> events = new CopyOnWriteArrayList<>();
		AutoCloseable registration = registry.addListener((layer, modelIds) -> {
			for (String modelId : modelIds) {
				events.add(layer + " " + modelId + " -> " + registry.resolve(modelId).target().value());
			}
		});

		registry.bind(NOVA_PRO, "eu.amazon.nova-pro-v1:0");
		registry.unbind(NOVA_PRO, false);
		registry.setLayer(OriginKind.PROPERTIES,
				List.of(new LayerEntry(LLAMA_3_8B, "us.meta.llama3-8b-instruct-v1:0", "app.yml")));
		Files.writeString(path, DEEPSEEK_R1 + "=us.deepseek.r1-v1:0\n");
		registry.reloadFile();

		assertThat(events).containsExactly("RUNTIME " + NOVA_PRO + " -> eu.amazon.nova-pro-v1:0",
				"RUNTIME " + NOVA_PRO + " -> us.amazon.nova-pro-v1:0",
				"PROPERTIES " + LLAMA_3_8B + " -> us.meta.llama3-8b-instruct-v1:0",
				"FILE " + NOVA_PRO + " -> " + NOVA_PRO, "FILE " + LLAMA_3_8B + " -> us.meta.llama3-8b-instruct-v1:0",
				"FILE " + DEEPSEEK_R1 + " -> us.deepseek.r1-v1:0");

		events.clear();
		registration.close();
		registry.bind(NOVA_PRO, "eu.amazon.nova-pro-v1:0", true);
		assertThat(events).isEmpty();
	}

	@Test
	void failingListenerDoesNotBreakTheBindNorTheOtherListeners() throws IOException {
		Path path = write(ORIGINAL);
		BindingRegistry registry = registry(path);
		List<Set<String>> heard = new ArrayList<>();
		registry.addListener((layer, modelIds) -> {
			throw new IllegalStateException("listener bug");
		});
		registry.addListener((layer, modelIds) -> heard.add(modelIds));

		Binding binding = registry.bind(NOVA_PRO, "eu.amazon.nova-pro-v1:0", true);

		assertThat(binding.target().value()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(registry.resolve(NOVA_PRO).target().value()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(Files.readString(path)).contains(NOVA_PRO + "=eu.amazon.nova-pro-v1:0");
		assertThat(heard).containsExactly(Set.of(NOVA_PRO));
	}

	@Test
	void bindAllIsOneChangeForListeners() throws IOException {
		Path path = write(ORIGINAL);
		BindingRegistry registry = registry(path);
		List<Set<String>> heard = new ArrayList<>();
		registry.addListener((layer, modelIds) -> heard.add(Set.copyOf(modelIds)));

		registry.bindAll(Map.of(NOVA_PRO, "eu.amazon.nova-pro-v1:0", DEEPSEEK_R1, "us.deepseek.r1-v1:0"), true);

		assertThat(heard).containsExactly(Set.of(NOVA_PRO, DEEPSEEK_R1));
		assertThat(new InferenceFile(path).read().bindings()).containsKeys(NOVA_PRO, DEEPSEEK_R1, LLAMA_3_8B);
	}

	@Test
	void runtimeBindingsAreCappedWithAnErrorThatSaysHowToRaiseTheCap() {
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn())
			.maxRuntimeBindings(2)
			.hints(new SettingHints("region", "account", "endpoint", "fallback", "required",
					"the.max-bindings property"))
			.build();
		registry.bind("acme.one-v1:0", "us.acme.one-v1:0");
		registry.bind("acme.two-v1:0", "us.acme.two-v1:0");

		assertThatExceptionOfType(RuntimeBindingLimitException.class)
			.isThrownBy(() -> registry.bind("acme.three-v1:0", "us.acme.three-v1:0"))
			.withMessageContaining("acme.three-v1:0")
			.withMessageContaining("at most 2")
			.withMessageContaining("the.max-bindings property")
			.satisfies((ex) -> assertThat(ex.limit()).isEqualTo(2));
		assertThat(registry.find("acme.three-v1:0")).isEmpty();
		// Rebinding a bound model adds none; unbinding frees a place.
		assertThat(registry.bind("acme.two-v1:0", "eu.acme.two-v1:0").target().value()).isEqualTo("eu.acme.two-v1:0");
		registry.unbind("acme.one-v1:0", false);
		assertThat(registry.bind("acme.three-v1:0", "us.acme.three-v1:0").origin()).isEqualTo(Origin.runtime());
	}

	@Test
	void persistedBindBeyondTheCapLeavesTheFileAlone() throws IOException {
		Path path = write(ORIGINAL);
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn())
			.inferenceFile(new InferenceFile(path))
			.maxRuntimeBindings(0)
			.build();

		assertThatExceptionOfType(RuntimeBindingLimitException.class)
			.isThrownBy(() -> registry.bind(NOVA_PRO, "eu.amazon.nova-pro-v1:0", true))
			.withMessageContaining("BindingRegistryBuilder.maxRuntimeBindings");
		assertThat(Files.readString(path)).isEqualTo(ORIGINAL);
	}

	@Test
	void modelsBoundOnlyAtRuntimeListAfterTheCatalogInTheOrderTheyWereBound() {
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).build();
		for (String name : List.of("zeta", "alpha", "mid")) {
			registry.bind("acme." + name + "-v1:0", "");
		}
		registry.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		List<String> ids = registry.bindings().stream().map(Binding::modelId).toList();

		assertThat(ids.subList(ids.size() - 3, ids.size())).containsExactly("acme.zeta-v1:0", "acme.alpha-v1:0",
				"acme.mid-v1:0");
		assertThat(ids.subList(0, ModelCatalog.builtIn().size()))
			.containsExactlyElementsOf(ModelCatalog.builtIn().all().stream().map((model) -> model.modelId()).toList());
	}

	private BindingRegistry registry(Path path) {
		return BindingRegistry.builder(ModelCatalog.builtIn())
			.region("us-east-1")
			.inferenceFile(new InferenceFile(path))
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

}
