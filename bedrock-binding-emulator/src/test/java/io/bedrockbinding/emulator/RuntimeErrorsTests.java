package io.bedrockbinding.emulator;

import java.util.List;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The errors Bedrock answers runtime calls with, as the real SDK raises them. */
class RuntimeErrorsTests {

	private static final String INVALID = "The provided model identifier is invalid.";

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	private static BedrockRuntimeClient east;

	private static BedrockRuntimeClient eu;

	@BeforeAll
	static void clients() {
		east = bedrock.clients().runtimeBuilder("us-east-1").overrideConfiguration(TestRetries.none()).build();
		eu = bedrock.clients().runtimeBuilder("eu-west-1").overrideConfiguration(TestRetries.none()).build();
	}

	@AfterAll
	static void closeClients() {
		east.close();
		eu.close();
	}

	@Test
	void modelThatNeedsAProfileIsRefusedWithTheExactOnDemandMessage() {
		assertError(() -> east.converse(ConverseTests.request(TestCatalog.SONNET_37, "hi")), ValidationException.class,
				400,
				"Invocation of model ID anthropic.claude-3-7-sonnet-20250219-v1:0 with on-demand throughput isn\u2019t supported. "
						+ "Retry your request with the ID or ARN of an inference profile that contains this model.");
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> {
			assertThat(entry.status()).isEqualTo(400);
			assertThat(entry.modelId()).isEqualTo(TestCatalog.SONNET_37);
		});
	}

	@Test
	void modelNeedsAProfileOnlyWhereTheCatalogSaysSo() {
		// Nova Pro is on demand in us-east-1 and profile-only in eu-west-1.
		assertThat(east.converse(ConverseTests.request(TestCatalog.NOVA_PRO, "hi")).stopReasonAsString())
			.isEqualTo("end_turn");
		assertError(() -> eu.converse(ConverseTests.request(TestCatalog.NOVA_PRO, "hi")), ValidationException.class,
				400, String.format(TargetResolver.ON_DEMAND_REFUSED, TestCatalog.NOVA_PRO));
	}

	@Test
	void contextLengthVariantIsRefusedOnDemand() {
		assertError(() -> east.converse(ConverseTests.request(TestCatalog.SONNET_200K, "hi")),
				ValidationException.class, 400,
				String.format(TargetResolver.ON_DEMAND_REFUSED, TestCatalog.SONNET_200K));
	}

	@Test
	void unknownModelIdIsInvalid() {
		assertError(() -> east.converse(ConverseTests.request("acme.unknown-model-v1:0", "hi")),
				ValidationException.class, 400, INVALID);
	}

	@Test
	void unknownGeographyIsInvalid() {
		assertError(() -> east.converse(ConverseTests.request("xx." + TestCatalog.HAIKU, "hi")),
				ValidationException.class, 400, INVALID);
	}

	@Test
	void profileOfAGeographyThatDoesNotServeTheRegionIsInvalid() {
		assertError(() -> east.converse(ConverseTests.request("eu." + TestCatalog.HAIKU, "hi")),
				ValidationException.class, 400, INVALID);
	}

	@Test
	void profileOfAGeographyTheModelIsNotInIsInvalid() {
		assertError(() -> east.converse(ConverseTests.request("us." + TestCatalog.LLAMA, "hi")),
				ValidationException.class, 400, INVALID);
	}

	@Test
	void arnOfAnotherRegionIsRefused() {
		String arn = "arn:aws:bedrock:us-west-2:111122223333:inference-profile/us." + TestCatalog.SONNET_37;

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> east.converse(ConverseTests.request(arn, "hi")))
			.satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(400);
				assertThat(ex.awsErrorDetails().errorMessage()).contains("us-west-2").contains("us-east-1");
			});
	}

	@Test
	void arnOfAnotherAccountIsAccessDenied() {
		String arn = "arn:aws:bedrock:us-east-1:999988887777:inference-profile/us." + TestCatalog.SONNET_37;

		assertError(() -> east.converse(ConverseTests.request(arn, "hi")), AccessDeniedException.class, 403,
				"User: arn:aws:iam::111122223333:user/local-bedrock is not authorized to perform: bedrock:InvokeModel "
						+ "on resource: " + arn
						+ " because no resource-based policy allows the bedrock:InvokeModel action");
	}

	@Test
	void unknownApplicationProfileIsInvalid() {
		String arn = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/abcdefabcdef";

		assertError(() -> east.converse(ConverseTests.request(arn, "hi")), ValidationException.class, 400, INVALID);
	}

	@Test
	void applicationProfileIsRegional() {
		String arn = bedrock.createApplicationProfile("eu-team", TestCatalog.HAIKU, "eu-west-1");

		assertThat(eu.converse(ConverseTests.request(arn, "hi")).stopReasonAsString()).isEqualTo("end_turn");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> east.converse(ConverseTests.request(arn, "hi")));
	}

	@Test
	void resetForgetsApplicationProfiles() {
		String arn = bedrock.createApplicationProfile("short-lived", TestCatalog.HAIKU, "us-east-1");
		bedrock.get().reset();

		assertError(() -> east.converse(ConverseTests.request(arn, "hi")), ValidationException.class, 400, INVALID);
	}

	@Test
	void malformedArnIsInvalid() {
		assertError(
				() -> east.converse(ConverseTests.request("arn:aws:bedrock:us-east-1:12:inference-profile/x", "hi")),
				ValidationException.class, 400, INVALID);
	}

	@Test
	void arnWithAnUnresolvedTemplateIsInvalid() {
		assertError(
				() -> east.converse(ConverseTests
					.request("arn:aws:bedrock:us-east-1:{account}:inference-profile/us." + TestCatalog.HAIKU, "hi")),
				ValidationException.class, 400, INVALID);
	}

	@Test
	void provisionedModelArnIsUnknownToTheEmulator() {
		assertError(
				() -> east.converse(ConverseTests
					.request("arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abcdefghijkl", "hi")),
				ValidationException.class, 400, INVALID);
	}

	@Test
	void requireProfileOverridesTheCatalogInOneRegion() {
		bedrock.requireProfile(TestCatalog.HAIKU, "us-east-1");

		assertError(() -> east.converse(ConverseTests.request(TestCatalog.HAIKU, "hi")), ValidationException.class, 400,
				String.format(TargetResolver.ON_DEMAND_REFUSED, TestCatalog.HAIKU));
		assertThat(eu.converse(ConverseTests.request(TestCatalog.HAIKU, "hi")).stopReasonAsString())
			.isEqualTo("end_turn");
	}

	@Test
	void allowOnDemandOverridesTheCatalog() {
		bedrock.allowOnDemand(TestCatalog.SONNET_37, "us-east-1");

		assertThat(east.converse(ConverseTests.request(TestCatalog.SONNET_37, "hi")).stopReasonAsString())
			.isEqualTo("end_turn");
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> eu.converse(ConverseTests.request(TestCatalog.SONNET_37, "hi")));
	}

	@Test
	void overridesAreForgottenOnReset() {
		bedrock.get().requireProfile(TestCatalog.HAIKU);
		bedrock.get().reset();

		assertThat(east.converse(ConverseTests.request(TestCatalog.HAIKU, "hi")).stopReasonAsString())
			.isEqualTo("end_turn");
	}

	@Test
	void overridesOfModelsOutsideTheCatalogAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> bedrock.get().allowOnDemand("acme.nothing-v1:0"))
			.withMessageContaining("acme.nothing-v1:0");
	}

	@Test
	void converseRefusesEmbeddingModels() {
		assertError(() -> east.converse(ConverseTests.request(TestCatalog.TITAN_EMBED, "hi")),
				ValidationException.class, 400,
				"This action doesn't support the model that you provided. Try again with a supported text or chat model.");
	}

	@Test
	void temperatureOutOfRangeIsAValidationError() {
		assertError(
				() -> east.converse(ConverseTests.request(TestCatalog.HAIKU, "hi")
					.toBuilder()
					.inferenceConfig(InferenceConfiguration.builder().temperature(1.5f).build())
					.build()),
				ValidationException.class, 400,
				"1 validation error detected: Value '1.5' at 'inferenceConfig.temperature' failed to satisfy constraint: "
						+ "Member must have value less than or equal to 1");
	}

	@Test
	void moreThanFourStopSequencesAreAValidationError() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> east.converse(ConverseTests.request(TestCatalog.HAIKU, "hi")
				.toBuilder()
				.inferenceConfig(InferenceConfiguration.builder().stopSequences("a", "b", "c", "d", "e").build())
				.build()))
			.withMessageContaining("inferenceConfig.stopSequences");
	}

	@Test
	void conversationMustStartWithAUserMessage() {
		assertError(
				() -> east.converse(software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest.builder()
					.modelId(TestCatalog.HAIKU)
					.messages(ConverseTests.message(
							software.amazon.awssdk.services.bedrockruntime.model.ConversationRole.ASSISTANT,
							"me first"))
					.build()),
				ValidationException.class, 400,
				"A conversation must start with a user message. Try again with a conversation that starts with a user message.");
	}

	@Test
	void conversationMustAlternateBetweenUserAndAssistant() {
		assertError(
				() -> east.converse((request) -> request.modelId(TestCatalog.HAIKU)
					.messages(ConverseTests.message(ConversationRole.USER, "first"),
							ConverseTests.message(ConversationRole.USER, "second"))),
				ValidationException.class, 400, "A conversation must alternate between user and assistant roles. "
						+ "Make sure the conversation alternates between user and assistant roles and try again.");
	}

	@Test
	void blankTextBlockIsRefusedWithItsPlace() {
		assertError(
				() -> east.converse((request) -> request.modelId(TestCatalog.HAIKU)
					.messages(ConverseTests.message(ConversationRole.USER, "hi"),
							ConverseTests.message(ConversationRole.ASSISTANT, " \n"),
							ConverseTests.message(ConversationRole.USER, "again"))),
				ValidationException.class, 400,
				"The text field in the ContentBlock object at messages.1.content.0 is blank. "
						+ "Add text to the text field, and try again.");
	}

	@Test
	void messageWithoutContentIsRefused() {
		assertError(
				() -> east.converse((request) -> request.modelId(TestCatalog.HAIKU)
					.messages(Message.builder().role(ConversationRole.USER).content(List.of()).build())),
				ValidationException.class, 400, "The content field in the Message object at messages.0 is empty. "
						+ "Add a ContentBlock object to the content field and try again.");
	}

	static void assertError(ThrowingCallable call, Class<? extends BedrockRuntimeException> type, int status,
			String message) {
		assertThatExceptionOfType(type).isThrownBy(call).satisfies((ex) -> {
			assertThat(ex.statusCode()).isEqualTo(status);
			assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(message);
			assertThat(ex.awsErrorDetails().errorCode()).isEqualTo(type.getSimpleName());
			assertThat(ex.requestId()).isNotBlank();
		});
	}

}
