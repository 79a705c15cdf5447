package io.bedrockbinding.registry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The lifecycle rules of {@link BindingRegistry#validate()}: {@code LEGACY} warns and
 * {@code END_OF_LIFE} fails once the date has come, by the registry's clock, for the
 * models bindings someone made (and required models) call.
 */
class BindingRegistryLifecycleTests {

	/** LEGACY, end of life 2027-01-15, successor acme.current-v2:0 (on demand). */
	private static final String OLD = "acme.old-v1:0";

	/** LEGACY, end of life 2026-06-30, successor acme.next-v3:0 (needs a profile). */
	private static final String GONE = "acme.gone-v1:0";

	private static final String CURRENT = "acme.current-v2:0";

	private static final ModelCatalog CATALOG = fixture();

	private static final Clock BEFORE_GONE = at("2026-06-29T23:59:59Z");

	private static final Clock AFTER_GONE = at("2026-06-30T00:00:00Z");

	@Test
	void legacyModelBoundInTheFileIsAWarningWithItsDatesAndSuccessor() {
		BindingRegistry registry = registry(BEFORE_GONE, "us-east-1");

		registry.setLayer(OriginKind.PROPERTIES, List.of(new LayerEntry(OLD, "", "application.yml")));

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.code()).isEqualTo(ProblemCode.LEGACY);
			assertThat(problem.modelId()).isEqualTo(OLD);
			assertThat(problem.message()).isEqualTo(OLD + " (application.yml) is LEGACY since 2026-01-15; its end of "
					+ "life is 2027-01-15 (public extended access, at the provider's higher prices, from 2026-06-01); "
					+ "AWS recommends " + CURRENT);
			assertThat(problem.suggestedTarget()).isEqualTo(CURRENT);
			assertThat(problem.fix()).startsWith("move to AWS's recommended successor")
				.endsWith("change it in application.yml (the properties outrank inference.txt) to " + CURRENT);
		});
		assertThat(ProblemPolicy.startup(false).errors(registry.validate())).isEmpty();
	}

	@Test
	void modelPastItsEndOfLifeIsAnErrorSuggestingTheSuccessorsProfile() {
		BindingRegistry registry = registry(AFTER_GONE, "us-east-1");

		registry.bind(GONE, "us." + GONE);

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.code()).isEqualTo(ProblemCode.END_OF_LIFE);
			assertThat(problem.message()).isEqualTo(GONE + " (runtime) reached its end of life on 2026-06-30: "
					+ "Bedrock refuses calls to it; AWS recommends acme.next-v3:0");
			// the successor needs a profile in us-east-1: the fix binds its profile
			assertThat(problem.suggestedTarget()).isEqualTo("us.acme.next-v3:0");
		});
		assertThat(ProblemPolicy.startup(false).errors(registry.validate())).hasSize(1);
	}

	@Test
	void theEndOfLifeDateDecidesByTheClock() {
		BindingRegistry before = registry(BEFORE_GONE, "us-east-1");
		before.bind(GONE, "us." + GONE);
		BindingRegistry after = registry(AFTER_GONE, "us-east-1");
		after.bind(GONE, "us." + GONE);

		assertThat(before.validate()).extracting(BindingProblem::code).containsExactly(ProblemCode.LEGACY);
		assertThat(after.validate()).extracting(BindingProblem::code).containsExactly(ProblemCode.END_OF_LIFE);
	}

	@Test
	void anAliasIsJudgedByTheModelItsTargetCalls() {
		BindingRegistry registry = registry(AFTER_GONE, "us-east-1");

		registry.bind("acme.alias-v1:0", "us." + GONE);

		assertThat(registry.validate()).filteredOn((problem) -> problem.code() == ProblemCode.END_OF_LIFE)
			.singleElement()
			.satisfies((problem) -> assertThat(problem.message())
				.startsWith("acme.alias-v1:0 (runtime) calls " + GONE + ", which reached its end of life"));
	}

	@Test
	void derivedAndCatalogDefaultsOfLegacyModelsAreNoProblem() {
		BindingRegistry registry = registry(AFTER_GONE, "us-east-1");

		assertThat(registry.resolve(GONE).origin().kind()).isEqualTo(OriginKind.DERIVED);
		assertThat(registry.resolve(OLD).origin().kind()).isEqualTo(OriginKind.CATALOG);
		assertThat(registry.validate()).isEmpty();
	}

	@Test
	void aRequiredModelIsJudgedEvenWithoutABindingSomeoneMade() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.requiredModels(List.of(GONE, OLD, CURRENT))
			.clock(AFTER_GONE)
			.build();
		registry.bind(OLD, "");
		// GONE has its derived profile, CURRENT nothing but the catalog default

		List<BindingProblem> problems = registry.validate();

		assertThat(problems).extracting(BindingProblem::modelId, BindingProblem::code)
			.containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(OLD, ProblemCode.LEGACY),
					org.assertj.core.groups.Tuple.tuple(CURRENT, ProblemCode.REQUIRED_UNBOUND),
					org.assertj.core.groups.Tuple.tuple(GONE, ProblemCode.END_OF_LIFE));
		assertThat(problems).filteredOn((problem) -> problem.code() == ProblemCode.END_OF_LIFE)
			.singleElement()
			.satisfies((problem) -> assertThat(problem.message())
				.startsWith(GONE + " (listed in BindingRegistryBuilder.requiredModels) reached its end of life"));
		ProblemPolicy health = ProblemPolicy.health(List.of(OLD), false);
		assertThat(health.errors(problems)).as("LEGACY is no error, and GONE is not required here").isEmpty();
	}

	@Test
	void legacyWithoutDatesOrSuccessorSaysSo() throws IOException {
		ModelCatalog catalog = ModelCatalog.read(new java.io.ByteArrayInputStream(
				"{\"models\":[{\"id\":\"acme.m-v1:0\",\"lifecycle\":{\"status\":\"LEGACY\"}}]}".getBytes()));
		BindingRegistry registry = BindingRegistry.builder(catalog).clock(AFTER_GONE).build();

		registry.bind("acme.m-v1:0", "");

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.message())
				.isEqualTo("acme.m-v1:0 (runtime) is LEGACY; no end-of-life date is announced yet");
			assertThat(problem.suggestedTarget()).isNull();
			assertThat(problem.fix()).contains("AWS names no successor");
		});
	}

	@Test
	void activeModelsHaveNoLifecycleProblem() {
		BindingRegistry registry = registry(AFTER_GONE, "us-east-1");

		registry.bind(CURRENT, "");

		assertThat(registry.validate()).isEmpty();
	}

	private static BindingRegistry registry(Clock clock, String region) {
		return BindingRegistry.builder(CATALOG).region(region).clock(clock).build();
	}

	private static Clock at(String instant) {
		return Clock.fixed(Instant.parse(instant), ZoneOffset.UTC);
	}

	private static ModelCatalog fixture() {
		try (InputStream in = BindingRegistryLifecycleTests.class
			.getResourceAsStream("/io/bedrockbinding/catalog/lifecycle-catalog.json")) {
			return ModelCatalog.read(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
