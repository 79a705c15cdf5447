package io.bedrockbinding.actuate.endpoint;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.JsonPath;
import io.bedrockbinding.actuate.ActuatorClient;
import io.bedrockbinding.actuate.ActuatorTest;
import io.bedrockbinding.actuate.ActuatorTestApplication;
import io.bedrockbinding.actuate.TestInferenceFile;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write operations of {@code /actuator/bedrockbindings} over real HTTP, with access
 * granted ({@code management.endpoint.bedrockbindings.access=unrestricted}).
 */
@ExtendWith(OutputCaptureExtension.class)
@ActuatorTest(inferenceFile = TestInferenceFile.CLEAN,
		properties = { ActuatorTestApplication.CONFIG, "management.endpoint.bedrockbindings.access=unrestricted" })
class BedrockBindingsEndpointWriteWebTests {

	private static final String ENDPOINT = "/actuator/bedrockbindings";

	@Value("${bedrock.binding.inference-file.location}")
	Path inferenceFile;

	@Autowired
	BindingRegistry registry;

	@Autowired
	ActuatorClient client;

	/** Every test starts from the same bindings: the clean file, no runtime binds. */
	@BeforeEach
	void reset() {
		TestInferenceFile.write(this.inferenceFile.getParent(), TestInferenceFile.CLEAN);
		assertThat(this.registry.reloadFile()).isTrue();
		this.registry.bindings()
			.stream()
			.filter((binding) -> binding.origin().kind() == OriginKind.RUNTIME)
			.forEach((binding) -> this.registry.unbind(binding.modelId(), false));
	}

	@Test
	void postBindsAtRuntimeWithoutTouchingTheFile() {
		HttpResponse<String> response = this.client.post(ENDPOINT,
				"{\"model\": \"amazon.nova-micro-v1:0\", \"target\": \"us.amazon.nova-micro-v1:0\", \"persist\": false}");
		assertThat(response.statusCode()).isEqualTo(200);
		Map<String, Object> bound = JsonPath.read(response.body(), "$");
		assertThat(bound).containsEntry("model", "amazon.nova-micro-v1:0")
			.containsEntry("target", "us.amazon.nova-micro-v1:0")
			.containsEntry("kind", "SYSTEM_PROFILE")
			.containsEntry("origin", Map.of("kind", "RUNTIME", "source", "runtime"));
		assertThat((List<Object>) bound.get("shadowed")).first()
			.isEqualTo(Map.of("target", "amazon.nova-micro-v1:0", "origin",
					Map.of("kind", "PROPERTIES", "source", "bedrockbindings-actuator/application.yml")));
		assertThat((String) JsonPath.read(this.client.get(ENDPOINT + "/amazon.nova-micro-v1:0").body(), "$.target"))
			.isEqualTo("us.amazon.nova-micro-v1:0");
		assertThat(TestInferenceFile.read(this.inferenceFile)).isEqualTo(TestInferenceFile.CLEAN);
	}

	@Test
	void postWithoutPersistFieldBindsAtRuntimeOnly() {
		HttpResponse<String> response = this.client.post(ENDPOINT,
				"{\"model\": \"amazon.nova-lite-v1:0\", \"target\": \"us.amazon.nova-lite-v1:0\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(this.registry.resolve("amazon.nova-lite-v1:0").origin().kind()).isEqualTo(OriginKind.RUNTIME);
		assertThat(TestInferenceFile.read(this.inferenceFile)).isEqualTo(TestInferenceFile.CLEAN);
	}

	@Test
	void postWithPersistWritesTheInferenceFile() {
		HttpResponse<String> response = this.client.post(ENDPOINT,
				"{\"model\": \"amazon.nova-lite-v1:0\", \"target\": \"us.amazon.nova-lite-v1:0\", \"persist\": true}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.origin.kind")).isEqualTo("RUNTIME");
		assertThat(TestInferenceFile.read(this.inferenceFile)).startsWith(TestInferenceFile.CLEAN)
			.contains("amazon.nova-lite-v1:0=us.amazon.nova-lite-v1:0");
		assertThat((List<Map<String, Object>>) JsonPath.read(response.body(), "$.shadowed")).first()
			.isEqualTo(Map.of("target", "us.amazon.nova-lite-v1:0", "origin",
					Map.of("kind", "FILE", "source", this.inferenceFile + ":4")));
	}

	@Test
	void postWithPersistOfAModelThePropertiesBindWarnsThatTheyOutrankTheLine(CapturedOutput output) {
		HttpResponse<String> response = this.client.post(ENDPOINT,
				"{\"model\": \"amazon.nova-micro-v1:0\", \"target\": \"us.amazon.nova-micro-v1:0\", \"persist\": true}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(TestInferenceFile.read(this.inferenceFile))
			.contains("amazon.nova-micro-v1:0=us.amazon.nova-micro-v1:0");
		assertThat(output).contains(
				"amazon.nova-micro-v1:0 was written to the inference file, but bedrockbindings-actuator/application.yml "
						+ "binds it too and outranks the file: after a restart, bedrockbindings-actuator/application.yml's binding applies");
	}

	@Test
	void invalidTargetIs400WithValidationMessageAndChangesNothing() {
		String before = this.client.get(ENDPOINT + "/amazon.nova-pro-v1:0").body();
		HttpResponse<String> response = this.client.post(ENDPOINT,
				"{\"model\": \"amazon.nova-pro-v1:0\", \"target\": \"arn:aws:bedrock:us-east-1:12345:inference-profile/us.amazon.nova-pro-v1:0\", \"persist\": true}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.message"))
			.startsWith("account must be 12 digits, got '12345'");
		assertThat(this.client.get(ENDPOINT + "/amazon.nova-pro-v1:0").body()).isEqualTo(before);
		assertThat(TestInferenceFile.read(this.inferenceFile)).isEqualTo(TestInferenceFile.CLEAN);
	}

