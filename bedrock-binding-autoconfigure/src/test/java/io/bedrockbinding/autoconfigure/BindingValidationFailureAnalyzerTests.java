package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Start-up validation, run as a Spring Boot application with config files (resources in
 * {@code bedrock-binding-validation/}, region eu-west-1, derived profiles off), and what
 * {@link BindingValidationFailureAnalyzer} tells the user.
 */
@ExtendWith(OutputCaptureExtension.class)
class BindingValidationFailureAnalyzerTests {

	private static final String FILE_LINE = "amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0";

	private static final String YAML_LINE = "\"[amazon.nova-pro-v1:0]\": eu.amazon.nova-pro-v1:0";

	@TempDir
	Path folder;

	private Throwable startUpFailure(String profile, String... arguments) {
		List<String> args = new java.util.ArrayList<>(List.of(arguments));
		if (args.stream().noneMatch((arg) -> arg.startsWith("--bedrock.binding.inference-file.location="))) {
			args.add("--bedrock.binding.inference-file.location=" + this.folder.resolve("missing.txt"));
		}
		Throwable failure = catchThrowable(() -> BindingTestApplication
			.run("bedrock-binding-validation", List.of(profile), args.toArray(String[]::new))
			.close());
		assertThat(failure).as("start-up with profile " + profile).isNotNull();
		return failure;
	}

	@Test
	void requiredModelWithoutBinding() {
		Throwable failure = startUpFailure("required");
		assertThat(StartupFailures.validation(failure).problems()).extracting((problem) -> problem.code())
			.containsExactly(ProblemCode.REQUIRED_UNBOUND);
		FailureAnalysis analysis = StartupFailures.analyze(failure);
		assertThat(analysis.getDescription()).contains("Bedrock model bindings are invalid")
			.contains(
					"amazon.nova-pro-v1:0 is listed in bedrock.binding.required-models (bedrock-binding-validation/application-required.yml) "
							+ "but has no binding");
		assertThat(analysis.getAction()).contains("For amazon.nova-pro-v1:0")
			.contains(FILE_LINE)
			.contains(YAML_LINE)
			.contains("bedrock.binding.validation.fail-fast=false");
	}

	@Test
	void requiredModelThatIsAProfileIdIsNotAModelIDAndGetsNoLineThatCannotBind() {
		Throwable failure = startUpFailure("required", "--bedrock.binding.required-models=us.amazon.nova-pro-v1:0");
		FailureAnalysis analysis = StartupFailures.analyze(failure);
		assertThat(analysis.getDescription())
			.contains("us.amazon.nova-pro-v1:0 is listed in bedrock.binding.required-models (commandLineArgs) "
					+ "but is not a model ID: 'us' is a geo profile prefix");
		// a line keyed by a profile ID is itself refused: it must not be offered as the
		// fix
		assertThat(analysis.getAction()).doesNotContain("us.amazon.nova-pro-v1:0=")
			.contains("list the model ID in bedrock.binding.required-models, not a profile ID or ARN");
	}

	@Test
	void modelIdsInUpperCaseAreToldTheLowerCaseModelId() throws IOException {
		Path file = this.folder.resolve("inference.txt");
		Files.writeString(file, "Amazon.Nova-Lite-v1:0=eu.amazon.nova-lite-v1:0\n");
		Throwable failure = startUpFailure("required", "--bedrock.binding.required-models=Amazon.Nova-Pro-v1:0",
				"--bedrock.binding.models[Amazon.Nova-Micro-v1:0]=eu.amazon.nova-micro-v1:0",
				"--bedrock.binding.inference-file.location=" + file, "--bedrock.binding.inference-file.strict=true");
		FailureAnalysis analysis = StartupFailures.analyze(failure);
		assertThat(analysis.getDescription())
			.contains("- Amazon.Nova-Pro-v1:0 is listed in "
					+ "bedrock.binding.required-models (commandLineArgs) but is not a model ID: Bedrock model IDs are "
					+ "lower case: use amazon.nova-pro-v1:0")
			.contains("- Amazon.Nova-Micro-v1:0: Bedrock model IDs are lower case: use amazon.nova-micro-v1:0 in "
					+ "'Amazon.Nova-Micro-v1:0' (commandLineArgs)")
			.contains(file + ":1: error: Bedrock model IDs are lower case: use amazon.nova-lite-v1:0 in "
					+ "'Amazon.Nova-Lite-v1:0'");
		assertThat(analysis.getAction())
			.contains("For Amazon.Nova-Pro-v1:0, list amazon.nova-pro-v1:0 in bedrock.binding.required-models")
			.doesNotContain("not a profile ID or ARN");
	}

	@Test
	void brokenLinesOfAStrictFileAreToldTheStrictSetting() throws IOException {
		Path file = this.folder.resolve("inference.txt");
		Files.writeString(file, "amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\nthis line is broken\n");
		Throwable failure = startUpFailure("default", "--bedrock.binding.inference-file.location=" + file,
				"--bedrock.binding.inference-file.strict=true");
		FailureAnalysis analysis = StartupFailures.analyze(failure);
		assertThat(analysis.getDescription()).contains(file + ":2: error: no '='");
		assertThat(analysis.getAction()).contains("correct or remove the binding at " + file + ":2")
			.endsWith("Or set bedrock.binding.inference-file.strict=false to start with the inference file's broken "
					+ "lines logged instead.")
			.doesNotContain("fail-fast");
	}

