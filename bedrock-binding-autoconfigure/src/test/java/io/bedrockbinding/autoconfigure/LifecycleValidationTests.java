package io.bedrockbinding.autoconfigure;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint.BindingDescriptor;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint.BindingStatus;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint.ProblemDescriptor;
import io.bedrockbinding.actuate.health.BedrockBindingsHealthIndicator;
import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * LEGACY and END_OF_LIFE in a Spring application: the start-up validation warns or fails
 * (and the failure analyzer names the successor), by the application's {@link Clock}; the
 * actuator document and health details show them.
 */
@ExtendWith(OutputCaptureExtension.class)
class LifecycleValidationTests {

	private static final String OLD = "acme.old-v1:0";

	private static final String GONE = "acme.gone-v1:0";

	private static final String NEXT = "acme.next-v3:0";

	private static final Clock JULY = Clock.fixed(Instant.parse("2026-07-01T00:00:00Z"), ZoneOffset.UTC);

	private static final Clock JUNE = Clock.fixed(Instant.parse("2026-06-01T00:00:00Z"), ZoneOffset.UTC);

	private ApplicationContextRunner runner(Clock clock) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class, TestCredentials::test)
			.withBean(ModelCatalog.class, LifecycleValidationTests::catalog)
			.withBean(Clock.class, () -> clock)
			.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false")
			.withInitializer(RawProperties.models(OLD + "=", GONE + "="));
	}

	@Test
	void aLegacyModelIsAWarningAtStartUp(CapturedOutput output) {
		runner(JUNE).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(output).contains("Bedrock binding: " + GONE + " (" + RawProperties.SOURCE)
				.contains(") is LEGACY; its end of life is 2026-06-30; AWS recommends " + NEXT);
		});
	}

	@Test
	void aModelPastItsEndOfLifeFailsStartUpWithTheSuccessorAsTheFix() {
		runner(JULY).run((context) -> {
			assertThat(context).hasFailed();
			Throwable failure = context.getStartupFailure();
			assertThat(StartupFailures.validation(failure).problems()).extracting((problem) -> problem.code())
				.containsExactly(ProblemCode.END_OF_LIFE);
			FailureAnalysis analysis = StartupFailures.analyze(failure);
			assertThat(analysis.getDescription()).contains("- " + GONE + " (")
				.contains(
						") reached its end of life on 2026-06-30: Bedrock refuses calls to it; AWS recommends " + NEXT);
			// bound in the properties, which outrank the file: the fix is their YAML
			assertThat(analysis.getAction()).contains("For " + GONE + ", move to AWS's recommended successor")
				.contains("change it in " + RawProperties.SOURCE)
				.contains("\"[" + GONE + "]\": us." + NEXT)
				.doesNotContain(GONE + "=us." + NEXT);
		});
	}

	@Test
	void theActuatorDocumentAndHealthShowTheLifecycle() {
		runner(JULY)
			.withPropertyValues("bedrock.binding.validation.fail-fast=false", "bedrock.binding.required-models=" + GONE)
			.run((context) -> {
				BindingRegistry registry = context.getBean(BindingRegistry.class);
				BedrockBindingsEndpoint endpoint = new BedrockBindingsEndpoint(registry, Show.ALWAYS);
				BindingDescriptor gone = endpoint.binding(GONE);
				assertThat(gone.status()).isEqualTo(BindingStatus.ERROR);
				assertThat(gone.problems()).extracting(ProblemDescriptor::code).containsExactly("END_OF_LIFE");
				assertThat(gone.problems().get(0).fix()).contains("\"[" + GONE + "]\": us." + NEXT);
				BindingDescriptor old = endpoint.binding(OLD);
				assertThat(old.status()).isEqualTo(BindingStatus.WARNING);
				assertThat(old.problems()).extracting(ProblemDescriptor::code).containsExactly("LEGACY");

				Health health = new BedrockBindingsHealthIndicator(registry).health();
				assertThat(health.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.getDetails().get("errors")).asList()
					.singleElement()
					.asString()
					.contains(GONE)
					.contains("reached its end of life");
				assertThat(health.getDetails().get("legacyModels")).asList().singleElement().asString().startsWith(OLD);
			});
	}

	private static ModelCatalog catalog() {
		List<String> text = List.of("TEXT");
		List<String> east = List.of("us-east-1");
		return new ModelCatalog(
				List.of(new ModelInfo(
						OLD, "acme", "Acme Old", east, List.of(), List.of(), false, true, text, text, null, false,
						new Lifecycle(Lifecycle.Status.LEGACY, LocalDate.of(2026, 1, 15), null,
								LocalDate.of(2027, 1, 15), NEXT),
						List.of()),
						new ModelInfo(
								GONE, "acme", "Acme Gone", east, List.of(), List.of(), false, true, text, text, null,
								false,
								new Lifecycle(Lifecycle.Status.LEGACY, null, null, LocalDate.of(2026, 6, 30), NEXT),
								List.of()),
						new ModelInfo(NEXT, "acme", "Acme Next", List.of(), east, List.of("us"), true, true, text,
								text)),
				new Geographies(List.of(new Geography("us", List.of("us-east-1", "us-west-2")))));
	}

}
