package io.bedrockbinding.actuate.endpoint;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.bedrockbinding.actuate.ActuatorClient;
import io.bedrockbinding.actuate.ActuatorTest;
import io.bedrockbinding.actuate.TestInferenceFile;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The read side of {@code /actuator/bedrockbindings} over real HTTP, with the default
 * show-values (never): the document field by field, {@code ?all=true}, the selector with
 * ':' and '.', 404, and writes refused while access is read-only.
 */
@ActuatorTest
@ActiveProfiles("prod")
class BedrockBindingsEndpointWebTests {

	@Value("${bedrock.binding.inference-file.location}")
	Path inferenceFile;

	@Autowired
	ActuatorClient client;

	@Test
	void documentHasTheTopLevelFields() {
		DocumentContext document = this.client.json("/actuator/bedrockbindings");
		Map<String, Object> root = document.read("$");
		assertThat(root).containsOnlyKeys("region", "accountId", "inferenceFile", "failover", "bindings");
		assertThat(document.<Map<String, Object>>read("$.failover")).containsEntry("cooldown", "PT30S")
			.containsEntry("cooldownAfter", 2)
			.containsEntry("cooldowns", List.of());
		assertThat(root).containsEntry("region", "us-east-1").containsEntry("accountId", "******");
	}

	@Test
	void inferenceFileShowsLocationLoadTimeAndProblems() {
		Map<String, Object> file = this.client.json("/actuator/bedrockbindings").read("$.inferenceFile");
		assertThat(file).containsOnlyKeys("location", "exists", "loadedAt", "problems");
		assertThat(file).containsEntry("location", this.inferenceFile.toString()).containsEntry("exists", true);
		assertThat(Instant.parse((String) file.get("loadedAt"))).isBefore(Instant.now());
		List<Map<String, Object>> problems = (List<Map<String, Object>>) file.get("problems");
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem).containsOnlyKeys("line", "severity", "message");
			assertThat(problem).containsEntry("line", 6).containsEntry("severity", "ERROR");
			assertThat((String) problem.get("message")).isNotBlank();
		});
	}

	@Test
	void bindingFromProfileYamlShadowsBaseYamlFileAndCatalog() {
		Map<String, Object> nova = binding(this.client.json("/actuator/bedrockbindings"), "amazon.nova-pro-v1:0");
		assertThat(nova).containsOnlyKeys("model", "target", "kind", "region", "origin", "shadowed", "needsProfile",
				"status", "problems");
		assertThat(nova)
			.containsEntry("target", "arn:aws:bedrock:us-east-2:******:inference-profile/us.amazon.nova-pro-v1:0")
			.containsEntry("kind", "PROFILE_ARN")
			.containsEntry("region", "us-east-2")
			.containsEntry("origin",
					Map.of("kind", "PROPERTIES", "source", "bedrockbindings-actuator/application-prod.yml"))
			.containsEntry("needsProfile", false)
			.containsEntry("status", "WARNING");
		// the application.yml value it overrides comes first, with its own origin
		assertThat((List<Object>) nova.get("shadowed")).containsExactly(
				Map.of("target", "us.amazon.nova-pro-v1:0", "origin",
						Map.of("kind", "PROPERTIES", "source", "bedrockbindings-actuator/application.yml")),
				Map.of("target", "us.amazon.nova-pro-v1:0", "origin",
						Map.of("kind", "FILE", "source", this.inferenceFile + ":2")),
				Map.of("target", "amazon.nova-pro-v1:0", "origin", Map.of("kind", "CATALOG", "source", "catalog")));
		List<Map<String, Object>> problems = (List<Map<String, Object>>) nova.get("problems");
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem).containsOnlyKeys("severity", "code", "message", "fix");
			assertThat(problem).containsEntry("severity", "WARNING").containsEntry("code", "REGION_MISMATCH");
			assertThat((String) problem.get("message")).contains("us-east-2").contains("us-east-1");
		});
	}

	@Test
	void bindingFromBaseYamlThatProfileYamlDoesNotName() {
		Map<String, Object> micro = binding(this.client.json("/actuator/bedrockbindings"), "amazon.nova-micro-v1:0");
		assertThat(micro).containsEntry("target", "amazon.nova-micro-v1:0")
			.containsEntry("kind", "DIRECT")
			.containsEntry("region", "us-east-1")
			.containsEntry("origin", Map.of("kind", "PROPERTIES", "source", "bedrockbindings-actuator/application.yml"))
			.containsEntry("needsProfile", false)
			.containsEntry("status", "OK")
			.containsEntry("problems", List.of());
	}

	@Test
	void bindingFromFileWithApplicationProfileArn() {
		Map<String, Object> haiku = binding(this.client.json("/actuator/bedrockbindings"), "openai.gpt-oss-20b-1:0");
		assertThat(haiku)
			.containsEntry("target", "arn:aws:bedrock:us-east-1:******:application-inference-profile/abc123def456")
			.containsEntry("kind", "APPLICATION_PROFILE_ARN")
			.containsEntry("region", "us-east-1")
			.containsEntry("origin", Map.of("kind", "FILE", "source", this.inferenceFile + ":3"))
			.containsEntry("status", "OK")
			.containsEntry("problems", List.of());
	}

	@Test
	void directBindingOfModelThatNeedsProfileIsError() {
		Map<String, Object> deepseek = binding(this.client.json("/actuator/bedrockbindings"), "deepseek.r1-v1:0");
		assertThat(deepseek).containsEntry("target", "deepseek.r1-v1:0")
			.containsEntry("kind", "DIRECT")
			.containsEntry("origin", Map.of("kind", "FILE", "source", this.inferenceFile + ":4"))
			.containsEntry("needsProfile", true)
			.containsEntry("status", "ERROR");
		assertThat((List<Object>) deepseek.get("shadowed")).containsExactly(
				Map.of("target", "us.deepseek.r1-v1:0", "origin",
						Map.of("kind", "DERIVED", "source", "geo profile for us-east-1")),
				Map.of("target", "deepseek.r1-v1:0", "origin", Map.of("kind", "CATALOG", "source", "catalog")));
		List<Map<String, Object>> problems = (List<Map<String, Object>>) deepseek.get("problems");
		assertThat(problems).singleElement().satisfies((problem) -> {
			assertThat(problem).containsEntry("severity", "ERROR").containsEntry("code", "NEEDS_PROFILE");
			assertThat((String) problem.get("fix")).contains("deepseek.r1-v1:0=us.deepseek.r1-v1:0");
		});
	}

	@Test
	void accountsAreMaskedInTargetsShadowedTargetsAndMessages() {
		HttpResponse<String> response = this.client.get("/actuator/bedrockbindings");
		assertThat(response.body()).doesNotContain("111122223333").doesNotContain("444455556666");
		Map<String, Object> llama = binding(JsonPath.parse(response.body()), "meta.llama3-8b-instruct-v1:0");
		assertThat(llama).containsEntry("target",
				"arn:aws:bedrock:us-east-1:******:inference-profile/us.meta.llama3-8b-instruct-v1:0");
		assertThat((List<Map<String, Object>>) llama.get("shadowed")).first()
			.isEqualTo(Map.of("target",
					"arn:aws:bedrock:us-east-1:******:inference-profile/us.meta.llama3-8b-instruct-v1:0", "origin",
					Map.of("kind", "FILE", "source", this.inferenceFile + ":5")));
		assertThat((List<Map<String, Object>>) llama.get("problems")).singleElement().satisfies((problem) -> {
			assertThat(problem).containsEntry("code", "ACCOUNT_MISMATCH");
			assertThat((String) problem.get("message")).contains("account ******");
		});
	}

	@Test
	void defaultListLeavesCatalogDefaultsOut() {
		DocumentContext document = this.client.json("/actuator/bedrockbindings");
		List<String> origins = document.read("$.bindings[*].origin.kind");
		assertThat(origins).isNotEmpty().doesNotContain("CATALOG").contains("DERIVED", "FILE", "PROPERTIES");
		assertThat(origins)
			.allSatisfy((kind) -> assertThat(kind).isIn("DERIVED", "DISCOVERED", "FILE", "PROPERTIES", "RUNTIME"));
		List<String> models = document.read("$.bindings[*].model");
		assertThat(models).doesNotContain("amazon.titan-text-express-v1").isSorted().doesNotHaveDuplicates();
	}

	@Test
	void allAddsCatalogDefaults() {
		List<String> models = this.client.json("/actuator/bedrockbindings").read("$.bindings[*].model");
		DocumentContext all = this.client.json("/actuator/bedrockbindings?all=true");
		List<String> allModels = all.read("$.bindings[*].model");
		assertThat(allModels).containsAll(models)
			.contains("amazon.titan-text-express-v1")
			.hasSizeGreaterThan(models.size());
		assertThat(binding(all, "amazon.titan-text-express-v1")).containsEntry("kind", "DIRECT")
			.containsEntry("origin", Map.of("kind", "CATALOG", "source", "catalog"))
			.containsEntry("status", "OK")
			.containsEntry("shadowed", List.of());
		List<String> kinds = all.read("$.bindings[*].kind");
		assertThat(kinds).allSatisfy((kind) -> assertThat(kind).isIn("DIRECT", "SYSTEM_PROFILE", "PROFILE_ARN",
				"APPLICATION_PROFILE_ARN", "PROVISIONED_MODEL_ARN", "CUSTOM_MODEL_ARN", "IMPORTED_MODEL_ARN",
				"FOUNDATION_MODEL_ARN", "PROMPT_ROUTER_ARN"));
		List<String> statuses = all.read("$.bindings[*].status");
		assertThat(statuses).allSatisfy((status) -> assertThat(status).isIn("OK", "WARNING", "ERROR"));
	}

	@Test
	void selectorTakesModelIdWithColonAndDotsAsSent() {
		HttpResponse<String> response = this.client.get("/actuator/bedrockbindings/amazon.nova-pro-v1:0");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.uri().getRawPath()).isEqualTo("/actuator/bedrockbindings/amazon.nova-pro-v1:0");
		Map<String, Object> nova = JsonPath.parse(response.body()).read("$");
		assertThat(nova).containsEntry("model", "amazon.nova-pro-v1:0")
			.containsEntry("target", "arn:aws:bedrock:us-east-2:******:inference-profile/us.amazon.nova-pro-v1:0")
			.containsEntry("origin",
					Map.of("kind", "PROPERTIES", "source", "bedrockbindings-actuator/application-prod.yml"));
	}

	@Test
	void selectorTakesPercentEncodedColon() {
		HttpResponse<String> response = this.client.get("/actuator/bedrockbindings/amazon.nova-pro-v1%3A0");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.model")).isEqualTo("amazon.nova-pro-v1:0");
	}

	@Test
	void selectorFindsCatalogDefault() {
		HttpResponse<String> response = this.client.get("/actuator/bedrockbindings/amazon.titan-text-express-v1");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.origin.kind")).isEqualTo("CATALOG");
	}

	@Test
	void unknownModelIs404() {
		assertThat(this.client.get("/actuator/bedrockbindings/acme.unknown-v1:0").statusCode()).isEqualTo(404);
	}

	@Test
	void writesAreRefusedWhileAccessIsReadOnly() {
		String before = this.client.get("/actuator/bedrockbindings/amazon.nova-micro-v1:0").body();
		HttpResponse<String> post = this.client.post("/actuator/bedrockbindings",
				"{\"model\": \"amazon.nova-micro-v1:0\", \"target\": \"us.amazon.nova-micro-v1:0\", \"persist\": true}");
		HttpResponse<String> delete = this.client.delete("/actuator/bedrockbindings/amazon.nova-micro-v1:0");
		assertThat(post.statusCode()).isEqualTo(405);
		assertThat(post.headers().allValues("Allow")).containsExactly("GET");
		assertThat(delete.statusCode()).isEqualTo(405);
		assertThat(this.client.get("/actuator/bedrockbindings/amazon.nova-micro-v1:0").body()).isEqualTo(before);
		assertThat(TestInferenceFile.read(this.inferenceFile)).isEqualTo(TestInferenceFile.WITH_PROBLEMS);
	}

	static Map<String, Object> binding(DocumentContext document, String model) {
		List<Map<String, Object>> matches = document.read("$.bindings[?(@.model == '" + model + "')]");
		assertThat(matches).as("bindings of %s", model).hasSize(1);
		return matches.get(0);
	}

}
