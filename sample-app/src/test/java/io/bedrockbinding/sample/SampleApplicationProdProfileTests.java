package io.bedrockbinding.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;

import io.bedrockbinding.emulator.LocalBedrock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same app with the {@code prod} profile: the production account's profile ARNs
 * apply, account IDs are masked, and nothing calls AWS (no request is made at all).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("prod")
class SampleApplicationProdProfileTests {

	@TempDir
	static Path home;

	@DynamicPropertySource
	static void noRealFiles(DynamicPropertyRegistry registry) {
		// Never read the developer's own ~/.aws/inference.txt in a test.
		registry.add("bedrock.binding.inference-file.location", () -> home.resolve("inference.txt").toString());
	}

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	@Test
	void prodBindingsAreInForceAndAccountIdsAreMasked() throws Exception {
		HttpResponse<String> response = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + "/actuator/bedrockbindings"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).isEqualTo(200);
		JsonNode document = JsonMapper.builder().build().readTree(response.body());

		assertThat(document.get("accountId").asString()).isEqualTo("******");
		assertThat(response.body()).doesNotContain("444455556666").doesNotContain("111122223333");
		JsonNode novaPro = null;
		for (JsonNode binding : document.get("bindings")) {
			if (binding.get("model").asString().equals("amazon.nova-pro-v1:0")) {
				novaPro = binding;
			}
		}
		assertThat(novaPro).isNotNull();
		assertThat(novaPro.get("target").asString()).startsWith("arn:aws:bedrock:us-east-1:")
			.endsWith(":inference-profile/us.amazon.nova-pro-v1:0");
		assertThat(novaPro.get("kind").asString()).isEqualTo("PROFILE_ARN");
		assertThat(novaPro.get("origin").get("source").asString()).isEqualTo("application-prod.yml");
		JsonNode shadowed = novaPro.get("shadowed");
		assertThat(shadowed.get(shadowed.size() - 1).get("origin").get("kind").asString()).isEqualTo("CATALOG");
		assertThat(this.context.getBeanNamesForType(LocalBedrock.class)).isEmpty();
	}

}
