package io.bedrockbinding.emulator;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycle;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * LocalBedrock reports each model's lifecycle and provider name from the catalog, refuses
 * models past their end of life by its clock, and refuses a plain model ID in a region
 * that does not offer the model.
 */
class LifecycleTests {

	private static final String CURRENT = "acme.current-v2:0";

	private static final String OLD = "acme.old-v1:0";

	private static final String GONE = "acme.gone-v1:0";

	private static final String UNNAMED = "zeta.model-v1:0";

	private static final String END_OF_LIFE = "This model version has reached the end of its life. "
			+ "Please refer to the AWS documentation for more details.";

	private static final Instant BEFORE_GONE = Instant.parse("2026-06-29T23:59:59Z");

	private static final Instant AFTER_GONE = Instant.parse("2026-06-30T00:00:00Z");

	@Test
	void listFoundationModelsReportsTheCatalogsLifecycleAndProviderName() {
		try (LocalBedrock bedrock = start(AFTER_GONE); BedrockClient client = controlPlane(bedrock)) {
			List<FoundationModelSummary> models = client.listFoundationModels((request) -> {
			}).modelSummaries();

			FoundationModelSummary old = find(models, OLD);
			FoundationModelLifecycle lifecycle = old.modelLifecycle();
			assertThat(lifecycle.status()).isEqualTo(FoundationModelLifecycleStatus.LEGACY);
			assertThat(lifecycle.legacyTime()).isEqualTo(Instant.parse("2026-01-15T00:00:00Z"));
			assertThat(lifecycle.publicExtendedAccessTime()).isEqualTo(Instant.parse("2026-06-01T00:00:00Z"));
			assertThat(lifecycle.endOfLifeTime()).isEqualTo(Instant.parse("2027-01-15T00:00:00Z"));
			assertThat(old.providerName()).isEqualTo("Acme Labs");
			FoundationModelSummary current = find(models, CURRENT);
			assertThat(current.modelLifecycle().status()).isEqualTo(FoundationModelLifecycleStatus.ACTIVE);
			assertThat(current.modelLifecycle().endOfLifeTime()).isNull();
			// no providerName in the catalog: the provider, capitalised
			assertThat(find(models, UNNAMED).providerName()).isEqualTo("Zeta");
			assertThat(client.listFoundationModels((request) -> request.byProvider("Acme Labs")).modelSummaries())
				.extracting(FoundationModelSummary::modelId)
				.contains(OLD, CURRENT)
				.doesNotContain(UNNAMED);
		}
	}

	@Test
	void aLegacyDateThatHasComeMakesTheStatusLegacy() {
		try (LocalBedrock before = start(Instant.parse("2026-01-14T12:00:00Z"));
				BedrockClient client = controlPlane(before)) {
			assertThat(client.getFoundationModel((request) -> request.modelIdentifier(OLD))
				.modelDetails()
				.modelLifecycle()
				.status()).as("catalog status LEGACY").isEqualTo(FoundationModelLifecycleStatus.LEGACY);
			assertThat(client.getFoundationModel((request) -> request.modelIdentifier("acme.soon-v1:0"))
				.modelDetails()
				.modelLifecycle()
				.status()).isEqualTo(FoundationModelLifecycleStatus.ACTIVE);
		}
		try (LocalBedrock after = start(AFTER_GONE); BedrockClient client = controlPlane(after)) {
			assertThat(client.getFoundationModel((request) -> request.modelIdentifier("acme.soon-v1:0"))
				.modelDetails()
				.modelLifecycle()
				.status()).as("legacy date 2026-03-01 has come").isEqualTo(FoundationModelLifecycleStatus.LEGACY);
		}
	}

