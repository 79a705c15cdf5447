package io.bedrockbinding.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core is a plain Java library: it knows nothing of Spring, the CLI, picocli or the
 * emulator, so that every other module can depend on it and not the other way round.
 */
class CoreArchitectureTests {

	private static JavaClasses core;

	@BeforeAll
	static void importCore() {
		core = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
			.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
			.importPackages("io.bedrockbinding");
	}

	@Test
	void importsTheCoreProductionClassesAndNoTests() {
		assertThat(core.contain(BindingRegistry.class)).isTrue();
		assertThat(core.contain("io.bedrockbinding.catalog.ModelCatalog")).isTrue();
		assertThat(core.contain(CoreArchitectureTests.class)).isFalse();
		assertThat(core)
			.allSatisfy((javaClass) -> assertThat(javaClass.getPackageName()).startsWith("io.bedrockbinding"));
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

	private static void check(ArchRule rule) {
		rule.allowEmptyShould(false).check(core);
	}

}
