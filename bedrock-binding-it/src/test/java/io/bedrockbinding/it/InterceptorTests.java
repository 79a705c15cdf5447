package io.bedrockbinding.it;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import io.bedrockbinding.account.AccountResolutionException;
import io.bedrockbinding.account.StaticAccountResolver;
import io.bedrockbinding.emulator.Fault;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.emulator.MovableClock;
import io.bedrockbinding.interceptor.BindingInterceptor;
import io.bedrockbinding.interceptor.CrossRegionTargetException;
import io.bedrockbinding.pipe.Cooldowns;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeOutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.AsyncInvokeS3OutputDataConfig;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.CountTokensResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InvokeModelWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.PayloadPart;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Raw SDK clients with {@link BindingInterceptor}: every operation that names a model
 * reaches the bound profile of the client's region, a rebind applies to the next call,
 * and a target of another region fails before anything is sent.
 */
class InterceptorTests {

	/**
	 * Its InvokeModel takes profiles, its StartAsyncInvoke (video, audio) base models
	 * only
	 * (https://docs.aws.amazon.com/bedrock/latest/userguide/model-parameters-marengo-3.html).
	 */
	static final String MARENGO_3 = "twelvelabs.marengo-embed-3-0-v1:0";

	/** Profile-only in us-east-2, where it needs {@code us.cohere.embed-v4:0}. */
	static final String COHERE_V4 = "cohere.embed-v4:0";

	/** Profile-only in us-east-2 (catalog), streams. */
	static final String CLAUDE_37 = Fixture.SONNET_37;

	/** Has us. and global. profiles: a chain of two targets in one region. */
	private static final String HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	private final BindingRegistry registry = Fixture.registry("us-east-2");

