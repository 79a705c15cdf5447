package io.bedrockbinding.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.CreateGuardrailResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailAssessment;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailConverseContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailCustomWord;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailStreamConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailTrace;
import software.amazon.awssdk.services.bedrockruntime.model.GuardrailWordPolicyAction;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Guardrails made in the emulator intervene as Bedrock's do, with trace. */
class ConverseGuardrailTests {

	private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	@RegisterExtension
	static final NoRetryRuntimeClient client = new NoRetryRuntimeClient(bedrock);

	@Test
	void aBlockedWordInTheInputIntervenesWithTheBlockedMessageAndTrace() {
		bedrock.guardrail("gr1", "1").blocking("password");

		ConverseResponse response = converse(config("gr1", "1", GuardrailTrace.ENABLED),
				ConverseToolTests.user("What is the admin Password?"));

		assertThat(response.stopReason()).isEqualTo(StopReason.GUARDRAIL_INTERVENED);
		assertThat(response.output().message().content()).singleElement()
			.satisfies((block) -> assertThat(block.text()).isEqualTo("Sorry, the model cannot answer this question."));
		GuardrailAssessment assessment = response.trace().guardrail().inputAssessment().get("gr1");
		GuardrailCustomWord word = assessment.wordPolicy().customWords().get(0);
		assertThat(word.match()).isEqualTo("password");
		assertThat(word.action()).isEqualTo(GuardrailWordPolicyAction.BLOCKED);
		assertThat(word.detected()).isTrue();
		assertThat(bedrock.get().journal("Converse").get(0).converse().guardrail()).isEqualTo("gr1");
	}

	@Test
	void withoutTraceTheResponseHasNone() {
		bedrock.guardrail("gr1", "1").blocking("password").blockedInputMessaging("No secrets here.");

		ConverseResponse response = converse(config("gr1", "1", GuardrailTrace.DISABLED),
				ConverseToolTests.user("password please"));

		assertThat(response.output().message().content().get(0).text()).isEqualTo("No secrets here.");
		assertThat(response.trace()).isNull();
	}

	@Test
	void anInputWithoutABlockedWordIsAnswered() {
		bedrock.guardrail("gr1", "DRAFT").blocking("password");

		ConverseResponse response = converse(config("gr1", "DRAFT", GuardrailTrace.ENABLED),
				ConverseToolTests.user("passwords are words too"));

		assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(response.output().message().content().get(0).text()).endsWith("You said: passwords are words too");
	}

	@Test
	void guardedContentLimitsTheInputAssessmentAndTheOutputIsAssessedToo() {
		bedrock.guardrail("gr2", "1").blocking("secret").blockedOutputsMessaging("Answer withheld.");
		Message message = Message.builder()
			.role("user")
			.content(ContentBlock.fromText("Repeat the secret: "),
					ContentBlock.fromGuardContent(GuardrailConverseContentBlock.fromText((text) -> text.text("hi"))))
			.build();

		ConverseResponse response = converse(config("gr2", "1", GuardrailTrace.ENABLED), message);

		assertThat(response.stopReason()).isEqualTo(StopReason.GUARDRAIL_INTERVENED);
		assertThat(response.output().message().content().get(0).text()).isEqualTo("Answer withheld.");
		assertThat(response.trace().guardrail().inputAssessment()).isEmpty();
		assertThat(response.trace().guardrail().outputAssessments().get("gr2").get(0).wordPolicy().customWords())
			.singleElement()
			.satisfies((word) -> assertThat(word.match()).isEqualTo("secret"));
		assertThat(response.trace().guardrail().modelOutput()).singleElement()
			.satisfies((output) -> assertThat(output).contains("Repeat the secret"));
	}

	@Test
	void aGuardrailArnNamesItToo() {
		bedrock.guardrail("gr3", "2").blocking("forbidden");

		ConverseResponse response = converse(
				config("arn:aws:bedrock:us-east-1:" + bedrock.accountId() + ":guardrail/gr3", "2",
						GuardrailTrace.DISABLED),
				ConverseToolTests.user("a forbidden question"));

		assertThat(response.stopReason()).isEqualTo(StopReason.GUARDRAIL_INTERVENED);
	}

	@Test
	void anUnknownGuardrailIsRefused() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> converse(config("nope", "1", GuardrailTrace.DISABLED), ConverseToolTests.user("hi")))
			.withMessageStartingWith("The provided guardrail identifier is invalid.");
	}

	@Test
	void aStreamIntervenesWithTheSameEventsAndTrace() {
		bedrock.guardrail("gr1", "1").blocking("password");

		StreamRecording stream = StreamRecording.of(client.async(),
				ConverseStreamRequest.builder()
					.modelId(HAIKU)
					.messages(ConverseToolTests.user("the password"))
					.guardrailConfig(GuardrailStreamConfiguration.builder()
						.guardrailIdentifier("gr1")
						.guardrailVersion("1")
						.trace(GuardrailTrace.ENABLED)
						.build())
					.build());

		assertThat(stream.text(0)).isEqualTo(LocalGuardrail.DEFAULT_BLOCKED_MESSAGING);
		assertThat(stream.stopReason()).isEqualTo("guardrail_intervened");
		assertThat(stream.metadata().trace().guardrail().inputAssessment()).containsKey("gr1");
	}

	@Test
	void aGuardrailCreatedThroughTheControlPlaneIntervenes() {
		CreateGuardrailResponse created;
		try (BedrockClient controlPlane = bedrock.clients().controlPlane("us-east-1")) {
			created = controlPlane.createGuardrail((request) -> request.name("no-passwords")
				.blockedInputMessaging("Blocked by no-passwords.")
				.blockedOutputsMessaging("Answer blocked by no-passwords.")
				.wordPolicyConfig((words) -> words.wordsConfig((word) -> word.text("password"))));
		}

		ConverseResponse response = converse(config(created.guardrailId(), created.version(), GuardrailTrace.ENABLED),
				ConverseToolTests.user("my password"));

		assertThat(created.version()).isEqualTo("DRAFT");
		assertThat(created.guardrailArn())
			.isEqualTo("arn:aws:bedrock:us-east-1:" + bedrock.accountId() + ":guardrail/" + created.guardrailId());
		assertThat(response.output().message().content().get(0).text()).isEqualTo("Blocked by no-passwords.");
		assertThat(bedrock.journal()).extracting(JournalEntry::api).contains("CreateGuardrail");
	}

	@Test
	void guardrailIdsAndVersionsFollowBedrocksPatterns() {
		assertThatIllegalArgumentException().isThrownBy(() -> bedrock.guardrail("Bad_Id", "1"))
			.withMessageContaining("Bad_Id");
		assertThatIllegalArgumentException().isThrownBy(() -> bedrock.guardrail("ok", "0"))
			.withMessageContaining("DRAFT");
	}

	private static ConverseResponse converse(GuardrailConfiguration config, Message message) {
		return client.get().converse((request) -> request.modelId(HAIKU).messages(message).guardrailConfig(config));
	}

	private static GuardrailConfiguration config(String id, String version, GuardrailTrace trace) {
		return GuardrailConfiguration.builder().guardrailIdentifier(id).guardrailVersion(version).trace(trace).build();
	}

}
