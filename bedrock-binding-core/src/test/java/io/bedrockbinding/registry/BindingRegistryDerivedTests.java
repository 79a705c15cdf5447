package io.bedrockbinding.registry;

import java.util.List;
import java.util.Map;

import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.identifier.BindingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Derived bindings (the region's geo profile for a model that needs one there), and what
 * {@code resolve}, {@code find} and {@code targetFor} answer.
 */
class BindingRegistryDerivedTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String CLAUDE_3_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	private static final String CLAUDE_3_7_SONNET = "anthropic.claude-3-7-sonnet-20250219-v1:0";

	private static final String DEEPSEEK_R1 = "deepseek.r1-v1:0";

	private static final String LLAMA_3_8B = "meta.llama3-8b-instruct-v1:0";

	private final ModelCatalog catalog = ModelCatalog.builtIn();

	@Test
	void modelThatNeedsAProfileInTheRegionResolvesToTheRegionsGeoProfile() {
		BindingRegistry registry = BindingRegistry.builder(this.catalog).region("eu-west-1").build();

		Binding binding = registry.resolve(NOVA_PRO);

		assertThat(binding.target()).isEqualTo(new BindingTarget.SystemProfile("eu", NOVA_PRO));
		assertThat(binding.target().value()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(binding.origin().kind()).isEqualTo(OriginKind.DERIVED);
		assertThat(binding.origin().source()).contains("eu-west-1");
		assertThat(registry.targetFor(NOVA_PRO).value()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(registry.needsProfile(NOVA_PRO)).isTrue();
	}

	@ParameterizedTest(name = "{0} in {1} -> {2} ({3})")
	@CsvSource({ "amazon.nova-pro-v1:0, us-east-1, amazon.nova-pro-v1:0, CATALOG",
			"amazon.nova-pro-v1:0, us-east-2, us.amazon.nova-pro-v1:0, DERIVED",
			"amazon.nova-pro-v1:0, eu-central-1, eu.amazon.nova-pro-v1:0, DERIVED",
			"anthropic.claude-haiku-4-5-20251001-v1:0, us-east-2, us.anthropic.claude-haiku-4-5-20251001-v1:0, DERIVED",
			"anthropic.claude-haiku-4-5-20251001-v1:0, us-east-1, us.anthropic.claude-haiku-4-5-20251001-v1:0, DERIVED",
			"anthropic.claude-haiku-4-5-20251001-v1:0, eu-west-3, eu.anthropic.claude-haiku-4-5-20251001-v1:0, DERIVED",
			"anthropic.claude-haiku-4-5-20251001-v1:0, ap-south-1, global.anthropic.claude-haiku-4-5-20251001-v1:0, DERIVED",
			"anthropic.claude-haiku-4-5-20251001-v1:0, ap-northeast-1, jp.anthropic.claude-haiku-4-5-20251001-v1:0, DERIVED",
			"anthropic.claude-haiku-4-5-20251001-v1:0, ap-southeast-2, au.anthropic.claude-haiku-4-5-20251001-v1:0, DERIVED",
			"anthropic.claude-haiku-4-5-20251001-v1:0, ap-northeast-3, jp.anthropic.claude-haiku-4-5-20251001-v1:0, DERIVED",
			"anthropic.claude-haiku-4-5-20251001-v1:0, ca-central-1, us.anthropic.claude-haiku-4-5-20251001-v1:0, DERIVED",
			"anthropic.claude-haiku-4-5-20251001-v1:0, ca-west-1, global.anthropic.claude-haiku-4-5-20251001-v1:0, DERIVED",
			"anthropic.claude-sonnet-4-6, ca-west-1, us.anthropic.claude-sonnet-4-6, DERIVED",
			"anthropic.claude-opus-4-7, ca-central-1, us.anthropic.claude-opus-4-7, DERIVED",
			"anthropic.claude-opus-4-8, ca-west-1, us.anthropic.claude-opus-4-8, DERIVED",
			"anthropic.claude-opus-4-7, ap-southeast-4, au.anthropic.claude-opus-4-7, DERIVED",
			"anthropic.claude-opus-4-7, ap-southeast-6, global.anthropic.claude-opus-4-7, DERIVED",
			"anthropic.claude-opus-4-8, ap-southeast-2, au.anthropic.claude-opus-4-8, DERIVED",
			"anthropic.claude-opus-4-8, ap-southeast-6, global.anthropic.claude-opus-4-8, DERIVED",
			"anthropic.claude-sonnet-4-6, ap-southeast-6, au.anthropic.claude-sonnet-4-6, DERIVED",
			"anthropic.claude-haiku-4-5-20251001-v1:0, ap-southeast-6, au.anthropic.claude-haiku-4-5-20251001-v1:0, DERIVED",
			"anthropic.claude-3-7-sonnet-20250219-v1:0, us-east-2, us.anthropic.claude-3-7-sonnet-20250219-v1:0, DERIVED",
			"deepseek.r1-v1:0, us-west-2, us.deepseek.r1-v1:0, DERIVED",
			"anthropic.claude-3-haiku-20240307-v1:0, eu-west-1, anthropic.claude-3-haiku-20240307-v1:0, CATALOG",
			"meta.llama3-8b-instruct-v1:0, us-east-1, meta.llama3-8b-instruct-v1:0, CATALOG" })
	void eachRegionGetsTheMostSpecificGeoTheModelHasOrTheModelItselfWhenOnDemand(String modelId, String region,
			String expected, OriginKind kind) {
		BindingRegistry registry = BindingRegistry.builder(this.catalog).region(region).build();

		Binding binding = registry.resolve(modelId);

		assertThat(binding.target().value()).isEqualTo(expected);
		assertThat(binding.origin().kind()).isEqualTo(kind);
	}

	@Test
	void onDemandModelIsCalledDirectWithTheCatalogAsOrigin() {
		BindingRegistry registry = BindingRegistry.builder(this.catalog).region("us-east-1").build();

		Binding binding = registry.resolve(NOVA_PRO);

		assertThat(binding.target()).isEqualTo(new BindingTarget.Direct(NOVA_PRO));
		assertThat(binding.origin()).isEqualTo(Origin.catalog());
		assertThat(binding.shadowed()).isEmpty();
		assertThat(binding.isExplicit()).isFalse();
		assertThat(registry.needsProfile(NOVA_PRO)).isFalse();
		assertThat(registry.resolve(CLAUDE_3_HAIKU).origin().kind()).isEqualTo(OriginKind.CATALOG);
		assertThat(registry.resolve(DEEPSEEK_R1).origin().kind()).isEqualTo(OriginKind.DERIVED);
	}

	@Test
	void derivedLayerHoldsExactlyTheModelsThatNeedAProfileAndHaveAServingGeo() {
		BindingRegistry registry = BindingRegistry.builder(this.catalog).region("eu-west-1").build();

		List<String> derived = registry.explicitBindings().stream().map(Binding::modelId).toList();

		List<String> expected = this.catalog.all()
			.stream()
			.filter((model) -> model.needsProfile("eu-west-1"))
			.filter((model) -> this.catalog.systemProfileFor(model.modelId(), "eu-west-1").isPresent())
			.map(ModelInfo::modelId)
			.toList();
		assertThat(derived).isNotEmpty().containsExactlyElementsOf(expected);
		assertThat(derived).contains(NOVA_PRO, CLAUDE_3_7_SONNET).doesNotContain(CLAUDE_3_HAIKU, DEEPSEEK_R1);
		assertThat(registry.explicitBindings()).allSatisfy((binding) -> {
			assertThat(binding.origin().kind()).isEqualTo(OriginKind.DERIVED);
			assertThat(binding.target()).isInstanceOf(BindingTarget.SystemProfile.class);
		});
	}

	@Test
	void mostSpecificGeographyWinsInCatalogOrderNotInTheModelsOrder() {
		Geographies geographies = new Geographies(List.of(new Geography("jp", List.of("ap-northeast-1")),
				new Geography("apac", List.of("ap-northeast-1", "ap-south-1")),
				new Geography("global", List.of("ap-northeast-1", "ap-south-1", "us-east-1"))));
		ModelInfo everywhere = model("acme.everywhere-v1:0", List.of("global", "apac", "jp"));
		ModelInfo globalOnly = model("acme.global-only-v1:0", List.of("global"));
		ModelCatalog small = new ModelCatalog(List.of(everywhere, globalOnly), geographies);

		BindingRegistry tokyo = BindingRegistry.builder(small).region("ap-northeast-1").build();
		BindingRegistry mumbai = BindingRegistry.builder(small).region("ap-south-1").build();

		assertThat(tokyo.targetFor("acme.everywhere-v1:0").value()).isEqualTo("jp.acme.everywhere-v1:0");
		assertThat(tokyo.targetFor("acme.global-only-v1:0").value()).isEqualTo("global.acme.global-only-v1:0");
		assertThat(mumbai.targetFor("acme.everywhere-v1:0").value()).isEqualTo("apac.acme.everywhere-v1:0");
	}

	@Test
	void aModelsOwnSourceRegionOfAGeographyIsPreferredAsTheGeographysRegionsAre() {
		Geographies geographies = new Geographies(List.of(new Geography("us", List.of("us-east-1")),
				new Geography("global", List.of("us-east-1", "ca-central-1"))));
		ModelInfo extended = new ModelInfo("acme.extended-v1:0", "acme", "Extended", List.of(),
				List.of("us-east-1", "ca-central-1"), List.of("us", "global"), true, true, List.of("TEXT"),
				List.of("TEXT"), null, false, Lifecycle.ACTIVE, List.of(),
				Map.of("us", List.of("us-east-1", "ca-central-1")));
		ModelInfo plain = new ModelInfo("acme.plain-v1:0", "acme", "Plain", List.of(),
				List.of("us-east-1", "ca-central-1"), List.of("us", "global"), true, true, List.of("TEXT"),
				List.of("TEXT"));
		ModelCatalog small = new ModelCatalog(List.of(extended, plain), geographies);

		BindingRegistry canada = BindingRegistry.builder(small).region("ca-central-1").build();
		BindingRegistry virginia = BindingRegistry.builder(small).region("us-east-1").build();

		assertThat(canada.targetFor("acme.extended-v1:0").value()).isEqualTo("us.acme.extended-v1:0");
		assertThat(canada.targetFor("acme.plain-v1:0").value()).isEqualTo("global.acme.plain-v1:0");
		// a per-call resolution for another region follows the same rule
		assertThat(virginia.resolve("acme.extended-v1:0", "ca-central-1").target().value())
			.isEqualTo("us.acme.extended-v1:0");
		assertThat(virginia.resolve("acme.plain-v1:0", "ca-central-1").target().value())
			.isEqualTo("global.acme.plain-v1:0");
		assertThat(virginia.targetFor("acme.extended-v1:0").value()).isEqualTo("us.acme.extended-v1:0");
	}

	@Test
	void aRegionAModelsOwnListLeavesOutGetsTheNextGeographyThatHasItOrNone() {
		Geographies geographies = new Geographies(
				List.of(new Geography("au", List.of("ap-southeast-2", "ap-southeast-4", "ap-southeast-6")),
						new Geography("global", List.of("ap-southeast-2", "ap-southeast-4", "ap-southeast-6"))));
		List<String> regions = List.of("ap-southeast-2", "ap-southeast-4", "ap-southeast-6");
		List<String> text = List.of("TEXT");
		ModelInfo narrowed = new ModelInfo("acme.narrowed-v1:0", "acme", "Narrowed", List.of(), regions,
				List.of("au", "global"), true, true, text, text, null, false, Lifecycle.ACTIVE, List.of(),
				Map.of("au", List.of("ap-southeast-2", "ap-southeast-4")));
		ModelInfo regionalOnly = new ModelInfo("acme.regional-v1:0", "acme", "Regional", List.of(), regions,
				List.of("au"), true, true, text, text, null, false, Lifecycle.ACTIVE, List.of(),
				Map.of("au", List.of("ap-southeast-2", "ap-southeast-4")));
		ModelInfo plain = new ModelInfo("acme.plain-v1:0", "acme", "Plain", List.of(), regions, List.of("au", "global"),
				true, true, text, text);
		ModelCatalog small = new ModelCatalog(List.of(narrowed, regionalOnly, plain), geographies);

		BindingRegistry newZealand = BindingRegistry.builder(small).region("ap-southeast-6").build();
		BindingRegistry sydney = BindingRegistry.builder(small).region("ap-southeast-2").build();

		assertThat(newZealand.targetFor("acme.narrowed-v1:0").value()).isEqualTo("global.acme.narrowed-v1:0");
		assertThat(small.systemProfileFor("acme.regional-v1:0", "ap-southeast-6")).isEmpty();
		assertThat(newZealand.resolve("acme.regional-v1:0").origin()).isEqualTo(Origin.catalog());
		assertThat(newZealand.targetFor("acme.plain-v1:0").value()).isEqualTo("au.acme.plain-v1:0");
		assertThat(sydney.targetFor("acme.narrowed-v1:0").value()).isEqualTo("au.acme.narrowed-v1:0");
		assertThat(sydney.targetFor("acme.regional-v1:0").value()).isEqualTo("au.acme.regional-v1:0");
	}

	@Test
	void aBuiltInModelWithoutOwnSourceRegionsDerivesGlobalInCanada() {
		ModelInfo opus46 = this.catalog.find("anthropic.claude-opus-4-6-v1").orElseThrow();
		assertThat(opus46.geoRegions()).isEmpty();
		assertThat(opus46.geoPrefixes()).contains("us", "global");

		BindingRegistry registry = BindingRegistry.builder(this.catalog).region("ca-central-1").build();

		assertThat(registry.targetFor(opus46.modelId()).value()).isEqualTo("global.anthropic.claude-opus-4-6-v1");
	}

	@Test
	void modelThatNeedsAProfileWithoutAnyServingGeoStaysOnTheCatalogDefault() {
		BindingRegistry registry = BindingRegistry.builder(this.catalog).region("eu-west-1").build();

		assertThat(registry.needsProfile(DEEPSEEK_R1)).isTrue();
		assertThat(registry.resolve(DEEPSEEK_R1).origin()).isEqualTo(Origin.catalog());
	}

	@Test
	void derivationSwitchedOffLeavesEveryModelOnItsCatalogDefault() {
		BindingRegistry registry = BindingRegistry.builder(this.catalog)
			.region("eu-west-1")
			.deriveProfiles(false)
			.build();

		assertThat(registry.explicitBindings()).isEmpty();
		assertThat(registry.resolve(NOVA_PRO).target()).isEqualTo(new BindingTarget.Direct(NOVA_PRO));
		assertThat(registry.resolve(NOVA_PRO).origin()).isEqualTo(Origin.catalog());
		assertThat(registry.bindings()).extracting((binding) -> binding.origin().kind())
			.containsOnly(OriginKind.CATALOG);
		// Still known as the fix for an on-demand refusal.
		assertThat(registry.resolve(NOVA_PRO, "eu-west-1").onDemandFallback())
			.contains(BindingTarget.parse("eu.amazon.nova-pro-v1:0"));
	}

	@Test
	void withoutARegionNothingIsDerived() {
		BindingRegistry registry = BindingRegistry.builder(this.catalog).build();

		assertThat(registry.region()).isEmpty();
		assertThat(registry.explicitBindings()).isEmpty();
		assertThat(registry.resolve(CLAUDE_3_7_SONNET).target()).isEqualTo(new BindingTarget.Direct(CLAUDE_3_7_SONNET));
		assertThat(registry.needsProfile(CLAUDE_3_7_SONNET)).isFalse();
		assertThat(registry.bindings()).hasSize(this.catalog.size());
	}

	@Test
	void everyCatalogModelHasABindingInCatalogOrder() {
		BindingRegistry registry = BindingRegistry.builder(this.catalog).region("us-east-1").build();

		assertThat(registry.bindings()).extracting(Binding::modelId)
			.containsExactlyElementsOf(this.catalog.all().stream().map(ModelInfo::modelId).toList());
		assertThat(registry.find(LLAMA_3_8B)).hasValueSatisfying(
				(binding) -> assertThat(binding.target()).isEqualTo(new BindingTarget.Direct(LLAMA_3_8B)));
	}

	@Test
	void unknownModelResolvesDirectButIsNotFound() {
		BindingRegistry registry = BindingRegistry.builder(this.catalog).region("eu-west-1").build();
		String unknown = "acme.not-in-any-catalog-v1:0";

		Binding binding = registry.resolve(unknown);

		assertThat(binding.modelId()).isEqualTo(unknown);
		assertThat(binding.target()).isEqualTo(new BindingTarget.Direct(unknown));
		assertThat(binding.shadowed()).isEmpty();
		assertThat(binding.isExplicit()).isFalse();
		assertThat(registry.find(unknown)).isEmpty();
		assertThat(registry.targetFor(unknown)).isEqualTo(new BindingTarget.Direct(unknown));
		assertThat(registry.bindings()).extracting(Binding::modelId).doesNotContain(unknown);
	}

	@Test
	void targetForFollowsTheBindingInForce() {
		BindingRegistry registry = BindingRegistry.builder(this.catalog).region("eu-west-1").build();
		String unknown = "acme.not-in-any-catalog-v1:0";

		registry.bind(unknown, "eu.acme.not-in-any-catalog-v1:0");
		registry.bind(NOVA_PRO, "global.amazon.nova-pro-v1:0");

		assertThat(registry.targetFor(unknown).value()).isEqualTo("eu.acme.not-in-any-catalog-v1:0");
		assertThat(registry.find(unknown)).isPresent();
		assertThat(registry.targetFor(NOVA_PRO).value()).isEqualTo("global.amazon.nova-pro-v1:0");
	}

	private static ModelInfo model(String id, List<String> geos) {
		return new ModelInfo(id, id.substring(0, id.indexOf('.')), id, List.of(),
				List.of("ap-northeast-1", "ap-south-1", "us-east-1"), geos, true, true, List.of("TEXT"),
				List.of("TEXT"));
	}

}
