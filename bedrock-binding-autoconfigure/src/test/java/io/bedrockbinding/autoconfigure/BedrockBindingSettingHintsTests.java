package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.registry.Fixes;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

	@Test
	void everyNamedPropertyIsOneThePropertiesClassDefines() throws IOException {
		// The metadata is generated from BedrockBindingProperties: a renamed field fails
		// here instead of leaving messages that name a property that no longer exists.
		Set<String> defined = metadataProperties();
		SettingHints hints = BedrockBindingSettingHints.PROPERTIES;
		assertThat(defined).contains(BedrockBindingSettingHints.REQUIRED_MODELS, BedrockBindingSettingHints.ACCOUNT_ID,
				hints.region().split(" ")[0], hints.accountId(), hints.endpoint(),
				hints.onDemandFallback().replace("=true", ""), hints.requiredModels(), hints.maxRuntimeBindings(),
				hints.models(), hints.timeout("connect"), hints.timeout("read"), hints.timeout("apiCall"),
				hints.timeout("streamFirstEvent"), hints.timeout("streamIdle"));
		assertThat(hints.requiredModels()).isEqualTo(BedrockBindingSettingHints.REQUIRED_MODELS);
	}

	private static Set<String> metadataProperties() throws IOException {
		JsonMapper json = JsonMapper.builder().build();
		Set<String> names = new TreeSet<>();
		for (URL url : Collections.list(BedrockBindingProperties.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json"))) {
			try (InputStream in = url.openStream()) {
				for (JsonNode property : json.readTree(in).path("properties")) {
					names.add(property.get("name").asString());
				}
			}
		}
		return names;
	}

}
