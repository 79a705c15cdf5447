package io.bedrockbinding.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * A {@code bedrock.binding.*} setting the starter refuses stops start-up with Boot's
 * failure report naming the property ({@link InvalidSettingFailureAnalyzer}), not a stack
 * trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class InvalidSettingFailureAnalyzerTests {

	@TempDir
	Path folder;

	@ParameterizedTest
	@CsvSource({ "bedrock.binding.failover.cooldown-after=0, bedrock.binding.failover",
			"bedrock.binding.runtime.max-bindings=-1, bedrock.binding.runtime.max-bindings",
			"bedrock.binding.account-id=12345, bedrock.binding.account-id" })
	void aRefusedSettingIsReportedByNameWithoutAStackTrace(String setting, String named, CapturedOutput output) {
		Throwable failure = catchThrowable(() -> BindingTestApplication
			.run("bedrock-binding-validation", List.of(), "--" + setting,
					"--bedrock.binding.inference-file.location=" + this.folder.resolve("missing.txt"))
			.close());

		assertThat(failure).isNotNull();
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("A Bedrock binding setting is invalid: ")
			.contains(named)
			.contains("Change the bedrock.binding.* property named above");
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"bedrock.binding.runtime.max-bindings=-1 | bedrock.binding.runtime.max-bindings must be 0 or more, got -1",
			"bedrock.binding.client-pool.max-regions=0 | bedrock.binding.client-pool.max-regions must be 1 or more, got 0",
			"bedrock.binding.failover.cooldown-after=0 | bedrock.binding.failover.cooldown-after must be 1 or more, got 0",
			"bedrock.binding.failover.sdk-max-attempts=-1 | bedrock.binding.failover.sdk-max-attempts must be 0 or more, "
					+ "got -1",
			"bedrock.binding.failover.cooldown=-1s | bedrock.binding.failover.cooldown must be zero or more, got PT-1S" })
	void aRefusedSettingIsToldInPropertyTermsWithoutTheJavaNames(String setting, String message) {
		Throwable failure = catchThrowable(() -> BindingTestApplication
			.run("bedrock-binding-validation", List.of(), "--" + setting,
					"--bedrock.binding.inference-file.location=" + this.folder.resolve("missing.txt"))
			.close());

		FailureAnalysis analysis = new InvalidSettingFailureAnalyzer().analyze(failure);
		assertThat(analysis).as(String.valueOf(failure)).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("A Bedrock binding setting is invalid: " + message);
	}

	@Test
	void anyOtherIllegalArgumentIsLeftToBoot() {
		assertThat(new InvalidSettingFailureAnalyzer().analyze(new IllegalArgumentException("spring.main.x is bad")))
			.isNull();
	}

}
