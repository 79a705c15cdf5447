package io.bedrockbinding.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.emulator.Fault;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.file.InferenceFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * discover against LocalBedrock, with the real SDK client the CLI builds. The SDK's
 * default credential chain reads the emulator's keys from system properties.
 */
class DiscoverCommandTests {

	private static final String HAIKU_4_5 = "anthropic.claude-haiku-4-5-20251001-v1:0";

	private static final String[] CREDENTIAL_PROPERTIES = { "aws.accessKeyId", "aws.secretAccessKey",
			"aws.sharedCredentialsFile", "aws.configFile" };

	private static final Map<String, String> saved = new HashMap<>();

	@RegisterExtension
	static LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final InferenceFileFixture inference = new InferenceFileFixture("# discovered\n");

	@BeforeAll
	static void credentials() {
		for (String property : CREDENTIAL_PROPERTIES) {
			saved.put(property, System.getProperty(property));
		}
		System.setProperty("aws.accessKeyId", LocalBedrockClients.ACCESS_KEY_ID);
		System.setProperty("aws.secretAccessKey", LocalBedrockClients.SECRET_ACCESS_KEY);
	}

	@AfterAll
	static void restoreCredentials() {
		saved.forEach((property, value) -> {
			if (value != null) {
				System.setProperty(property, value);
			}
			else {
				System.clearProperty(property);
			}
		});
	}

