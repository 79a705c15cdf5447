package io.bedrockbinding.autoconfigure;

import java.time.Duration;

import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.pipe.PipeTimeouts;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code bedrock.binding.timeouts.*}: defaults, settings and bad values. */
class TimeoutPropertiesTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
		.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false",
				"bedrock.binding.endpoint=http://127.0.0.1:9");

	@Test
	void theDefaultsAreCoresDefaults() {
		this.runner.run((context) -> assertThat(context.getBean(BedrockRuntimeClients.class).timeouts())
			.isEqualTo(PipeTimeouts.defaults()));
	}

	@Test
	void everyTimeoutIsAProperty() {
		this.runner
			.withPropertyValues("bedrock.binding.timeouts.connect=2s", "bedrock.binding.timeouts.read=10m",
					"bedrock.binding.timeouts.api-call=20m", "bedrock.binding.timeouts.stream-first-event=90s",
					"bedrock.binding.timeouts.stream-idle=30s")
			.run((context) -> assertThat(context.getBean(BedrockRuntimeClients.class).timeouts())
				.isEqualTo(new PipeTimeouts(Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(20),
						Duration.ofSeconds(90), Duration.ofSeconds(30))));
	}

	@Test
	void aTimeoutThatIsNotPositiveFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("bedrock.binding.timeouts.stream-idle=0s")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("bedrock.binding.timeouts.stream-idle")
				.hasMessageContaining("positive"));
	}

}
