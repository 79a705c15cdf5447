package io.bedrockbinding.registry;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.identifier.BindingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Precedence, highest first: runtime > properties > file > discovered > derived >
 * catalog; every binding names its origin and lists what it shadows, highest first.
 */
class BindingRegistryPrecedenceTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	/** Known to no catalog, so that only the layers a test sets are present. */
	private static final String CUSTOM = "acme.custom-model-v1:0";

	private static final String RUNTIME_TARGET = "arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/runtime00001";

	private static final String PROPERTIES_TARGET = "arn:aws:bedrock:eu-west-1:111122223333:provisioned-model/props0000001";

	private static final String FILE_TARGET = "arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/file00000001";

	private static final String DISCOVERED_TARGET = "arn:aws:bedrock:eu-west-1:111122223333:inference-profile/eu.amazon.nova-pro-v1:0";

	private static final String PROPERTY_SOURCE = "Config resource 'class path resource [application-prod.yml]'";

	private static final String DISCOVERY_SOURCE = "ListInferenceProfiles eu-west-1";

	@TempDir
	Path folder;

	@Test
	void modelInAllSixLayersIsBoundAtRuntimeAndShadowsTheOtherFiveHighestFirst() throws IOException {
		Path path = write("# bindings for prod\n\n" + NOVA_PRO + "=" + FILE_TARGET + "\n");
		BindingRegistry registry = registry(path);
		registry.setLayer(OriginKind.DISCOVERED,
				List.of(new LayerEntry(NOVA_PRO, DISCOVERED_TARGET, DISCOVERY_SOURCE)));
		registry.setLayer(OriginKind.PROPERTIES, List.of(new LayerEntry(NOVA_PRO, PROPERTIES_TARGET, PROPERTY_SOURCE)));
		registry.bind(NOVA_PRO, RUNTIME_TARGET);

		Binding binding = registry.resolve(NOVA_PRO);

		assertThat(binding.modelId()).isEqualTo(NOVA_PRO);
		assertThat(binding.target().value()).isEqualTo(RUNTIME_TARGET);
		assertThat(binding.origin()).isEqualTo(new Origin(OriginKind.RUNTIME, "runtime"));
		assertThat(binding.shadowed()).containsExactly(
				new LayeredTarget(BindingTarget.parse(PROPERTIES_TARGET),
						new Origin(OriginKind.PROPERTIES, PROPERTY_SOURCE)),
				new LayeredTarget(BindingTarget.parse(FILE_TARGET), new Origin(OriginKind.FILE, fileLocation(path, 3))),
				new LayeredTarget(BindingTarget.parse(DISCOVERED_TARGET),
						new Origin(OriginKind.DISCOVERED, DISCOVERY_SOURCE)),
				new LayeredTarget(BindingTarget.parse("eu.amazon.nova-pro-v1:0"),
						new Origin(OriginKind.DERIVED, "geo profile for eu-west-1")),
				new LayeredTarget(new BindingTarget.Direct(NOVA_PRO), Origin.catalog()));
	}

	@Test
	void propertyValuesOverriddenWithinThePropertiesAreShadowedBelowTheirWinnerAboveTheLowerLayers()
			throws IOException {
		Path path = write(NOVA_PRO + "=" + FILE_TARGET + "\n");
		BindingRegistry registry = registry(path);
		String base = "us.amazon.nova-pro-v1:0";
		registry.setLayer(OriginKind.PROPERTIES,
				List.of(new LayerEntry(NOVA_PRO, PROPERTIES_TARGET, "application-prod.yml",
						List.of(new LayerEntry(NOVA_PRO, base, "application.yml"),
								new LayerEntry(NOVA_PRO, "not a target", "commandLineArgs")))));

		Binding properties = registry.resolve(NOVA_PRO);
		assertThat(properties.target().value()).isEqualTo(PROPERTIES_TARGET);
		assertThat(properties.origin()).isEqualTo(new Origin(OriginKind.PROPERTIES, "application-prod.yml"));
		// an overridden value that is no target is left out: nothing calls it
		List<LayeredTarget> lower = List.of(
				new LayeredTarget(BindingTarget.parse(FILE_TARGET), new Origin(OriginKind.FILE, fileLocation(path, 1))),
				new LayeredTarget(BindingTarget.parse("eu.amazon.nova-pro-v1:0"),
						new Origin(OriginKind.DERIVED, "geo profile for eu-west-1")),
				new LayeredTarget(new BindingTarget.Direct(NOVA_PRO), Origin.catalog()));
		LayeredTarget overridden = new LayeredTarget(BindingTarget.parse(base),
				new Origin(OriginKind.PROPERTIES, "application.yml"));
		assertThat(properties.shadowed()).first().isEqualTo(overridden);
		assertThat(properties.shadowed().subList(1, properties.shadowed().size())).isEqualTo(lower);

		registry.bind(NOVA_PRO, RUNTIME_TARGET);
		assertThat(registry.resolve(NOVA_PRO).shadowed())
			.startsWith(new LayeredTarget(BindingTarget.parse(PROPERTIES_TARGET),
					new Origin(OriginKind.PROPERTIES, "application-prod.yml")), overridden)
			.hasSize(5);
	}

	@Test
	void removingTheTopLayerOneByOneUncoversEachLowerLayerInTurn() throws IOException {
		Path path = write(NOVA_PRO + "=" + FILE_TARGET + "\n");
		BindingRegistry registry = registry(path);
		registry.setLayer(OriginKind.DISCOVERED,
				List.of(new LayerEntry(NOVA_PRO, DISCOVERED_TARGET, DISCOVERY_SOURCE)));
		registry.setLayer(OriginKind.PROPERTIES, List.of(new LayerEntry(NOVA_PRO, PROPERTIES_TARGET, PROPERTY_SOURCE)));
		registry.bind(NOVA_PRO, RUNTIME_TARGET);

		registry.unbind(NOVA_PRO, false);
		assertWinner(registry.resolve(NOVA_PRO), OriginKind.PROPERTIES, PROPERTY_SOURCE, PROPERTIES_TARGET, 4);

		registry.setLayer(OriginKind.PROPERTIES, List.of());
		assertWinner(registry.resolve(NOVA_PRO), OriginKind.FILE, fileLocation(path, 1), FILE_TARGET, 3);

		Files.writeString(path, "# emptied\n");
		assertThat(registry.reloadFile()).isTrue();
		assertWinner(registry.resolve(NOVA_PRO), OriginKind.DISCOVERED, DISCOVERY_SOURCE, DISCOVERED_TARGET, 2);

		registry.setLayer(OriginKind.DISCOVERED, List.of());
		assertWinner(registry.resolve(NOVA_PRO), OriginKind.DERIVED, "geo profile for eu-west-1",
				"eu.amazon.nova-pro-v1:0", 1);
		assertThat(registry.resolve(NOVA_PRO).shadowed()).extracting(LayeredTarget::origin)
			.containsExactly(Origin.catalog());
	}

	/**
	 * Each adjacent pair of the explicit layers, set in both orders, on a model only
	 * those two layers know.
	 */
	@ParameterizedTest(name = "{0} over {1}, {0} set first: {2}")
	@CsvSource({ "RUNTIME, PROPERTIES, true", "RUNTIME, PROPERTIES, false", "PROPERTIES, FILE, true",
			"PROPERTIES, FILE, false", "FILE, DISCOVERED, true", "FILE, DISCOVERED, false",
			"RUNTIME, DISCOVERED, false", "PROPERTIES, DISCOVERED, false" })
	void higherExplicitLayerWinsAndShadowsTheLowerOne(OriginKind higher, OriginKind lower, boolean higherFirst)
			throws IOException {
		Path path = write("# nothing yet\n");
		BindingRegistry registry = registry(path);
		String higherTarget = "us.acme.custom-model-v1:0";
		String lowerTarget = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/lower0000001";
		if (higherFirst) {
			put(registry, path, higher, higherTarget);
			put(registry, path, lower, lowerTarget);
		}
		else {
			put(registry, path, lower, lowerTarget);
			put(registry, path, higher, higherTarget);
		}

		Binding binding = registry.resolve(CUSTOM);

		assertThat(binding.origin().kind()).isEqualTo(higher);
		assertThat(binding.origin().source()).isEqualTo(sourceOf(higher, path));
		assertThat(binding.target().value()).isEqualTo(higherTarget);
		assertThat(binding.shadowed()).containsExactly(
				new LayeredTarget(BindingTarget.parse(lowerTarget), new Origin(lower, sourceOf(lower, path))));
		assertThat(higher.outranks(lower)).isTrue();
	}

	@Test
	void discoveredOutranksDerived() {
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).region("eu-west-1").build();
		assertThat(registry.resolve(NOVA_PRO).origin().kind()).isEqualTo(OriginKind.DERIVED);

		registry.setLayer(OriginKind.DISCOVERED,
				List.of(new LayerEntry(NOVA_PRO, DISCOVERED_TARGET, DISCOVERY_SOURCE)));

		Binding binding = registry.resolve(NOVA_PRO);
		assertThat(binding.origin()).isEqualTo(new Origin(OriginKind.DISCOVERED, DISCOVERY_SOURCE));
		assertThat(binding.target().value()).isEqualTo(DISCOVERED_TARGET);
		assertThat(binding.shadowed()).extracting(LayeredTarget::origin)
			.containsExactly(new Origin(OriginKind.DERIVED, "geo profile for eu-west-1"), Origin.catalog());
		assertThat(binding.shadowed().get(0).target().value()).isEqualTo("eu.amazon.nova-pro-v1:0");
	}

	@Test
	void derivedOutranksCatalog() {
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).region("eu-west-1").build();

		Binding binding = registry.resolve(NOVA_PRO);

		assertThat(binding.origin().kind()).isEqualTo(OriginKind.DERIVED);
		assertThat(binding.isExplicit()).isTrue();
		assertThat(binding.shadowed())
			.containsExactly(new LayeredTarget(new BindingTarget.Direct(NOVA_PRO), Origin.catalog()));
	}

	@Test
	void catalogDefaultIsDirectAndShadowsNothing() {
		BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).build();

		Binding binding = registry.resolve(NOVA_PRO);

		assertThat(binding.origin()).isEqualTo(Origin.catalog());
		assertThat(binding.target()).isEqualTo(new BindingTarget.Direct(NOVA_PRO));
		assertThat(binding.shadowed()).isEmpty();
		assertThat(binding.isExplicit()).isFalse();
	}

	@Test
	void runtimeOutranksEverythingForEveryOrderOfArrival() throws IOException {
		Path path = write("# empty\n");
		BindingRegistry registry = registry(path);
		registry.bind(NOVA_PRO, RUNTIME_TARGET);
		registry.setLayer(OriginKind.PROPERTIES, List.of(new LayerEntry(NOVA_PRO, PROPERTIES_TARGET, PROPERTY_SOURCE)));
		Files.writeString(path, NOVA_PRO + "=" + FILE_TARGET + "\n");
		registry.reloadFile();
		registry.setLayer(OriginKind.DISCOVERED,
				List.of(new LayerEntry(NOVA_PRO, DISCOVERED_TARGET, DISCOVERY_SOURCE)));

		Binding binding = registry.resolve(NOVA_PRO);

		assertThat(binding.origin().kind()).isEqualTo(OriginKind.RUNTIME);
		assertThat(binding.shadowed()).extracting((shadowed) -> shadowed.origin().kind())
			.containsExactly(OriginKind.PROPERTIES, OriginKind.FILE, OriginKind.DISCOVERED, OriginKind.DERIVED,
					OriginKind.CATALOG);
	}

	private void assertWinner(Binding binding, OriginKind kind, String source, String target, int shadowedCount) {
		assertThat(binding.origin()).isEqualTo(new Origin(kind, source));
		assertThat(binding.target().value()).isEqualTo(target);
		assertThat(binding.shadowed()).hasSize(shadowedCount);
		assertThat(binding.shadowed())
			.allSatisfy((shadowed) -> assertThat(kind.outranks(shadowed.origin().kind())).isTrue());
	}

	private BindingRegistry registry(Path path) {
		return BindingRegistry.builder(ModelCatalog.builtIn())
			.region("eu-west-1")
			.inferenceFile(new InferenceFile(path))
			.build();
	}

	private void put(BindingRegistry registry, Path path, OriginKind kind, String target) throws IOException {
		switch (kind) {
			case RUNTIME -> registry.bind(CUSTOM, target);
			case PROPERTIES -> registry.setLayer(kind, List.of(new LayerEntry(CUSTOM, target, PROPERTY_SOURCE)));
			case DISCOVERED -> registry.setLayer(kind, List.of(new LayerEntry(CUSTOM, target, DISCOVERY_SOURCE)));
			case FILE -> {
				Files.writeString(path, "# one binding\n" + CUSTOM + "=" + target + "\n");
				assertThat(registry.reloadFile()).isTrue();
			}
			default -> throw new IllegalArgumentException(kind.name());
		}
	}

	private static String sourceOf(OriginKind kind, Path path) {
		return switch (kind) {
			case RUNTIME -> "runtime";
			case PROPERTIES -> PROPERTY_SOURCE;
			case DISCOVERED -> DISCOVERY_SOURCE;
			case FILE -> fileLocation(path, 2);
			default -> throw new IllegalArgumentException(kind.name());
		};
	}

	private static String fileLocation(Path path, int line) {
		return path.toAbsolutePath().normalize() + ":" + line;
	}

	private Path write(String content) throws IOException {
		Path path = this.folder.resolve("inference.txt");
		Files.writeString(path, content, StandardCharsets.UTF_8);
		return path;
	}

}
