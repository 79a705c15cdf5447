package io.bedrockbinding;

import io.bedrockbinding.registry.Fixes;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The plain words core's messages use when no framework layer configured the object, and
 * how a layer's own words fill them in.
 */
class SettingHintsTests {

	@Test
	void plainTimeoutHintsNameThePipeTimeoutsComponent() {
		assertThat(SettingHints.plain().timeout("streamFirstEvent"))
			.isEqualTo("PipeTimeouts.streamFirstEvent (BedrockRuntimeClients.Builder.timeouts)");
	}

	@Test
	void aLayersTimeoutHintGetsTheKebabCaseName() {
		SettingHints hints = new SettingHints("r", "a", "e", "f", "q", "m", "app.timeouts.{property}", "");
		assertThat(hints.timeout("apiCall")).isEqualTo("app.timeouts.api-call");
		assertThat(hints.timeout("read")).isEqualTo("app.timeouts.read");
	}

	@Test
	void plainHintsShowNoYamlInAFix() {
		assertThat(SettingHints.plain().models()).isEmpty();
		assertThat(Fixes.bindingLines("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0", SettingHints.plain()))
			.isEqualTo("add to inference.txt:\n    amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0");
	}

	@Test
	void theSixPartConstructorKeepsThePlainTimeoutAndModelsHints() {
		SettingHints hints = new SettingHints("r", "a", "e", "f", "q", "m");
		assertThat(hints.timeout()).isEqualTo(SettingHints.plain().timeout());
		assertThat(hints.models()).isEmpty();
	}

}
