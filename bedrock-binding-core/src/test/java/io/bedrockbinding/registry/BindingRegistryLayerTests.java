package io.bedrockbinding.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.identifier.BindingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@link BindingRegistry#setLayer}: whole layers such as the Spring properties or
 * discovery.
 */
class BindingRegistryLayerTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String LLAMA_3_8B = "meta.llama3-8b-instruct-v1:0";

	private static final String SOURCE = "application-prod.yml";

	private static final String ELEVEN_DIGITS = "arn:aws:bedrock:us-east-1:11112222333:inference-profile/us.amazon.nova-pro-v1:0";

	private final BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn())
		.region("us-east-1")
		.build();

	@Test
	void invalidEntriesNeverBecomeBindingsAndAreReportedAsInvalidTargetNamingTheirSource() {
		List<Binding> before = this.registry.bindings();

		this.registry.setLayer(OriginKind.PROPERTIES,
				List.of(new LayerEntry(NOVA_PRO, ELEVEN_DIGITS, SOURCE + " (line 7)"),
						new LayerEntry("amazon.nova-pro-v10", "not a target!", SOURCE + " (line 8)"),
						new LayerEntry("Not A Model", "us.amazon.nova-pro-v1:0", SOURCE + " (line 9)"),
						new LayerEntry("us.amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", SOURCE + " (line 10)"),
						new LayerEntry(LLAMA_3_8B, "us.meta.llama3-8b-instruct-v1:0", SOURCE + " (line 11)")));

		assertThat(this.registry.resolve(NOVA_PRO).origin()).isEqualTo(Origin.catalog());
		assertThat(this.registry.find("amazon.nova-pro-v10")).isEmpty();
		assertThat(this.registry.find("Not A Model")).isEmpty();
		assertThat(this.registry.find("us.amazon.nova-pro-v1:0")).isEmpty();
		assertThat(this.registry.resolve(LLAMA_3_8B).origin())
			.isEqualTo(new Origin(OriginKind.PROPERTIES, SOURCE + " (line 11)"));
		assertThat(this.registry.bindings()).hasSize(before.size());

		List<BindingProblem> invalid = this.registry.validate()
			.stream()
			.filter((problem) -> problem.code() == ProblemCode.INVALID_TARGET)
			.toList();
		assertThat(invalid).hasSize(4).allSatisfy((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.origin()).isNotNull();
			assertThat(problem.origin().kind()).isEqualTo(OriginKind.PROPERTIES);
			assertThat(problem.message()).contains(SOURCE);
			assertThat(problem.fix()).contains(SOURCE);
		});
		assertThat(invalid).extracting(BindingProblem::modelId)
			.containsExactly(NOVA_PRO, "amazon.nova-pro-v10", "Not A Model", "us.amazon.nova-pro-v1:0");
		assertThat(invalid.get(0).message()).contains("12 digits").contains("11112222333").contains("line 7");
		assertThat(invalid.get(0).origin().source()).isEqualTo(SOURCE + " (line 7)");
	}

	@Test
	void replacingTheLayerDropsItsOldEntriesAndItsOldProblems() {
		this.registry.setLayer(OriginKind.DISCOVERED,
				List.of(new LayerEntry(NOVA_PRO, "us.amazon.nova-pro-v1:0", "discovery"),
						new LayerEntry(LLAMA_3_8B, ELEVEN_DIGITS, "discovery")));
		assertThat(this.registry.validate()).extracting(BindingProblem::code).contains(ProblemCode.INVALID_TARGET);

		this.registry.setLayer(OriginKind.DISCOVERED, List.of(new LayerEntry(LLAMA_3_8B, "", "discovery")));

		assertThat(this.registry.resolve(NOVA_PRO).origin()).isEqualTo(Origin.catalog());
		assertThat(this.registry.resolve(LLAMA_3_8B).origin())
			.isEqualTo(new Origin(OriginKind.DISCOVERED, "discovery"));
		assertThat(this.registry.resolve(LLAMA_3_8B).target()).isEqualTo(new BindingTarget.Direct(LLAMA_3_8B));
		assertThat(this.registry.validate()).isEmpty();
	}

	@Test
	void problemsOfOneLayerDoNotHideThoseOfAnother() {
		this.registry.setLayer(OriginKind.PROPERTIES,
				List.of(new LayerEntry(NOVA_PRO, ELEVEN_DIGITS, "application.yml")));
		this.registry.setLayer(OriginKind.DISCOVERED, List.of(new LayerEntry(LLAMA_3_8B, ELEVEN_DIGITS, "discovery")));

		assertThat(this.registry.validate()).filteredOn((problem) -> problem.code() == ProblemCode.INVALID_TARGET)
			.extracting((problem) -> problem.origin().kind())
			.containsExactlyInAnyOrder(OriginKind.PROPERTIES, OriginKind.DISCOVERED);
	}

	@Test
	void runtimeLayerCanBeReplacedWhole() {
		this.registry.bind(LLAMA_3_8B, "us.meta.llama3-8b-instruct-v1:0");

		this.registry.setLayer(OriginKind.RUNTIME,
				List.of(new LayerEntry(NOVA_PRO, "us.amazon.nova-pro-v1:0", "actuator")));

		assertThat(this.registry.resolve(LLAMA_3_8B).origin()).isEqualTo(Origin.catalog());
		assertThat(this.registry.resolve(NOVA_PRO).origin()).isEqualTo(new Origin(OriginKind.RUNTIME, "actuator"));
	}

	@ParameterizedTest
	@EnumSource(value = OriginKind.class, names = { "CATALOG", "DERIVED", "FILE" })
	void computedLayersCannotBeSetAndNothingChanges(OriginKind kind) {
		List<Binding> before = this.registry.bindings();
		List<Set<String>> events = new ArrayList<>();
		this.registry.addListener((layer, modelIds) -> events.add(modelIds));

		assertThatIllegalArgumentException().isThrownBy(
				() -> this.registry.setLayer(kind, List.of(new LayerEntry(NOVA_PRO, "us.amazon.nova-pro-v1:0", "x"))))
			.withMessageContaining(kind.name());

		assertThat(this.registry.bindings()).isEqualTo(before);
		assertThat(this.registry.validate()).isEmpty();
		assertThat(events).isEmpty();
	}

	@Test
	void emptyTargetInALayerIsAnExplicitDirectBinding() {
		BindingRegistry eu = BindingRegistry.builder(ModelCatalog.builtIn()).region("eu-west-1").build();

		eu.setLayer(OriginKind.PROPERTIES, List.of(new LayerEntry(NOVA_PRO, "  ", SOURCE)));

		Binding binding = eu.resolve(NOVA_PRO);
		assertThat(binding.target()).isEqualTo(new BindingTarget.Direct(NOVA_PRO));
		assertThat(binding.origin().kind()).isEqualTo(OriginKind.PROPERTIES);
		assertThat(binding.shadowed()).extracting((shadowed) -> shadowed.origin().kind())
			.containsExactly(OriginKind.DERIVED, OriginKind.CATALOG);
	}

}
