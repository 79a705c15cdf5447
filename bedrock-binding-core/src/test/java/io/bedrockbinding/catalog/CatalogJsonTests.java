package io.bedrockbinding.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for the {@code catalog.json} format ({@link CatalogReader},
 * {@link CatalogWriter}): lifecycle, provider names, provisioned-only models and sources
 * survive a write and a read, and bad entries are reported with their position, model and
 * field.
 */
class CatalogJsonTests {

	private static final String FIXTURE = "lifecycle-catalog.json";

	@Test
	void readsLifecycleProviderNameProvisionedOnlyAndSources() throws IOException {
		ModelCatalog catalog = fixture();
		ModelInfo old = catalog.find("acme.old-v1:0").orElseThrow();
		assertThat(old.providerName()).isEqualTo("Acme Labs");
		assertThat(old.lifecycle()).isEqualTo(new Lifecycle(Lifecycle.Status.LEGACY, LocalDate.of(2026, 1, 15),
				LocalDate.of(2026, 6, 1), LocalDate.of(2027, 1, 15), "acme.current-v2:0"));
		assertThat(old.sources()).containsExactly("docs", "api");
		ModelInfo current = catalog.find("acme.current-v2:0").orElseThrow();
		assertThat(current.lifecycle()).isSameAs(Lifecycle.ACTIVE);
		assertThat(current.provisionedOnly()).isFalse();
		ModelInfo variant = catalog.find("acme.current-v2:0:300k").orElseThrow();
		assertThat(variant.provisionedOnly()).isTrue();
		assertThat(variant.providerName()).isNull();
		assertThat(variant.needsProfile("us-east-1")).isTrue();
		assertThat(catalog.sources()).extracting(CatalogSource::key).containsExactly("docs", "api");
		assertThat(catalog.source("docs")).contains(new CatalogSource("docs", "A documentation page",
				"https://example.com/models.html", LocalDate.of(2026, 11, 30)));
		assertThat(catalog.source("api").orElseThrow().url()).isNull();
	}

	@Test
	void writesTheFixtureBackByteForByte() throws IOException {
		byte[] original;
		try (InputStream in = CatalogJsonTests.class.getResourceAsStream(FIXTURE)) {
			original = in.readAllBytes();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ModelCatalog.read(new ByteArrayInputStream(original)).write(out);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(new String(original, StandardCharsets.UTF_8));
	}

	@Test
	void writesTheBuiltInCatalogBackByteForByte() throws IOException {
		byte[] original;
		try (InputStream in = ModelCatalog.class.getResourceAsStream(ModelCatalog.RESOURCE)) {
			original = in.readAllBytes();
		}
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ModelCatalog.builtIn().write(out);
		assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(new String(original, StandardCharsets.UTF_8));
	}

	@Test
	void writeEscapesStrings() throws IOException {
		ModelInfo model = new ModelInfo("acme.q-v1:0", "acme", "Say \"hi\"\\\n\u00e9", List.of(), List.of(), List.of(),
				false, true, List.of("TEXT"), List.of("TEXT"));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ModelCatalog(List.of(model), new Geographies(List.of())).write(out);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"name\" : \"Say \\\"hi\\\"\\\\\\n\u00e9\"");
		ModelCatalog copy = ModelCatalog.read(new ByteArrayInputStream(out.toByteArray()));
		assertThat(copy.all()).containsExactly(model);
	}

