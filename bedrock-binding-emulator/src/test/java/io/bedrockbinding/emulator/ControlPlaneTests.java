package io.bedrockbinding.emulator;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.Lifecycle;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrock.model.FoundationModelDetails;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.FoundationModelSummary;
import software.amazon.awssdk.services.bedrock.model.GetInferenceProfileResponse;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileStatus;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileSummary;
import software.amazon.awssdk.services.bedrock.model.InferenceProfileType;
import software.amazon.awssdk.services.bedrock.model.InferenceType;
import software.amazon.awssdk.services.bedrock.model.ListFoundationModelsRequest;
import software.amazon.awssdk.services.bedrock.model.ListInferenceProfilesResponse;
import software.amazon.awssdk.services.bedrock.model.ModelModality;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrock.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** The bedrock control plane through the real BedrockClient. */
class ControlPlaneTests {

	private static final String ACCOUNT = "111122223333";

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()).accountId(ACCOUNT));

	private static BedrockClient east;

	private static BedrockClient eu;

	@BeforeAll
	static void clients() {
		east = bedrock.clients().controlPlaneBuilder("us-east-1").overrideConfiguration(TestRetries.none()).build();
		eu = bedrock.clients().controlPlaneBuilder("eu-west-1").overrideConfiguration(TestRetries.none()).build();
	}

	@AfterAll
	static void closeClients() {
		east.close();
		eu.close();
	}

	@Test
	void listFoundationModelsShowsTheModelsOfTheRegion() {
		Map<String, FoundationModelSummary> models = foundationModels(east, (request) -> {
		});

		assertThat(models).doesNotContainKey(TestCatalog.SD)
			.containsKeys(TestCatalog.NOVA_PRO, TestCatalog.HAIKU, TestCatalog.SONNET_37, TestCatalog.SONNET_200K,
					TestCatalog.LLAMA, TestCatalog.DEEPSEEK);
		FoundationModelSummary nova = models.get(TestCatalog.NOVA_PRO);
		assertThat(nova.modelArn()).isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/" + TestCatalog.NOVA_PRO);
		assertThat(nova.modelName()).isEqualTo("Nova Pro");
		assertThat(nova.providerName()).isEqualTo("Amazon");
		assertThat(nova.inputModalities()).containsExactly(ModelModality.TEXT, ModelModality.IMAGE);
		assertThat(nova.outputModalities()).containsExactly(ModelModality.TEXT);
		assertThat(nova.responseStreamingSupported()).isTrue();
		assertThat(nova.modelLifecycle().status()).isEqualTo(FoundationModelLifecycleStatus.ACTIVE);
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> {
			assertThat(entry.api()).isEqualTo("ListFoundationModels");
			assertThat(entry.modelId()).isNull();
		});
	}

	@Test
	void inferenceTypesTellWhereAProfileIsNeeded() {
		Map<String, FoundationModelSummary> east1 = foundationModels(east, (request) -> {
		});
		Map<String, FoundationModelSummary> euWest1 = foundationModels(eu, (request) -> {
		});

		assertThat(east1.get(TestCatalog.NOVA_PRO).inferenceTypesSupportedAsStrings()).containsExactly("ON_DEMAND",
				"INFERENCE_PROFILE");
		assertThat(euWest1.get(TestCatalog.NOVA_PRO).inferenceTypesSupportedAsStrings())
			.containsExactly("INFERENCE_PROFILE");
		assertThat(east1.get(TestCatalog.SONNET_37).inferenceTypesSupportedAsStrings())
			.containsExactly("INFERENCE_PROFILE");
		assertThat(east1.get(TestCatalog.SONNET_200K).inferenceTypesSupportedAsStrings())
			.containsExactly("PROVISIONED");
		assertThat(east1.get(TestCatalog.LLAMA).inferenceTypesSupportedAsStrings()).containsExactly("ON_DEMAND");
		// The 2.57.8 enum does not know INFERENCE_PROFILE: REFERENCE.md says to read the
		// strings.
		assertThat(euWest1.get(TestCatalog.NOVA_PRO).inferenceTypesSupported())
			.containsExactly(InferenceType.UNKNOWN_TO_SDK_VERSION);
	}

	@Test
	void aModelMarkedProvisionedOnlyListsOnlyProvisioned() {
		String embedImage = "amazon.titan-embed-image-v1:0";
		ModelInfo provisionedOnly = new ModelInfo(embedImage, "amazon", "Titan Multimodal Embeddings G1", List.of(),
				List.of("us-east-1"), List.of(), true, false, List.of("TEXT", "IMAGE"), List.of("EMBEDDING"), null,
				true, Lifecycle.ACTIVE, List.of());
		ModelCatalog catalog = new ModelCatalog(List.of(provisionedOnly),
				new Geographies(List.of(new Geography("us", TestCatalog.US))));
		try (LocalBedrock local = LocalBedrock.builder().catalog(catalog).build().start();
				BedrockClient client = LocalBedrockClients.of(local)
					.controlPlaneBuilder("us-east-1")
					.overrideConfiguration(TestRetries.none())
					.build()) {
			assertThat(foundationModels(client, (request) -> {
			}).get(embedImage).inferenceTypesSupportedAsStrings()).containsExactly("PROVISIONED");
			assertThat(foundationModels(client, (request) -> request.byInferenceType(InferenceType.PROVISIONED)))
				.containsOnlyKeys(embedImage);
		}
	}

	@Test
	void overridesShowInTheInferenceTypes() {
		bedrock.requireProfile(TestCatalog.LLAMA, "us-east-1");

		assertThat(foundationModels(east, (request) -> {
		}).get(TestCatalog.LLAMA).inferenceTypesSupportedAsStrings()).containsExactly("INFERENCE_PROFILE");
	}

	@Test
	void filtersByProviderInferenceTypeAndOutputModality() {
		assertThat(foundationModels(east, (request) -> request.byProvider("Anthropic")))
			.containsOnlyKeys(TestCatalog.HAIKU, TestCatalog.SONNET_37, TestCatalog.SONNET_200K);
		assertThat(foundationModels(east, (request) -> request.byProvider("anthropic"))).hasSize(3);
		assertThat(foundationModels(east, (request) -> request.byInferenceType(InferenceType.ON_DEMAND)))
			.doesNotContainKeys(TestCatalog.SONNET_37, TestCatalog.SONNET_200K, TestCatalog.DEEPSEEK)
			.containsKeys(TestCatalog.NOVA_PRO, TestCatalog.HAIKU, TestCatalog.LLAMA);
		assertThat(foundationModels(east, (request) -> request.byInferenceType(InferenceType.PROVISIONED)))
			.containsOnlyKeys(TestCatalog.SONNET_200K);
		assertThat(foundationModels(east, (request) -> request.byOutputModality(ModelModality.EMBEDDING)))
			.containsOnlyKeys(TestCatalog.TITAN_EMBED, TestCatalog.COHERE_EMBED);
	}

	@ParameterizedTest
	@CsvSource({ "byOutputModality, 'TEXT, IMAGE, EMBEDDING'", "byInferenceType, 'ON_DEMAND, PROVISIONED'",
			"byCustomizationType, 'FINE_TUNING, CONTINUED_PRE_TRAINING, DISTILLATION'" })
	void anUnknownFilterValueIsAValidationError(String parameter, String allowed) {
		Consumer<ListFoundationModelsRequest.Builder> foo = switch (parameter) {
			case "byOutputModality" -> (request) -> request.byOutputModality("FOO");
			case "byInferenceType" -> (request) -> request.byInferenceType("FOO");
			default -> (request) -> request.byCustomizationType("FOO");
		};
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> east.listFoundationModels(foo))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400))
			.satisfies((ex) -> assertThat(ex.awsErrorDetails().errorMessage())
				.isEqualTo("Invalid value 'FOO' for " + parameter + ": use one of " + allowed));
	}

	@Test
	void everyFilterValueOfTheApiReferenceIsAccepted() {
		for (ModelModality modality : List.of(ModelModality.TEXT, ModelModality.IMAGE, ModelModality.EMBEDDING)) {
			assertThat(east.listFoundationModels((request) -> request.byOutputModality(modality))
				.sdkHttpResponse()
				.isSuccessful()).as(modality.toString()).isTrue();
		}
		for (String type : List.of("FINE_TUNING", "CONTINUED_PRE_TRAINING", "DISTILLATION")) {
			assertThat(foundationModels(east, (request) -> request.byCustomizationType(type))).as(type).isEmpty();
		}
		assertThat(foundationModels(east, (request) -> request.byOutputModality(ModelModality.TEXT)))
			.containsKeys(TestCatalog.NOVA_PRO, TestCatalog.HAIKU);
	}

	@Test
	void getFoundationModelByIdAndArn() {
		FoundationModelDetails byId = east.getFoundationModel((request) -> request.modelIdentifier(TestCatalog.HAIKU))
			.modelDetails();
		FoundationModelDetails byArn = east
			.getFoundationModel((request) -> request
				.modelIdentifier("arn:aws:bedrock:us-east-1::foundation-model/" + TestCatalog.HAIKU))
			.modelDetails();

		assertThat(byId.modelId()).isEqualTo(TestCatalog.HAIKU);
		assertThat(byId.providerName()).isEqualTo("Anthropic");
		assertThat(byId.inferenceTypesSupportedAsStrings()).containsExactly("ON_DEMAND", "INFERENCE_PROFILE");
		assertThat(byArn.equalsBySdkFields(byId)).as("same profile by ID and ARN").isTrue();
		assertThat(bedrock.journal()).first().satisfies((entry) -> {
			assertThat(entry.api()).isEqualTo("GetFoundationModel");
			assertThat(entry.modelId()).isEqualTo(TestCatalog.HAIKU);
		});
	}

	@Test
	void getFoundationModelOfAnUnknownModelIsNotFound() {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> east.getFoundationModel((request) -> request.modelIdentifier("acme.nothing-v1:0")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(404);
				assertThat(ex.awsErrorDetails().errorMessage())
					.isEqualTo("Could not resolve the foundation model from the provided model identifier.");
			});
	}

	@Test
	void listInferenceProfilesReturnsTheSystemProfilesServingTheRegion() {
		ListInferenceProfilesResponse response = east.listInferenceProfiles((request) -> {
		});

		assertThat(response.nextToken()).isNull();
		assertThat(response.inferenceProfileSummaries()).extracting(InferenceProfileSummary::inferenceProfileId)
			.containsExactly("us." + TestCatalog.NOVA_PRO, "us." + TestCatalog.HAIKU, "us." + TestCatalog.SONNET_37,
					"global." + TestCatalog.SONNET_37, "us." + TestCatalog.DEEPSEEK);
		InferenceProfileSummary nova = response.inferenceProfileSummaries().get(0);
		assertThat(nova.inferenceProfileArn())
			.isEqualTo("arn:aws:bedrock:us-east-1:" + ACCOUNT + ":inference-profile/us." + TestCatalog.NOVA_PRO);
		assertThat(nova.inferenceProfileName()).isEqualTo("US Nova Pro");
		assertThat(nova.description()).contains("Nova Pro");
		assertThat(nova.type()).isEqualTo(InferenceProfileType.SYSTEM_DEFINED);
		assertThat(nova.status()).isEqualTo(InferenceProfileStatus.ACTIVE);
		assertThat(nova.createdAt()).isNotNull();
		assertThat(nova.updatedAt()).isNotNull();
		assertThat(nova.models()).extracting((model) -> model.modelArn())
			.containsExactly("arn:aws:bedrock:us-east-1::foundation-model/" + TestCatalog.NOVA_PRO,
					"arn:aws:bedrock:us-east-2::foundation-model/" + TestCatalog.NOVA_PRO,
					"arn:aws:bedrock:us-west-2::foundation-model/" + TestCatalog.NOVA_PRO);
	}

	@Test
	void otherRegionsSeeTheirOwnGeographies() {
		assertThat(eu.listInferenceProfiles((request) -> {
		}).inferenceProfileSummaries()).extracting(InferenceProfileSummary::inferenceProfileId)
			.containsExactly("eu." + TestCatalog.NOVA_PRO, "eu." + TestCatalog.HAIKU, "eu." + TestCatalog.SONNET_37,
					"global." + TestCatalog.SONNET_37);
	}

	@Test
	void applicationProfilesAreListedOnlyByTypeAndRegion() {
		String arn = bedrock.createApplicationProfile("team-a", TestCatalog.HAIKU, "us-east-1");
		bedrock.createApplicationProfile("team-b", TestCatalog.HAIKU, "eu-west-1");

		List<InferenceProfileSummary> application = east
			.listInferenceProfiles((request) -> request.typeEquals(InferenceProfileType.APPLICATION))
			.inferenceProfileSummaries();

		assertThat(application).singleElement().satisfies((profile) -> {
			assertThat(profile.inferenceProfileArn()).isEqualTo(arn);
			assertThat(profile.inferenceProfileName()).isEqualTo("team-a");
			assertThat(profile.type()).isEqualTo(InferenceProfileType.APPLICATION);
			assertThat(profile.models()).extracting((model) -> model.modelArn())
				.containsExactly("arn:aws:bedrock:us-east-1::foundation-model/" + TestCatalog.HAIKU);
		});
		assertThat(east.listInferenceProfiles((request) -> {
		}).inferenceProfileSummaries()).extracting(InferenceProfileSummary::type)
			.containsOnly(InferenceProfileType.SYSTEM_DEFINED);
		assertThat(east.listInferenceProfiles((request) -> request.typeEquals(InferenceProfileType.SYSTEM_DEFINED))
			.inferenceProfileSummaries()).hasSize(5);
	}

	@Test
	void paginationWalksEveryPage() {
		List<String> all = east.listInferenceProfiles((request) -> {
		}).inferenceProfileSummaries().stream().map(InferenceProfileSummary::inferenceProfileId).toList();
		bedrock.get().reset();

		List<String> paged = east.listInferenceProfilesPaginator((request) -> request.maxResults(2))
			.inferenceProfileSummaries()
			.stream()
			.map(InferenceProfileSummary::inferenceProfileId)
			.toList();

		assertThat(paged).isEqualTo(all).hasSize(5);
		List<JournalEntry> pages = bedrock.journal();
		assertThat(pages).hasSize(3).allSatisfy((entry) -> assertThat(entry.api()).isEqualTo("ListInferenceProfiles"));
		assertThat(pages.get(0).body()).isEqualTo("maxResults=2");
		assertThat(pages.get(1).body()).startsWith("maxResults=2&nextToken=");
	}

	@Test
	void invalidPaginationInputIsAValidationError() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> east.listInferenceProfiles((request) -> request.nextToken("not-a-token")))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(400));
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> east.listInferenceProfiles((request) -> request.maxResults(0)))
			.withMessageContaining("maxResults");
	}

	@Test
	void getInferenceProfileByIdAndByArn() {
		GetInferenceProfileResponse byId = east
			.getInferenceProfile((request) -> request.inferenceProfileIdentifier("us." + TestCatalog.SONNET_37));
		GetInferenceProfileResponse byArn = east.getInferenceProfile((request) -> request.inferenceProfileIdentifier(
				"arn:aws:bedrock:us-east-1:" + ACCOUNT + ":inference-profile/us." + TestCatalog.SONNET_37));

		assertThat(byId.inferenceProfileId()).isEqualTo("us." + TestCatalog.SONNET_37);
		assertThat(byId.type()).isEqualTo(InferenceProfileType.SYSTEM_DEFINED);
		assertThat(byId.models()).hasSize(3);
		assertThat(byArn.equalsBySdkFields(byId)).as("same profile by ID and ARN").isTrue();
		assertThat(bedrock.journal()).extracting(JournalEntry::modelId)
			.containsExactly("us." + TestCatalog.SONNET_37,
					"arn:aws:bedrock:us-east-1:" + ACCOUNT + ":inference-profile/us." + TestCatalog.SONNET_37);
	}

	@Test
	void getInferenceProfileReportsTheModelOfAnApplicationProfile() {
		String arn = bedrock.createApplicationProfile("copied", "us." + TestCatalog.NOVA_PRO, "us-east-1");
		String id = arn.substring(arn.lastIndexOf('/') + 1);

		GetInferenceProfileResponse byArn = east
			.getInferenceProfile((request) -> request.inferenceProfileIdentifier(arn));
		GetInferenceProfileResponse byId = east
			.getInferenceProfile((request) -> request.inferenceProfileIdentifier(id));

		assertThat(byArn.type()).isEqualTo(InferenceProfileType.APPLICATION);
		assertThat(byArn.inferenceProfileName()).isEqualTo("copied");
		assertThat(byArn.inferenceProfileId()).isEqualTo(id);
		assertThat(byArn.models()).extracting((model) -> model.modelArn())
			.allSatisfy((modelArn) -> assertThat(modelArn).endsWith("::foundation-model/" + TestCatalog.NOVA_PRO))
			.hasSize(3);
		assertThat(byId.equalsBySdkFields(byArn)).as("same profile by ID and ARN").isTrue();
	}

	@Test
	void getInferenceProfileErrors() {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> east
				.getInferenceProfile((request) -> request.inferenceProfileIdentifier("eu." + TestCatalog.HAIKU)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(404));
		assertThatExceptionOfType(ResourceNotFoundException.class).isThrownBy(
				() -> east.getInferenceProfile((request) -> request.inferenceProfileIdentifier("abcdefabcdef")));
		assertThatExceptionOfType(AccessDeniedException.class)
			.isThrownBy(() -> east.getInferenceProfile((request) -> request.inferenceProfileIdentifier(
					"arn:aws:bedrock:us-east-1:999988887777:inference-profile/us." + TestCatalog.HAIKU)))
			.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(403));
	}

	private static Map<String, FoundationModelSummary> foundationModels(BedrockClient client,
			Consumer<ListFoundationModelsRequest.Builder> request) {
		return client.listFoundationModels(request)
			.modelSummaries()
			.stream()
			.collect(Collectors.toMap(FoundationModelSummary::modelId, Function.identity()));
	}

}
