package io.bedrockbinding.actuate.endpoint;

import java.nio.file.Path;

import com.jayway.jsonpath.DocumentContext;
import io.bedrockbinding.actuate.ActuatorClient;
import io.bedrockbinding.actuate.ActuatorTestApplication;
import io.bedrockbinding.actuate.TestInferenceFile;
import org.junit.jupiter.api.BeforeEach;
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
 * {@code show-values=when-authorized} with {@code roles=BEDROCK_ADMIN}: only a signed-in
 * user with the role sees account IDs.
 */
@SpringBootTest(classes = ActuatorTestApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = { ActuatorTestApplication.CONFIG,
				"management.endpoint.bedrockbindings.show-values=when-authorized",
				"management.endpoint.bedrockbindings.roles=BEDROCK_ADMIN" })
@ActiveProfiles("prod")
class BedrockBindingsEndpointShowValuesWhenAuthorizedWebTests {

	private static final String NOVA_ARN = "arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.amazon.nova-pro-v1:0";

	private static final String NOVA_MASKED = "arn:aws:bedrock:us-east-2:******:inference-profile/us.amazon.nova-pro-v1:0";

	@TempDir
	static Path folder;

	@LocalServerPort
	int port;

	ActuatorClient client;

	@DynamicPropertySource
	static void inferenceFile(DynamicPropertyRegistry registry) {
		Path file = TestInferenceFile.write(folder, TestInferenceFile.WITH_PROBLEMS);
		registry.add("bedrock.binding.inference-file.location", file::toString);
	}

	@BeforeEach
	void client() {
		this.client = new ActuatorClient(this.port);
	}

	@Test
	void userWithRoleSeesAccounts() {
		ActuatorClient operator = this.client.as(ActuatorTestApplication.OPERATOR, ActuatorTestApplication.PASSWORD);
		DocumentContext document = operator.json("/actuator/bedrockbindings");
		assertThat((String) document.read("$.accountId")).isEqualTo("111122223333");
		assertThat(BedrockBindingsEndpointWebTests.binding(document, "amazon.nova-pro-v1:0")).containsEntry("target",
				NOVA_ARN);
		assertThat((String) operator.json("/actuator/bedrockbindings/amazon.nova-pro-v1:0").read("$.target"))
			.isEqualTo(NOVA_ARN);
	}

	@Test
	void userWithoutRoleSeesMaskedAccounts() {
		ActuatorClient viewer = this.client.as(ActuatorTestApplication.VIEWER, ActuatorTestApplication.PASSWORD);
		DocumentContext document = viewer.json("/actuator/bedrockbindings");
		assertThat((String) document.read("$.accountId")).isEqualTo("******");
		assertThat(BedrockBindingsEndpointWebTests.binding(document, "amazon.nova-pro-v1:0")).containsEntry("target",
				NOVA_MASKED);
		assertThat(document.jsonString()).doesNotContain("111122223333").doesNotContain("444455556666");
		assertThat((String) viewer.json("/actuator/bedrockbindings/amazon.nova-pro-v1:0").read("$.target"))
			.isEqualTo(NOVA_MASKED);
	}

	@Test
	void anonymousCallerSeesMaskedAccounts() {
		DocumentContext document = this.client.json("/actuator/bedrockbindings");
		assertThat((String) document.read("$.accountId")).isEqualTo("******");
		assertThat(document.jsonString()).doesNotContain("111122223333").doesNotContain("444455556666");
	}

	@Test
	void wrongPasswordIsRefused() {
		assertThat(
				this.client.as(ActuatorTestApplication.OPERATOR, "wrong").get("/actuator/bedrockbindings").statusCode())
			.isEqualTo(401);
	}

}