	private final List<AutoCloseable> clients = new ArrayList<>();

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable client : this.clients) {
			client.close();
		}
	}

	private BedrockRuntimeClient client(String region) {
		return client(region, BindingInterceptor.of(this.registry));
	}

	private BedrockRuntimeClient client(String region, BindingInterceptor interceptor) {
		BedrockRuntimeClient client = LocalBedrockClients.of(bedrock.get())
			.runtimeBuilder(region)
			.overrideConfiguration((override) -> {
				Fixture.retries(1).accept(override);
				override.addExecutionInterceptor(interceptor);
			})
			.build();
		this.clients.add(client);
		return client;
	}

	private BedrockRuntimeAsyncClient asyncClient(String region) {
		return asyncClient(region, BindingInterceptor.of(this.registry));
	}

	private BedrockRuntimeAsyncClient asyncClient(String region, BindingInterceptor interceptor) {
		BedrockRuntimeAsyncClient client = LocalBedrockClients.of(bedrock.get())
			.runtimeAsyncBuilder(region)
			.overrideConfiguration((override) -> {
				Fixture.retries(1).accept(override);
				override.addExecutionInterceptor(interceptor);
			})
			.build();
		this.clients.add(client);
		return client;
	}

	/** An interceptor that shares {@code cooldowns}, one throttle starting one. */
	private BindingInterceptor interceptor(Cooldowns cooldowns) {
		return BindingInterceptor.of(this.registry, new StaticAccountResolver(Fixture.ACCOUNT), cooldowns);
	}

	@Test
	void converseReachesTheBoundProfile() {
		ConverseResponse response = client("us-east-2").converse((request) -> request.modelId(Fixture.NOVA_PRO)
			.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build()));

		assertThat(response.output().message().content().get(0).text()).contains("via us.amazon.nova-pro-v1:0");
		JournalEntry call = Fixture.only(bedrock.get(), "Converse");
		assertThat(call.modelId()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(call.region()).isEqualTo("us-east-2");
	}

	@Test
	void clientOfAnotherRegionGetsThatRegionsProfile() {
		client("eu-west-1").converse((request) -> request.modelId(Fixture.NOVA_PRO)
			.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build()));

		assertThat(Fixture.only(bedrock.get(), "Converse").modelId()).isEqualTo("eu.amazon.nova-pro-v1:0");
	}

	@Test
	void converseStreamOnTheAsyncClientReachesTheBoundProfile() {
		StringBuilder text = new StringBuilder();
		asyncClient("us-east-2")
			.converseStream((request) -> request.modelId(Fixture.NOVA_PRO)
				.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build()),
					ConverseStreamResponseHandler.builder()
						.subscriber(ConverseStreamResponseHandler.Visitor.builder()
							.onContentBlockDelta((delta) -> text.append(delta.delta().text()))
							.build())
						.build())
			.join();

		assertThat(text.toString()).contains("via us.amazon.nova-pro-v1:0");
		assertThat(Fixture.only(bedrock.get(), "ConverseStream").modelId()).isEqualTo("us.amazon.nova-pro-v1:0");
	}

	@Test
	void invokeModelOfATextModelReachesTheBoundProfile() {
		InvokeModelResponse response = client("us-east-2").invokeModel((request) -> request.modelId(Fixture.NOVA_PRO)
			.body(SdkBytes.fromUtf8String("{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}")));

		assertThat(response.body().asUtf8String()).contains("via us.amazon.nova-pro-v1:0");
		assertThat(Fixture.only(bedrock.get(), "InvokeModel").modelId()).isEqualTo("us.amazon.nova-pro-v1:0");
	}

	@Test
	void invokeModelOfAnEmbeddingModelReachesTheBoundProfile() {
		InvokeModelResponse response = client("us-east-2").invokeModel((request) -> request.modelId(COHERE_V4)
			.body(SdkBytes.fromUtf8String("{\"texts\":[\"one\"],\"input_type\":\"search_document\"}")));

		JsonNode body = JSON.readTree(response.body().asUtf8String());
		assertThat(body.path("embeddings").path("float").path(0)).hasSize(1536);
		assertThat(Fixture.only(bedrock.get(), "InvokeModel").modelId()).isEqualTo("us.cohere.embed-v4:0");
	}

	@Test
	void invokeModelWithResponseStreamReachesTheBoundProfile() {
		List<String> chunks = new ArrayList<>();
		asyncClient("us-east-2")
			.invokeModelWithResponseStream((request) -> request.modelId(CLAUDE_37)
				.body(SdkBytes.fromUtf8String("{\"anthropic_version\":\"bedrock-2023-05-31\",\"max_tokens\":100,"
						+ "\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")),
					InvokeModelWithResponseStreamResponseHandler.builder()
						.subscriber(InvokeModelWithResponseStreamResponseHandler.Visitor.builder()
							.onChunk((PayloadPart chunk) -> chunks.add(chunk.bytes().asUtf8String()))
							.build())
						.build())
			.join();

		String text = chunks.stream()
			.map(JSON::readTree)
			.filter((chunk) -> chunk.path("type").stringValue("").equals("content_block_delta"))
			.map((chunk) -> chunk.path("delta").path("text").stringValue())
			.reduce("", String::concat);
		assertThat(text).contains("via us.anthropic.claude-3-7-sonnet-20250219-v1:0").endsWith("You said: hi");
		assertThat(Fixture.only(bedrock.get(), "InvokeModelWithResponseStream").modelId()).isEqualTo("us." + CLAUDE_37);
	}

	@Test
	void startAsyncInvokeKeepsTheFoundationModelId() {
		// bound to its profile, which its InvokeModel takes; LocalBedrock does not
		// emulate StartAsyncInvoke: the body the SDK would send is read and the request
		// stopped before it leaves
		this.registry.bind(MARENGO_3, "us." + MARENGO_3);
		List<String> bodies = new ArrayList<>();
		ExecutionInterceptor stop = new ExecutionInterceptor() {

			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				context.requestBody()
					.ifPresent((body) -> bodies
						.add(SdkBytes.fromInputStream(body.contentStreamProvider().newStream()).asUtf8String()));
				throw new IllegalStateException("stopped before sending");
			}

		};
		BedrockRuntimeClient client = LocalBedrockClients.of(bedrock.get())
			.runtimeBuilder("us-east-1")
			.overrideConfiguration((override) -> override.addExecutionInterceptor(BindingInterceptor.of(this.registry))
				.addExecutionInterceptor(stop))
			.build();
		this.clients.add(client);

		assertThatIllegalStateException()
			.isThrownBy(() -> client.startAsyncInvoke((request) -> request.modelId(MARENGO_3)
				.modelInput(Document.mapBuilder().putString("inputType", "text").build())
				.outputDataConfig(AsyncInvokeOutputDataConfig.fromS3OutputDataConfig(
						AsyncInvokeS3OutputDataConfig.builder().s3Uri("s3://bucket/embeddings/").build()))))
			.withMessageContaining("stopped before sending");
		assertThat(bodies).singleElement()
			.satisfies((body) -> assertThat(JSON.readTree(body).path("modelId").stringValue()).isEqualTo(MARENGO_3));
		assertThat(bedrock.get().journal()).isEmpty();
	}

	@Test
	void countTokensKeepsTheFoundationModelId() {
		String novaLite = "amazon.nova-lite-v1:0";
		this.registry.bind(novaLite, "us.amazon.nova-lite-v1:0");
		String nativeBody = "{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"count these words\"}]}]}";
		CountTokensResponse response = client("us-east-2").countTokens((request) -> request.modelId(novaLite)
			.input((input) -> input.invokeModel((invoke) -> invoke.body(SdkBytes.fromUtf8String(nativeBody)))));

		assertThat(response.inputTokens()).isPositive();
		// its modelId is "the unique identifier or ARN of the foundation model"
		// (API_runtime_CountTokens): the binding of calls to a profile is not for it
		JournalEntry call = Fixture.only(bedrock.get(), "CountTokens");
		assertThat(call.modelId()).isEqualTo(novaLite);
		String sent = JSON.readTree(call.body()).path("input").path("invokeModel").path("body").stringValue();
		assertThat(new String(Base64.getDecoder().decode(sent), StandardCharsets.UTF_8)).isEqualTo(nativeBody);
	}

	@Test
	void aRebindBetweenCallsSwitchesTheTarget() {
		BedrockRuntimeClient client = client("us-east-2");
		String arn = bedrock.get().createApplicationProfile("nova-app", "us.amazon.nova-pro-v1:0", "us-east-2");
		converse(client);
		this.registry.bind(Fixture.NOVA_PRO, arn);
		converse(client);

		assertThat(bedrock.get().journal("Converse")).extracting(JournalEntry::modelId)
			.containsExactly("us.amazon.nova-pro-v1:0", arn);
	}

	@Test
	void aTargetOfAnotherRegionFailsBeforeSending() {
		String arn = "arn:aws:bedrock:us-west-2:" + Fixture.ACCOUNT + ":inference-profile/us.amazon.nova-pro-v1:0";
		this.registry.bind(Fixture.NOVA_PRO, arn);

		assertThatExceptionOfType(CrossRegionTargetException.class).isThrownBy(() -> converse(client("us-east-2")))
			.satisfies((ex) -> {
				assertThat(ex.modelId()).isEqualTo(Fixture.NOVA_PRO);
				assertThat(ex.target()).isEqualTo(arn);
				assertThat(ex.targetRegion()).isEqualTo("us-west-2");
				assertThat(ex.clientRegion()).isEqualTo("us-east-2");
			})
			.withMessageContaining(Fixture.NOVA_PRO)
			.withMessageContaining(arn)
			.withMessageContaining("a client built for us-west-2")
			.withMessageContaining("BedrockPipe");
		assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> asyncClient("us-east-2")
			.converse((request) -> request.modelId(Fixture.NOVA_PRO)
				.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build()))
			.join()).withCauseInstanceOf(CrossRegionTargetException.class);
		assertThat(bedrock.get().journal()).isEmpty();
	}

	@Test
	void anUnboundArnOfAnotherRegionFailsBeforeSending() {
		String arn = "arn:aws:bedrock:us-west-2:" + Fixture.ACCOUNT + ":inference-profile/us.amazon.nova-pro-v1:0";

		assertThatExceptionOfType(CrossRegionTargetException.class).isThrownBy(() -> converse(client("us-east-2"), arn))
			.satisfies((ex) -> {
				assertThat(ex.target()).isEqualTo(arn);
				assertThat(ex.targetRegion()).isEqualTo("us-west-2");
				assertThat(ex.clientRegion()).isEqualTo("us-east-2");
			})
			.withMessageStartingWith(arn + " is an ARN of us-west-2")
			.withMessageContaining("a client built for us-west-2");
		assertThat(bedrock.get().journal()).isEmpty();
	}

	@Test
	void aTemplateThatCannotBeFilledFailsAsAnSdkClientExceptionBeforeAnythingIsSent() {
		this.registry.bind(HAIKU, "arn:aws:bedrock:{region}:{account}:inference-profile/us." + HAIKU);

		// no account resolver: {account} cannot be filled in
		assertThatExceptionOfType(SdkClientException.class).isThrownBy(() -> converse(client("us-east-2"), HAIKU))
			.withMessageStartingWith("The binding of " + HAIKU + " cannot be filled in, so nothing was sent: ")
			.withMessageContaining("No AWS account ID is configured")
			.withCauseInstanceOf(AccountResolutionException.class);
		assertThat(bedrock.get().journal()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "us." + HAIKU, "arn:aws:bedrock:{region}:{account}:inference-profile/us." + HAIKU })
	void aThrottledTargetOfAChainCoolsDownAndTheNextRequestSkipsIt(String first) {
		this.registry.bind(HAIKU, first + ", global." + HAIKU);
		Cooldowns cooldowns = cooldowns();
		BedrockRuntimeClient client = client("us-east-2", interceptor(cooldowns));
		bedrock.faults().failNext(1, Fault.THROTTLING);
		assertThatExceptionOfType(ThrottlingException.class).isThrownBy(() -> converse(client, HAIKU));
		// Recorded under the target as sent, templates filled in.
		String sent = bedrock.get().journal("Converse").get(0).modelId();
		assertThat(sent).doesNotContain("{");
		assertThat(cooldowns.active()).singleElement()
			.satisfies((cooldown) -> assertThat(cooldown.target()).isEqualTo(sent));
		bedrock.get().reset();

		converse(client, HAIKU);

		assertThat(Fixture.only(bedrock.get(), "Converse").modelId()).isEqualTo("global." + HAIKU);
	}

	@ParameterizedTest
	@EnumSource(names = { "SERVICE_QUOTA_EXCEEDED", "MODEL_NOT_READY" })
	void whatThePipeCountsAsThrottlingCoolsATargetDownAsThrottlingDoes(Fault fault) {
		this.registry.bind(HAIKU, "us." + HAIKU + ", global." + HAIKU);
		Cooldowns cooldowns = cooldowns();
		BedrockRuntimeClient client = client("us-east-2", interceptor(cooldowns));
		bedrock.faults().failNext(1, fault);
		assertThatExceptionOfType(AwsServiceException.class).isThrownBy(() -> converse(client, HAIKU));
		assertThat(cooldowns.active()).singleElement()
			.satisfies((cooldown) -> assertThat(cooldown.target()).isEqualTo("us." + HAIKU));
		bedrock.get().reset();

		converse(client, HAIKU);

		assertThat(Fixture.only(bedrock.get(), "Converse").modelId()).isEqualTo("global." + HAIKU);
	}

	@ParameterizedTest
	@ValueSource(ints = { 1, 2 })
	void aStreamThrottledInsideTheStreamCoolsItsTargetDown(int after) {
		this.registry.bind(HAIKU, "us." + HAIKU + ", global." + HAIKU);
		Cooldowns cooldowns = new Cooldowns(Duration.ofSeconds(30), after,
				new MovableClock(Instant.parse("2026-12-02T00:00:00Z")));
		BedrockRuntimeAsyncClient client = asyncClient("us-east-2", interceptor(cooldowns));
		for (int i = 0; i < after; i++) {
			// The answer starts (HTTP 200), then a throttlingException event ends it.
			bedrock.faults().breakNextStream(0, Fault.THROTTLING);
			assertThatExceptionOfType(CompletionException.class).isThrownBy(() -> converseStream(client).join())
				.withCauseInstanceOf(ThrottlingException.class);
		}
		assertThat(cooldowns.active()).singleElement()
			.satisfies((cooldown) -> assertThat(cooldown.target()).isEqualTo("us." + HAIKU));
		bedrock.get().reset();

		converseStream(client).join();

		assertThat(Fixture.only(bedrock.get(), "ConverseStream").modelId()).isEqualTo("global." + HAIKU);
	}

	@Test
	void requestsWithoutAModelIdOrWithAProfileAlreadyPassUnchanged() {
		BedrockRuntimeClient client = client("us-east-2");
		client.converse((request) -> request.modelId("us.amazon.nova-pro-v1:0")
			.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build()));

		assertThat(Fixture.only(bedrock.get(), "Converse").modelId()).isEqualTo("us.amazon.nova-pro-v1:0");
	}

	private static void converse(BedrockRuntimeClient client) {
		converse(client, Fixture.NOVA_PRO);
	}

	private static void converse(BedrockRuntimeClient client, String modelId) {
		client.converse((request) -> request.modelId(modelId)
			.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build()));
	}

	private static CompletableFuture<Void> converseStream(BedrockRuntimeAsyncClient client) {
		return client.converseStream((request) -> request.modelId(HAIKU)
			.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build()),
				ConverseStreamResponseHandler.builder().subscriber((event) -> {
				}).build());
	}

	/** Cooldowns that one throttled request starts, on a clock that stands still. */
	private static Cooldowns cooldowns() {
		return new Cooldowns(Duration.ofSeconds(30), 1, new MovableClock(Instant.parse("2026-12-02T00:00:00Z")));
	}

}