	@Test
	void modalitiesReadBackAsWrittenAndDefaultToTextOnlyWhenAbsent() throws IOException {
		ModelInfo none = new ModelInfo("acme.none-v1:0", "acme", "None", List.of(), List.of(), List.of(), false, true,
				List.of(), List.of());
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		new ModelCatalog(List.of(none), new Geographies(List.of())).write(out);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"input\" : [ ], \"output\" : [ ]");
		ModelCatalog copy = ModelCatalog.read(new ByteArrayInputStream(out.toByteArray()));
		assertThat(copy.all()).containsExactly(none);
		ModelInfo absent = ModelCatalog
			.read(new ByteArrayInputStream(
					"{\"models\":[{\"id\":\"acme.plain-v1:0\",\"input\":null}]}".getBytes(StandardCharsets.UTF_8)))
			.find("acme.plain-v1:0")
			.orElseThrow();
		assertThat(absent.inputModalities()).containsExactly("TEXT");
		assertThat(absent.outputModalities()).containsExactly("TEXT");
	}

	@Test
	void lifecycleIsJudgedByTheDayInUtc() throws IOException {
		Lifecycle gone = fixture().find("acme.gone-v1:0").orElseThrow().lifecycle();
		Clock lastEvening = Clock.fixed(Instant.parse("2026-06-29T23:59:59Z"), ZoneId.of("Asia/Tokyo"));
		assertThat(gone.isEndOfLife(Lifecycle.today(lastEvening))).isFalse();
		assertThat(gone.isEndOfLife(
				Lifecycle.today(Clock.fixed(Instant.parse("2026-06-30T00:00:00Z"), ZoneId.of("America/Los_Angeles")))))
			.isTrue();
		assertThat(gone.isLegacy(LocalDate.of(2020, 1, 1))).as("status LEGACY").isTrue();
		Lifecycle announced = new Lifecycle(Lifecycle.Status.ACTIVE, LocalDate.of(2026, 3, 1), null, null, null);
		assertThat(announced.isLegacy(LocalDate.of(2026, 2, 28))).isFalse();
		assertThat(announced.isLegacy(LocalDate.of(2026, 3, 1))).isTrue();
		assertThat(Lifecycle.ACTIVE.isEndOfLife(LocalDate.MAX)).isFalse();
	}

	@Test
	void errorsNameLineColumnModelAndField() throws IOException {
		assertThatIOException()
			.isThrownBy(() -> read("{\"models\": [\n {\"id\": \"acme.m-v1:0\", \"geos\": \"us\"} ]}"))
			.withMessage("Invalid model catalog at line 2, column 32: \"geos\" of model \"acme.m-v1:0\" "
					+ "must be an array of strings");
		assertThatIOException()
			.isThrownBy(() -> read("{\"models\": [\n {\"id\": \"acme.m-v1:0\", \"streaming\": \"yes\"} ]}"))
			.withMessageStartingWith("Invalid model catalog at line 2, column 37")
			.withMessageContaining("\"streaming\" of model \"acme.m-v1:0\" must be true or false");
		assertThatIOException()
			.isThrownBy(() -> read(
					"{\"models\": [\n{\"id\": \"acme.m-v1:0\", \"lifecycle\": {\"endOfLife\": \"15/07/2026\"}}]}"))
			.withMessageStartingWith("Invalid model catalog at line 2")
			.withMessageContaining("\"endOfLife\" of model \"acme.m-v1:0\" is \"15/07/2026\", not a date yyyy-MM-dd");
		assertThatIOException()
			.isThrownBy(
					() -> read("{\"models\": [{\"id\": \"acme.m-v1:0\", \"lifecycle\": {\"status\": \"RETIRED\"}}]}"))
			.withMessageContaining(
					"\"lifecycle.status\" of model \"acme.m-v1:0\" is \"RETIRED\": use ACTIVE or LEGACY");
		assertThatIOException().isThrownBy(() -> read("{\"models\": [\n {\"id\": \"acme.m-v1:0\\nx.y=z\"} ]}"))
			.withMessage(
					"Invalid model catalog at line 2, column 9: \"id\" of the model at line 2 is \"acme.m-v1:0\\nx.y=z\", "
							+ "not a model ID (provider.name[-version], for example amazon.nova-pro-v1:0)");
		assertThatIOException().isThrownBy(() -> read("{\"models\": [\n\n  {\"name\": \"No ID\"} ]}"))
			.withMessage("Invalid model catalog at line 3, column 3: a catalog model has no \"id\"");
		assertThatIOException().isThrownBy(() -> read("{\"models\": [ {\"onDemand\": [1]} ]}"))
			.withMessageContaining("\"onDemand\" of the model at line 1 must be an array of strings");
		assertThatIOException().isThrownBy(() -> read("{\"models\": []} []"))
			.withMessageContaining("content after the end of the document");
		assertThatIOException().isThrownBy(() -> read("[]")).withMessageContaining("must be a JSON object");
		assertThatIOException().isThrownBy(() -> read("{}"))
			.withMessageStartingWith("Invalid model catalog: it has no \"models\" array");
		assertThatIOException().isThrownBy(() -> read("{\"modles\": []}"))
			.withMessageStartingWith("Invalid model catalog: it has no \"models\" array");
		assertThat(read("{\"models\": []}").size()).isZero();
	}

	@Test
	void readsAndWritesAModelsOwnSourceRegionsOfAGeography() throws IOException {
		ModelInfo next = fixture().find("acme.next-v3:0").orElseThrow();
		assertThat(next.geoRegions()).isEqualTo(Map.of("us", List.of("us-east-1", "ca-central-1")));
		Geography us = fixture().geographies().find("us").orElseThrow();
		assertThat(us.regions()).containsExactly("us-east-1", "us-west-2");
		// the model's list replaces the geography's: ca-central-1 in, us-west-2 out
		assertThat(next.sourceRegions(us)).containsExactly("us-east-1", "ca-central-1");
		assertThat(next.servedFrom(us, "ca-central-1")).isTrue();
		assertThat(next.servedFrom(us, "us-west-2")).isFalse();
		ModelInfo gone = fixture().find("acme.gone-v1:0").orElseThrow();
		assertThat(gone.sourceRegions(us)).isEqualTo(us.regions());
		assertThat(gone.servedFrom(us, "us-west-2")).isTrue();
		assertThat(gone.servedFrom(us, "ca-central-1")).isFalse();

		ModelInfo model = new ModelInfo("acme.m-v1:0", "acme", "M", List.of(), List.of("us-east-1", "ca-west-1"),
				List.of("us", "global"), true, true, List.of("TEXT"), List.of("TEXT"), null, false, Lifecycle.ACTIVE,
				List.of(), Map.of("us", List.of("ca-central-1", "ca-west-1")));
		ModelCatalog catalog = new ModelCatalog(List.of(model), new Geographies(
				List.of(new Geography("us", List.of("us-east-1")), new Geography("global", List.of("ca-west-1")))));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		catalog.write(out);
		assertThat(out.toString(StandardCharsets.UTF_8)).contains("\"geos\" : [ \"us\", \"global\" ], "
				+ "\"geoRegions\" : { \"us\" : [ \"ca-central-1\", \"ca-west-1\" ] }, \"needsProfile\" : true");
		assertThat(ModelCatalog.read(new ByteArrayInputStream(out.toByteArray())).all()).containsExactly(model);
		// a profile called from no region is a geography the model does not list
		assertThatIllegalArgumentException().isThrownBy(() -> model.withGeoRegions(Map.of("us", List.of())))
			.withMessageContaining("geoRegions of geography 'us' is empty");
	}

	@Test
	void aGeoRegionsKeyMustBeAGeographyTheCatalogDefinesAndTheModelLists() {
		assertThatIOException()
			.isThrownBy(() -> read("{\"geographies\": [{\"prefix\": \"us\"}], \"models\": [\n"
					+ "{\"id\": \"acme.m-v1:0\", \"geos\": [\"us\"], \"geoRegions\": {\"usa\": [\"ca-central-1\"]}}]}"))
			.withMessage("Invalid model catalog at line 2, column 54: \"geoRegions\" of model \"acme.m-v1:0\" "
					+ "names geography \"usa\", which the top-level \"geographies\" does not define");
		// geographies after the models: checked once they are read
		assertThatIOException().isThrownBy(() -> read("{\"models\": [\n"
				+ "{\"id\": \"acme.m-v1:0\", \"geos\": [\"usa\"], \"geoRegions\": {\"usa\": [\"ca-central-1\"]}}],\n"
				+ "\"geographies\": [{\"prefix\": \"us\"}]}"))
			.withMessage("Invalid model catalog at line 2, column 55: \"geoRegions\" of model \"acme.m-v1:0\" "
					+ "names geography \"usa\", which the top-level \"geographies\" does not define");
		assertThatIOException().isThrownBy(() -> read("{\"models\": [\n"
				+ "{\"id\": \"acme.m-v1:0\", \"geos\": [\"usa\"], \"geoRegions\": {\"usa\": [\"ca-central-1\"]}}]}"))
			.withMessageContaining("names geography \"usa\", which the top-level \"geographies\" does not define");
		assertThatIOException()
			.isThrownBy(() -> read("{\"geographies\": [{\"prefix\": \"us\"}, {\"prefix\": \"eu\"}], \"models\": [\n"
					+ "{\"id\": \"acme.m-v1:0\", \"geos\": [\"us\"], \"geoRegions\": {\"eu\": [\"ca-central-1\"]}}]}"))
			.withMessage("Invalid model catalog at line 2, column 54: \"geoRegions\" of model \"acme.m-v1:0\" "
					+ "names geography \"eu\", which its \"geos\" do not list");
		assertThatIOException()
			.isThrownBy(() -> read("{\"models\": [\n{\"id\": \"acme.m-v1:0\", \"geoRegions\": [\"us\"]}]}"))
			.withMessage("Invalid model catalog at line 2, column 37: \"geoRegions\" of model \"acme.m-v1:0\" "
					+ "must be an object {\"us\":[\"ca-central-1\"],...}");
		assertThatIOException()
			.isThrownBy(() -> read("{\"geographies\": [{\"prefix\": \"us\"}], \"models\": [\n"
					+ "{\"id\": \"acme.m-v1:0\", \"geos\": [\"us\"], \"geoRegions\": {\"us\": \"ca-central-1\"}}]}"))
			.withMessageContaining("\"geoRegions.us\" of model \"acme.m-v1:0\" must be an array of strings");
		assertThatIOException()
			.isThrownBy(() -> read("{\"geographies\": [{\"prefix\": \"us\"}], \"models\": [\n"
					+ "{\"id\": \"acme.m-v1:0\", \"geos\": [\"us\"], \"geoRegions\": {\"us\": []}}]}"))
			.withMessage("Invalid model catalog at line 2, column 54: \"geoRegions\" of model \"acme.m-v1:0\" "
					+ "gives geography \"us\" no source region: leave it out of \"geos\" instead");
	}

	@Test
	void aModelMayCiteOnlySourcesTheCatalogDefines() {
		assertThatIOException()
			.isThrownBy(() -> read("{\"sources\": [{\"key\": \"docs\"}], "
					+ "\"models\": [{\"id\": \"acme.m-v1:0\", \"sources\": [\"docs\", \"blog\"]}]}"))
			.withMessage("Invalid model catalog: model \"acme.m-v1:0\" cites source \"blog\", "
					+ "which the top-level \"sources\" does not define");
		assertThatIOException().isThrownBy(() -> read("{\"sources\": [{\"title\": \"No key\"}]}"))
			.withMessageContaining("a catalog source has no \"key\"");
	}

	@Test
	void unknownFieldsAreSkippedWhateverTheirShape() throws IOException {
		ModelCatalog catalog = read("{\"comment\": {\"a\": [1, {\"b\": null}]}, \"models\": [{\"id\": \"acme.m-v1:0\", "
				+ "\"future\": [[1], {\"x\": 2}], \"lifecycle\": {\"status\": \"LEGACY\", \"startOfLife\": \"2024-01-01\"}}]}");
		assertThat(catalog.find("acme.m-v1:0").orElseThrow().lifecycle().status()).isEqualTo(Lifecycle.Status.LEGACY);
	}

	private static ModelCatalog fixture() throws IOException {
		try (InputStream in = CatalogJsonTests.class.getResourceAsStream(FIXTURE)) {
			return ModelCatalog.read(in);
		}
	}

	private static ModelCatalog read(String json) throws IOException {
		return ModelCatalog.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
	}

}
