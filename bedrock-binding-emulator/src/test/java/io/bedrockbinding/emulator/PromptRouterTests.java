package io.bedrockbinding.emulator;

import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.GetPromptRouterResponse;
import software.amazon.awssdk.services.bedrock.model.PromptRouterSummary;
import software.amazon.awssdk.services.bedrock.model.PromptRouterTargetModel;
import software.amazon.awssdk.services.bedrock.model.PromptRouterType;
import software.amazon.awssdk.services.bedrock.model.ResourceNotFoundException;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Prompt routers: Converse and ConverseStream answered by one of the router's models, and
 * ListPromptRouters / GetPromptRouter through the real SDK clients.
 */
class PromptRouterTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	private static BedrockRuntimeClient east;

	private static BedrockRuntimeAsyncClient eastAsync;

	private static BedrockClient control;

	@BeforeAll
	static void clients() {
		east = bedrock.clients().runtimeBuilder("us-east-1").overrideConfiguration(TestRetries.none()).build();
		eastAsync = bedrock.clients()
			.runtimeAsyncBuilder("us-east-1")
			.overrideConfiguration(TestRetries.none())
			.build();
		control = bedrock.clients().controlPlaneBuilder("us-east-1").overrideConfiguration(TestRetries.none()).build();
	}

	@AfterAll
	static void closeClients() {
		east.close();
		eastAsync.close();
		control.close();
	}

	@Test
	void converseWithARouterArnAnswersFromOneOfItsModelsAndJournalsIt() {
		String arn = bedrock.promptRouters()
			.create("support", "us-east-1", TestCatalog.HAIKU, TestCatalog.HAIKU, TestCatalog.SONNET_37);

		Set<String> answeredBy = new java.util.HashSet<>();
		for (int i = 0; i < 12; i++) {
			ConverseResponse response = east.converse(ConverseTests.request(arn, "question " + i));
			String invoked = response.trace().promptRouter().invokedModelId();
			String modelId = invoked.substring(invoked.indexOf('/') + 1);
			assertThat(invoked).isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/" + modelId);
			assertThat(ConverseTests.text(response)).startsWith("[" + modelId + " via " + arn + "]");
			assertThat(bedrock.journal()).last().satisfies((entry) -> {
				assertThat(entry.modelId()).isEqualTo(arn);
				assertThat(entry.routedModelId()).isEqualTo(modelId);
			});
			answeredBy.add(modelId);
		}

		assertThat(arn).matches("arn:aws:bedrock:us-east-1:111122223333:prompt-router/[a-z0-9]{12}");
		// 12 different requests reach both models (each has a 1 in 2^12 chance to miss)
		assertThat(answeredBy).containsExactlyInAnyOrder(TestCatalog.HAIKU, TestCatalog.SONNET_37);
	}

	@Test
	void theSameRequestGoesToTheSameModel() {
		String arn = bedrock.promptRouters()
			.addDefault("anthropic.claude:1", "us-east-1", TestCatalog.HAIKU, TestCatalog.SONNET_37);

		List<String> models = IntStream.range(0, 3)
			.mapToObj((i) -> east.converse(ConverseTests.request(arn, "same")).trace().promptRouter().invokedModelId())
			.distinct()
			.toList();

		assertThat(arn).isEqualTo("arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/anthropic.claude:1");
		assertThat(models).hasSize(1);
	}

	@Test
	void converseStreamWithARouterReportsTheInvokedModelInItsMetadata() throws Exception {
		String arn = bedrock.promptRouters().create("stream", "us-east-1", TestCatalog.HAIKU, TestCatalog.SONNET_37);
		List<ConverseStreamOutput> events = new CopyOnWriteArrayList<>();
		ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder().subscriber(events::add).build();

		eastAsync
			.converseStream(ConverseStreamRequest.builder()
				.modelId(arn)
				.messages(ConverseTests.request(arn, "stream it").messages())
				.build(), handler)
			.get(10, TimeUnit.SECONDS);

		ConverseStreamMetadataEvent metadata = events.stream()
			.filter(ConverseStreamMetadataEvent.class::isInstance)
			.map(ConverseStreamMetadataEvent.class::cast)
			.findFirst()
			.orElseThrow();
		String journaled = bedrock.get().journal("ConverseStream").get(0).routedModelId();
		assertThat(journaled).isIn(TestCatalog.HAIKU, TestCatalog.SONNET_37);
		assertThat(metadata.trace().promptRouter().invokedModelId())
			.isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/" + journaled);
	}

	@Test
	void unknownRouterIsAnInvalidIdentifier() {
		String arn = "arn:aws:bedrock:us-east-1:111122223333:prompt-router/abcdefghijkl";

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> east.converse(ConverseTests.request(arn, "hello")))
			.withMessageStartingWith("The provided model identifier is invalid.");
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> assertThat(entry.routedModelId()).isNull());
	}

	@Test
	void aRouterOfAnotherRegionMustBeCalledThere() {
		String arn = bedrock.promptRouters().create("west", "us-west-2", TestCatalog.HAIKU, TestCatalog.HAIKU);

		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> east.converse(ConverseTests.request(arn, "hello")))
			.withMessageContaining("is in region us-west-2, but the request was sent to region us-east-1");
	}

	@Test
	void listAndGetPromptRouters() {
		String custom = bedrock.promptRouters()
			.create("support", "us-east-1", TestCatalog.HAIKU, TestCatalog.HAIKU, TestCatalog.SONNET_37);
		String provided = bedrock.promptRouters()
			.addDefault("meta.llama:1", "us-east-1", TestCatalog.LLAMA, TestCatalog.LLAMA);
		bedrock.promptRouters().create("elsewhere", "us-west-2", TestCatalog.HAIKU, TestCatalog.HAIKU);

		List<PromptRouterSummary> all = control.listPromptRouters((request) -> {
		}).promptRouterSummaries();
		List<PromptRouterSummary> defaults = control
			.listPromptRouters((request) -> request.type(PromptRouterType.DEFAULT))
			.promptRouterSummaries();
		GetPromptRouterResponse one = control.getPromptRouter((request) -> request.promptRouterArn(custom));

		assertThat(all).extracting(PromptRouterSummary::promptRouterArn).containsExactly(custom, provided);
		assertThat(defaults).extracting(PromptRouterSummary::promptRouterArn).containsExactly(provided);
		assertThat(one.promptRouterName()).isEqualTo("support");
		assertThat(one.type()).isEqualTo(PromptRouterType.CUSTOM);
		assertThat(one.statusAsString()).isEqualTo("AVAILABLE");
		assertThat(one.fallbackModel().modelArn())
			.isEqualTo("arn:aws:bedrock:us-east-1::foundation-model/" + TestCatalog.HAIKU);
		assertThat(one.models()).extracting(PromptRouterTargetModel::modelArn)
			.containsExactly("arn:aws:bedrock:us-east-1::foundation-model/" + TestCatalog.HAIKU,
					"arn:aws:bedrock:us-east-1::foundation-model/" + TestCatalog.SONNET_37);
		assertThat(bedrock.journal().stream().map(JournalEntry::api).collect(Collectors.toList()))
			.containsExactly("ListPromptRouters", "ListPromptRouters", "GetPromptRouter");
	}

	@Test
	void getPromptRouterOfAnUnknownArnIsNotFound() {
		assertThatExceptionOfType(ResourceNotFoundException.class)
			.isThrownBy(() -> control.getPromptRouter((request) -> request
				.promptRouterArn("arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/anthropic.claude:1")));
	}

	@Test
	void aRouterNeedsModelsOfferedInItsRegion() {
		assertThatIllegalArgumentException()
			.isThrownBy(
					() -> bedrock.promptRouters().create("bad", "us-east-1", "no.such-model-v1:0", TestCatalog.HAIKU))
			.withMessage("'no.such-model-v1:0' is not a catalog model ID");
		assertThatIllegalArgumentException().isThrownBy(
				() -> bedrock.promptRouters().addDefault("bad id", "us-east-1", TestCatalog.HAIKU, TestCatalog.HAIKU))
			.withMessageContaining("prompt-router ID must be");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> bedrock.promptRouters().create("eu", "eu-west-1", TestCatalog.HAIKU, TestCatalog.LLAMA))
			.withMessageStartingWith(TestCatalog.LLAMA + " is not offered in eu-west-1");
	}

}
