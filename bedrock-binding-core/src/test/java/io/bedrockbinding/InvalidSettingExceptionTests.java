package io.bedrockbinding;

import java.time.Clock;
import java.time.Duration;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.pipe.FailoverSettings;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The builders' refusals name the setting as the Java API calls it, and give the reason
 * apart, for a layer that names the setting otherwise (the starter's properties).
 */
class InvalidSettingExceptionTests {

	@Test
	void maxRuntimeBindings() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> BindingRegistry.builder(ModelCatalog.builtIn()).maxRuntimeBindings(-1))
			.withMessage("maxRuntimeBindings must be 0 or more, got -1")
			.satisfies((ex) -> {
				assertThat(ex.setting()).isEqualTo("maxRuntimeBindings");
				assertThat(ex.reasonOf("app.max")).isEqualTo("app.max must be 0 or more, got -1");
			});
	}

	@Test
	void maxRegions() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> BedrockRuntimeClients.builder().maxRegions(0))
			.withMessage("maxRegions must be 1 or more, got 0");
	}

	@Test
	void failoverSettings() {
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new FailoverSettings(Duration.ofSeconds(-1), 2, 0, Clock.systemUTC()))
			.withMessage("cooldown must be zero or more, got PT-1S");
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new FailoverSettings(Duration.ofSeconds(30), 0, 0, Clock.systemUTC()))
			.withMessage("cooldownAfter must be 1 or more, got 0");
		assertThatExceptionOfType(InvalidSettingException.class)
			.isThrownBy(() -> new FailoverSettings(Duration.ofSeconds(30), 2, -1, Clock.systemUTC()))
			.withMessage("sdkMaxAttempts must be 0 or more, got -1");
	}

}
