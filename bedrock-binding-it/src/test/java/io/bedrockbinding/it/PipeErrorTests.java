package io.bedrockbinding.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.bedrockbinding.account.StaticAccountResolver;
import io.bedrockbinding.emulator.Fault;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.PipeTool;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.exception.SdkClientException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/** Every failure the pipe names, with its message and fix, on each API path. */
class PipeErrorTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	private static BedrockPipeException failure(CallPath path, BedrockPipe pipe) {
		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class, () -> path.call(pipe, "hi"));
		assertThat(failure).as("the call should have failed").isNotNull();
		return failure;
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aCallWithoutARegionNamesTheSettingAndSendsNothing(CallPath path) {
		// neither the registry nor the factory has a region
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), BindingRegistry.builder(Fixture.catalog()).build()).build());

		BedrockPipeException failure = failure(path, factory.pipe(Fixture.NOVA_PRO));

		assertThat(failure.reason()).isEqualTo(FailureReason.OTHER);
		assertThat(failure.getMessage()).startsWith("No region for " + Fixture.NOVA_PRO + ": nothing was sent");
		assertThat(failure.fix()).startsWith("set AWS_REGION").endsWith("or give the pipe a region (withRegion)");
		assertThat(bedrock.get().journal()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void onDemandRefusalShowsTheLinesThatBindTheRegionsProfile(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.directRegistry("us-east-2")).build());

		BedrockPipeException ohio = failure(path, factory.pipe(Fixture.NOVA_PRO));
		BedrockPipeException ireland = failure(path, factory.pipe(Fixture.NOVA_PRO).withRegion("eu-west-1"));

		assertThat(ohio.reason()).isEqualTo(FailureReason.ON_DEMAND_NOT_SUPPORTED);
		assertThat(ohio.modelId()).isEqualTo(Fixture.NOVA_PRO);
		assertThat(ohio.target()).isEqualTo(Fixture.NOVA_PRO);
		assertThat(ohio.region()).isEqualTo("us-east-2");
		assertThat(ohio.errorCode()).isEqualTo("ValidationException");
		assertThat(ohio.requestId()).isNotBlank();
		assertThat(ohio.getMessage()).contains("on-demand throughput isn\u2019t supported", Fixture.NOVA_PRO,
				"us-east-2", ohio.requestId());
		assertThat(ohio.fix()).contains("\n    " + Fixture.NOVA_PRO + "=us.amazon.nova-pro-v1:0\n")
			.contains("onDemandFallback(true)")
			.doesNotContain("application.yml");
		assertThat(ohio.getMessage()).contains(ohio.fix());
		assertThat(ireland.region()).isEqualTo("eu-west-1");
		assertThat(ireland.fix()).contains(Fixture.NOVA_PRO + "=eu.amazon.nova-pro-v1:0");
		// No fallback unless asked for: one call each, both refused.
		assertThat(bedrock.journal()).hasSize(2).allSatisfy((call) -> {
			assertThat(call.modelId()).isEqualTo(Fixture.NOVA_PRO);
			assertThat(call.status()).isEqualTo(400);
		});
	}

	@Test
	void refusalOfAnAliasBindsTheAliasToTheCalledModelsProfile() {
		BindingRegistry registry = Fixture.directRegistry("us-east-2");
		registry.bind("myapp.chat-v1", Fixture.NOVA_PRO);
		BedrockPipeFactory factory = this.factories.track(Fixture.factory(bedrock.get(), registry).build());

		BedrockPipeException failure = failure(CallPath.EXECUTE, factory.pipe("myapp.chat-v1"));

		assertThat(failure.reason()).isEqualTo(FailureReason.ON_DEMAND_NOT_SUPPORTED);
		assertThat(failure.target()).isEqualTo(Fixture.NOVA_PRO);
		assertThat(failure.fix()).contains("myapp.chat-v1=us.amazon.nova-pro-v1:0");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void accessDeniedOnASystemProfileListsTheArnsToAllow(CallPath path) {
		BedrockPipeFactory factory = this.factories.track(Fixture.factory(bedrock.get(), Fixture.registry("us-east-2"))
			.accountResolver(new StaticAccountResolver(Fixture.ACCOUNT))
			.build());
		bedrock.faults().failNext(1, Fault.ACCESS_DENIED);

		BedrockPipeException failure = failure(path, factory.pipe(Fixture.NOVA_PRO));

		assertThat(failure.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
		assertThat(failure.errorCode()).isEqualTo("AccessDeniedException");
		assertThat(failure.target()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(failure.fix()).contains("bedrock:InvokeModel")
			.contains("arn:aws:bedrock:us-east-2:" + Fixture.ACCOUNT + ":inference-profile/us.amazon.nova-pro-v1:0");
		assertThat(usRegions()).allSatisfy((region) -> assertThat(failure.fix())
			.contains("arn:aws:bedrock:" + region + "::foundation-model/" + Fixture.NOVA_PRO));
		assertThat(failure.fix()).doesNotContain("eu-west-1");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void accessDeniedOnAUsProfileFromCanadaListsCanadaAmongTheArnsToAllow(CallPath path) {
		// the Claude Haiku 4.5 card: ca-central-1 is a source of its us. profile and a
		// destination of calls from there
		String haiku45 = "anthropic.claude-haiku-4-5-20251001-v1:0";
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.registry("ca-central-1"))
				.accountResolver(new StaticAccountResolver(Fixture.ACCOUNT))
				.build());
		bedrock.faults().failNext(1, Fault.ACCESS_DENIED);

		BedrockPipeException failure = failure(path, factory.pipe(haiku45));

		assertThat(failure.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
		assertThat(failure.target()).isEqualTo("us." + haiku45);
		assertThat(failure.fix())
			.contains("arn:aws:bedrock:ca-central-1:" + Fixture.ACCOUNT + ":inference-profile/us." + haiku45)
			.contains("arn:aws:bedrock:ca-central-1::foundation-model/" + haiku45)
			.contains("arn:aws:bedrock:us-east-1::foundation-model/" + haiku45);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void accessDeniedOnAnAuProfileListsOnlyTheSourceRegionsItsCardGives(CallPath path) {
		// the Claude Opus 4.7 card: au. is called from ap-southeast-2 and ap-southeast-4
		// only, although the au geography (the Haiku 4.5 card) has ap-southeast-6 too
		String opus47 = "anthropic.claude-opus-4-7";
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.registry("ap-southeast-2"))
				.accountResolver(new StaticAccountResolver(Fixture.ACCOUNT))
				.build());
		bedrock.faults().failNext(1, Fault.ACCESS_DENIED);

		BedrockPipeException failure = failure(path, factory.pipe(opus47));

		assertThat(failure.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
		assertThat(failure.target()).isEqualTo("au." + opus47);
		assertThat(failure.fix()).contains("arn:aws:bedrock:ap-southeast-2::foundation-model/" + opus47)
			.contains("arn:aws:bedrock:ap-southeast-4::foundation-model/" + opus47)
			.doesNotContain("ap-southeast-6");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void accessDeniedOnAProfileArnOfAnotherAccountListsTheArnsToAllow(CallPath path) {
		BindingRegistry registry = Fixture.registry("us-east-1");
		String foreign = "arn:aws:bedrock:us-east-1:444455556666:inference-profile/us.amazon.nova-pro-v1:0";
		registry.bind(Fixture.NOVA_PRO, foreign);
		BedrockPipeFactory factory = this.factories.track(Fixture.factory(bedrock.get(), registry).build());

		BedrockPipeException failure = failure(path, factory.pipe(Fixture.NOVA_PRO));

		assertThat(failure.reason()).isEqualTo(FailureReason.ACCESS_DENIED);
		assertThat(failure.getMessage()).contains("not authorized");
		assertThat(failure.fix()).contains(foreign);
		assertThat(usRegions()).allSatisfy((region) -> assertThat(failure.fix())
			.contains("arn:aws:bedrock:" + region + "::foundation-model/" + Fixture.NOVA_PRO));
		assertThat(failure.fix()).doesNotContain("*");
		assertThat(Fixture.only(bedrock.get(), path.api()).status()).isEqualTo(403);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void unknownModelOrProfileIsNamedPlainly(CallPath path) {
		BindingRegistry registry = Fixture.registry("us-east-1");
		// Llama 3 8B has no cross-region profile: Bedrock knows no such ID.
		registry.bind(Fixture.LLAMA, "us.meta.llama3-8b-instruct-v1:0");
		BedrockPipeFactory factory = this.factories.track(Fixture.factory(bedrock.get(), registry).build());

		BedrockPipeException model = failure(path, factory.pipe("amazon.no-such-model-v1:0"));
		BedrockPipeException profile = failure(path, factory.pipe(Fixture.LLAMA));

		assertThat(model.reason()).isEqualTo(FailureReason.UNKNOWN_MODEL);
		assertThat(model.target()).isEqualTo("amazon.no-such-model-v1:0");
		assertThat(model.getMessage()).contains("model identifier is invalid", "amazon.no-such-model-v1:0");
		assertThat(model.fix()).contains("check the model ID");
		assertThat(profile.reason()).isEqualTo(FailureReason.UNKNOWN_MODEL);
		assertThat(profile.target()).isEqualTo("us.meta.llama3-8b-instruct-v1:0");
		assertThat(profile.region()).isEqualTo("us-east-1");
		// what validation says of the binding, with its fix
		assertThat(profile.fix()).startsWith("the catalog lists no 'us' profile for " + Fixture.LLAMA)
			.contains("use a geography the model has a profile in");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void throttlingAfterTheSdksRetriesIsNamed(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(BedrockPipeFactory.builder(Fixture.registry("us-east-1"), Fixture.clients(bedrock.get(), 3).build())
				.build());
		bedrock.faults().failNext(3, Fault.THROTTLING);

		BedrockPipeException failure = failure(path, factory.pipe(Fixture.LLAMA));

		assertThat(failure.reason()).isEqualTo(FailureReason.THROTTLED);
		assertThat(failure.errorCode()).isEqualTo("ThrottlingException");
		assertThat(failure.fix()).contains("after the SDK's retries");
		assertThat(bedrock.get().journal(path.api())).extracting(JournalEntry::status).containsExactly(429, 429, 429);
		assertThat(bedrock.faults().remaining()).isZero();
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void throttledTwiceThenAnswered(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(BedrockPipeFactory.builder(Fixture.registry("us-east-1"), Fixture.clients(bedrock.get(), 3).build())
				.build());
		bedrock.faults().failNext(2, Fault.THROTTLING);

		PipeResult result = path.call(factory.pipe(Fixture.LLAMA), "patience");

		assertThat(result.text()).endsWith("patience");
		assertThat(bedrock.get().journal(path.api())).extracting(JournalEntry::status).containsExactly(429, 429, 200);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void timeoutIsNamed(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.registry("us-east-1")).build());
		BedrockPipe pipe = factory.pipe(Fixture.LLAMA).withTimeout(Duration.ofMillis(200));
		// In time without the delay; this also creates the SDK client outside the
		// measured call.
		path.call(pipe, "fast");
		bedrock.faults().latency(Duration.ofMillis(1500));

		// Without the timeout this call would succeed after 1.5 s: failing with TIMEOUT
		// is the proof.
		BedrockPipeException failure = failure(path, pipe);

		assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
		assertThat(failure.getMessage()).contains("timed out", "PT0.2S");
		assertThat(failure.fix()).contains("withTimeout");
		// Let the emulator finish the late answer here, not in the next test's journal.
		await().atMost(Duration.ofSeconds(10)).until(() -> bedrock.get().journal(path.api()).size() == 2);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void modelTimeoutIsNamed(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.registry("us-east-1")).build());
		bedrock.faults().failNext(1, Fault.MODEL_TIMEOUT);

		BedrockPipeException failure = failure(path, factory.pipe(Fixture.LLAMA));

		assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
		assertThat(failure.errorCode()).isEqualTo("ModelTimeoutException");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void missingCredentialsSayWhereTheSdkLooksForThem(CallPath path) {
		BedrockRuntimeClients clients = BedrockRuntimeClients.builder()
			.endpoint(bedrock.get().endpoint())
			.credentialsProvider(() -> {
				throw SdkClientException.create("Unable to load credentials from any of the providers in the chain");
			})
			.build();
		BedrockPipeFactory factory = this.factories
			.track(BedrockPipeFactory.builder(Fixture.registry("us-east-1"), clients).build());

		BedrockPipeException failure = failure(path, factory.pipe(Fixture.LLAMA));

		assertThat(failure.getMessage()).startsWith("No AWS credentials for the call: nothing was sent.");
		assertThat(failure.fix()).contains("AWS_PROFILE").contains("the endpoint override");
		assertThat(bedrock.get().journal()).isEmpty();
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void refusedConnectionIsNamed(CallPath path) throws IOException {
		URI closed;
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			closed = URI.create("http://127.0.0.1:" + socket.getLocalPort());
		}
		BedrockRuntimeClients clients = BedrockRuntimeClients.builder()
			.endpoint(closed)
			.credentialsProvider(LocalBedrockClients.credentials())
			.syncCustomizer((builder) -> builder.overrideConfiguration(Fixture.retries(1)))
			.asyncCustomizer((builder) -> builder.overrideConfiguration(Fixture.retries(1)))
			.build();
		BedrockPipeFactory factory = this.factories
			.track(BedrockPipeFactory.builder(Fixture.registry("us-east-1"), clients).build());

		BedrockPipeException failure = failure(path, factory.pipe(Fixture.LLAMA));

		assertThat(failure.reason()).isEqualTo(FailureReason.CONNECTION_FAILED);
		assertThat(failure.region()).isEqualTo("us-east-1");
		assertThat(failure.getMessage()).contains("Could not connect", "us-east-1");
		// Core speaks of its own settings; the starter gives its property names instead.
		assertThat(failure.fix()).contains("the endpoint override").doesNotContain("bedrock.binding");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void serviceFailureAfterRetriesIsNamed(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(BedrockPipeFactory.builder(Fixture.registry("us-east-1"), Fixture.clients(bedrock.get(), 2).build())
				.build());
		bedrock.faults().failNext(2, Fault.SERVICE_UNAVAILABLE);

		BedrockPipeException failure = failure(path, factory.pipe(Fixture.LLAMA));

		assertThat(failure.reason()).isEqualTo(FailureReason.SERVICE_ERROR);
		assertThat(bedrock.get().journal(path.api())).extracting(JournalEntry::status).containsExactly(503, 503);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void modelErrorIsAServiceError(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.registry("us-east-1")).build());
		bedrock.faults().failNext(1, Fault.MODEL_ERROR);

		BedrockPipeException failure = failure(path, factory.pipe(Fixture.LLAMA));

		assertThat(failure.reason()).isEqualTo(FailureReason.SERVICE_ERROR);
		assertThat(failure.errorCode()).isEqualTo("ModelErrorException");
	}

	@Test
	void streamBrokenMidwayKeepsWhatArrivedAndNamesTheFailure() {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.registry("us-east-1")).build());
		bedrock.faults().breakNextStream(2);
		List<String> deltas = new CopyOnWriteArrayList<>();

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class, () -> CallPath
			.await(factory.pipe(Fixture.LLAMA).stream("a reply long enough for several deltas", deltas::add)));

		assertThat(deltas).hasSize(2);
		assertThat(failure.reason()).isEqualTo(FailureReason.SERVICE_ERROR);
		assertThat(failure.errorCode()).isEqualTo("ModelStreamErrorException");
		// the answer had begun: nothing was refused
		assertThat(failure.getMessage()).startsWith("The model failed while streaming its answer: ");
		assertThat(failure.fix()).contains("stream");
		assertThat(bedrock.get().journal("ConverseStream")).hasSize(1);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void toolsForAModelWithoutToolUseAreRefusedWithTheFix(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.registry("us-east-1")).build());
		PipeTool weather = PipeTool.of("weather", "Today's weather in a city", PipeToolTests.City.class,
				(city) -> "Sunny");

		BedrockPipeException failure = failure(path, factory.pipe(Fixture.DEEPSEEK).withTool(weather));

		assertThat(failure.reason()).isEqualTo(FailureReason.INVALID_REQUEST);
		assertThat(failure.getMessage()).contains("doesn't support tool use");
		assertThat(failure.fix()).startsWith("call it without tools, or ask a model that takes them");
	}

	@Test
	void streamThrottledMidwayIsNamedThrottled() {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.registry("us-east-1")).build());
		// An error event names its type the event-stream way: throttlingException.
		bedrock.faults().breakNextStream(1, Fault.THROTTLING);

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class, () -> CallPath
			.await(factory.pipe(Fixture.LLAMA).stream("a reply long enough for several deltas", (text) -> {
			})));

		assertThat(failure.reason()).isEqualTo(FailureReason.THROTTLED);
		assertThat(failure.errorCode()).isEqualTo("ThrottlingException");
	}

	private static List<String> usRegions() {
		List<String> regions = Fixture.catalog().geographies().find("us").orElseThrow().regions();
		assertThat(regions).contains("us-east-1", "us-east-2", "us-west-2");
		return regions;
	}

}
