package io.bedrockbinding.catalog;

import java.net.URI;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The built-in catalog is sourced: every model cites sources the catalog defines, every
 * geography a model lists is one the catalog defines, and a provisioned-only model never
 * gets a profile.
 */
class CatalogSourcesTests {

	private final ModelCatalog catalog = ModelCatalog.builtIn();

	@Test
	void everySourceHasAKeyATitleAnHttpsUrlAndADate() {
		assertThat(this.catalog.sources()).isNotEmpty().allSatisfy((source) -> {
			assertThat(source.key()).isNotBlank();
			assertThat(source.title()).isNotBlank();
			assertThat(URI.create(source.url()).getScheme()).isEqualTo("https");
			assertThat(source.retrieved()).isBeforeOrEqualTo(LocalDate.of(2026, 12, 2));
		});
		assertThat(this.catalog.sources().stream().map(CatalogSource::key)).doesNotHaveDuplicates();
	}

	@Test
	void everyModelCitesAtLeastOneSourceTheCatalogDefines() {
		Set<String> keys = this.catalog.sources().stream().map(CatalogSource::key).collect(Collectors.toSet());
		assertThat(this.catalog.all()).isNotEmpty()
			.allSatisfy((model) -> assertThat(model.sources()).as(model.modelId()).isNotEmpty().isSubsetOf(keys));
	}

	@Test
	void everySourceIsCitedByAModel() {
		Set<String> cited = this.catalog.all()
			.stream()
			.flatMap((model) -> model.sources().stream())
			.collect(Collectors.toSet());
		assertThat(this.catalog.sources()).extracting(CatalogSource::key).allMatch(cited::contains);
	}

	@Test
	void everyGeographyAModelListsIsDefinedAndSourced() {
		assertThat(this.catalog.all()).allSatisfy((model) -> {
			for (String prefix : model.geoPrefixes()) {
				assertThat(this.catalog.geographies().find(prefix)).as(model.modelId() + " lists " + prefix)
					.isPresent();
			}
			if (!model.geoPrefixes().isEmpty()) {
				// a page that gives cross-Region inference per region: the Regional
				// availability page, or (Claude 3.5 Haiku, past its end of life) the 2025
				// lifecycle page's Active table, which marks cross-Region-only regions
				assertThat(model.sources()).as(model.modelId())
					.containsAnyOf("region-availability", "model-lifecycle-2025");
			}
		});
	}

	@Test
	void everyProviderNameIsSet() {
		assertThat(this.catalog.all())
			.allSatisfy((model) -> assertThat(model.providerName()).as(model.modelId()).isNotBlank());
	}

	@Test
	void contextVariantsAreProvisionedOnlyAndCiteTheProvisionedThroughputOrCustomizationPage() {
		assertThat(this.catalog.all().stream().filter(ModelInfo::isContextVariant)).isNotEmpty().allSatisfy((model) -> {
			assertThat(model.provisionedOnly()).as(model.modelId()).isTrue();
			assertThat(model.sources()).as(model.modelId()).containsAnyOf("pt-supported", "custom-models-supported");
		});
	}

	@Test
	void noProvisionedOnlyModelGetsAProfileInAnyRegion() {
		Set<String> regions = this.catalog.geographies()
			.all()
			.stream()
			.flatMap((geography) -> geography.regions().stream())
			.collect(Collectors.toSet());
		Set<String> provisionedOnly = this.catalog.all()
			.stream()
			.filter(ModelInfo::provisionedOnly)
			.map(ModelInfo::modelId)
			.collect(Collectors.toSet());
		assertThat(provisionedOnly).isNotEmpty();
		for (String region : regions) {
			BindingRegistry registry = BindingRegistry.builder(this.catalog).region(region).build();
			for (String modelId : provisionedOnly) {
				assertThat(this.catalog.systemProfileFor(modelId, region)).as(modelId + " in " + region).isEmpty();
				assertThat(registry.resolve(modelId).origin().kind().name()).as(modelId + " in " + region)
					.isNotEqualTo("DERIVED");
			}
		}
	}

