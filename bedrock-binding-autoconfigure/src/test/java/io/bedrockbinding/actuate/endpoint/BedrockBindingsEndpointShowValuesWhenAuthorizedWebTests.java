package io.bedrockbinding.actuate.endpoint;

import com.jayway.jsonpath.DocumentContext;
import io.bedrockbinding.actuate.ActuatorClient;
import io.bedrockbinding.actuate.ActuatorTest;
import io.bedrockbinding.actuate.ActuatorTestApplication;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code show-values=when-authorized} with {@code roles=BEDROCK_ADMIN}: only a signed-in
 * user with the role sees account IDs.
 */
@ActuatorTest(properties = { ActuatorTestApplication.CONFIG,
		"management.endpoint.bedrockbindings.show-values=when-authorized",
		"management.endpoint.bedrockbindings.roles=BEDROCK_ADMIN" })
@ActiveProfiles("prod")
class BedrockBindingsEndpointShowValuesWhenAuthorizedWebTests {

	private static final String NOVA_ARN = "arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.amazon.nova-pro-v1:0";

	private static final String NOVA_MASKED = "arn:aws:bedrock:us-east-2:******:inference-profile/us.amazon.nova-pro-v1:0";

	@Autowired
	ActuatorClient client;

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