	@Test
	void discoverListsTheProfilesAndTheBindingsTheySuggest() {
		String arn = bedrock.createApplicationProfile("chat-prod", "amazon.nova-pro-v1:0", "us-east-1");

		Cli.Result result = discover("--region", "us-east-1");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines().get(0)).matches("Inference profiles in us-east-1: \\d+ \\(\\d+ foundation models\\)");
		assertThat(result.lines())
			.contains("  us." + HAIKU_4_5 + " [SYSTEM_DEFINED, ACTIVE] -> " + HAIKU_4_5,
					"  " + arn + " 'chat-prod' [APPLICATION, ACTIVE] -> amazon.nova-pro-v1:0")
			.anyMatch((line) -> line.matches("\\d+\\. " + HAIKU_4_5.replace(".", "\\.") + " -> us\\."
					+ HAIKU_4_5.replace(".", "\\.") + "   # needs an inference profile in us-east-1.*"))
			.anyMatch((line) -> line.matches("\\d+\\. amazon\\.nova-pro-v1:0 -> " + arn.replace(".", "\\.")
					+ "   # application inference profile 'chat-prod' contains it"))
			.contains("Run again with --write to bind them in " + this.inference.shown() + ".");
		assertThat(result.out()).doesNotContain("Written:");
	}

	@Test
	void discoverListsThePromptRouters() {
		String arn = bedrock.promptRouters()
			.create("chat-router", "us-east-1", "amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0",
					"amazon.nova-pro-v1:0");

		Cli.Result result = discover("--region", "us-east-1");
		Cli.Result json = discover("--region", "us-east-1", "--json");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines()).containsSubsequence(
				"Prompt routers in us-east-1: 1 (bind a model to one with: bind MODEL ARN)",
				"  " + arn + " 'chat-router' [custom, AVAILABLE] -> amazon.nova-lite-v1:0, amazon.nova-pro-v1:0");
		JsonNode router = json.json().get("promptRouters").get(0);
		assertThat(router.get("arn").asString()).isEqualTo(arn);
		assertThat(router.get("fallbackModelArn").asString())
			.isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0");
	}

	@Test
	void discoverWithoutListPromptRoutersStillSuggestsAndSaysWhatItCouldNotList() {
		String arn = bedrock.createApplicationProfile("chat-prod", "amazon.nova-pro-v1:0", "us-east-1");
		// a policy without bedrock:ListPromptRouters: the routers are only listed, never
		// suggested, so the rest of the discovery stands
		bedrock.faults().failNext("ListPromptRouters", 2, Fault.ACCESS_DENIED);

		Cli.Result result = discover("--region", "us-east-1");
		Cli.Result json = discover("--region", "us-east-1", "--json");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines()).noneMatch((line) -> line.startsWith("Prompt routers"))
			.anyMatch((line) -> line.endsWith(
					". amazon.nova-pro-v1:0 -> " + arn + "   # application inference profile 'chat-prod' contains it"));
		assertThat(result.err())
			.startsWith("warning: prompt routers in us-east-1 not listed, the account refused ListPromptRouters "
					+ "(allow bedrock:ListPromptRouters to list them): ")
			.contains("You don't have access");
		assertThat(json.exitCode()).as(json.toString()).isZero();
		assertThat(json.json().get("warnings").get(0).asString())
			.startsWith("prompt routers in us-east-1 not listed, the account refused ListPromptRouters");
		assertThat(json.json().get("suggestions").findValuesAsString("target")).contains(arn);
	}

	@Test
	void discoverWithoutGetInferenceProfileTakesTheModelsTheListGives() {
		String arn = bedrock.createApplicationProfile("chat-prod", "amazon.nova-pro-v1:0", "us-east-1");
		bedrock.faults().failNext("GetInferenceProfile", 1, Fault.ACCESS_DENIED);

		Cli.Result result = discover("--region", "us-east-1");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines()).contains("  " + arn + " 'chat-prod' [APPLICATION, ACTIVE] -> amazon.nova-pro-v1:0")
			.anyMatch((line) -> line.endsWith(
					". amazon.nova-pro-v1:0 -> " + arn + "   # application inference profile 'chat-prod' contains it"));
		assertThat(result.err()).startsWith("warning: the account refused GetInferenceProfile of " + arn
				+ " (allow bedrock:GetInferenceProfile): its models are those ListInferenceProfiles gives: ");
	}

	@Test
	void discoverAsJson() {
		String arn = bedrock.createApplicationProfile("chat-prod", "amazon.nova-pro-v1:0", "us-east-1");

		Cli.Result result = discover("--region", "us-east-1", "--json");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		JsonNode json = result.json();
		assertThat(json.get("region").asString()).isEqualTo("us-east-1");
		assertThat(json.get("foundationModels").asInt()).isPositive();
		assertThat(json.get("file").isNull()).isTrue();
		assertThat(json.get("written")).isEmpty();
		JsonNode application = null;
		for (JsonNode profile : json.get("profiles")) {
			if (profile.get("type").asString().equals("APPLICATION")) {
				application = profile;
			}
		}
		assertThat(application).isNotNull();
		assertThat(application.get("arn").asString()).isEqualTo(arn);
		assertThat(application.get("name").asString()).isEqualTo("chat-prod");
		assertThat(application.get("modelArns").get(0).asString()).endsWith(":foundation-model/amazon.nova-pro-v1:0");
		assertThat(json.get("suggestions")).anySatisfy((suggestion) -> {
			assertThat(suggestion.get("modelId").asString()).isEqualTo("amazon.nova-pro-v1:0");
			assertThat(suggestion.get("target").asString()).isEqualTo(arn);
			assertThat(suggestion.get("reason").asString()).contains("chat-prod");
		});
	}

	@Test
	void writeBindsTheSuggestionsAndKeepsTheFile() throws IOException {
		String arn = bedrock.createApplicationProfile("chat-prod", "amazon.nova-pro-v1:0", "us-east-1");

		Cli.Result result = discover("--region", "us-east-1", "--write");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		String path = this.inference.shown();
		assertThat(result.lines()).contains("amazon.nova-pro-v1:0: direct -> " + arn + " (" + path + ")",
				HAIKU_4_5 + ": direct -> us." + HAIKU_4_5 + " (" + path + ")");
		String written = Files.readString(this.inference.path());
		assertThat(written).startsWith("# discovered\n")
			.contains("\namazon.nova-pro-v1:0=" + arn + "\n", "\n" + HAIKU_4_5 + "=us." + HAIKU_4_5 + "\n");
		int suggestions = (int) written.lines().filter((line) -> line.contains("=")).count();
		assertThat(result.lines()).last()
			.isEqualTo("Written: " + suggestions + " of " + suggestions + " suggestions to " + path
					+ " (0 unchanged, 0 kept)");
		Cli.Result again = discover("--region", "us-east-1", "--write");
		assertThat(again.lines()).last()
			.isEqualTo("Written: 0 of " + suggestions + " suggestions to " + path + " (" + suggestions
					+ " unchanged, 0 kept)");
		assertThat(again.out()).doesNotContain(": unchanged, already");
		assertThat(Files.readString(this.inference.path())).isEqualTo(written);
		Cli.Result validate = this.inference.run("validate", "--region", "us-east-1");
		assertThat(validate.exitCode()).as(validate.toString()).isZero();
		// discover suggests profiles for LEGACY models too (Claude Sonnet 4.5, Opus 4.1,
		// ...): warnings, each with the fix to its successor where AWS names one, and no
		// errors
		List<String> lines = validate.lines();
		long warnings = lines.stream().filter((line) -> line.contains(": warning: ")).count();
		assertThat(lines.subList(0, lines.size() - 1)).isNotEmpty()
			.allMatch((line) -> (line.contains(": warning: ") && line.contains(" is LEGACY"))
					|| line.startsWith("  fix: inference-config bind "));
		assertThat(lines).contains("  fix: inference-config bind anthropic.claude-3-5-sonnet-20241022-v2:0 "
				+ "us.anthropic.claude-sonnet-4-5-20250929-v1:0 --file " + this.inference.path());
		assertThat(lines).last()
			.isEqualTo(path + ": " + suggestions + ((suggestions == 1) ? " binding" : " bindings") + ", 0 errors, "
					+ warnings + ((warnings == 1) ? " warning" : " warnings"));
	}

	@Test
	void writeReportsTheBrokenLinesLeftAsBindDoes() throws IOException {
		String arn = bedrock.createApplicationProfile("chat-prod", "amazon.nova-pro-v1:0", "us-east-1");
		Files.writeString(this.inference.path(), "# mine\nnot a binding\namazon.nova-pro-v1:0=us.amazon.nova pro\n");

		Cli.Result result = discover("--region", "us-east-1", "--write");
		Cli.Result json = discover("--region", "us-east-1", "--write", "--json");

		// the broken line of a suggested model is the user's: kept, and the command fails
		// on it, as bind does on a broken line of the model it binds
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.lines()).contains(
				"amazon.nova-pro-v1:0: kept us.amazon.nova pro (bound in the file already; --overwrite replaces it)");
		assertThat(Files.readString(this.inference.path())).contains("\namazon.nova-pro-v1:0=us.amazon.nova pro\n")
			.doesNotContain(arn);
		String path = this.inference.shown();
		assertThat(result.err().lines().filter((line) -> line.startsWith("warning: " + path + ":"))).satisfiesExactly(
				(line) -> assertThat(line).startsWith("warning: " + path + ":3: error: ")
					.endsWith(" (fix or delete this line: it names amazon.nova-pro-v1:0 too)"),
				(line) -> assertThat(line).startsWith("warning: " + path + ":2: error: no '=' in 'not a binding'")
					.endsWith(" (skipped by applications, which apply every other line)"));
		assertThat(json.exitCode()).as(json.toString()).isEqualTo(1);
		assertThat(json.json().get("warnings")).hasSize(2);
		assertThat(json.json().get("warnings").get(0).asString()).startsWith(path + ":3: error: ")
			.endsWith(" (fix or delete this line: it names amazon.nova-pro-v1:0 too)");
	}

	@Test
	void writeKeepsWhatTheFileBindsUnlessOverwrite() throws IOException {
		Files.writeString(this.inference.path(), "# mine\n" + HAIKU_4_5 + "=global." + HAIKU_4_5 + "\n");

		Cli.Result kept = discover("--region", "us-east-1", "--write");

		assertThat(kept.exitCode()).as(kept.toString()).isZero();
		assertThat(kept.lines()).contains(
				HAIKU_4_5 + ": kept global." + HAIKU_4_5 + " (bound in the file already; --overwrite replaces it)");
		assertThat(Files.readString(this.inference.path()))
			.startsWith("# mine\n" + HAIKU_4_5 + "=global." + HAIKU_4_5 + "\n");
		assertThat(kept.lines()).last().asString().endsWith(" unchanged, 1 kept)");

		Cli.Result overwritten = discover("--region", "us-east-1", "--write", "--overwrite");

		assertThat(overwritten.lines()).contains(
				HAIKU_4_5 + ": global." + HAIKU_4_5 + " -> us." + HAIKU_4_5 + " (" + this.inference.shown() + ")");
		assertThat(Files.readString(this.inference.path()))
			.startsWith("# mine\n" + HAIKU_4_5 + "=us." + HAIKU_4_5 + "\n");
	}

	@Test
	void overwriteWithoutWriteIsAUsageErrorThatAsksNothing() throws IOException {
		Files.writeString(this.inference.path(), HAIKU_4_5 + "=global." + HAIKU_4_5 + "\n");

		Cli.Result result = discover("--region", "us-east-1", "--overwrite");

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).contains("--overwrite replaces bindings only with --write");
		assertThat(result.out()).isEmpty();
		assertThat(Files.readString(this.inference.path())).isEqualTo(HAIKU_4_5 + "=global." + HAIKU_4_5 + "\n");
	}

	@Test
	void theRegionDecidesTheProfiles() {
		Cli.Result result = discover("--region", "eu-west-1");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.lines().get(0)).startsWith("Inference profiles in eu-west-1: ");
		assertThat(result.lines())
			.anyMatch((line) -> line.matches("\\d+\\. " + HAIKU_4_5.replace(".", "\\.") + " -> eu\\..*"));
	}

	@Test
	void credentialsOfANamedProfile() throws IOException {
		Path credentials = this.inference.folder().resolve("credentials");
		Files.writeString(credentials, "[local]\naws_access_key_id = " + LocalBedrockClients.ACCESS_KEY_ID
				+ "\naws_secret_access_key = " + LocalBedrockClients.SECRET_ACCESS_KEY + "\n");
		Path config = this.inference.folder().resolve("config");
		Files.writeString(config, "[profile local]\nregion = eu-central-1\n");
		System.setProperty("aws.sharedCredentialsFile", credentials.toString());
		System.setProperty("aws.configFile", config.toString());
		try {
			Cli.Result result = discover("--profile", "local");

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.lines().get(0))
				.startsWith("Inference profiles in " + regionOfProfile("eu-central-1") + ": ");

			Cli.Result missing = discover("--profile", "nobody", "--region", "us-east-1");

			assertThat(missing.exitCode()).isEqualTo(1);
			assertThat(missing.out()).isEmpty();
			assertThat(missing.err()).startsWith("error: discovery in us-east-1 failed: ").contains("nobody");
		}
		finally {
			System.clearProperty("aws.sharedCredentialsFile");
			System.clearProperty("aws.configFile");
		}
	}

	@Test
	void anUnreachableEndpointFailsWithExit1() throws IOException {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1,
				java.net.InetAddress.getLoopbackAddress())) {
			port = socket.getLocalPort();
		}
		byte[] before = Files.readAllBytes(this.inference.path());

		Cli.Result result = this.inference.run("discover", "--write", "--region", "us-east-1", "--endpoint-url",
				"http://127.0.0.1:" + port);

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.out()).isEmpty();
		assertThat(result.err()).startsWith("error: discovery in us-east-1 failed: ");
		assertThat(Files.readAllBytes(this.inference.path())).isEqualTo(before);
	}

	@Test
	@Timeout(value = 60, unit = TimeUnit.SECONDS)
	void anEndpointThatRepeatsAPageTokenFailsWithExit1NamingTheOperationAndTheToken() throws IOException {
		// a proxy or emulator that answers the same nextToken again: the SDK's paginator
		// would ask for the next page forever
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/", (exchange) -> {
			exchange.getRequestBody().readAllBytes();
			byte[] body = (exchange.getRequestURI().getPath().equals("/inference-profiles")
					? "{\"inferenceProfileSummaries\":[],\"nextToken\":\"page-2\"}" : "{}")
				.getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
		byte[] before = Files.readAllBytes(this.inference.path());
		try {
			Cli.Result result = this.inference.run("discover", "--write", "--region", "us-east-1", "--endpoint-url",
					"http://127.0.0.1:" + server.getAddress().getPort());

			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.out()).isEmpty();
			assertThat(result.err()).startsWith("error: discovery in us-east-1 failed: ListInferenceProfiles answered "
					+ "nextToken 'page-2' on page 2 as on page 1: ");
			assertThat(Files.readAllBytes(this.inference.path())).isEqualTo(before);
		}
		finally {
			server.stop(0);
		}
	}

	/**
	 * The region the SDK's chain finds: the environment and system properties come before
	 * the profile.
	 */
	private static String regionOfProfile(String profileRegion) {
		String environment = System.getenv("AWS_REGION");
		String property = System.getProperty("aws.region");
		return (environment != null) ? environment : (property != null) ? property : profileRegion;
	}

	@Test
	void oneSuggestionAndOneModelAreCountedInTheSingular() throws IOException {
		ModelCatalog builtIn = ModelCatalog.builtIn();
		ModelCatalog haiku = new ModelCatalog(List.of(builtIn.find(HAIKU_4_5).orElseThrow()), builtIn.geographies(),
				builtIn.sources());
		try (LocalBedrock one = LocalBedrock.builder().catalog(haiku).build().start()) {
			String endpoint = one.endpoint().toString();

			Cli.Result discovered = this.inference.run("discover", "--endpoint-url", endpoint, "--region", "us-east-1",
					"--write");
			// refresh-catalog keeps the models of the catalog it starts from
			Path in = this.inference.folder().resolve("haiku.json");
			try (var stream = Files.newOutputStream(in)) {
				haiku.write(stream);
			}
			Path out = this.inference.folder().resolve("one.json");
			Cli.Result refreshed = Cli.run("--catalog", in.toString(), "refresh-catalog", "--endpoint-url", endpoint,
					"--regions", "us-east-1", "--out", out.toString());

			assertThat(discovered.exitCode()).as(discovered.toString()).isZero();
			assertThat(discovered.lines()).last()
				.isEqualTo("Written: 1 of 1 suggestion to " + this.inference.shown() + " (0 unchanged, 0 kept)");
			assertThat(refreshed.exitCode()).as(refreshed.toString()).isZero();
			assertThat(refreshed.lines()).containsExactly("Wrote 1 model (asked us-east-1) to " + out.toAbsolutePath());
		}
	}

	@Test
	void refreshCatalogWritesTheAccountsCatalog() throws IOException {
		Path out = this.inference.folder().resolve("catalog.json");

		Cli.Result result = Cli.run("refresh-catalog", "--endpoint-url", bedrock.endpoint().toString(), "--regions",
				"us-east-1,eu-west-1", "--out", out.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		ModelCatalog catalog = readCatalog(out);
		assertThat(result.lines()).containsExactly(
				"Wrote " + catalog.size() + " models (asked us-east-1, eu-west-1) to " + out.toAbsolutePath());
		io.bedrockbinding.catalog.ModelInfo novaPro = catalog.find("amazon.nova-pro-v1:0").orElseThrow();
		assertThat(novaPro.onDemandRegions()).contains("us-east-1").doesNotContain("eu-west-1");
		assertThat(novaPro.profileOnlyRegions()).contains("eu-west-1");
		assertThat(novaPro.geoPrefixes()).contains("us", "eu");
	}

	@Test
	void refreshCatalogAsJsonNamesTheFileTheRegionsAndTheCountInThatOrder() throws IOException {
		Path out = this.inference.folder().resolve("catalog.json");

		Cli.Result result = Cli.run("refresh-catalog", "--endpoint-url", bedrock.endpoint().toString(), "--regions",
				"us-east-1,eu-west-1", "--out", out.toString(), "--json");

		assertThat(result.exitCode()).as(result.toString()).isZero();
		int models = readCatalog(out).size();
		assertThat(result.out().replaceAll("\\s+", ""))
			.isEqualTo("{\"out\":\"" + out.toAbsolutePath().toString().replace("\\", "\\\\")
					+ "\",\"regions\":[\"us-east-1\",\"eu-west-1\"],\"models\":" + models + "}");
	}

	@Test
	void refreshCatalogAsksTheRegionsAsTheRegionOptionReadsThem() throws IOException {
		Path out = this.inference.folder().resolve("catalog.json");

		Cli.Result result = Cli.run("refresh-catalog", "--endpoint-url", bedrock.endpoint().toString(), "--regions",
				"us-east-1, EU-WEST-1", "--out", out.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).contains("(asked us-east-1, eu-west-1)");
		ModelCatalog catalog = readCatalog(out);
		assertThat(catalog.all()).allSatisfy((model) -> assertThat(model.regions())
			.allMatch((region) -> region.matches("[a-z0-9-]+"), "a region as AWS spells it"));
	}

	@Test
	void refreshCatalogRefusesARegionThatIsNone() {
		Path out = this.inference.folder().resolve("catalog.json");

		Cli.Result result = Cli.run("refresh-catalog", "--endpoint-url", bedrock.endpoint().toString(), "--regions",
				"us-east-1,us east 1", "--out", out.toString());

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(2);
		assertThat(result.err()).startsWith(
				"Invalid value for option '--regions' (REGION): 'us east 1' is not a region " + "(e.g. us-east-1)\n");
		assertThat(out).doesNotExist();
		assertThat(bedrock.journal()).isEmpty();
	}

	@Test
	void refreshCatalogKeepsThePermissionsOfTheFileItReplaces() throws IOException {
		Path out = this.inference.folder().resolve("catalog.json");
		Files.writeString(out, "{}");
		java.util.Set<java.nio.file.attribute.PosixFilePermission> shared = java.nio.file.attribute.PosixFilePermissions
			.fromString("rw-r--r--");
		Files.setPosixFilePermissions(out, shared);
		Path created = this.inference.folder().resolve("new-catalog.json");
		Path plain = Files.createFile(this.inference.folder().resolve("plain"));

		Cli.Result replaced = Cli.run("refresh-catalog", "--endpoint-url", bedrock.endpoint().toString(), "--regions",
				"us-east-1", "--out", out.toString());
		Cli.Result fresh = Cli.run("refresh-catalog", "--endpoint-url", bedrock.endpoint().toString(), "--regions",
				"us-east-1", "--out", created.toString());

		assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
		assertThat(fresh.exitCode()).as(fresh.toString()).isZero();
		assertThat(Files.getPosixFilePermissions(out)).isEqualTo(shared);
		// a new catalog is made as any new file is (the umask decides), not owner-only
		assertThat(Files.getPosixFilePermissions(created)).isEqualTo(Files.getPosixFilePermissions(plain));
	}

	@Test
	void refreshCatalogThroughASymlinkKeepsTheLinkAndWritesItsTarget() throws IOException {
		Path real = Files.createDirectory(this.inference.folder().resolve("real")).resolve("catalog.json");
		Files.writeString(real, "{}");
		Files.setPosixFilePermissions(real, PosixFilePermissions.fromString("rw-r--r--"));
		Path link = Files.createSymbolicLink(this.inference.folder().resolve("catalog.json"),
				Path.of("real", "catalog.json"));

		Cli.Result result = refreshCatalog(link);

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(result.out()).endsWith(" to " + link + "\n");
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("real", "catalog.json"));
		assertThat(readCatalog(real).find("amazon.nova-pro-v1:0")).isPresent();
		assertThat(Files.getPosixFilePermissions(real)).isEqualTo(PosixFilePermissions.fromString("rw-r--r--"));
		assertThat(fileNames(real.getParent())).containsExactly("catalog.json");
	}

	@Test
	void refreshCatalogRefusesADanglingSymlinkAndLeavesItALink() throws IOException {
		Path link = Files.createSymbolicLink(this.inference.folder().resolve("catalog.json"),
				Path.of("gone", "catalog.json"));

		Cli.Result result = refreshCatalog(link);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).startsWith("error: Cannot write " + link + ": it is a symbolic link to "
				+ Path.of("gone", "catalog.json") + ", which does not exist");
		assertThat(Files.isSymbolicLink(link)).isTrue();
		assertThat(this.inference.folder().resolve("gone")).doesNotExist();
	}

	@Test
	void refreshCatalogRefusesAReadOnlyCatalogEvenForRootNamingTheFileAndTheFix() throws IOException {
		Path out = Files.writeString(this.inference.folder().resolve("catalog.json"), "{}");
		Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("r--r--r--"));

		Cli.Result result = refreshCatalog(out);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).isEqualTo("error: Cannot write " + out
				+ ": the file is read-only (mode r--r--r--); make it writable (e.g. chmod u+w " + out + ")\n");
		assertThat(out).hasContent("{}");
		assertThat(fileNames(this.inference.folder())).containsExactlyInAnyOrder("catalog.json", "inference.txt");
	}

	@Test
	void refreshCatalogRunByRootKeepsTheOwnerAndGroupOfTheCatalog() throws IOException {
		Path out = Files.writeString(this.inference.folder().resolve("catalog.json"), "{}");
		UserPrincipalLookupService lookup = out.getFileSystem().getUserPrincipalLookupService();
		// numeric IDs, which need no entry in the user database
		UserPrincipal user = lookup.lookupPrincipalByName("4242");
		GroupPrincipal group = lookup.lookupPrincipalByGroupName("4243");
		PosixFileAttributeView view = Files.getFileAttributeView(out, PosixFileAttributeView.class);
		try {
			view.setOwner(user);
			view.setGroup(group);
		}
		catch (FileSystemException ex) {
			assumeTrue(false, "only root may give a file to another user");
		}

		Cli.Result result = refreshCatalog(out);

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(view.readAttributes().owner()).isEqualTo(user);
		assertThat(view.readAttributes().group()).isEqualTo(group);
	}

	@Test
	void refreshCatalogRefusesADirectoryAtOutNamingTheFix() throws IOException {
		Path out = Files.createDirectory(this.inference.folder().resolve("catalog.json"));

		Cli.Result result = refreshCatalog(out);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err())
			.isEqualTo("error: Cannot write " + out + ": is a directory, not a file: point the location at a file\n");
		assertThat(out).isEmptyDirectory();
		assertThat(fileNames(this.inference.folder())).containsExactlyInAnyOrder("catalog.json", "inference.txt");
	}

	@Test
	void refreshCatalogIntoAFolderThatCannotBeCreatedNamesTheFolder() throws IOException {
		Path notAFolder = Files.writeString(this.inference.folder().resolve("plain"), "a file");
		Path out = notAFolder.resolve("catalog.json");

		Cli.Result result = refreshCatalog(out);

		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.err()).startsWith("error: Cannot write " + out + ": its folder " + notAFolder
				+ " cannot be created (FileAlreadyExistsException");
		assertThat(notAFolder).hasContent("a file");
	}

	@Test
	void refreshCatalogIntoAReadOnlyFolderNamesTheFolderAndTheFix() throws IOException {
		Path folder = Files.createDirectory(this.inference.folder().resolve("read-only"));
		Path out = Files.writeString(folder.resolve("catalog.json"), "{}");
		Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("r-x------"));
		try {
			assumeTrue(!Files.isWritable(folder), "running as root: a read-only folder is still writable");

			Cli.Result result = refreshCatalog(out);

			assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
			assertThat(result.err()).isEqualTo("error: Cannot write " + out + ": the folder " + folder
					+ " is not writable (the file is replaced through a temp file beside it): give the user write "
					+ "access to the folder\n");
			assertThat(out).hasContent("{}");
		}
		finally {
			Files.setPosixFilePermissions(folder, PosixFilePermissions.fromString("rwx------"));
		}
	}

	@Test
	void refreshCatalogLeavesNothingBesideTheCatalog() throws IOException {
		// no lock file: a catalog is written whole, never read, modified and written
		// back,
		// and a '.catalog.json.lock' in src/main/resources would be packaged and
		// committed
		Path out = this.inference.folder().resolve("catalog.json");

		Cli.Result created = refreshCatalog(out);
		Cli.Result replaced = refreshCatalog(out);

		assertThat(created.exitCode()).as(created.toString()).isZero();
		assertThat(replaced.exitCode()).as(replaced.toString()).isZero();
		assertThat(fileNames(this.inference.folder())).containsExactlyInAnyOrder("catalog.json", "inference.txt");
	}

	@Test
	void refreshCatalogReadsALeadingTildeInOutAsTheHomeFolder() throws IOException {
		String folderName = "bedrock-binding-tests-" + java.util.UUID.randomUUID();
		Path home = InferenceFile.defaultLocation().getParent().getParent();
		Path expected = home.resolve(folderName).resolve("catalog.json");
		try {
			Cli.Result result = Cli.run("refresh-catalog", "--endpoint-url", bedrock.endpoint().toString(), "--regions",
					"us-east-1", "--out=~/" + folderName + "/catalog.json");

			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(result.out()).endsWith(" to " + expected + "\n");
			assertThat(expected).isRegularFile();
			assertThat(Path.of("~", folderName)).doesNotExist();
		}
		finally {
			Files.deleteIfExists(expected);
			Files.deleteIfExists(expected.getParent());
			// what a run that took '~' for a folder name would leave in the working
			// folder
			Files.deleteIfExists(Path.of("~", folderName, "catalog.json"));
			Files.deleteIfExists(Path.of("~", folderName));
		}
	}

	@Test
	void refreshCatalogAsksOnlyWhatItSaysItAsks() {
		bedrock.createApplicationProfile("chat-prod", "amazon.nova-pro-v1:0", "us-east-1");
		bedrock.promptRouters()
			.create("chat-router", "us-east-1", "amazon.nova-lite-v1:0", "amazon.nova-lite-v1:0",
					"amazon.nova-pro-v1:0");
		// a policy that allows what the help names, and not bedrock:ListPromptRouters
		bedrock.faults().failNext("ListPromptRouters", 10, Fault.ACCESS_DENIED);
		Path out = this.inference.folder().resolve("catalog.json");

		Cli.Result result = Cli.run("refresh-catalog", "--endpoint-url", bedrock.endpoint().toString(), "--regions",
				"us-east-1", "--out", out.toString());

		assertThat(result.exitCode()).as(result.toString()).isZero();
		assertThat(bedrock.journal()).extracting(JournalEntry::api)
			.containsOnly("ListFoundationModels", "ListInferenceProfiles");
		assertThat(bedrock.journal()).filteredOn((entry) -> entry.api().equals("ListInferenceProfiles"))
			.allSatisfy((entry) -> assertThat(entry.body()).doesNotContain("APPLICATION"));
	}

	@Test
	void refreshCatalogThatCannotReachTheAccountWritesNothing() {
		Path out = this.inference.folder().resolve("catalog.json");

		Cli.Result result = Cli.run("refresh-catalog", "--endpoint-url", "http://127.0.0.1:1", "--regions", "us-east-1",
				"--out", out.toString());

		assertThat(result.exitCode()).isEqualTo(1);
		assertThat(result.err()).contains("refreshing the catalog from [us-east-1] failed");
		assertThat(out).doesNotExist();
	}

	private static Cli.Result refreshCatalog(Path out) {
		return Cli.run("refresh-catalog", "--endpoint-url", bedrock.endpoint().toString(), "--regions", "us-east-1",
				"--out", out.toString());
	}

	private static List<String> fileNames(Path folder) throws IOException {
		try (java.util.stream.Stream<Path> files = Files.list(folder)) {
			return files.map((file) -> file.getFileName().toString()).toList();
		}
	}

	private static ModelCatalog readCatalog(Path file) throws IOException {
		try (InputStream json = Files.newInputStream(file)) {
			return ModelCatalog.read(json);
		}
	}

	private Cli.Result discover(String... args) {
		String[] all = new String[args.length + 3];
		all[0] = "discover";
		all[1] = "--endpoint-url";
		all[2] = bedrock.endpoint().toString();
		System.arraycopy(args, 0, all, 3, args.length);
		return this.inference.run(all);
	}

}