	@Test
	void aProvisionedOnlyModelWithAGeographyStillGetsNoProfile() {
		ModelInfo base = this.catalog.find("amazon.nova-pro-v1:0").orElseThrow();
		ModelInfo variant = new ModelInfo("amazon.nova-pro-v1:0:999k", "amazon", "Nova Pro (999k)", java.util.List.of(),
				java.util.List.of("us-east-1"), java.util.List.of("us"), true, true, base.inputModalities(),
				base.outputModalities(), "Amazon", true, Lifecycle.ACTIVE, java.util.List.of("pt-supported"));
		ModelCatalog withVariant = new ModelCatalog(java.util.List.of(base, variant), this.catalog.geographies(),
				this.catalog.sources());

		assertThat(withVariant.systemProfileFor(base.modelId(), "us-east-1")).contains("us.amazon.nova-pro-v1:0");
		assertThat(withVariant.systemProfileFor(variant.modelId(), "us-east-1")).isEmpty();
	}

	@Test
	void everyProfileOnlyRegionHasAProfileTheCatalogCanDerive() {
		// A region only an unnamed geography serves is left out of profileOnly: the
		// catalog
		// cannot say which profile to call there.
		assertThat(this.catalog.all().stream().filter((model) -> !model.servedOnlyProvisioned()))
			.allSatisfy((model) -> assertThat(model.profileOnlyRegions())
				.allSatisfy((region) -> assertThat(this.catalog.systemProfileFor(model.modelId(), region))
					.as(model.modelId() + " in " + region)
					.isPresent()));
	}

	@Test
	void regionsTheRegionalAvailabilityPageListsAreTheCatalogs() {
		// Rows of
		// https://docs.aws.amazon.com/bedrock/latest/userguide/models-region-compatibility.html
		// (read 2026-12-02): In-Region cells are onDemand, Geo/Global-only cells
		// profileOnly.
		// Claude Haiku 4.5: the page's In-Region cells are its bedrock-mantle endpoint;
		// the card
		// gives bedrock-runtime no In-Region URL, so every region needs a profile.
		ModelInfo haiku45 = this.catalog.find("anthropic.claude-haiku-4-5-20251001-v1:0").orElseThrow();
		assertThat(haiku45.onDemandRegions()).isEmpty();
		assertThat(haiku45.profileOnlyRegions()).contains("us-east-1", "eu-west-1", "ap-northeast-1", "mx-central-1");
		assertThat(haiku45.geoPrefixes()).containsExactly("us", "eu", "jp", "au", "global");
		assertThat(haiku45.sources()).contains("region-availability", "card-claude-haiku-4-5");
		ModelInfo sonnet46 = this.catalog.find("anthropic.claude-sonnet-4-6").orElseThrow();
		assertThat(sonnet46.onDemandRegions()).containsExactly("eu-west-2");
		ModelInfo qwenCoderNext = this.catalog.find("qwen.qwen3-coder-next").orElseThrow();
		assertThat(qwenCoderNext.regions()).containsExactly("us-east-1", "eu-west-2", "ap-southeast-2");
		ModelInfo sonnet45 = this.catalog.find("anthropic.claude-sonnet-4-5-20250929-v1:0").orElseThrow();
		assertThat(sonnet45.lifecycle().endOfLife()).isEqualTo(LocalDate.of(2027, 4, 8));
		assertThat(sonnet45.sources()).contains("model-lifecycle-legacy");
	}

	@Test
	void everySuccessorIsACatalogModelAndTheOneTheLifecyclePageRecommends() {
		assertThat(this.catalog.all().stream().map(ModelInfo::lifecycle).map(Lifecycle::successor))
			.filteredOn(Objects::nonNull)
			.isNotEmpty()
			.allSatisfy((successor) -> assertThat(this.catalog.contains(successor)).as(successor).isTrue());
		// "Recommended model ID" of the 2025 lifecycle page's Legacy and EOL tables
		assertThat(successor("anthropic.claude-v2:1")).isEqualTo("anthropic.claude-sonnet-4-5-20250929-v1:0");
		assertThat(successor("anthropic.claude-3-7-sonnet-20250219-v1:0"))
			.isEqualTo("anthropic.claude-sonnet-4-5-20250929-v1:0");
		assertThat(successor("anthropic.claude-opus-4-20250514-v1:0"))
			.isEqualTo("anthropic.claude-opus-4-1-20250805-v1:0");
		assertThat(successor("amazon.titan-text-express-v1")).isEqualTo("amazon.nova-micro-v1:0");
		assertThat(successor("stability.sd3-large-v1:0")).isEqualTo("stability.sd3-5-large-v1:0");
		// the current lifecycle pages name none
		assertThat(successor("anthropic.claude-sonnet-4-20250514-v1:0")).isNull();
	}

