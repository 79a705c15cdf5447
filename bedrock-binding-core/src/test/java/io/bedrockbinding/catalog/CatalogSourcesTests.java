package io.bedrockbinding.catalog;

import java.net.URI;
import java.time.LocalDate;
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
				assertThat(model.sources()).as(model.modelId())
					.containsAnyOf("profiles-supported", "region-availability");
			}
		});
	}

	@Test
	void everyProviderNameIsSet() {
		assertThat(this.catalog.all())
			.allSatisfy((model) -> assertThat(model.providerName()).as(model.modelId()).isNotBlank());
	}

	@Test
	void contextVariantsAreProvisionedOnlyAndCiteTheProvisionedThroughputPage() {
		assertThat(this.catalog.all().stream().filter(ModelInfo::isContextVariant)).isNotEmpty().allSatisfy((model) -> {
			assertThat(model.provisionedOnly()).as(model.modelId()).isTrue();
			assertThat(model.sources()).as(model.modelId()).contains("pt-supported");
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

}
