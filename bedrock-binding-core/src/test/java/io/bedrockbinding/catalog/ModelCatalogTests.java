package io.bedrockbinding.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link ModelCatalog}: the built-in data and the look-ups on it.
 */
class ModelCatalogTests {

	/**
	 * REFERENCE.md: {@code provider.name[-version]} with zero, one or two {@code :}
	 * suffixes.
	 */
	private static final Pattern MODEL_ID = Pattern
		.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9][a-z0-9.-]*(:[a-z0-9]+){0,2}");

	private static final Pattern REGION = Pattern.compile("[a-z]{2}(-gov)?-[a-z]+-\\d");

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String CLAUDE_3_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	private static final String CLAUDE_3_5_SONNET_V2 = "anthropic.claude-3-5-sonnet-20241022-v2:0";

	private static final String CLAUDE_SONNET_4_5 = "anthropic.claude-sonnet-4-5-20250929-v1:0";

	/** us, eu and (per AWS's global cross-Region inference post) global profiles. */
	private static final String CLAUDE_HAIKU_4_5 = "anthropic.claude-haiku-4-5-20251001-v1:0";

	private final ModelCatalog catalog = ModelCatalog.builtIn();

	@Test
	void builtInCatalogHasEveryProvider() {
		assertThat(this.catalog.size()).isGreaterThanOrEqualTo(150);
		Set<String> providers = new HashSet<>();
		this.catalog.all().forEach((model) -> providers.add(model.provider()));
		assertThat(providers).contains("amazon", "anthropic", "meta", "mistral", "cohere", "ai21", "deepseek", "writer",
				"openai", "qwen", "stability", "twelvelabs", "luma");
	}

	@Test
	void builtInCatalogKeepsTheSeedModels() {
		assertThat(this.catalog.all()).extracting(ModelInfo::modelId)
			.contains(NOVA_PRO, CLAUDE_3_HAIKU, "anthropic.claude-3-sonnet-20240229-v1:0:200k",
					"anthropic.claude-3-7-sonnet-20250219-v1:0", "deepseek.r1-v1:0", "meta.llama3-8b-instruct-v1:0");
	}

	@Test
	void everyModelIdHasTheModelIdSyntaxAndIsNoProfileId() {
		for (ModelInfo model : this.catalog.all()) {
			String id = model.modelId();
			assertThat(id).as("model ID").matches(MODEL_ID);
			assertThat(model.provider()).as("provider of %s", id).isEqualTo(id.substring(0, id.indexOf('.')));
			assertThat(this.catalog.geographies().isKnown(model.provider()))
				.as("%s is a system profile ID, not a model ID", id)
				.isFalse();
		}
	}

	@Test
	void modelIdPatternRejectsWhatIsNotAModelId() {
		// Guards the syntax test above against a pattern that accepts anything.
		assertThat("amazon").doesNotMatch(MODEL_ID);
		assertThat("Amazon.nova-pro-v1:0").doesNotMatch(MODEL_ID);
		assertThat("anthropic.claude-3-sonnet-20240229-v1:0:200k:x").doesNotMatch(MODEL_ID);
		assertThat("amazon.nova pro").doesNotMatch(MODEL_ID);
		assertThat("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0").doesNotMatch(MODEL_ID);
	}

	@Test
	void modelIdsAreUnique() throws IOException {
		// The catalog keeps the last of duplicate IDs, so count the IDs in the file
		// itself.
		List<String> ids;
		try (InputStream json = ModelCatalog.class.getResourceAsStream(ModelCatalog.RESOURCE)) {
			assertThat(json).isNotNull();
			String text = new String(json.readAllBytes(), StandardCharsets.UTF_8);
			ids = Pattern.compile("\"id\"\\s*:\\s*\"([^\"]+)\"")
				.matcher(text)
				.results()
				.map((match) -> match.group(1))
				.toList();
		}
		assertThat(ids).hasSize(this.catalog.size()).doesNotHaveDuplicates();
	}

	@Test
	void everyGeoPrefixAndRegionIsKnown() {
		Geographies geographies = this.catalog.geographies();
		for (ModelInfo model : this.catalog.all()) {
			assertThat(model.geoPrefixes()).as("geos of %s", model.modelId()).allMatch(geographies::isKnown);
			assertThat(model.regions()).as("regions of %s", model.modelId())
				.allMatch((region) -> REGION.matcher(region).matches());
			assertThat(model.onDemandRegions()).as("regions of %s both on demand and profile-only", model.modelId())
				.noneMatch(model.profileOnlyRegions()::contains);
		}
		assertThat(geographies.all()).extracting(Geography::prefix)
			.containsExactly("us", "us-gov", "eu", "jp", "au", "apac", "global");
	}

	@Test
	void everyProfileOnlyRegionOfAModelWithGeosHasASystemProfile() {
		for (ModelInfo model : this.catalog.all()) {
			if (model.geoPrefixes().isEmpty()) {
				continue;
			}
			for (String region : model.profileOnlyRegions()) {
				assertThat(this.catalog.systemProfileFor(model.modelId(), region))
					.as("system profile of %s from %s", model.modelId(), region)
					.isPresent();
			}
		}
	}

	@Test
	void contextVariantsNeedProvisionedThroughputEverywhere() {
		List<ModelInfo> variants = this.catalog.all().stream().filter(ModelInfo::isContextVariant).toList();
		assertThat(variants).extracting(ModelInfo::modelId)
			.contains("anthropic.claude-3-sonnet-20240229-v1:0:200k", "anthropic.claude-3-sonnet-20240229-v1:0:28k",
					"anthropic.claude-3-haiku-20240307-v1:0:48k", "anthropic.claude-3-5-sonnet-20241022-v2:0:51k",
					"anthropic.claude-v2:0:18k", "amazon.titan-embed-text-v1:2:8k", "amazon.nova-2-lite-v1:0:256k",
					"meta.llama3-2-11b-instruct-v1:0:128k");
		List<String> regions = this.catalog.geographies().regions();
		for (ModelInfo variant : variants) {
			assertThat(variant.onDemandRegions()).as("on-demand regions of %s", variant.modelId()).isEmpty();
			assertThat(variant.geoPrefixes()).as("geos of %s", variant.modelId()).isEmpty();
			assertThat(variant.needsProfileElsewhere()).as("needsProfile of %s", variant.modelId()).isTrue();
			assertThat(regions).as("regions where %s needs a profile", variant.modelId())
				.allMatch(variant::needsProfile);
			assertThat(this.catalog.systemProfileFor(variant.modelId(), "us-east-1")).isEmpty();
		}
	}

	@Test
	void findsByExactId() {
		ModelInfo novaPro = this.catalog.find(NOVA_PRO).orElseThrow();
		assertThat(novaPro.provider()).isEqualTo("amazon");
		assertThat(novaPro.displayName()).isEqualTo("Nova Pro");
		assertThat(novaPro.inputModalities()).contains("TEXT", "IMAGE", "VIDEO");
		assertThat(this.catalog.contains(CLAUDE_3_HAIKU)).isTrue();
		assertThat(this.catalog.find("amazon.nova-pro")).isEmpty();
		assertThat(this.catalog.find("us." + NOVA_PRO)).isEmpty();
		assertThat(this.catalog.find("AMAZON.NOVA-PRO-V1:0")).isEmpty();
	}

	@Test
	void searchIsACaseInsensitiveSubstringMatch() {
		assertThat(this.catalog.search("NOVA")).extracting(ModelInfo::modelId)
			.contains(NOVA_PRO, "amazon.nova-lite-v1:0", "amazon.nova-2-lite-v1:0")
			.allMatch((id) -> id.contains("nova"));
		List<ModelInfo> claude35 = this.catalog.search("claude-3-5");
		assertThat(claude35).extracting(ModelInfo::modelId)
			.contains(CLAUDE_3_5_SONNET_V2, "anthropic.claude-3-5-sonnet-20240620-v1:0",
					"anthropic.claude-3-5-haiku-20241022-v1:0")
			.allMatch((id) -> id.startsWith("anthropic.claude-3-5-"));
		assertThat(this.catalog.search("Claude 3.5 Sonnet v2")).extracting(ModelInfo::modelId)
			.contains(CLAUDE_3_5_SONNET_V2)
			.doesNotContain("anthropic.claude-3-5-sonnet-20240620-v1:0");
		assertThat(this.catalog.search("us." + NOVA_PRO)).extracting(ModelInfo::modelId).contains(NOVA_PRO);
		assertThat(this.catalog.search("no-such-model-anywhere")).isEmpty();
	}

	@Test
	void byProviderAcceptsAnySpellingOfTheProvider() {
		List<ModelInfo> anthropic = this.catalog.byProvider("anthropic");
		assertThat(anthropic).hasSizeGreaterThan(20).allMatch((model) -> model.modelId().startsWith("anthropic."));
		assertThat(this.catalog.byProvider("Anthropic")).isEqualTo(anthropic);
		assertThat(this.catalog.byProvider("us.anthropic")).isEqualTo(anthropic);
		assertThat(this.catalog.byProvider("  ANTHROPIC ")).isEqualTo(anthropic);
		assertThat(this.catalog.byProvider("amazon")).isNotEmpty().doesNotContainAnyElementsOf(anthropic);
		assertThat(this.catalog.byProvider("nobody")).isEmpty();
	}

	@Test
	void byRegionListsModelsUsableFromTheRegion() {
		List<ModelInfo> euWest1 = this.catalog.byRegion("eu-west-1");
		assertThat(euWest1).extracting(ModelInfo::modelId)
			.contains(NOVA_PRO, CLAUDE_3_HAIKU)
			.doesNotContain("amazon.nova-premier-v1:0", "deepseek.r1-v1:0", "writer.palmyra-x5-v1:0");
		assertThat(euWest1).allMatch((model) -> model.availableIn("eu-west-1"));
		assertThat(this.catalog.byRegion("xx-nowhere-1")).isEmpty();
	}

	@Test
	void queryNarrowsByEveryPartThatIsSet() {
		List<ModelInfo> result = this.catalog
			.query(ModelQuery.all().withRegion("eu-west-1").withProvider("Anthropic").withText("SONNET"));
		assertThat(result).extracting(ModelInfo::modelId)
			.contains("anthropic.claude-3-7-sonnet-20250219-v1:0", CLAUDE_SONNET_4_5)
			.doesNotContain(CLAUDE_3_5_SONNET_V2, CLAUDE_3_HAIKU, NOVA_PRO);
		assertThat(result).allMatch((model) -> model.provider().equals("anthropic") && model.availableIn("eu-west-1")
				&& model.displayName().toLowerCase().contains("sonnet"));
		assertThat(this.catalog.query(new ModelQuery("us-west-2", "us.amazon", "premier")))
			.extracting(ModelInfo::modelId)
			.contains("amazon.nova-premier-v1:0")
			.allMatch((id) -> id.startsWith("amazon.nova-premier"));
		assertThat(this.catalog.query(new ModelQuery("eu-west-1", "amazon", "premier"))).isEmpty();
		assertThat(this.catalog.query(ModelQuery.all())).hasSize(this.catalog.size());
	}

	@Test
	void systemProfileUsesTheRegionsGeography() {
		assertThat(this.catalog.systemProfileFor(NOVA_PRO, "eu-west-1")).contains("eu." + NOVA_PRO);
		assertThat(this.catalog.systemProfileFor(NOVA_PRO, "us-west-2")).contains("us." + NOVA_PRO);
		// no source names a us-gov profile of it: none is derived rather than a guess
		assertThat(this.catalog.systemProfileFor(CLAUDE_3_HAIKU, "us-gov-east-1")).isEmpty();
	}

	@Test
	void systemProfilePrefersTheMostSpecificGeography() {
		// eu-west-1 is served by eu and global: eu wins where the model has it
		assertThat(this.catalog.find(CLAUDE_HAIKU_4_5).orElseThrow().geoPrefixes()).contains("eu", "global");
		assertThat(this.catalog.systemProfileFor(CLAUDE_HAIKU_4_5, "eu-west-1")).contains("eu." + CLAUDE_HAIKU_4_5);
		assertThat(this.catalog.systemProfileFor(CLAUDE_HAIKU_4_5, "us-west-2")).contains("us." + CLAUDE_HAIKU_4_5);
		// ap-northeast-3 is served by jp, apac and global: jp (the Haiku 4.5 card names
		// jp.);
		// ap-south-1 has no regional profile of it: the global one.
		assertThat(this.catalog.systemProfileFor(CLAUDE_HAIKU_4_5, "ap-northeast-3"))
			.contains("jp." + CLAUDE_HAIKU_4_5);
		assertThat(this.catalog.systemProfileFor(CLAUDE_HAIKU_4_5, "ap-south-1"))
			.contains("global." + CLAUDE_HAIKU_4_5);
		// No source names an apac profile of Claude 3.5 Sonnet v2: none is derived.
		assertThat(this.catalog.find(CLAUDE_3_5_SONNET_V2).orElseThrow().geoPrefixes()).doesNotContain("apac", "jp");
		assertThat(this.catalog.systemProfileFor(CLAUDE_3_5_SONNET_V2, "ap-northeast-1")).isEmpty();
	}

	@Test
	void everyOwnListOfSourceRegionsDiffersFromItsGeographyAndComesFromAModelCard() {
		List<ModelInfo> extended = this.catalog.all()
			.stream()
			.filter((model) -> !model.geoRegions().isEmpty())
			.toList();
		assertThat(extended).extracting(ModelInfo::modelId)
			.containsExactlyInAnyOrder(CLAUDE_HAIKU_4_5, "anthropic.claude-sonnet-4-6", "anthropic.claude-opus-4-7",
					"anthropic.claude-opus-4-8", "anthropic.claude-fable-5", "openai.gpt-5.6-sol");
		for (ModelInfo model : extended) {
			assertThat(model.sources()).as("sources of %s", model.modelId()).anyMatch((key) -> key.startsWith("card-"));
			model.geoRegions().forEach((prefix, regions) -> {
				Geography geography = this.catalog.geographies().find(prefix).orElseThrow();
				assertThat(regions).as("%s regions of %s", prefix, model.modelId())
					.doesNotHaveDuplicates()
					.allMatch(model::availableIn);
				// a list equal to the geography's says nothing: it is left out
				assertThat(java.util.Set.copyOf(regions)).as("%s regions of %s", prefix, model.modelId())
					.isNotEqualTo(java.util.Set.copyOf(geography.regions()));
			});
		}
		// the cards' Geo: AU tables: Opus 4.7 and 4.8 are called from Sydney and
		// Melbourne only
		Geography au = this.catalog.geographies().find("au").orElseThrow();
		assertThat(au.regions()).contains("ap-southeast-6");
		for (String opus : List.of("anthropic.claude-opus-4-7", "anthropic.claude-opus-4-8")) {
			ModelInfo model = this.catalog.find(opus).orElseThrow();
			assertThat(model.sourceRegions(au)).as(opus).containsExactly("ap-southeast-2", "ap-southeast-4");
			assertThat(model.geoRegions()).as(opus).containsOnlyKeys("us", "au");
		}
		assertThat(this.catalog.find("anthropic.claude-sonnet-4-6").orElseThrow().sourceRegions(au))
			.isEqualTo(au.regions());
		// the Fable 5 and GPT-5.6 Sol cards: their one Geo profile is us., with a Geo
		// cell in ca-central-1 (and, for Fable 5, ca-west-1)
		assertThat(this.catalog.systemProfileFor("anthropic.claude-fable-5", "ca-west-1"))
			.contains("us.anthropic.claude-fable-5");
		assertThat(this.catalog.systemProfileFor("openai.gpt-5.6-sol", "ca-central-1"))
			.contains("us.openai.gpt-5.6-sol");
		assertThat(this.catalog.systemProfileFor("openai.gpt-5.6-sol", "ca-west-1"))
			.contains("global.openai.gpt-5.6-sol");
	}

	@Test
	void systemProfileIsGlobalOnlyWithoutARegionalGeography() {
		assertThat(this.catalog.find(CLAUDE_HAIKU_4_5).orElseThrow().geoPrefixes()).contains("global", "us", "eu");
		assertThat(this.catalog.systemProfileFor(CLAUDE_HAIKU_4_5, "us-east-1")).contains("us." + CLAUDE_HAIKU_4_5);
		assertThat(this.catalog.systemProfileFor(CLAUDE_HAIKU_4_5, "eu-central-1")).contains("eu." + CLAUDE_HAIKU_4_5);
		assertThat(this.catalog.systemProfileFor(CLAUDE_HAIKU_4_5, "sa-east-1")).contains("global." + CLAUDE_HAIKU_4_5);
		// the card adds ca-central-1 to the us. profile's source regions, not ca-west-1
		assertThat(this.catalog.systemProfileFor(CLAUDE_HAIKU_4_5, "ca-central-1")).contains("us." + CLAUDE_HAIKU_4_5);
		assertThat(this.catalog.systemProfileFor(CLAUDE_HAIKU_4_5, "ca-west-1")).contains("global." + CLAUDE_HAIKU_4_5);
		// the Haiku 4.5 card lists New Zealand as a source of au., the Opus 4.7 card does
		// not
		assertThat(this.catalog.systemProfileFor(CLAUDE_HAIKU_4_5, "ap-southeast-6"))
			.contains("au." + CLAUDE_HAIKU_4_5);
		assertThat(this.catalog.systemProfileFor("anthropic.claude-opus-4-7", "ap-southeast-6"))
			.contains("global.anthropic.claude-opus-4-7");
		// Sonnet 4.5: global from every commercial region (Regional availability by
		// models)
		assertThat(this.catalog.systemProfileFor(CLAUDE_SONNET_4_5, "sa-east-1"))
			.contains("global." + CLAUDE_SONNET_4_5);
		// Neither a regional nor a global profile serves the region.
		assertThat(this.catalog.systemProfileFor(NOVA_PRO, "sa-east-1")).isEmpty();
		assertThat(this.catalog.systemProfileFor("meta.llama3-8b-instruct-v1:0", "us-east-1")).isEmpty();
		assertThat(this.catalog.systemProfileFor("no.such-model-v1:0", "us-east-1")).isEmpty();
	}

	@Test
	void needsProfileDependsOnTheRegion() {
		ModelInfo novaPro = this.catalog.find(NOVA_PRO).orElseThrow();
		assertThat(novaPro.needsProfile("us-east-1")).isFalse();
		assertThat(novaPro.needsProfile("eu-west-1")).isTrue();
		assertThat(novaPro.needsProfile("ap-northeast-1")).isTrue();
		// A region neither list names: the model's default.
		assertThat(novaPro.regions()).doesNotContain("af-south-1");
		assertThat(novaPro.needsProfile("af-south-1")).isTrue();
		ModelInfo haiku = this.catalog.find(CLAUDE_3_HAIKU).orElseThrow();
		assertThat(haiku.needsProfile("us-east-1")).isFalse();
		assertThat(haiku.needsProfile("us-east-2")).isTrue();
		assertThat(haiku.needsProfile("af-south-1")).isFalse();
		assertThat(haiku.needsProfileSomewhere()).isTrue();
		ModelInfo llama3 = this.catalog.find("meta.llama3-8b-instruct-v1:0").orElseThrow();
		assertThat(llama3.needsProfileSomewhere()).isFalse();
		ModelInfo sonnet45 = this.catalog.find(CLAUDE_SONNET_4_5).orElseThrow();
		assertThat(sonnet45.onDemandRegions()).isEmpty();
		assertThat(this.catalog.geographies().regions()).allMatch(sonnet45::needsProfile);
	}

	@Test
	void newerModelsNeedAProfile() {
		for (String id : List.of("anthropic.claude-3-7-sonnet-20250219-v1:0", "anthropic.claude-sonnet-4-20250514-v1:0",
				"anthropic.claude-opus-4-1-20250805-v1:0", "anthropic.claude-haiku-4-5-20251001-v1:0",
				"meta.llama3-2-90b-instruct-v1:0", "meta.llama4-maverick-17b-instruct-v1:0", "deepseek.r1-v1:0",
				"writer.palmyra-x5-v1:0", "amazon.nova-premier-v1:0")) {
			ModelInfo model = this.catalog.find(id).orElseThrow();
			// us-east-2: only a profile serves each of them there (Regional availability
			// by
			// models); Claude 3.7 Sonnet and Haiku 4.5 are also In-Region in us-east-1
			assertThat(model.needsProfile("us-east-2")).as("%s needs a profile in us-east-2", id).isTrue();
			assertThat(this.catalog.systemProfileFor(id, "us-east-2")).as("profile of %s", id).contains("us." + id);
		}
	}

	@Test
	void stripGeoPrefixRemovesOnlyKnownGeographies() {
		assertThat(this.catalog.stripGeoPrefix("us." + NOVA_PRO)).isEqualTo(NOVA_PRO);
		assertThat(this.catalog.stripGeoPrefix("us-gov." + CLAUDE_3_HAIKU)).isEqualTo(CLAUDE_3_HAIKU);
		assertThat(this.catalog.stripGeoPrefix("apac." + NOVA_PRO)).isEqualTo(NOVA_PRO);
		assertThat(this.catalog.stripGeoPrefix("global." + CLAUDE_SONNET_4_5)).isEqualTo(CLAUDE_SONNET_4_5);
		assertThat(this.catalog.stripGeoPrefix(NOVA_PRO)).isEqualTo(NOVA_PRO);
		assertThat(this.catalog.stripGeoPrefix("zz." + NOVA_PRO)).isEqualTo("zz." + NOVA_PRO);
		assertThat(this.catalog.stripGeoPrefix("nodot")).isEqualTo("nodot");
	}

	@Test
	void writeThenReadGivesEqualModels() throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		this.catalog.write(out);
		ModelCatalog copy = ModelCatalog.read(new ByteArrayInputStream(out.toByteArray()));
		assertThat(copy.size()).isEqualTo(this.catalog.size());
		assertThat(copy.all()).isEqualTo(this.catalog.all());
		assertThat(copy.geographies().all()).isEqualTo(this.catalog.geographies().all());
	}

	@Test
	void writeThenReadKeepsNonDefaultValues() throws IOException {
		ModelInfo model = new ModelInfo("acme.model-v1:0", "acme", "Acme Model", List.of(), List.of("eu-west-1"),
				List.of("eu"), true, false, List.of("TEXT", "AUDIO"), List.of("EMBEDDING"));
		ModelCatalog small = new ModelCatalog(List.of(model),
				new Geographies(List.of(new Geography("eu", List.of("eu-west-1")))));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		small.write(out);
		ModelCatalog copy = ModelCatalog.read(new ByteArrayInputStream(out.toByteArray()));
		assertThat(copy.all()).containsExactly(model);
		assertThat(copy.systemProfileFor("acme.model-v1:0", "eu-west-1")).contains("eu.acme.model-v1:0");
	}

	@Test
	void readAppliesTheDefaultsOfAbsentFields() throws IOException {
		ModelCatalog read = read("{\"models\":[{\"id\":\"acme.model-v1:0\"}]}");
		ModelInfo model = read.find("acme.model-v1:0").orElseThrow();
		assertThat(model.provider()).isEqualTo("acme");
		assertThat(model.displayName()).isEqualTo("acme.model-v1:0");
		assertThat(model.streaming()).isTrue();
		assertThat(model.needsProfileElsewhere()).isFalse();
		assertThat(model.inputModalities()).containsExactly("TEXT");
		assertThat(read.geographies().all()).isEmpty();
	}

	@Test
	void readingMalformedJsonFailsWithItsPosition() {
		assertThatIOException().isThrownBy(() -> read("{\n  \"models\" : [ { \"id\" : \"acme.model-v1:0\" \n"))
			.withMessageStartingWith("Invalid model catalog")
			.withMessageContaining("line");
		assertThatIOException().isThrownBy(() -> read("{\"models\": [ {\"id\": } ]}"))
			.withMessageStartingWith("Invalid model catalog at line 1");
		assertThatIOException().isThrownBy(() -> read("")).withMessageStartingWith("Invalid model catalog");
	}

	@Test
	void readingJsonThatIsNoCatalogFailsWithIOException() {
		assertThatIOException().isThrownBy(() -> read("{\"models\": \"none\"}"))
			.withMessageStartingWith("Invalid model catalog");
		assertThatIOException().isThrownBy(() -> read("{\"models\": [ {\"name\": \"No ID\"} ]}"))
			.withMessageContaining("\"id\"");
		assertThatIOException().isThrownBy(() -> read("{\"models\": [ {\"id\": \"noprovider\"} ]}"))
			.withMessageContaining("noprovider");
		assertThatIOException().isThrownBy(() -> read("{\"models\": [ {\"id\": \"acme.m\", \"geos\": [null]} ]}"))
			.withMessageContaining("geos");
		assertThatIOException().isThrownBy(() -> read("{\"geographies\": [ {\"regions\": [\"eu-west-1\"]} ]}"))
			.withMessageContaining("prefix");
		assertThatIOException().isThrownBy(() -> read("null")).withMessageStartingWith("Invalid model catalog");
	}

	private static ModelCatalog read(String json) throws IOException {
		return ModelCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