	@Test
	void modelsPastTheirEndOfLifeKeepOnlyTheRegionsAPageNames() {
		ModelInfo claude2 = this.catalog.find("anthropic.claude-v2").orElseThrow();
		assertThat(claude2.lifecycle().endOfLife()).isEqualTo(LocalDate.of(2025, 7, 21));
		assertThat(claude2.regions()).isEmpty();
		assertThat(claude2.sources()).containsExactly("model-lifecycle-2025");
		ModelInfo j2Mid = this.catalog.find("ai21.j2-mid-v1").orElseThrow();
		assertThat(j2Mid.onDemandRegions()).containsExactly("us-east-1", "us-west-2");
		assertThat(j2Mid.lifecycle().endOfLife()).isEqualTo(LocalDate.of(2025, 3, 12));
		ModelInfo claude3Opus = this.catalog.find("anthropic.claude-3-opus-20240229-v1:0").orElseThrow();
		assertThat(claude3Opus.geoPrefixes()).isEmpty();
		assertThat(claude3Opus.lifecycle().endOfLife()).isEqualTo(LocalDate.of(2026, 1, 15));
		assertThat(this.catalog.find("moonshot.kimi-k2-thinking").orElseThrow().sources())
			.containsExactly("models-supported-2026-02");
	}

	@Test
	void contextVariantRegionsAreTheProvisionedThroughputPages() {
		assertThat(this.catalog.find("anthropic.claude-3-haiku-20240307-v1:0:200k").orElseThrow().profileOnlyRegions())
			.containsExactlyInAnyOrder("us-east-1", "us-west-2", "eu-west-3", "ap-southeast-2");
		assertThat(this.catalog.find("meta.llama3-1-8b-instruct-v1:0:128k").orElseThrow().profileOnlyRegions())
			.containsExactly("us-west-2");
		assertThat(this.catalog.find("meta.llama3-3-70b-instruct-v1:0:128k").orElseThrow().sources())
			.containsExactly("custom-models-supported");
		assertThat(this.catalog.find("amazon.nova-premier-v1:0:mm")).isEmpty();
		assertThat(this.catalog.find("anthropic.claude-3-opus-20240229-v1:0:12k")).isEmpty();
	}

	@Test
	void modelsAddedFromTheirCardsNeedTheProfileTheirCardsName() {
		// Claude Fable 5 and GPT-5.6 Sol: the cards give bedrock-runtime no In-Region
		// URL,
		// only us. and global. profiles; GLM 4.7 Flash is In-Region on bedrock-runtime
		assertThat(this.catalog.systemProfileFor("anthropic.claude-fable-5", "us-west-2"))
			.contains("us.anthropic.claude-fable-5");
		assertThat(this.catalog.systemProfileFor("anthropic.claude-fable-5", "eu-west-1"))
			.contains("global.anthropic.claude-fable-5");
		assertThat(this.catalog.systemProfileFor("openai.gpt-5.6-sol", "us-east-1")).contains("us.openai.gpt-5.6-sol");
		assertThat(this.catalog.find("openai.gpt-5.6-sol").orElseThrow().availableIn("mx-central-1")).isFalse();
		ModelInfo glm = this.catalog.find("zai.glm-4.7-flash").orElseThrow();
		assertThat(glm.needsProfile("eu-central-1")).isFalse();
		assertThat(glm.sources()).contains("card-glm-4-7-flash");
	}

	private String successor(String modelId) {
		return this.catalog.find(modelId).orElseThrow().lifecycle().successor();
	}

}
