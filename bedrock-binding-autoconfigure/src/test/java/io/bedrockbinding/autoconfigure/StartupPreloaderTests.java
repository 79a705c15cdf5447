package io.bedrockbinding.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationListener;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The background read of the built-in catalog and warm-up of the registry's code:
 * registered for every Spring Boot application, off where the starter is off, and never
 * in the way of the start-up validation, which still runs on the main thread.
 */
@ExtendWith(OutputCaptureExtension.class)
class StartupPreloaderTests {

	@TempDir
	Path folder;

	@Test
	void aBadBindingStillFailsTheStartWithTheAnalyzersMessageAfterTheWarmUp(CapturedOutput output) {
		// the warm-up of the application's region done before the start, on this thread,
		// and again by the listener (SpringApplication registers it from
		// spring.factories)
		StartupPreloader.preload("eu-west-1");
		Path file = BindingTestApplication.copy("bedrock-binding-validation/inference-direct.txt", this.folder);
		Throwable failure = catchThrowable(() -> BindingTestApplication
			.run("bedrock-binding-validation", List.of("default"), "--bedrock.binding.inference-file.location=" + file)
			.close());
		FailureAnalysis analysis = StartupFailures.analyze(failure);
		assertThat(analysis.getDescription()).contains("amazon.nova-pro-v1:0 is bound direct (" + file + ":2)")
			.doesNotContain("warm-up");
		assertThat(analysis.getAction()).contains("amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0");
		assertThat(output).contains("APPLICATION FAILED TO START");
	}

	@Test
	void theWarmUpSwallowsWhatItCannotDoForTheMainThreadToReport() {
		assertThatNoException().isThrownBy(() -> StartupPreloader.preload("not a region"));
	}

	@Test
	void isRegisteredAsAnApplicationListener() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation().load(ApplicationListener.class))
			.hasAtLeastOneElementOfType(StartupPreloader.class);
	}

	@Test
	void preloadsByDefault() {
		assertThat(StartupPreloader.preloads(new MockEnvironment())).isTrue();
	}

	@Test
	void doesNothingWhenTheStarterIsSwitchedOff() {
		assertThat(StartupPreloader.preloads(new MockEnvironment().withProperty("bedrock.binding.enabled", "false")))
			.isFalse();
	}

	@Test
	void doesNothingWhenBootsBackgroundPreinitializationIsSwitchedOff() {
		System.setProperty("spring.backgroundpreinitializer.ignore", "true");
		try {
			assertThat(StartupPreloader.preloads(new MockEnvironment())).isFalse();
		}
		finally {
			System.clearProperty("spring.backgroundpreinitializer.ignore");
		}
	}

}
