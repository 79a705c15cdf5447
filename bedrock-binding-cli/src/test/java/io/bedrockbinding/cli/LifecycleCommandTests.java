package io.bedrockbinding.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import io.bedrockbinding.file.InferenceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LEGACY and END_OF_LIFE in validate, the lifecycle in {@code list --json}, and
 * {@code --catalog}, on a catalog with a legacy model and one past its end of life.
 */
class LifecycleCommandTests {

	private static final String CATALOG = """
			{
			  "geographies" : [ { "prefix" : "us", "regions" : [ "us-east-1", "us-west-2" ] } ],
			  "models" : [
			    { "id" : "acme.current-v2:0", "name" : "Acme Current", "onDemand" : [ "us-east-1" ] },
			    { "id" : "acme.old-v1:0", "name" : "Acme Old", "onDemand" : [ "us-east-1" ], "lifecycle" : { "status" : "LEGACY", "legacy" : "2026-01-15", "endOfLife" : "2027-01-15", "successor" : "acme.current-v2:0" } },
			    { "id" : "acme.gone-v1:0", "name" : "Acme Gone", "onDemand" : [ "us-east-1" ], "lifecycle" : { "status" : "LEGACY", "endOfLife" : "2026-06-30", "successor" : "acme.current-v2:0" } }
			  ]
			}
			""";

	private static final Clock JULY = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

	private static final Clock JUNE = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

	@RegisterExtension
	final InferenceFileFixture inference = new InferenceFileFixture("acme.old-v1:0=\nacme.gone-v1:0=\n");

	@Test
	void validateWarnsAboutLegacyAndFailsPastTheEndOfLife() throws IOException {
		Cli.Result june = this.inference.runAt(JUNE, "--catalog", catalog().toString(), "validate");
		Cli.Result july = this.inference.runAt(JULY, "--catalog", catalog().toString(), "validate");

		assertThat(june.exitCode()).as(june.toString()).isZero();
		assertThat(june.out())
			.contains(this.inference.shown() + ":1: warning: acme.old-v1:0 is LEGACY since "
					+ "2026-01-15; its end of life is 2027-01-15; AWS recommends acme.current-v2:0\n"
					+ "  fix: inference-config bind acme.old-v1:0 acme.current-v2:0 --file " + this.inference.path())
			.contains(this.inference.shown() + ":2: warning: acme.gone-v1:0 is LEGACY; its end of life is 2026-06-30")
			.contains(": 2 bindings, 0 errors, 2 warnings");
		assertThat(july.exitCode()).as(july.toString()).isEqualTo(1);
		assertThat(july.out())
			.contains(this.inference.shown() + ":2: error: acme.gone-v1:0 reached its end of "
					+ "life on 2026-06-30: Bedrock refuses calls to it; AWS recommends acme.current-v2:0")
			.contains(": 2 bindings, 1 error, 1 warning");
		JsonNode json = this.inference.runAt(JULY, "--catalog", catalog().toString(), "--json", "validate").json();
		assertThat(json.get("problems")).extracting((problem) -> problem.get("code").asString())
			.containsExactly("LEGACY", "END_OF_LIFE");
	}

	@Test
	void listJsonShowsEachModelsLifecycle() throws IOException {
		JsonNode models = this.inference.runAt(JULY, "--catalog", catalog().toString(), "--json", "list")
			.json()
			.get("models");

		JsonNode old = model(models, "acme.old-v1:0").get("lifecycle");
		assertThat(old.get("status").asString()).isEqualTo("LEGACY");
		assertThat(old.get("legacy").asString()).isEqualTo("2026-01-15");
		assertThat(old.get("endOfLife").asString()).isEqualTo("2027-01-15");
		assertThat(old.get("successor").asString()).isEqualTo("acme.current-v2:0");
		assertThat(model(models, "acme.gone-v1:0").get("lifecycle").get("status").asString()).isEqualTo("END_OF_LIFE");
		assertThat(model(models, "acme.current-v2:0").get("lifecycle").get("status").asString()).isEqualTo("ACTIVE");
	}

	@Test
	void aCatalogThatIsNoCatalogIsRefusedWithItsPosition() throws IOException {
		Path broken = Files.writeString(this.inference.folder().resolve("broken.json"), "{\n  \"models\" : [ 1 ]\n}");

		Cli.Result result = this.inference.run("--catalog", broken.toString(), "list");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).startsWith("error: cannot read --catalog " + broken + ": Invalid model catalog at "
				+ "line 2, column 16: each element must be an object describing a model");
	}

	@Test
	void aMissingCatalogIsNamedWithTheHomeFolderForATilde() {
		Path expected = InferenceFile.defaultLocation()
			.getParent()
			.getParent()
			.resolve("no-such-folder-of-bedrock-binding-tests")
			.resolve("catalog.json");

		Cli.Result result = this.inference.run("--catalog=~/no-such-folder-of-bedrock-binding-tests/catalog.json",
				"list");

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).isEqualTo("error: cannot read --catalog " + expected
				+ ": no such file (give the path of a catalog.json, e.g. one refresh-catalog wrote)\n");
	}

	private Path catalog() throws IOException {
		return Files.writeString(this.inference.folder().resolve("catalog.json"), CATALOG);
	}

	private static JsonNode model(JsonNode models, String modelId) {
		for (JsonNode model : models) {
			if (model.get("modelId").asString().equals(modelId)) {
				return model;
			}
		}
		throw new AssertionError(modelId + " not listed in " + models);
	}

}
