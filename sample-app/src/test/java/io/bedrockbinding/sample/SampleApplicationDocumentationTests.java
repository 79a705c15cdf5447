package io.bedrockbinding.sample;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * What the README and the docs show of the sample app is what it answers: the chat reply
 * and the {@code /actuator/bedrockbindings/{model}} answer of the README, the endpoint,
 * health and profile answers of {@code docs/actuator.md} and the failure analysis of
 * {@code docs/configuration.md}. The pages write the checkout folder as {@code …}, so the
 * module's parent folder is replaced by it before comparing.
 */
class SampleApplicationDocumentationTests {

	private static final JsonMapper json = JsonMapper.builder().build();

	private static final Path MODULE = Path.of("").toAbsolutePath();

	private static final Path ROOT = MODULE.getParent();

	/**
	 * The fenced block that follows a line of a page.
	 * @param page the page, relative to the repository root
	 * @param line a line before the block
	 * @return the block's lines
	 * @throws IOException if the page cannot be read
	 */
	List<String> blockAfter(String page, String line) throws IOException {
		List<String> lines = Files.readAllLines(ROOT.resolve(page));
		int at = lines.indexOf(line);
		assertThat(at).as("'%s' in %s", line, page).isNotNegative();
		int start = lines.subList(at, lines.size()).indexOf("```") + at + 1;
		int end = lines.subList(start, lines.size()).indexOf("```") + start;
		return lines.subList(start, end);
	}

	/**
	 * The output a page shows below a command of a block, up to the next command.
	 * @param block the lines of the block
	 * @param command the command line, with its {@code $ } prompt
	 * @return the lines it printed, joined
	 */
	String outputOf(List<String> block, String command) {
		int at = block.indexOf(command);
		assertThat(at).as("'%s' in %s", command, block).isNotNegative();
		List<String> output = new ArrayList<>();
		for (int i = at + 1; i < block.size() && !block.get(i).startsWith("$ "); i++) {
			output.add(block.get(i));
		}
		return String.join("\n", output).strip();
	}

	private String asDocumented(String text) {
		return text.replace(ROOT + "/", "…/");
	}

