package io.bedrockbinding.autoconfigure;

import io.bedrockbinding.registry.Fixes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The starter's property names in core's messages. */
class BedrockBindingSettingHintsTests {

	private static final String TIMEOUTS = "bedrock.binding.timeouts.";

	@Test
	void timeoutHintsNameTheTimeoutProperties() {
		assertThat(BedrockBindingSettingHints.PROPERTIES.timeout("apiCall")).isEqualTo(TIMEOUTS + "api-call");
		assertThat(BedrockBindingSettingHints.PROPERTIES.timeout("streamFirstEvent"))
			.isEqualTo(TIMEOUTS + "stream-first-event");
		assertThat(BedrockBindingSettingHints.PROPERTIES.timeout("streamIdle")).isEqualTo(TIMEOUTS + "stream-idle");
		assertThat(BedrockBindingSettingHints.PROPERTIES.timeout("connect")).isEqualTo(TIMEOUTS + "connect");
	}

	@Test
	void aFixShowsTheYamlOfTheModelsProperty() {
		assertThat(Fixes.bindingLines("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0",
				BedrockBindingSettingHints.PROPERTIES))
			.isEqualTo("add to inference.txt:\n    amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n"
					+ "or to application.yml:\n    bedrock:\n      binding:\n        models:\n"
					+ "          \"[amazon.nova-pro-v1:0]\": us.amazon.nova-pro-v1:0");
	}

	@Test
	void theRemainingHintsArePropertyNames() {
		assertThat(BedrockBindingSettingHints.PROPERTIES.region()).startsWith("bedrock.binding.region");
		assertThat(BedrockBindingSettingHints.PROPERTIES.accountId()).isEqualTo("bedrock.binding.account-id");
		assertThat(BedrockBindingSettingHints.PROPERTIES.endpoint()).isEqualTo("bedrock.binding.endpoint");
	}

}
