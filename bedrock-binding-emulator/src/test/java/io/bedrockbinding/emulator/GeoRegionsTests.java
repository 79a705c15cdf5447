package io.bedrockbinding.emulator;

import java.util.List;

import io.bedrockbinding.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileModel;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A model's own source regions of a geography (the built-in catalog's {@code geoRegions},
 * from the model cards): LocalBedrock accepts the {@code us.} profile of Claude Haiku 4.5
 * from ca-central-1, lists it there and routes it there too, and still refuses the
 * {@code us.} profile of a model whose card does not add the region.
 */
class GeoRegionsTests {

	private static final String HAIKU_45 = "anthropic.claude-haiku-4-5-20251001-v1:0";

	private static final String OPUS_46 = "anthropic.claude-opus-4-6-v1";

	private static final String CANADA = "ca-central-1";

	@Test
	void theUsProfileOfAModelWhoseCardAddsCanadaIsCallableFromCanada() {
		try (LocalBedrock bedrock = LocalBedrock.builder().catalog(ModelCatalog.builtIn()).build().start();
				BedrockRuntimeClient runtime = runtime(bedrock)) {
			ConverseResponse response = converse(runtime, "us." + HAIKU_45);

			assertThat(response.output().message().content()).isNotEmpty();
			assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> converse(runtime, "us." + OPUS_46))
				.withMessageContaining("The provided model identifier is invalid.");
			assertThat(converse(runtime, "global." + OPUS_46).output().message().content()).isNotEmpty();
		}
	}

	@Test
	void canadaListsTheUsProfileWithItselfAmongItsDestinations() {
		try (LocalBedrock bedrock = LocalBedrock.builder().catalog(ModelCatalog.builtIn()).build().start();
				BedrockClient client = controlPlane(bedrock)) {
			List<InferenceProfileSummary> profiles = client
				.listInferenceProfilesPaginator((request) -> request.typeEquals(InferenceProfileType.SYSTEM_DEFINED))
				.inferenceProfileSummaries()
				.stream()
				.toList();

			assertThat(profiles).extracting(InferenceProfileSummary::inferenceProfileId)
				.contains("us." + HAIKU_45, "global." + HAIKU_45, "global." + OPUS_46)
				.doesNotContain("us." + OPUS_46);
			InferenceProfileSummary us = profiles.stream()
				.filter((profile) -> profile.inferenceProfileId().equals("us." + HAIKU_45))
				.findFirst()
				.orElseThrow();
			assertThat(us.models()).extracting(InferenceProfileModel::modelArn)
				.contains("arn:aws:bedrock:ca-central-1::foundation-model/" + HAIKU_45,
						"arn:aws:bedrock:us-east-1::foundation-model/" + HAIKU_45);
			FoundationModelSummary haiku = client.listFoundationModels((request) -> {
			}).modelSummaries().stream().filter((model) -> model.modelId().equals(HAIKU_45)).findFirst().orElseThrow();
			assertThat(haiku.inferenceTypesSupportedAsStrings()).containsExactly("INFERENCE_PROFILE");
		}
	}

	private static BedrockClient controlPlane(LocalBedrock bedrock) {
		return LocalBedrockClients.of(bedrock)
			.controlPlaneBuilder(CANADA)
			.overrideConfiguration(TestRetries.none())
			.build();
	}

	private static BedrockRuntimeClient runtime(LocalBedrock bedrock) {
		return LocalBedrockClients.of(bedrock).runtimeBuilder(CANADA).overrideConfiguration(TestRetries.none()).build();
	}

	private static ConverseResponse converse(BedrockRuntimeClient runtime, String modelId) {
		return runtime.converse((request) -> request.modelId(modelId)
			.messages((message) -> message.role("user").content((content) -> content.text("hi"))));
	}

}