	@Test
	void brokenLinesOfAStrictFileAndBindingErrorsAreToldBothSettings() throws IOException {
		Path file = this.folder.resolve("inference.txt");
		Files.writeString(file, "this line is broken\n");
		Throwable failure = startUpFailure("direct", "--bedrock.binding.inference-file.location=" + file,
				"--bedrock.binding.inference-file.strict=true");
		FailureAnalysis analysis = StartupFailures.analyze(failure);
		assertThat(analysis.getAction()).endsWith("Or set bedrock.binding.validation.fail-fast=false to start with "
				+ "warnings instead (the inference file's broken lines are errors because "
				+ "bedrock.binding.inference-file.strict=true).");
	}

	@Test
	void invalidTargetInYaml() {
		Throwable failure = startUpFailure("invalid");
		assertThat(StartupFailures.validation(failure).problems()).extracting((problem) -> problem.code())
			.containsExactly(ProblemCode.INVALID_TARGET);
		FailureAnalysis analysis = StartupFailures.analyze(failure);
		assertThat(analysis.getDescription()).containsPattern("- amazon\\.nova-pro-v1:0: .*'us\\.amazon\\.nova pro'")
			.contains("(bedrock-binding-validation/application-invalid.yml)");
		// the properties outrank the file: the fix is in the YAML
		assertThat(analysis.getAction()).contains("bedrock-binding-validation/application-invalid.yml")
			.contains(YAML_LINE)
			.doesNotContain(FILE_LINE);
	}

	@Test
	void modelThatNeedsAProfileBoundDirectInYaml() {
		Throwable failure = startUpFailure("direct");
		FailureAnalysis analysis = StartupFailures.analyze(failure);
		assertThat(StartupFailures.validation(failure).problems()).extracting((problem) -> problem.code())
			.containsExactly(ProblemCode.NEEDS_PROFILE);
		assertThat(analysis.getDescription()).contains(
				"amazon.nova-pro-v1:0 is bound direct (bedrock-binding-validation/application-direct.yml) but needs an inference profile in eu-west-1");
		assertThat(analysis.getAction())
			.contains("For amazon.nova-pro-v1:0, change it in bedrock-binding-validation/application-direct.yml (the "
					+ "properties outrank inference.txt):\n    bedrock:\n      binding:\n        models:\n          "
					+ YAML_LINE)
			.doesNotContain("inference.txt:");
	}

	@Test
	void modelThatNeedsAProfileBoundDirectInTheFile() {
		Path file = BindingTestApplication.copy("bedrock-binding-validation/inference-direct.txt", this.folder);
		Throwable failure = startUpFailure("default", "--bedrock.binding.inference-file.location=" + file);
		FailureAnalysis analysis = StartupFailures.analyze(failure);
		assertThat(analysis.getDescription()).contains("amazon.nova-pro-v1:0 is bound direct (" + file + ":2)");
		assertThat(analysis.getAction()).contains(FILE_LINE);
	}

	@Test
	void validationRunsWithLazyInitialization() {
		Throwable failure = startUpFailure("direct", "--spring.main.lazy-initialization=true");
		assertThat(StartupFailures.validation(failure).problems()).extracting((problem) -> problem.code())
			.containsExactly(ProblemCode.NEEDS_PROFILE);
	}

	@Test
	void analysisIsPrintedWhenAnApplicationFailsToStart(CapturedOutput output) {
		startUpFailure("direct");
		// The analyzer is registered in spring.factories: SpringApplication found and ran
		// it.
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("amazon.nova-pro-v1:0 is bound direct (bedrock-binding-validation/application-direct.yml)")
			.contains(YAML_LINE);
	}

	@Test
	void failFastFalseTurnsErrorsIntoWarnings(CapturedOutput output) {
		try (ConfigurableApplicationContext context = BindingTestApplication.run("bedrock-binding-validation",
				List.of("direct", "required"), "--bedrock.binding.validation.fail-fast=false",
				"--bedrock.binding.inference-file.location=" + this.folder.resolve("missing.txt"))) {
			assertThat(context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0").target().value())
				.isEqualTo("amazon.nova-pro-v1:0");
		}
		assertThat(output).contains("Bedrock binding error (bedrock.binding.validation.fail-fast=false): "
				+ "amazon.nova-pro-v1:0 is bound direct (bedrock-binding-validation/application-direct.yml) but needs an inference profile in eu-west-1")
			.contains(YAML_LINE)
			.doesNotContain("APPLICATION FAILED TO START");
	}

	@Test
	void otherFailuresAreNotAnalyzed() {
		assertThat(new BindingValidationFailureAnalyzer().analyze(new IllegalStateException("unrelated"))).isNull();
	}

}
