package io.bedrockbinding.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Which target a call is sent with, and to which region, as the registry changes. */
class RoutingTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	private JournalEntry lastCall() {
		List<JournalEntry> journal = bedrock.journal();
		return journal.get(journal.size() - 1);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void promptRouterArnIsCalledInItsRegionAndAnswersFromOneOfItsModels(CallPath path) {
		String haiku = "anthropic.claude-haiku-4-5-20251001-v1:0";
		String sonnet = "anthropic.claude-sonnet-4-6";
		String router = bedrock.promptRouters().create("support", "us-west-2", haiku, haiku, sonnet);
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(haiku, router);

		PipeResult result = path.call(this.factories.of(registry).pipe(haiku), "route me");

		JournalEntry call = Fixture.only(bedrock.get(), path.api());
		assertThat(call.region()).isEqualTo("us-west-2");
		assertThat(call.modelId()).isEqualTo(router);
		assertThat(call.routedModelId()).isIn(haiku, sonnet);
		assertThat(result.region()).isEqualTo("us-west-2");
		assertThat(result.invokedTarget()).isEqualTo(router);
		assertThat(result.targetKind()).isEqualTo(TargetKind.PROMPT_ROUTER_ARN);
		assertThat(result.text()).startsWith("[" + call.routedModelId() + " via " + router + "]");
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void profileArnOfAnotherRegionIsCalledThere(CallPath path) {
		BindingRegistry registry = Fixture.registry("us-east-1");
		String arn = "arn:aws:bedrock:us-east-2:" + Fixture.ACCOUNT + ":inference-profile/us.deepseek.r1-v1:0";
		registry.bind(Fixture.DEEPSEEK, arn);

		PipeResult result = path.call(this.factories.of(registry).pipe(Fixture.DEEPSEEK), "where am I?");

		JournalEntry call = Fixture.only(bedrock.get(), path.api());
		assertThat(call.region()).isEqualTo("us-east-2");
		assertThat(call.modelId()).isEqualTo(arn);
		assertThat(call.status()).isEqualTo(200);
		assertThat(result.region()).isEqualTo("us-east-2");
		assertThat(result.invokedTarget()).isEqualTo(arn);
		assertThat(result.targetKind()).isEqualTo(TargetKind.PROFILE_ARN);
		assertThat(result.text()).contains("deepseek.r1-v1:0 via " + arn);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void systemProfileAndDirectModelGoToThePipesRegion(CallPath path) {
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(Fixture.NOVA_PRO, "us.amazon.nova-pro-v1:0");
		BedrockPipeFactory factory = this.factories.of(registry);

		PipeResult profile = path.call(factory.pipe(Fixture.NOVA_PRO).withRegion("us-west-2"), "profile");
		JournalEntry profileCall = lastCall();
		PipeResult direct = path.call(factory.pipe(Fixture.LLAMA), "direct");
		JournalEntry directCall = lastCall();
		PipeResult directElsewhere = path.call(factory.pipe(Fixture.LLAMA).withRegion("us-west-2"), "direct elsewhere");
		JournalEntry directElsewhereCall = lastCall();

		assertThat(profileCall.region()).isEqualTo("us-west-2");
		assertThat(profileCall.modelId()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(profile.region()).isEqualTo("us-west-2");
		assertThat(profile.targetKind()).isEqualTo(TargetKind.SYSTEM_PROFILE);
		assertThat(directCall.region()).isEqualTo("us-east-1");
		assertThat(directCall.modelId()).isEqualTo(Fixture.LLAMA);
		assertThat(direct.targetKind()).isEqualTo(TargetKind.DIRECT);
		assertThat(direct.region()).isEqualTo("us-east-1");
		assertThat(directElsewhereCall.region()).isEqualTo("us-west-2");
		assertThat(directElsewhere.region()).isEqualTo("us-west-2");
		assertThat(bedrock.journal()).allSatisfy((call) -> assertThat(call.status()).isEqualTo(200));
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void regionOverrideDerivesTheGeoProfileOfThatRegion(CallPath path) {
		// Nova Pro is on demand in us-east-1, so the registry's own binding is direct.
		BedrockPipe pipe = this.factories.of(Fixture.registry("us-east-1")).pipe(Fixture.NOVA_PRO);

		PipeResult home = path.call(pipe, "home");
		PipeResult europe = path.call(pipe.withRegion("eu-west-1"), "europe");
		JournalEntry europeCall = lastCall();
		PipeResult ohio = path.call(pipe.withRegion("us-east-2"), "ohio");
		PipeResult mumbai = path.call(this.factories.of(Fixture.registry("us-east-1"))
			.pipe("anthropic.claude-haiku-4-5-20251001-v1:0")
			.withRegion("ap-south-1"), "mumbai");

		assertThat(home.invokedTarget()).isEqualTo(Fixture.NOVA_PRO);
		assertThat(europe.invokedTarget()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(europe.region()).isEqualTo("eu-west-1");
		assertThat(europeCall.region()).isEqualTo("eu-west-1");
		assertThat(europeCall.modelId()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(ohio.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
		// No regional geography of the model serves Mumbai: its global profile.
		assertThat(mumbai.invokedTarget()).isEqualTo("global.anthropic.claude-haiku-4-5-20251001-v1:0");
		assertThat(mumbai.region()).isEqualTo("ap-south-1");
		assertThat(bedrock.journal()).allSatisfy((call) -> assertThat(call.status()).isEqualTo(200));
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void factoryRegionOtherThanTheRegistrysDerivesItsOwnGeoProfile(CallPath path) {
		BedrockPipeFactory factory = this.factories
			.track(Fixture.factory(bedrock.get(), Fixture.registry("us-east-1")).region("eu-west-1").build());

		PipeResult result = path.call(factory.pipe(Fixture.NOVA_PRO), "from the factory's region");

		assertThat(result.region()).isEqualTo("eu-west-1");
		assertThat(result.invokedTarget()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(Fixture.only(bedrock.get(), path.api()).status()).isEqualTo(200);
	}

	@Test
	void explicitBindingIsNotRederivedForAnotherRegion() {
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(Fixture.HAIKU, "us.anthropic.claude-3-haiku-20240307-v1:0");

		PipeResult result = this.factories.of(registry)
			.pipe(Fixture.HAIKU)
			.withRegion("us-west-2")
			.execute("keep my binding");

		assertThat(result.invokedTarget()).isEqualTo("us.anthropic.claude-3-haiku-20240307-v1:0");
		assertThat(result.region()).isEqualTo("us-west-2");
	}

	@Test
	void reloadBetweenTwoCallsChangesTheInvokedTarget(@TempDir Path folder) throws IOException {
		Path file = folder.resolve("inference.txt");
		Files.writeString(file, "# test bindings\n" + Fixture.NOVA_PRO + "=us.amazon.nova-pro-v1:0\n");
		BindingRegistry registry = BindingRegistry.builder(Fixture.catalog())
			.region("us-east-1")
			.inferenceFile(new InferenceFile(file))
			.build();
		BedrockPipe pipe = this.factories.of(registry).pipe(Fixture.NOVA_PRO);

		PipeResult fromFile = pipe.execute("one");
		String arn = "arn:aws:bedrock:us-east-2:" + Fixture.ACCOUNT + ":inference-profile/us.amazon.nova-pro-v1:0";
		Files.writeString(file, Fixture.NOVA_PRO + "=" + arn + "\n");
		assertThat(registry.reloadFile()).isTrue();
		PipeResult reloaded = CallPath.EXECUTE_ASYNC.call(pipe, "two");
		assertThat(registry.applyFile(InferenceFile.parse((Fixture.NOVA_PRO + "=\n").getBytes(StandardCharsets.UTF_8),
				"in memory", Clock.systemUTC())))
			.isTrue();
		PipeResult direct = CallPath.STREAM.call(pipe, "three");
		String application = bedrock.get().createApplicationProfile("nova-team", Fixture.NOVA_PRO, "us-east-1");
		registry.bind(Fixture.NOVA_PRO, application);
		PipeResult bound = pipe.execute("four");

		assertThat(fromFile.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(fromFile.region()).isEqualTo("us-east-1");
		assertThat(reloaded.invokedTarget()).isEqualTo(arn);
		assertThat(reloaded.region()).isEqualTo("us-east-2");
		assertThat(direct.invokedTarget()).isEqualTo(Fixture.NOVA_PRO);
		assertThat(direct.targetKind()).isEqualTo(TargetKind.DIRECT);
		assertThat(bound.invokedTarget()).isEqualTo(application);
		assertThat(bound.targetKind()).isEqualTo(TargetKind.APPLICATION_PROFILE_ARN);
		assertThat(bound.text()).contains(Fixture.NOVA_PRO + " via " + application);
		assertThat(bedrock.journal()).extracting(JournalEntry::modelId)
			.containsExactly("us.amazon.nova-pro-v1:0", arn, Fixture.NOVA_PRO, application);
		assertThat(bedrock.journal()).extracting(JournalEntry::region)
			.containsExactly("us-east-1", "us-east-2", "us-east-1", "us-east-1");
	}

	@Test
	void unbindGoesBackToTheLowerLayer() {
		BindingRegistry registry = Fixture.registry("us-east-2");
		BedrockPipe pipe = this.factories.of(registry).pipe(Fixture.NOVA_PRO);
		String application = bedrock.get()
			.createApplicationProfile("nova-ohio", "us.amazon.nova-pro-v1:0", "us-east-2");
		registry.bind(Fixture.NOVA_PRO, application);

		PipeResult bound = pipe.execute("bound");
		registry.unbind(Fixture.NOVA_PRO, false);
		PipeResult derived = pipe.execute("derived");

		assertThat(bound.invokedTarget()).isEqualTo(application);
		assertThat(derived.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
	}

}
