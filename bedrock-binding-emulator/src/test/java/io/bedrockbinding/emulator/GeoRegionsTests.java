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
 * from the model cards, in place of the geography's regions): LocalBedrock accepts the
 * {@code us.} profile of Claude Haiku 4.5 from ca-central-1, lists it there and routes it
 * there too, and still refuses the {@code us.} profile of a model whose card does not add
 * the region; it refuses the {@code au.} profile of Claude Opus 4.7 from ap-southeast-6,
 * which the {@code au} geography has but the model's card does not list.
 */
class GeoRegionsTests {

	private static final String HAIKU_45 = "anthropic.claude-haiku-4-5-20251001-v1:0";

	private static final String OPUS_46 = "anthropic.claude-opus-4-6-v1";

	private static final String OPUS_47 = "anthropic.claude-opus-4-7";

	private static final String CANADA = "ca-central-1";

	private static final String NEW_ZEALAND = "ap-southeast-6";

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
	void theAuProfileOfAModelWhoseCardLeavesOutNewZealandIsRefusedThere() {
		try (LocalBedrock bedrock = LocalBedrock.builder().catalog(ModelCatalog.builtIn()).build().start();
				BedrockRuntimeClient newZealand = runtime(bedrock, NEW_ZEALAND);
				BedrockRuntimeClient sydney = runtime(bedrock, "ap-southeast-2")) {
			// the refusal of any profile its source region cannot call (us. of Opus 4.6
			// from Canada above)
			assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> converse(newZealand, "au." + OPUS_47))
				.withMessageContaining("The provided model identifier is invalid.");
			assertThat(converse(newZealand, "global." + OPUS_47).output().message().content()).isNotEmpty();
			assertThat(converse(newZealand, "au." + HAIKU_45).output().message().content()).isNotEmpty();
			assertThat(converse(sydney, "au." + OPUS_47).output().message().content()).isNotEmpty();
		}
	}

	@Test
	void theAuProfileOfOpus47IsListedAndRoutedOnlyWhereItsCardSays() {
		try (LocalBedrock bedrock = LocalBedrock.builder().catalog(ModelCatalog.builtIn()).build().start();
				BedrockClient newZealand = controlPlane(bedrock, NEW_ZEALAND);
				BedrockClient sydney = controlPlane(bedrock, "ap-southeast-2")) {
			assertThat(systemProfiles(newZealand)).extracting(InferenceProfileSummary::inferenceProfileId)
				.contains("au." + HAIKU_45, "global." + OPUS_47)
				.doesNotContain("au." + OPUS_47);
			InferenceProfileSummary au = systemProfiles(sydney).stream()
				.filter((profile) -> profile.inferenceProfileId().equals("au." + OPUS_47))
				.findFirst()
				.orElseThrow();
			assertThat(au.models()).extracting(InferenceProfileModel::modelArn)
				.containsExactly("arn:aws:bedrock:ap-southeast-2::foundation-model/" + OPUS_47,
						"arn:aws:bedrock:ap-southeast-4::foundation-model/" + OPUS_47);
		}
	}

	@Test
	void canadaListsTheUsProfileWithItselfAmongItsDestinations() {
		try (LocalBedrock bedrock = LocalBedrock.builder().catalog(ModelCatalog.builtIn()).build().start();
				BedrockClient client = controlPlane(bedrock, CANADA)) {
			List<InferenceProfileSummary> profiles = systemProfiles(client);

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

	private static List<InferenceProfileSummary> systemProfiles(BedrockClient client) {
		return client
			.listInferenceProfilesPaginator((request) -> request.typeEquals(InferenceProfileType.SYSTEM_DEFINED))
			.inferenceProfileSummaries()
			.stream()
			.toList();
	}

	private static BedrockClient controlPlane(LocalBedrock bedrock, String region) {
		return LocalBedrockClients.of(bedrock)
			.controlPlaneBuilder(region)
			.overrideConfiguration(TestRetries.none())
			.build();
	}

	private static BedrockRuntimeClient runtime(LocalBedrock bedrock) {
		return runtime(bedrock, CANADA);
	}

	private static BedrockRuntimeClient runtime(LocalBedrock bedrock, String region) {
		return LocalBedrockClients.of(bedrock).runtimeBuilder(region).overrideConfiguration(TestRetries.none()).build();
	}

	private static ConverseResponse converse(BedrockRuntimeClient runtime, String modelId) {
		return runtime.converse((request) -> request.modelId(modelId)
			.messages((message) -> message.role("user").content((content) -> content.text("hi"))));
	}

}
