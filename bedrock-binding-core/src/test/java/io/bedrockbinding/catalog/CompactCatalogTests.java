package io.bedrockbinding.catalog;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * Tests for {@link CompactCatalog}, the built-in catalog's compact form: the form the
 * build ships reads as the same catalog as {@code catalog.json}, every field survives a
 * write and a read, and a form made from another JSON is not used.
 */
class CompactCatalogTests {

	@Test
	void theBuildShipsACompactFormOfTheBuiltInJson() throws IOException {
		byte[] json = resource(ModelCatalog.RESOURCE);
		byte[] compact = resource(CompactCatalog.RESOURCE);
		assertThat(compact).as("run the build (process-classes) to derive " + CompactCatalog.RESOURCE).isNotNull();
		ModelCatalog fromCompact = CompactCatalog.read(compact, json);
		assertThat(fromCompact).as("the compact form was made from this catalog.json").isNotNull();
		assertSameCatalog(fromCompact, ModelCatalog.read(new ByteArrayInputStream(json)));
	}

	@Test
	void builtInIsTheCatalogOfTheJson() throws IOException {
		ModelCatalog fromJson = ModelCatalog.read(new ByteArrayInputStream(resource(ModelCatalog.RESOURCE)));
		assertSameCatalog(ModelCatalog.builtIn(), fromJson);
		assertThat(ModelCatalog.builtIn().size()).isGreaterThan(100);
	}

	@Test
	void everyFieldSurvivesAWriteAndARead() throws IOException {
		byte[] json = fixture();
		ModelCatalog catalog = ModelCatalog.read(new ByteArrayInputStream(json));
		assertThat(catalog.all()).anySatisfy((model) -> assertThat(model.lifecycle().isDefault()).isFalse());
		assertThat(catalog.all()).anySatisfy((model) -> assertThat(model.providerName()).isNull());
		assertThat(catalog.sources()).anySatisfy((source) -> assertThat(source.url()).isNull());
		ModelCatalog read = CompactCatalog.read(compact(catalog, json), json);
		assertSameCatalog(read, catalog);
		ModelInfo old = read.find("acme.old-v1:0").orElseThrow();
		assertThat(old.lifecycle()).isEqualTo(new Lifecycle(Lifecycle.Status.LEGACY, LocalDate.of(2026, 1, 15),
				LocalDate.of(2026, 6, 1), LocalDate.of(2027, 1, 15), "acme.current-v2:0"));
		assertThat(read.find("acme.current-v2:0").orElseThrow().lifecycle()).isSameAs(Lifecycle.ACTIVE);
		assertThat(read.find("acme.next-v3:0").orElseThrow().geoRegions())
			.isEqualTo(Map.of("us", List.of("us-east-1", "ca-central-1")));
	}

	@Test
	void theShippedFormCarriesTheModelCardsOwnSourceRegions() throws IOException {
		ModelCatalog fromCompact = CompactCatalog.read(resource(CompactCatalog.RESOURCE),
				resource(ModelCatalog.RESOURCE));
		ModelInfo haiku = fromCompact.find("anthropic.claude-haiku-4-5-20251001-v1:0").orElseThrow();
		assertThat(haiku.geoRegions())
			.isEqualTo(Map.of("us", List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2", "ca-central-1")));
		assertThat(fromCompact.systemProfileFor(haiku.modelId(), "ca-central-1"))
			.contains("us.anthropic.claude-haiku-4-5-20251001-v1:0");
		assertThat(fromCompact.find("anthropic.claude-opus-4-7").orElseThrow().geoRegions()).containsEntry("au",
				List.of("ap-southeast-2", "ap-southeast-4"));
		assertThat(fromCompact.systemProfileFor("anthropic.claude-opus-4-7", "ap-southeast-6"))
			.contains("global.anthropic.claude-opus-4-7");
		assertThat(fromCompact.all()).filteredOn((model) -> !model.geoRegions().isEmpty()).hasSize(6);
	}

	@Test
	void aFormMadeFromAnotherJsonIsNotUsed() throws IOException {
		byte[] json = fixture();
		byte[] compact = compact(ModelCatalog.read(new ByteArrayInputStream(json)), json);
		byte[] edited = Arrays.copyOf(json, json.length);
		int space = new String(json, StandardCharsets.UTF_8).indexOf(' ');
		edited[space] = '\t';
		assertThat(CompactCatalog.read(compact, edited)).isNull();
		assertThat(CompactCatalog.read(compact, Arrays.copyOf(json, json.length + 1))).isNull();
	}

	@Test
	void aTruncatedOrForeignFormIsAnError() throws IOException {
		byte[] json = fixture();
		byte[] compact = compact(ModelCatalog.read(new ByteArrayInputStream(json)), json);
		assertThatIOException().isThrownBy(() -> CompactCatalog.read(Arrays.copyOf(compact, compact.length - 3), json))
			.withMessage("Invalid compact model catalog: it ends too early");
		assertThatIOException().isThrownBy(() -> CompactCatalog.read(json, json))
			.withMessageContaining("does not start with the compact form's magic number");
		byte[] longer = Arrays.copyOf(compact, compact.length + 1);
		assertThatIOException().isThrownBy(() -> CompactCatalog.read(longer, json))
			.withMessage("Invalid compact model catalog: content after the last model");
	}

	@Test
	void mainWritesTheFormOfAJsonFile(@TempDir Path folder) throws IOException {
		Path json = folder.resolve("catalog.json");
		Files.write(json, fixture());
		Path out = folder.resolve("classes/catalog.bin");
		CompactCatalog.main(new String[] { json.toString(), out.toString() });
		ModelCatalog read = CompactCatalog.read(Files.readAllBytes(out), Files.readAllBytes(json));
		assertSameCatalog(read, ModelCatalog.read(new ByteArrayInputStream(fixture())));
	}

	@Test
	void mainNamesAJsonThatIsNoCatalog(@TempDir Path folder) throws IOException {
		Path json = folder.resolve("catalog.json");
		Files.writeString(json, "[1, 2]");
		assertThatIOException()
			.isThrownBy(() -> CompactCatalog.main(new String[] { json.toString(), folder.resolve("c.bin").toString() }))
			.withMessageStartingWith(json + ": Invalid model catalog");
	}

	private static void assertSameCatalog(ModelCatalog actual, ModelCatalog expected) {
		assertThat(actual.all()).containsExactlyElementsOf(expected.all());
		assertThat(actual.geographies().all()).containsExactlyElementsOf(expected.geographies().all());
		assertThat(actual.sources()).containsExactlyElementsOf(expected.sources());
		List<String> ids = expected.all().stream().map(ModelInfo::modelId).toList();
		assertThat(actual.all()).extracting(ModelInfo::modelId).containsExactlyElementsOf(ids);
	}

	private static byte[] compact(ModelCatalog catalog, byte[] json) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		CompactCatalog.write(catalog, json, out);
		return out.toByteArray();
	}

	private static byte[] fixture() throws IOException {
		try (InputStream in = CompactCatalogTests.class.getResourceAsStream("lifecycle-catalog.json")) {
			return in.readAllBytes();
		}
	}

	private static byte[] resource(String name) throws IOException {
		try (InputStream in = ModelCatalog.class.getResourceAsStream(name)) {
			return (in != null) ? in.readAllBytes() : null;
		}
	}

}
