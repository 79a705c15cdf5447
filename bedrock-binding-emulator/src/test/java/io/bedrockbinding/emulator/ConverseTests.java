package io.bedrockbinding.emulator;

import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Converse through the real sync client: replies, usage, stop reasons, targets, regions,
 * journal.
 */
class ConverseTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	private static BedrockRuntimeClient east;

	private static BedrockRuntimeClient west;

	@BeforeAll
	static void clients() {
		east = bedrock.clients().runtimeBuilder("us-east-1").overrideConfiguration(TestRetries.none()).build();
		west = bedrock.clients().runtimeBuilder("us-west-2").overrideConfiguration(TestRetries.none()).build();
	}

	@AfterAll
	static void closeClients() {
		east.close();
		west.close();
	}

	@Test
	void directCallOfOnDemandModelEchoesThePrompt() {
		ConverseResponse response = east.converse(request(TestCatalog.HAIKU, "Hello there"));

		assertThat(text(response)).isEqualTo("[" + TestCatalog.HAIKU + "] You said: Hello there");
		assertThat(response.output().message().role()).isEqualTo(ConversationRole.ASSISTANT);
		assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(response.usage().inputTokens()).isPositive();
		assertThat(response.usage().outputTokens()).isEqualTo(Generation.tokens(text(response)));
		assertThat(response.usage().totalTokens())
			.isEqualTo(response.usage().inputTokens() + response.usage().outputTokens());
		assertThat(response.metrics().latencyMs()).isNotNull().isNotNegative();
		List<JournalEntry> journal = bedrock.journal();
		assertThat(journal).hasSize(1);
		assertThat(journal.get(0).api()).isEqualTo("Converse");
		assertThat(journal.get(0).modelId()).isEqualTo(TestCatalog.HAIKU);
		assertThat(journal.get(0).region()).isEqualTo("us-east-1");
		assertThat(journal.get(0).body()).contains("\"Hello there\"");
		assertThat(journal.get(0).status()).isEqualTo(200);
	}

	@Test
	void tokensGrowWithTheText() {
		ConverseResponse small = east.converse(request(TestCatalog.HAIKU, "Hi"));
		ConverseResponse large = east.converse(request(TestCatalog.HAIKU, "Hi ".repeat(100)));

		assertThat(large.usage().inputTokens()).isGreaterThan(small.usage().inputTokens() + 50);
		assertThat(large.usage().outputTokens()).isGreaterThan(small.usage().outputTokens() + 50);
	}

	@Test
	void systemPromptAndEarlierMessagesCountAsInput() {
		ConverseResponse plain = east.converse(request(TestCatalog.HAIKU, "Hi"));
		ConverseResponse withSystem = east.converse(request(TestCatalog.HAIKU, "Hi").toBuilder()
			.system(SystemContentBlock.fromText("You are a very helpful assistant with a long system prompt."))
			.build());

		assertThat(withSystem.usage().inputTokens()).isGreaterThan(plain.usage().inputTokens());
		assertThat(text(withSystem)).isEqualTo(text(plain));
	}

	@Test
	void systemProfileIdNamesModelAndTarget() {
		BedrockRuntimeClient client = bedrock.clients()
			.runtimeBuilder("us-east-2")
			.overrideConfiguration(TestRetries.none())
			.build();
		try (client) {
			ConverseResponse response = client.converse(request("us." + TestCatalog.NOVA_PRO, "profile please"));

			assertThat(text(response)).isEqualTo(
					"[" + TestCatalog.NOVA_PRO + " via us." + TestCatalog.NOVA_PRO + "] You said: profile please");
		}
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> {
			assertThat(entry.modelId()).isEqualTo("us." + TestCatalog.NOVA_PRO);
			assertThat(entry.region()).isEqualTo("us-east-2");
		});
	}

	@Test
	void globalProfileServesItsRegions() {
		ConverseResponse response = west.converse(request("global." + TestCatalog.SONNET_37, "around the world"));

		assertThat(text(response))
			.startsWith("[" + TestCatalog.SONNET_37 + " via global." + TestCatalog.SONNET_37 + "]");
	}

	@Test
	void inferenceProfileArnIsDecodedFromThePath() {
		String arn = "arn:aws:bedrock:us-west-2:111122223333:inference-profile/us." + TestCatalog.SONNET_37;

		ConverseResponse response = west.converse(request(arn, "by ARN"));

		assertThat(text(response)).isEqualTo("[" + TestCatalog.SONNET_37 + " via " + arn + "] You said: by ARN");
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> assertThat(entry.modelId()).isEqualTo(arn));
	}

	@Test
	void foundationModelArnActsAsThePlainModelId() {
		String arn = "arn:aws:bedrock:us-east-1::foundation-model/" + TestCatalog.HAIKU;

		ConverseResponse response = east.converse(request(arn, "foundation"));

		assertThat(text(response)).isEqualTo("[" + TestCatalog.HAIKU + " via " + arn + "] You said: foundation");
	}

	@Test
	void applicationProfileOfAModelRoutesToIt() {
		String arn = bedrock.createApplicationProfile("chat-team", TestCatalog.HAIKU, "us-east-1");

		ConverseResponse response = east.converse(request(arn, "tagged"));

		assertThat(arn).matches("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/[a-z0-9]{12}");
		assertThat(text(response)).isEqualTo("[" + TestCatalog.HAIKU + " via " + arn + "] You said: tagged");
	}

	@Test
	void applicationProfileOfASystemProfileRoutesToAModelThatNeedsAProfile() {
		String arn = bedrock.createApplicationProfile("sonnet-team", "us." + TestCatalog.SONNET_37, "us-east-1");

		ConverseResponse response = east.converse(request(arn, "copied"));

		assertThat(text(response)).startsWith("[" + TestCatalog.SONNET_37 + " via " + arn + "]");
	}

	@Test
	void maxTokensTruncatesTheReply() {
		ConverseResponse response = east
			.converse(request(TestCatalog.HAIKU, "a long prompt that will not fit").toBuilder()
				.inferenceConfig(InferenceConfiguration.builder().maxTokens(3).build())
				.build());

		assertThat(response.stopReason()).isEqualTo(StopReason.MAX_TOKENS);
		assertThat(response.usage().outputTokens()).isEqualTo(3);
		assertThat(text(response)).isEqualTo(("[" + TestCatalog.HAIKU).substring(0, 12));
	}

	@Test
	void stopSequenceInTheReplyCutsIt() {
		ConverseResponse response = east.converse(request(TestCatalog.HAIKU, "one two STOP three").toBuilder()
			.inferenceConfig(InferenceConfiguration.builder().stopSequences("STOP", "never").build())
			.build());

		assertThat(response.stopReason()).isEqualTo(StopReason.STOP_SEQUENCE);
		assertThat(text(response)).isEqualTo("[" + TestCatalog.HAIKU + "] You said: one two ");
	}

	@Test
	void lastUserMessageIsTheOneEchoed() {
		ConverseResponse response = east.converse(ConverseRequest.builder()
			.modelId(TestCatalog.HAIKU)
			.messages(message(ConversationRole.USER, "first"), message(ConversationRole.ASSISTANT, "answer"),
					message(ConversationRole.USER, "second"))
			.build());

		assertThat(text(response)).endsWith("You said: second");
	}

	@Test
	void regionComesFromTheSignature() {
		east.converse(request(TestCatalog.HAIKU, "east"));
		west.converse(request(TestCatalog.HAIKU, "west"));

		assertThat(bedrock.journal()).extracting(JournalEntry::region).containsExactly("us-east-1", "us-west-2");
	}

	@Test
	void bearerTokenCallsGetTheDefaultRegion() {
		// The client is configured for us-west-2, but a bearer token carries no region.
		try (BedrockRuntimeClient client = bedrock.clients()
			.runtimeWithApiKeyBuilder("bedrock-api-key-test")
			.region(Region.US_WEST_2)
			.overrideConfiguration(TestRetries.none())
			.build()) {
			ConverseResponse response = client.converse(request(TestCatalog.HAIKU, "with an API key"));

			assertThat(text(response)).endsWith("You said: with an API key");
		}
		assertThat(bedrock.journal()).singleElement()
			.satisfies((entry) -> assertThat(entry.region()).isEqualTo(bedrock.get().defaultRegion()));
	}

	static ConverseRequest request(String modelId, String prompt) {
		return ConverseRequest.builder().modelId(modelId).messages(message(ConversationRole.USER, prompt)).build();
	}

	static Message message(ConversationRole role, String text) {
		return Message.builder().role(role).content(ContentBlock.fromText(text)).build();
	}

	static String text(ConverseResponse response) {
		return response.output().message().content().get(0).text();
	}

}
