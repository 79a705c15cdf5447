package io.bedrockbinding.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** list, search, provider and region: numbered lines, the closing count and --json. */
class ListingCommandsTests {

	private static final String BINDINGS = """
			# bindings of the test
			amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0
			anthropic.claude-3-haiku-20240307-v1:0=
			""";

	private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

	private static final String SONNET_4 = "anthropic.claude-sonnet-4-20250514-v1:0";

	@RegisterExtension
	final InferenceFileFixture inference = new InferenceFileFixture(BINDINGS);

	@Test
	void listShowsEveryModelNumberedWithItsTargetAndTheTotal() {
		Cli.Result result = this.inference.run("list");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		List<String> lines = result.lines();
		assertThat(lines).hasSize(CATALOG.size() + 1);
		assertThat(lines.get(0)).isEqualTo("1. " + CATALOG.all().get(0).modelId() + " -> direct");
		assertThat(lines).contains(lineOf("amazon.nova-pro-v1:0") + " -> us.amazon.nova-pro-v1:0",
				lineOf("anthropic.claude-3-haiku-20240307-v1:0") + " -> direct", lineOf(SONNET_4) + " -> direct");
		assertThat(lines.get(lines.size() - 1)).isEqualTo("Total: " + CATALOG.size() + " models");
		assertThat(lines.subList(0, lines.size() - 1)).allMatch((line) -> line.matches("\\d+\\. \\S+ -> \\S+"));
		assertThat(result.err()).isEmpty();
	}