	@Test
	void invalidModelIdIs400() {
		HttpResponse<String> response = this.client.post(ENDPOINT,
				"{\"model\": \"us.amazon.nova-pro-v1:0\", \"target\": \"us.amazon.nova-pro-v1:0\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.message")).contains("geo profile prefix");
		assertThat(this.registry.find("us.amazon.nova-pro-v1:0")).isEmpty();
	}

	@Test
	void missingTargetIs400() {
		HttpResponse<String> response = this.client.post(ENDPOINT, "{\"model\": \"amazon.nova-pro-v1:0\"}");
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.message"))
			.startsWith("the body needs \"model\" and \"target\" (missing: target), e.g. {\"model\":");
		assertThat(this.registry.resolve("amazon.nova-pro-v1:0").origin().kind()).isEqualTo(OriginKind.PROPERTIES);
		assertThat((String) JsonPath.read(this.client.post(ENDPOINT, "{}").body(), "$.message"))
			.contains("(missing: both)");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "\"yes\" | yes", "\"on\" | on", "1 | 1", "\"True\" | True" })
	void persistThatIsNotTrueOrFalseIs400AndChangesNothing(String persist, String shown) {
		HttpResponse<String> response = this.client.post(ENDPOINT,
				"{\"model\": \"amazon.nova-micro-v1:0\", \"target\": \"us.amazon.nova-micro-v1:0\", \"persist\": "
						+ persist + "}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.message"))
			.isEqualTo("\"persist\" must be true or false or left out (false), got " + shown);
		assertThat(this.registry.resolve("amazon.nova-micro-v1:0").origin().kind()).isNotEqualTo(OriginKind.RUNTIME);
		assertThat(TestInferenceFile.read(this.inferenceFile)).isEqualTo(TestInferenceFile.CLEAN);
	}

	@Test
	void persistThatIsAnArrayIs400() {
		HttpResponse<String> response = this.client.post(ENDPOINT,
				"{\"model\": \"amazon.nova-micro-v1:0\", \"target\": \"us.amazon.nova-micro-v1:0\", \"persist\": [true]}");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat(this.registry.resolve("amazon.nova-micro-v1:0").origin().kind()).isNotEqualTo(OriginKind.RUNTIME);
	}

	@Test
	void deleteRemovesRuntimeBindingAndShowsWhatIsInForceNow() {
		this.registry.bind("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", false);
		HttpResponse<String> response = this.client.delete(ENDPOINT + "/amazon.nova-pro-v1:0");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((Map<String, Object>) JsonPath.read(response.body(), "$.origin"))
			.isEqualTo(Map.of("kind", "PROPERTIES", "source", "bedrockbindings-actuator/application.yml"));
		assertThat(this.registry.resolve("amazon.nova-pro-v1:0").origin().kind()).isEqualTo(OriginKind.PROPERTIES);
	}

	@Test
	void deleteWithoutRuntimeBindingIs404() {
		HttpResponse<String> response = this.client.delete(ENDPOINT + "/amazon.nova-pro-v1:0");
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(this.registry.resolve("amazon.nova-pro-v1:0").origin().kind()).isEqualTo(OriginKind.PROPERTIES);
	}

	@Test
	void deleteOfModelOnlyBoundAtRuntimeIs204() {
		assertThat(this.client.post(ENDPOINT, "{\"model\": \"acme.custom-v1:0\", \"target\": \"\"}").statusCode())
			.isEqualTo(200);
		assertThat(this.client.get(ENDPOINT + "/acme.custom-v1:0").statusCode()).isEqualTo(200);
		assertThat(this.client.delete(ENDPOINT + "/acme.custom-v1:0").statusCode()).isEqualTo(204);
		assertThat(this.client.get(ENDPOINT + "/acme.custom-v1:0").statusCode()).isEqualTo(404);
	}

	@Test
	void deleteWithPersistRemovesTheFileLine() {
		HttpResponse<String> response = this.client.delete(ENDPOINT + "/openai.gpt-oss-20b-1:0?persist=true");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.origin.kind")).isEqualTo("CATALOG");
		assertThat(TestInferenceFile.read(this.inferenceFile)).doesNotContain("openai.gpt-oss-20b-1:0")
			.contains("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0");
	}

	@Test
	void deleteWithAPersistThatIsNotTrueOrFalseIs400AndKeepsTheFileLine() {
		HttpResponse<String> response = this.client.delete(ENDPOINT + "/openai.gpt-oss-20b-1:0?persist=yes");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		assertThat((String) JsonPath.read(response.body(), "$.message"))
			.isEqualTo("\"persist\" must be true or false or left out (false), got yes");
		assertThat(TestInferenceFile.read(this.inferenceFile)).isEqualTo(TestInferenceFile.CLEAN);
	}

	@Test
	void writeResponsesMaskAccounts() {
		HttpResponse<String> response = this.client.post(ENDPOINT,
				"{\"model\": \"amazon.nova-lite-v1:0\", \"target\": \"arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-lite-v1:0\"}");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat((String) JsonPath.read(response.body(), "$.target"))
			.isEqualTo("arn:aws:bedrock:us-east-1:******:inference-profile/us.amazon.nova-lite-v1:0");
		assertThat(this.registry.resolve("amazon.nova-lite-v1:0").target().value()).contains("111122223333");
	}

}
