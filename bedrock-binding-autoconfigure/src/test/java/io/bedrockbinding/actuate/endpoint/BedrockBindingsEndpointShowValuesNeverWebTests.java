package io.bedrockbinding.actuate.endpoint;

import java.nio.file.Path;

import com.jayway.jsonpath.DocumentContext;
import io.bedrockbinding.actuate.ActuatorClient;
import io.bedrockbinding.actuate.ActuatorTestApplication;
import io.bedrockbinding.actuate.TestInferenceFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code show-values=never} (the default, here set explicitly with a role configured):
 * even a user with the role sees masked account IDs.
 */
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ActuatorTestApplication.CONFIG, "management.endpoint.bedrockbindings.show-values=never",
				"management.endpoint.bedrockbindings.roles=BEDROCK_ADMIN" })
@ActiveProfiles("prod")
class BedrockBindingsEndpointShowValuesNeverWebTests {

	@TempDir
	static Path folder;

	@LocalServerPort
	int port;

	@DynamicPropertySource
	static void inferenceFile(DynamicPropertyRegistry registry) {
		Path file = TestInferenceFile.write(folder, TestInferenceFile.WITH_PROBLEMS);
		registry.add("bedrock.binding.inference-file.location", file::toString);
	}

	@Test
	void userWithRoleSeesMaskedAccounts() {
		ActuatorClient operator = new ActuatorClient(this.port).as(ActuatorTestApplication.OPERATOR,
				ActuatorTestApplication.PASSWORD);
		DocumentContext document = operator.json("/actuator/bedrockbindings");
		assertThat((String) document.read("$.accountId")).isEqualTo("******");
		assertThat(document.jsonString()).doesNotContain("111122223333").doesNotContain("444455556666");
		assertThat((String) operator.json("/actuator/bedrockbindings/amazon.nova-pro-v1:0").read("$.target"))
			.isEqualTo("arn:aws:bedrock:us-east-2:******:inference-profile/us.amazon.nova-pro-v1:0");
	}

}