	@Test
	void listWithAFilterShowsTheModelsThatMatchEveryWord() {
		Cli.Result result = this.inference.run("list", "nova", "pro");

		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).contains("1. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0")
			.allMatch((line) -> line.contains("nova-pro") || line.startsWith("Total: "));
		int count = result.lines().size() - 1;
		assertThat(result.lines()).last().isEqualTo("Total: " + count + " models");
	}

	@Test
	void listWithRegionShowsTheProfilesAnApplicationThereDerives() {
		Cli.Result withoutRegion = this.inference.run("list", SONNET_4);
		Cli.Result withRegion = this.inference.run("--region", "us-east-1", "list", SONNET_4);

		assertThat(withoutRegion.lines()).containsExactly("1. " + SONNET_4 + " -> direct", "Total: 1 model");
		assertThat(withRegion.lines()).containsExactly("1. " + SONNET_4 + " -> us." + SONNET_4, "Total: 1 model");
	}

	@Test
	void aCountOfOneIsInTheSingular() {
		Cli.Result search = this.inference.run("search", SONNET_4);
		Cli.Result list = this.inference.run("list", SONNET_4);

		assertThat(search.lines()).containsExactly("1. " + SONNET_4 + " -> direct", "Found: 1 model");
		assertThat(list.lines()).containsExactly("1. " + SONNET_4 + " -> direct", "Total: 1 model");
	}

	@Test
	void theFileWinsOverTheDerivedProfile() {
		Cli.Result result = this.inference.run("list", "nova-pro-v1:0", "--region", "eu-west-1");

		assertThat(result.lines()).contains("1. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0");
	}

	@Test
	void searchEndsWithFound() {
		Cli.Result result = this.inference.run("search", "Claude", "Haiku");

		assertThat(result.exitCode()).isZero();
		List<String> lines = result.lines();
		assertThat(lines).contains("1. anthropic.claude-3-haiku-20240307-v1:0 -> direct");
		assertThat(lines).last().isEqualTo("Found: " + (lines.size() - 1) + " models");
		assertThat(lines.size() - 1).isEqualTo((int) CATALOG.search("haiku")
			.stream()
			.filter((model) -> model.displayName().toLowerCase().contains("claude")
					|| model.modelId().contains("claude"))
			.count());
	}

	@Test
	void searchAcceptsAGeoProfileId() {
		Cli.Result result = this.inference.run("search", "us.amazon.nova-pro-v1:0");

		assertThat(result.lines()).first().isEqualTo("1. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0");
	}

	@Test
	void searchAndListMatchEveryTargetOfAFailoverChainNotOnlyTheFirst() throws IOException {
		Files.writeString(this.inference.path(),
				"amazon.nova-lite-v1:0=us.amazon.nova-lite-v1:0, eu.amazon.nova-lite-v1:0\n");
		String chain = "amazon.nova-lite-v1:0 -> us.amazon.nova-lite-v1:0, eu.amazon.nova-lite-v1:0";

		Cli.Result search = this.inference.run("search", "eu");
		Cli.Result list = this.inference.run("list", "eu", "lite");

		assertThat(search.exitCode()).as(search.toString()).isZero();
		assertThat(search.lines()).anyMatch((line) -> line.endsWith(". " + chain));
		assertThat(list.lines()).anyMatch((line) -> line.endsWith(". " + chain));
	}

	@Test
	void searchWithoutMatchFindsNothing() {
		Cli.Result result = this.inference.run("search", "no-such-model-anywhere");

		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly("Found: 0 models");
	}

	@Test
	void providerListsTheModelsOfOneProviderInAnySpelling() {
		long anthropic = CATALOG.all().stream().filter((model) -> model.provider().equals("anthropic")).count();
		for (String spelling : List.of("anthropic", "Anthropic", "us.anthropic")) {
			Cli.Result result = this.inference.run("provider", spelling);

			assertThat(result.exitCode()).isZero();
			assertThat(result.lines()).hasSize((int) anthropic + 1)
				.contains("1. " + firstOf("anthropic") + " -> direct")
				.last()
				.isEqualTo("Total: " + anthropic + " models");
		}
	}

	@Test
	void anUnknownProviderNamesTheKnownOnes() {
		Cli.Result result = this.inference.run("provider", "acme");

		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).containsExactly("Total: 0 models");
		assertThat(result.err()).contains("No models of provider 'acme'", "amazon", "anthropic");
	}

	@Test
	void regionListsTheModelsUsableThere() {
		List<ModelInfo> expected = CATALOG.byRegion("eu-west-1");
		Cli.Result result = this.inference.run("region", "eu-west-1");

		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).hasSize(expected.size() + 1)
			.startsWith("1. " + expected.get(0).modelId() + " -> direct")
			.contains("Total: " + expected.size() + " models");
	}

	@Test
	void listAsJson() {
		Cli.Result result = this.inference.run("--json", "list");

		assertThat(result.exitCode()).isZero();
		JsonNode json = result.json();
		assertThat(json.get("file").asString()).isEqualTo(this.inference.shown());
		assertThat(json.get("total").asInt()).isEqualTo(CATALOG.size());
		assertThat(json.get("models").size()).isEqualTo(CATALOG.size());
		JsonNode novaPro = model(json, "amazon.nova-pro-v1:0");
		assertThat(novaPro.get("target").asString()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(novaPro.get("kind").asString()).isEqualTo("SYSTEM_PROFILE");
		assertThat(novaPro.get("origin").asString()).isEqualTo("FILE");
		assertThat(novaPro.get("source").asString()).isEqualTo(this.inference.shown() + ":2");
		assertThat(novaPro.get("displayName").asString()).isEqualTo("Nova Pro");
		JsonNode sonnet = model(json, SONNET_4);
		assertThat(sonnet.get("target").asString()).isEqualTo(SONNET_4);
		assertThat(sonnet.get("kind").asString()).isEqualTo("DIRECT");
		assertThat(sonnet.get("origin").asString()).isEqualTo("CATALOG");
	}

	@Test
	void searchProviderAndRegionAsJson() {
		JsonNode search = this.inference.run("search", "nova", "--json").json();
		assertThat(search.get("filter").get("command").asString()).isEqualTo("search");
		assertThat(search.get("filter").get("text").asString()).isEqualTo("nova");
		assertThat(search.get("total").asInt()).isEqualTo(search.get("models").size()).isPositive();

		JsonNode provider = this.inference.run("provider", "meta", "--json").json();
		assertThat(provider.get("filter").get("provider").asString()).isEqualTo("meta");
		assertThat(provider.get("models")).allMatch((model) -> model.get("modelId").asString().startsWith("meta."));

		JsonNode region = this.inference.run("region", "us-east-1", "--json", "--region", "us-east-1").json();
		assertThat(region.get("region").asString()).isEqualTo("us-east-1");
		assertThat(region.get("total").asInt()).isEqualTo(CATALOG.byRegion("us-east-1").size());
		JsonNode sonnet = model(region, SONNET_4);
		assertThat(sonnet.get("origin").asString()).isEqualTo("DERIVED");
		assertThat(sonnet.get("target").asString()).isEqualTo("us." + SONNET_4);
	}

	@Test
	void brokenLinesAreReportedOnStderrAndTheRestIsListed() throws IOException {
		Files.writeString(this.inference.path(), "not a binding\n", java.nio.file.StandardOpenOption.APPEND);

		Cli.Result result = this.inference.run("search", "nova-pro-v1:0");

		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).first().isEqualTo("1. amazon.nova-pro-v1:0 -> us.amazon.nova-pro-v1:0");
		assertThat(result.err()).contains("1 broken line",
				"ignored here; to see them, run: inference-config validate --file " + this.inference.path());
	}

	@Test
	void brokenLinesAreReportedOnceNotAgainByTheLog() throws IOException {
		Files.writeString(this.inference.path(), "not a binding\n", java.nio.file.StandardOpenOption.APPEND);
		StringBuilder log = new StringBuilder();

		Cli.Result search = SystemErr.capture(() -> this.inference.run("search", "nova-pro-v1:0"), log);
		Cli.Result validate = SystemErr.capture(() -> this.inference.run("validate"), log);

		assertThat(search.err()).contains("1 broken line");
		assertThat(validate.out()).contains(": error: no '=' in 'not a binding'");
		assertThat(log).as("what the log printed besides the command").isEmpty();
	}

	@Test
	void aMissingFileMeansEveryModelIsDirect() {
		Cli.Result result = Cli.run("search", "nova-pro-v1:0", "--file",
				this.inference.folder().resolve("absent.txt").toString());

		assertThat(result.exitCode()).isZero();
		assertThat(result.lines()).first().isEqualTo("1. amazon.nova-pro-v1:0 -> direct");
		assertThat(this.inference.folder().resolve("absent.txt")).doesNotExist();
	}

	private static String lineOf(String modelId) {
		List<ModelInfo> models = CATALOG.all();
		for (int i = 0; i < models.size(); i++) {
			if (models.get(i).modelId().equals(modelId)) {
				return (i + 1) + ". " + modelId;
			}
		}
		throw new IllegalArgumentException(modelId);
	}

	private static String firstOf(String provider) {
		return CATALOG.all()
			.stream()
			.filter((model) -> model.provider().equals(provider))
			.findFirst()
			.orElseThrow()
			.modelId();
	}

	private static JsonNode model(JsonNode listing, String modelId) {
		for (JsonNode model : listing.get("models")) {
			if (model.get("modelId").asString().equals(modelId)) {
				return model;
			}
		}
		throw new AssertionError(modelId + " not in " + listing);
	}

}