	@Test
	void aModelPastItsEndOfLifeIsRefusedWithBedrocksError() {
		try (LocalBedrock bedrock = start(AFTER_GONE);
				BedrockRuntimeClient runtime = runtime(bedrock);
				BedrockClient client = controlPlane(bedrock)) {
			for (String identifier : List.of(GONE, "us." + GONE,
					"arn:aws:bedrock:us-east-1::foundation-model/" + GONE)) {
				assertThatExceptionOfType(ResourceNotFoundException.class).as(identifier)
					.isThrownBy(() -> converse(runtime, identifier))
					.satisfies((ex) -> {
						assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(END_OF_LIFE);
						assertThat(ex.statusCode()).isEqualTo(404);
					});
			}
			assertThatExceptionOfType(ResourceNotFoundException.class)
				.isThrownBy(() -> runtime.invokeModel((request) -> request.modelId(GONE)
					.contentType("application/json")
					.body(SdkBytes.fromUtf8String("{\"inputText\":\"hi\"}"))))
				.withMessageStartingWith(END_OF_LIFE);
			assertThatExceptionOfType(software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException.class)
				.isThrownBy(() -> client.getFoundationModel((request) -> request.modelIdentifier(GONE)))
				.withMessageStartingWith(END_OF_LIFE);
		}
	}

	@Test
	void theSameModelAnswersTheDayBeforeItsEndOfLife() {
		try (LocalBedrock bedrock = start(BEFORE_GONE); BedrockRuntimeClient runtime = runtime(bedrock)) {
			ConverseResponse response = converse(runtime, GONE);

			assertThat(response.output().message().content()).isNotEmpty();
		}
	}

	@Test
	void aPlainModelIdIsRefusedWhereTheModelIsNotOffered() {
		try (LocalBedrock bedrock = start(AFTER_GONE);
				BedrockRuntimeClient tokyo = LocalBedrockClients.of(bedrock)
					.runtimeBuilder("ap-northeast-1")
					.overrideConfiguration(TestRetries.none())
					.build()) {
			assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> converse(tokyo, CURRENT))
				.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("The provided model identifier is invalid."));
			bedrock.allowOnDemand(CURRENT, "ap-northeast-1");
			assertThat(converse(tokyo, CURRENT).output().message().content()).isNotEmpty();
		}
	}

	private static LocalBedrock start(Instant now) {
		return LocalBedrock.builder().catalog(catalog()).clock(Clock.fixed(now, ZoneOffset.UTC)).build().start();
	}

	private static BedrockClient controlPlane(LocalBedrock bedrock) {
		return LocalBedrockClients.of(bedrock)
			.controlPlaneBuilder("us-east-1")
			.overrideConfiguration(TestRetries.none())
			.build();
	}

	private static BedrockRuntimeClient runtime(LocalBedrock bedrock) {
		return LocalBedrockClients.of(bedrock)
			.runtimeBuilder("us-east-1")
			.overrideConfiguration(TestRetries.none())
			.build();
	}

	private static ConverseResponse converse(BedrockRuntimeClient runtime, String modelId) {
		return runtime.converse((request) -> request.modelId(modelId)
			.messages((message) -> message.role("user").content((content) -> content.text("hi"))));
	}

	private static FoundationModelSummary find(List<FoundationModelSummary> models, String modelId) {
		return models.stream().filter((model) -> model.modelId().equals(modelId)).findFirst().orElseThrow();
	}

	private static ModelCatalog catalog() {
		List<String> text = List.of("TEXT");
		List<String> east = List.of("us-east-1");
		return new ModelCatalog(
				List.of(model(CURRENT, "Acme Labs", east, List.of(), Lifecycle.ACTIVE),
						model(OLD, "Acme Labs", east, List.of(),
								new Lifecycle(Lifecycle.Status.LEGACY, LocalDate.of(2026, 1, 15),
										LocalDate.of(2026, 6, 1), LocalDate.of(2027, 1, 15), CURRENT)),
						model(GONE, "Acme Labs", east, List.of("us"),
								new Lifecycle(Lifecycle.Status.LEGACY, null, null, LocalDate.of(2026, 6, 30), CURRENT)),
						model("acme.soon-v1:0", "Acme Labs", east, List.of(),
								new Lifecycle(Lifecycle.Status.ACTIVE, LocalDate.of(2026, 3, 1), null, null, null)),
						new ModelInfo(UNNAMED, "zeta", "Zeta", east, List.of(), List.of(), false, true, text, text)),
				new Geographies(List.of(new Geography("us", List.of("us-east-1", "us-west-2")))));
	}

	private static ModelInfo model(String id, String providerName, List<String> onDemand, List<String> geos,
			Lifecycle lifecycle) {
		List<String> text = List.of("TEXT");
		return new ModelInfo(id, "acme", id, onDemand, List.of(), geos, false, true, text, text, providerName, false,
				lifecycle, List.of());
	}

}
