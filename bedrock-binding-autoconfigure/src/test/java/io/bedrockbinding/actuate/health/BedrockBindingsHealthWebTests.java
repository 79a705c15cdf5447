package io.bedrockbinding.actuate.health;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.bedrockbinding.actuate.ActuatorClient;
import io.bedrockbinding.actuate.ActuatorTest;
import io.bedrockbinding.actuate.ActuatorTestApplication;
import io.bedrockbinding.actuate.TestInferenceFile;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code /actuator/health/bedrockBindings} over real HTTP, UP and DOWN. */
class BedrockBindingsHealthWebTests {

	private static final String HEALTH = "/actuator/health/bedrockBindings";

	@Nested
	@ActuatorTest(inferenceFile = TestInferenceFile.CLEAN,
			properties = { ActuatorTestApplication.CONFIG, "bedrock.binding.required-models=amazon.nova-pro-v1:0" })
	class Up {

		@Autowired
		ActuatorClient client;

		@Value("${bedrock.binding.inference-file.location}")
		Path inferenceFile;

		@Test
		void upWithCountsByOriginAndFileDetails() {
			HttpResponse<String> response = this.client.get(HEALTH);
			assertThat(response.statusCode()).isEqualTo(200);
			assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("UP");
			Map<String, Object> details = JsonPath.read(response.body(), "$.details");
			assertThat(details).containsOnlyKeys("region", "bindings", "inferenceFile")
				.containsEntry("region", "us-east-1");
			Map<String, Integer> bindings = (Map<String, Integer>) details.get("bindings");
			assertThat(bindings).containsEntry("PROPERTIES", 3)
				.containsEntry("FILE", 1)
				.containsKeys("DERIVED", "CATALOG");
			assertThat(bindings.keySet()).containsExactly("PROPERTIES", "FILE", "DERIVED", "CATALOG");
			Map<String, Object> file = (Map<String, Object>) details.get("inferenceFile");
			assertThat(file).containsEntry("location", this.inferenceFile.toString())
				.containsEntry("exists", true)
				.containsEntry("problems", List.of());
			assertThat(Instant.parse((String) file.get("loadedAt"))).isBefore(Instant.now());
		}

		@Test
		void partOfOverallHealth() {
			HttpResponse<String> response = this.client.get("/actuator/health");
			assertThat((String) JsonPath.read(response.body(), "$.components.bedrockBindings.status")).isEqualTo("UP");
		}

	}

	@Nested
	@ActuatorTest(properties = { ActuatorTestApplication.CONFIG,
			"bedrock.binding.required-models=amazon.nova-pro-v1:0,google.gemma-3-12b-it" })
	class Down {

		@Autowired
		ActuatorClient client;

		@Test
		void downNamesUnboundRequiredModelsAndErrors() {
			HttpResponse<String> response = this.client.get(HEALTH);
			assertThat(response.statusCode()).isEqualTo(503);
			assertThat((String) JsonPath.read(response.body(), "$.status")).isEqualTo("DOWN");
			Map<String, Object> details = JsonPath.read(response.body(), "$.details");
			assertThat(details).containsEntry("unboundRequiredModels", List.of("google.gemma-3-12b-it"));
			assertThat((List<String>) details.get("errors")).singleElement()
				.asString()
				.contains("deepseek.r1-v1:0")
				.contains("needs an inference profile");
			assertThat((List<String>) JsonPath.read(response.body(), "$.details.inferenceFile.problems"))
				.singleElement()
				.asString()
				.contains(":6: error: ");
			assertThat(response.body()).doesNotContain("111122223333").doesNotContain("444455556666");
		}

	}

}
