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
 * {@code show-values=never} (the default, here set explicitly with a role configured):
 * even a user with the role sees masked account IDs.
 */
@ActuatorTest(properties = { ActuatorTestApplication.CONFIG, "management.endpoint.bedrockbindings.show-values=never",
		"management.endpoint.bedrockbindings.roles=BEDROCK_ADMIN" })
@ActiveProfiles("prod")
class BedrockBindingsEndpointShowValuesNeverWebTests {

	@Autowired
	ActuatorClient client;

	@Test
	void userWithRoleSeesMaskedAccounts() {
		ActuatorClient operator = this.client.as(ActuatorTestApplication.OPERATOR, ActuatorTestApplication.PASSWORD);
		DocumentContext document = operator.json("/actuator/bedrockbindings");
		assertThat((String) document.read("$.accountId")).isEqualTo("******");
		assertThat(document.jsonString()).doesNotContain("111122223333").doesNotContain("444455556666");
		assertThat((String) operator.json("/actuator/bedrockbindings/amazon.nova-pro-v1:0").read("$.target"))
			.isEqualTo("arn:aws:bedrock:us-east-2:******:inference-profile/us.amazon.nova-pro-v1:0");
	}

}
