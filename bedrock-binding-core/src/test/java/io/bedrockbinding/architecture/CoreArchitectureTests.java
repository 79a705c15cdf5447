package io.bedrockbinding.architecture;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core is a plain Java library: it knows nothing of Spring, the CLI, picocli or the
 * emulator, so that every other module can depend on it and not the other way round.
 * Inside core, the packages are layers whose arrows point one way (see {@link #LAYERS}).
 */
class CoreArchitectureTests {

	/**
	 * The layers of core, lowest first, each with the layers it may use. The root package
	 * ({@code io.bedrockbinding}, shared values such as {@code Severity}) may be used by
	 * every layer and uses none. {@code client} (the SDK client settings and pool) is
	 * optional: it sits below the two layers that call AWS, pipe and discovery.
	 */
	static final List<Layer> LAYERS = List.of(new Layer("identifier"), new Layer("catalog", "identifier"),
			new Layer("account", "identifier"), new Layer("client", "identifier", "account"),
			new Layer("file", "identifier", "catalog"), new Layer("registry", "identifier", "catalog", "file"),
			new Layer("discovery", "identifier", "catalog", "account", "client", "registry"),
			new Layer("pipe", "identifier", "catalog", "account", "client", "file", "registry"),
			new Layer("interceptor", "identifier", "catalog", "account", "registry"));

	private static final String ROOT = "io.bedrockbinding";

	private static JavaClasses core;

	@BeforeAll
	static void importCore() {
		core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages(ROOT);
	}

	@Test
	void importsTheCoreProductionClassesAndNoTests() {
		assertThat(core.contain(BindingRegistry.class)).isTrue();
		assertThat(core.contain("io.bedrockbinding.catalog.ModelCatalog")).isTrue();
		assertThat(core.contain(CoreArchitectureTests.class)).isFalse();
		assertThat(core).allSatisfy((javaClass) -> assertThat(javaClass.getPackageName()).startsWith(ROOT));
	}

	@Test
	void coreDependsOnNoSpringClass() {
		check(noClasses().that()
			.resideInAPackage("io.bedrockbinding..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("org.springframework..")
			.because("core is a plain Java library; Spring glue belongs in bedrock-binding-autoconfigure"));
	}

	@Test
	void coreDependsOnNoPicocliClass() {
		check(noClasses().that()
			.resideInAPackage("io.bedrockbinding..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("picocli..")
			.because("the command line belongs in bedrock-binding-cli"));
	}

	@Test
	void coreDependsOnNoOtherModuleOfTheProject() {
		check(noClasses().that()
			.resideInAPackage("io.bedrockbinding..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("io.bedrockbinding.emulator..", "io.bedrockbinding..cli..",
					"io.bedrockbinding..autoconfigure..")
			.because("the dependency arrows point one way: the other modules depend on core"));
	}

	@Test
	void theCatalogIsReadWithoutADataBinder() {
		check(noClasses().that()
			.resideInAPackage("io.bedrockbinding.catalog..")
			.should()
			.dependOnClassesThat()
			.resideInAPackage("tools.jackson.databind..")
			.because("the built-in catalog is read on every start-up; initialising a data binder for it "
					+ "took most of ModelCatalog.builtIn() (issue 19): use the streaming parser"));
	}

	@Test
	void everyPackageOfCoreIsALayer() {
		Set<String> known = new TreeSet<>();
		LAYERS.forEach((layer) -> known.add(layer.name()));
		Set<String> found = new TreeSet<>();
		for (JavaClass javaClass : core) {
			String packageName = javaClass.getPackageName();
			if (!packageName.equals(ROOT)) {
				found.add(packageName.substring(ROOT.length() + 1).split("\\.")[0]);
			}
		}
		assertThat(found).as("top-level packages of core; place a new one in CoreArchitectureTests.LAYERS")
			.isSubsetOf(known)
			.contains("identifier", "catalog", "account", "file", "registry", "discovery", "pipe");
	}

	@Test
	void theRootPackageDependsOnNoLayer() {
		check(noClasses().that()
			.resideInAPackage(ROOT)
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(LAYERS.stream().map(Layer::packages).toArray(String[]::new))
			.because("the root package holds values every layer shares"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("layers")
	void eachLayerUsesOnlyTheLayersBelowIt(Layer layer) {
		String[] forbidden = LAYERS.stream()
			.filter((other) -> !other.equals(layer) && !layer.mayUse().contains(other.name()))
			.map(Layer::packages)
			.toArray(String[]::new);
		noClasses().that()
			.resideInAPackage(layer.packages())
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage(forbidden)
			.because(layer.name() + " may use only " + ((layer.mayUse().isEmpty()) ? "no other layer" : layer.mayUse()))
			.allowEmptyShould(layer.name().equals("client"))
			.check(core);
	}

	@Test
	void layersHaveNoCycles() {
		check(slices().matching("io.bedrockbinding.(*)..").should().beFreeOfCycles());
	}

	static Stream<Layer> layers() {
		return LAYERS.stream();
	}

	private static void check(ArchRule rule) {
		rule.allowEmptyShould(false).check(core);
	}

	/**
	 * A top-level package of core and the layers its classes may depend on.
	 *
	 * @param name the package name below {@code io.bedrockbinding}
	 * @param mayUse the names of the layers it may use
	 */
	record Layer(String name, List<String> mayUse) {

		Layer(String name, String... mayUse) {
			this(name, Arrays.asList(mayUse));
		}

		String packages() {
			return ROOT + "." + this.name + "..";
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
