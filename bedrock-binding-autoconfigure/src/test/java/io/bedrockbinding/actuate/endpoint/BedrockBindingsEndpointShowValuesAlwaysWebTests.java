package io.bedrockbinding.actuate.endpoint;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import io.bedrockbinding.actuate.ActuatorClient;
import io.bedrockbinding.actuate.ActuatorTest;
import io.bedrockbinding.actuate.ActuatorTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code show-values=always}: account IDs are shown to anyone, signed in or not. */
@ActuatorTest(properties = { ActuatorTestApplication.CONFIG, "management.endpoint.bedrockbindings.show-values=always" })
@ActiveProfiles("prod")
class BedrockBindingsEndpointShowValuesAlwaysWebTests {

	@Autowired
	ActuatorClient client;

	@Value("${bedrock.binding.inference-file.location}")
	Path inferenceFile;

	@Test
	void anonymousCallerSeesAccounts() {
		DocumentContext document = this.client.json("/actuator/bedrockbindings");
		assertThat((String) document.read("$.accountId")).isEqualTo("111122223333");
		Map<String, Object> nova = BedrockBindingsEndpointWebTests.binding(document, "amazon.nova-pro-v1:0");
		assertThat(nova).containsEntry("target",
				"arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.amazon.nova-pro-v1:0");
		Map<String, Object> llama = BedrockBindingsEndpointWebTests.binding(document, "meta.llama3-8b-instruct-v1:0");
		assertThat(llama).containsEntry("target",
				"arn:aws:bedrock:us-east-1:444455556666:inference-profile/us.meta.llama3-8b-instruct-v1:0");
		List<Map<String, Object>> shadowed = (List<Map<String, Object>>) llama.get("shadowed");
		assertThat(shadowed.get(0)).containsEntry("target",
				"arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.meta.llama3-8b-instruct-v1:0");
		List<Map<String, Object>> problems = (List<Map<String, Object>>) llama.get("problems");
		assertThat((String) problems.get(0).get("message")).contains("account 444455556666")
			.contains("the account is 111122223333");
		assertThat(document.jsonString()).doesNotContain("******");
	}

	@Test
	void singleBindingShowsAccount() {
		HttpResponse<String> response = this.client.get("/actuator/bedrockbindings/openai.gpt-oss-20b-1:0");
		assertThat((String) JsonPath.read(response.body(), "$.target"))
			.isEqualTo("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abc123def456");
	}

}