	@Nested
	@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
			properties = "bedrock.binding.inference-file.watch=false")
	class Running {

		private final HttpClient http = HttpClient.newHttpClient();

		@LocalServerPort
		private int port;

		@Test
		void theChatReplyIsTheOneOfTheReadme() throws Exception {
			List<String> block = blockAfter("README.md",
					"`application.yml` + `application-local.yml` and the module's `inference.txt`. Real output:");
			String documented = outputOf(block,
					"$ curl -s -X POST localhost:8080/api/chat -H 'Content-Type: application/json' \\");
			String body = documented.substring(documented.indexOf("\n{") + 1);

			HttpResponse<String> response = this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/api/chat"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers
						.ofString("{\"model\":\"deepseek.r1-v1:0\",\"prompt\":\"What is an inference profile?\"}"))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(response.statusCode()).isEqualTo(200);
			assertThat(json.readTree(response.body())).isEqualTo(json.readTree(body));
		}

		@Test
		void theActuatorAnswersAreTheOnesOfTheActuatorPage() throws Exception {
			assertActuatorAnswers("docs/actuator.md", "`show-values: always`. Real output:", 2);
		}

		@Test
		void theActuatorAnswerIsTheOneOfTheReadme() throws Exception {
			assertActuatorAnswers("README.md", "([the endpoint](docs/actuator.md)). Real output, same app:", 1);
		}

		private void assertActuatorAnswers(String page, String anchor, int count) throws Exception {
			List<String> block = blockAfter(page, anchor);
			List<String> commands = block.stream()
				.filter((line) -> line.startsWith("$ curl -s localhost:8080/actuator/bedrockbindings/"))
				.toList();
			assertThat(commands).as(page).hasSize(count);
			for (String command : commands) {
				// the URL ends at the first space: a '| python3 -m json.tool' may follow
				String path = command.substring(command.indexOf("/actuator/")).split(" ")[0];
				HttpResponse<String> response = this.http.send(
						HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path)).GET().build(),
						HttpResponse.BodyHandlers.ofString());

				assertThat(response.statusCode()).as(path).isEqualTo(200);
				JsonNode answer = json.readTree(asDocumented(response.body()));
				assertThat(answer).as(path).isEqualTo(json.readTree(outputOf(block, command)));
			}
		}

	}

	/**
	 * The run of {@code docs/actuator.md}'s endpoint and health examples: the sample app
	 * with the page's inference file (in a temporary home folder, written as
	 * {@code /home/me} on the page) and the page's arguments.
	 */
	@Nested
	class TheActuatorPagesRun {

		private static final String PAGE = "docs/actuator.md";

		private static final String HOME = "/home/me";

		private final HttpClient http = HttpClient.newHttpClient();

		@Test
		void theEndpointAndHealthAnswersAreTheOnesOfThePage(@TempDir Path home) throws Exception {
			List<String> block = blockAfter(PAGE, "`loadedAt` aside). Real output, account IDs masked:");
			Files.createDirectories(home.resolve(".aws"));
			Files.writeString(home.resolve(".aws/inference.txt"), outputOf(block, "$ cat ~/.aws/inference.txt") + "\n");
			List<String> arguments = new ArrayList<>(
					List.of("--server.port=0", "--bedrock.binding.inference-file.watch=false"));
			for (String word : outputOf(block,
					"$ ./mvnw -B -pl sample-app -am spring-boot:run -Dspring-boot.run.arguments=\"\\")
				.split("\\s+")) {
				if (word.startsWith("--")) {
					arguments.add(word.replace("\"", "").replace(HOME, home.toString()));
				}
			}
			assertThat(arguments).hasSizeGreaterThan(4);

			try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
					arguments.toArray(String[]::new))) {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				String bindings = "$ curl -s localhost:8080/actuator/bedrockbindings | python3 -m json.tool";
				assertThat(answer(port, "/actuator/bedrockbindings", 200, home))
					.isEqualTo(withoutLoadTime(json.readTree(outputOf(block, bindings))));
				List<String> health = blockAfter(PAGE,
						"The same run (the sample app sets `management.endpoint.health.show-details: always`):");
				String command = "$ curl -s localhost:8080/actuator/health/bedrockBindings | python3 -m json.tool";
				assertThat(answer(port, "/actuator/health/bedrockBindings", 503, home))
					.isEqualTo(withoutLoadTime(json.readTree(outputOf(health, command))));
			}
		}

		private JsonNode answer(int port, String path, int status, Path home) throws Exception {
			HttpResponse<String> response = this.http.send(
					HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
					HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path).isEqualTo(status);
			return withoutLoadTime(json.readTree(response.body().replace(home.toString(), HOME)));
		}

		/** The answer without {@code loadedAt}, the one value that differs per run. */
		private static JsonNode withoutLoadTime(JsonNode answer) {
			JsonNode file = answer.has("details") ? answer.path("details").path("inferenceFile")
					: answer.path("inferenceFile");
			assertThat(file.has("loadedAt")).as("inferenceFile.loadedAt of " + answer).isTrue();
			((ObjectNode) file).remove("loadedAt");
			return answer;
		}

	}

	/**
	 * The run of {@code docs/actuator.md}'s profile example: the sample app with the
	 * {@code prod} profile and the page's arguments (no inference file is read).
	 */
	@Nested
	class TheProfilePagesRun {

		@Test
		void theOverriddenValueOfApplicationYmlIsTheOneOfThePage() throws Exception {
			List<String> block = blockAfter("docs/actuator.md",
					"the answer short; a test of the sample app replays this run). Real output:");
			List<String> arguments = new ArrayList<>(List.of("--server.port=0"));
			for (String word : outputOf(block,
					"$ ./mvnw -B -pl sample-app -am spring-boot:run -Dspring-boot.run.arguments=\"\\")
				.split("\\s+")) {
				if (word.startsWith("--")) {
					arguments.add(word.replace("\"", ""));
				}
			}
			assertThat(arguments).contains("--spring.profiles.active=prod",
					"--bedrock.binding.inference-file.enabled=false");
			String command = "$ curl -s localhost:8080/actuator/bedrockbindings/amazon.nova-pro-v1:0 | python3 -m json.tool";

			try (ConfigurableApplicationContext context = SpringApplication.run(SampleApplication.class,
					arguments.toArray(String[]::new))) {
				int port = ((WebServerApplicationContext) context).getWebServer().getPort();
				HttpResponse<String> response = HttpClient.newHttpClient()
					.send(HttpRequest
						.newBuilder(URI
							.create("http://127.0.0.1:" + port + "/actuator/bedrockbindings/amazon.nova-pro-v1:0"))
						.GET()
						.build(), HttpResponse.BodyHandlers.ofString());
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(json.readTree(response.body())).isEqualTo(json.readTree(outputOf(block, command)));
			}
		}

	}

	@Nested
	@ExtendWith(OutputCaptureExtension.class)
	class FailingToStart {

		@Test
		void theFailureAnalysisIsTheOneOfTheConfigurationPage(CapturedOutput output) throws IOException {
			List<String> documented = blockAfter("docs/configuration.md",
					"(`--bedrock.binding.region=eu-west-1 '--bedrock.binding.models[amazon.nova-pro-v1:0]='`):");

			assertThatException().isThrownBy(() -> SpringApplication.run(SampleApplication.class, "--server.port=0",
					"--bedrock.binding.inference-file.watch=false", "--bedrock.binding.region=eu-west-1",
					"--bedrock.binding.models[amazon.nova-pro-v1:0]="));

			assertThat(asDocumented(output.toString())).contains(String.join("\n", documented));
		}

	}

}
