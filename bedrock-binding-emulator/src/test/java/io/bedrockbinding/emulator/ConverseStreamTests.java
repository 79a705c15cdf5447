package io.bedrockbinding.emulator;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput.EventType;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ModelStreamErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * ConverseStream through the async Netty (HTTP/1.1) client: event frames, deltas, broken
 * streams.
 */
class ConverseStreamTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	private static BedrockRuntimeAsyncClient client;

	@BeforeAll
	static void createClient() {
		client = bedrock.clients().runtimeAsyncBuilder("us-east-1").overrideConfiguration(TestRetries.none()).build();
	}

	@AfterAll
	static void closeClient() {
		client.close();
	}

	@Test
	void streamSendsEveryEventTypeAndTheTextInSeveralDeltas() {
		Recorded recorded = stream(request("us." + TestCatalog.NOVA_PRO, "Tell me something streamed"));

		assertThat(recorded.error.get()).isNull();
		List<EventType> types = recorded.types();
		assertThat(types.get(0)).isEqualTo(EventType.MESSAGE_START);
		assertThat(types.subList(1, types.size() - 3)).hasSizeGreaterThanOrEqualTo(3)
			.containsOnly(EventType.CONTENT_BLOCK_DELTA);
		assertThat(types.subList(types.size() - 3, types.size())).containsExactly(EventType.CONTENT_BLOCK_STOP,
				EventType.MESSAGE_STOP, EventType.METADATA);
		assertThat(((MessageStartEvent) recorded.events.get(0)).role()).isEqualTo(ConversationRole.ASSISTANT);
		assertThat(recorded.text()).isEqualTo("[" + TestCatalog.NOVA_PRO + " via us." + TestCatalog.NOVA_PRO
				+ "] You said: Tell me something streamed");
		assertThat(recorded.of(ContentBlockStopEvent.class).contentBlockIndex()).isZero();
		assertThat(recorded.of(MessageStopEvent.class).stopReason()).isEqualTo(StopReason.END_TURN);
		ConverseStreamMetadataEvent metadata = recorded.of(ConverseStreamMetadataEvent.class);
		assertThat(metadata.usage().inputTokens()).isPositive();
		assertThat(metadata.usage().outputTokens()).isEqualTo(Generation.tokens(recorded.text()));
		assertThat(metadata.usage().totalTokens())
			.isEqualTo(metadata.usage().inputTokens() + metadata.usage().outputTokens());
		assertThat(metadata.metrics().latencyMs()).isNotNegative();
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> {
			assertThat(entry.api()).isEqualTo("ConverseStream");
			assertThat(entry.modelId()).isEqualTo("us." + TestCatalog.NOVA_PRO);
			assertThat(entry.region()).isEqualTo("us-east-1");
			assertThat(entry.status()).isEqualTo(200);
		});
	}

	@Test
	void streamHonoursMaxTokens() {
		Recorded recorded = stream(request(TestCatalog.HAIKU, "cut me short").toBuilder()
			.inferenceConfig(InferenceConfiguration.builder().maxTokens(5).build())
			.build());

		assertThat(recorded.text()).hasSize(20);
		assertThat(recorded.of(MessageStopEvent.class).stopReason()).isEqualTo(StopReason.MAX_TOKENS);
		assertThat(recorded.of(ConverseStreamMetadataEvent.class).usage().outputTokens()).isEqualTo(5);
	}

	@Test
	void brokenStreamEndsWithAnExceptionAfterTheAskedDeltas() {
		bedrock.faults().breakNextStream(2);

		Recorded recorded = stream(request(TestCatalog.HAIKU, "this stream will break"));

		assertThat(recorded.types()).containsExactly(EventType.MESSAGE_START, EventType.CONTENT_BLOCK_DELTA,
				EventType.CONTENT_BLOCK_DELTA);
		assertThat(recorded.error.get()).isInstanceOf(ModelStreamErrorException.class)
			.hasMessageContaining("after 2 deltas");
		assertThat(recorded.failure).isNotNull();
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> assertThat(entry.status()).isEqualTo(200));
	}

	@Test
	void onlyTheNextStreamBreaks() {
		bedrock.faults().breakNextStream(0);

		assertThat(stream(request(TestCatalog.HAIKU, "first")).error.get())
			.isInstanceOf(ModelStreamErrorException.class);
		assertThat(stream(request(TestCatalog.HAIKU, "second")).error.get()).isNull();
	}

	@ParameterizedTest
	@EnumSource(value = Fault.class, names = { "THROTTLING", "SERVICE_UNAVAILABLE", "INTERNAL_SERVER" })
	void streamCanBreakWithTheStreamExceptionsOfConverseStream(Fault fault) {
		bedrock.faults().breakNextStream(1, fault);

		Recorded recorded = stream(request(TestCatalog.HAIKU, "breaks"));

		Class<?> expected = switch (fault) {
			case THROTTLING -> ThrottlingException.class;
			case SERVICE_UNAVAILABLE -> ServiceUnavailableException.class;
			default -> InternalServerException.class;
		};
		assertThat(recorded.types()).containsExactly(EventType.MESSAGE_START, EventType.CONTENT_BLOCK_DELTA);
		assertThat(recorded.error.get()).isInstanceOf(expected).hasMessageContaining(fault.message());
	}

	@Test
	void errorsBeforeTheStreamFailTheCall() {
		Recorded recorded = stream(request(TestCatalog.SONNET_37, "needs a profile"));

		assertThat(recorded.events).isEmpty();
		assertThat(recorded.error.get()).isInstanceOf(ValidationException.class)
			.hasMessageContaining("with on-demand throughput isn\u2019t supported");
		assertThat(((BedrockRuntimeException) recorded.error.get()).statusCode()).isEqualTo(400);
	}

	@Test
	void injectedFailureFailsTheStreamCall() {
		bedrock.faults().failNext(1, Fault.THROTTLING);

		Recorded recorded = stream(request(TestCatalog.HAIKU, "throttled"));

		assertThat(recorded.error.get()).isInstanceOf(ThrottlingException.class);
		assertThat(((BedrockRuntimeException) recorded.error.get()).statusCode()).isEqualTo(429);
	}

	@Test
	void modelsWithoutStreamingAreRefused() {
		Recorded recorded = stream(request(TestCatalog.MISTRAL, "no streaming"));

		assertThat(recorded.error.get()).isInstanceOf(ValidationException.class).hasMessageContaining("streaming");
	}

	@Test
	void asyncConverseWorksOverHttp11() {
		ConverseResponse response = client
			.converse((builder) -> builder.modelId(TestCatalog.HAIKU)
				.messages(ConverseTests.message(ConversationRole.USER, "async")))
			.join();

		assertThat(ConverseTests.text(response)).isEqualTo("[" + TestCatalog.HAIKU + "] You said: async");
	}

	private static ConverseStreamRequest request(String modelId, String prompt) {
		return ConverseStreamRequest.builder()
			.modelId(modelId)
			.messages(ConverseTests.message(ConversationRole.USER, prompt))
			.build();
	}

	private static Recorded stream(ConverseStreamRequest request) {
		Recorded recorded = new Recorded();
		ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
			.subscriber(recorded.events::add)
			.onError((error) -> recorded.error.set(unwrap(error)))
			.build();
		CompletableFuture<Void> done = client.converseStream(request, handler);
		try {
			done.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			recorded.failure = ex;
			if (recorded.error.get() == null) {
				recorded.error.set(unwrap(ex));
			}
		}
		return recorded;
	}

	/** The SDK hands errors over wrapped in CompletionException / ExecutionException. */
	private static Throwable unwrap(Throwable error) {
		Throwable unwrapped = error;
		while ((unwrapped instanceof CompletionException || unwrapped instanceof ExecutionException)
				&& unwrapped.getCause() != null) {
			unwrapped = unwrapped.getCause();
		}
		return unwrapped;
	}

	private static final class Recorded {

		final List<ConverseStreamOutput> events = new CopyOnWriteArrayList<>();

		final AtomicReference<Throwable> error = new AtomicReference<>();

		Exception failure;

		List<EventType> types() {
			return this.events.stream().map(ConverseStreamOutput::sdkEventType).toList();
		}

		String text() {
			return this.events.stream()
				.filter(ContentBlockDeltaEvent.class::isInstance)
				.map((event) -> ((ContentBlockDeltaEvent) event).delta().text())
				.collect(Collectors.joining());
		}

		<T> T of(Class<T> type) {
			return this.events.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
		}

	}

}
