package io.bedrockbinding.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.account.AccountResolutionException;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.account.CachingAccountResolver;
import io.bedrockbinding.account.StaticAccountResolver;
import io.bedrockbinding.account.StsAccountResolver;
import io.bedrockbinding.emulator.Fault;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.sts.StsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code {account}} and {@code {region}} in targets, and the resolvers that fill them.
 */
class AccountTemplateTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	@RegisterExtension
	final PipeFactories factories = new PipeFactories(bedrock);

	private static final String DEEPSEEK_TEMPLATE = "arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0";

	private BedrockPipeFactory factory(BindingRegistry registry, AccountResolver accounts) {
		BedrockPipeFactory factory = Fixture.factory(bedrock.get(), registry).accountResolver(accounts).build();
		this.factories.track(factory);
		return factory;
	}

	/**
	 * Hands out one STS client of the emulator and counts how often it was asked for one.
	 */
	private Supplier<StsClient> countingSts(AtomicInteger asked) {
		StsClient client = bedrock.clients().stsBuilder("us-east-1").overrideConfiguration(Fixture.retries(1)).build();
		this.factories.track(client);
		return () -> {
			asked.incrementAndGet();
			return client;
		};
	}

	@Test
	void staticAccountFillsTheTemplate() {
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(Fixture.DEEPSEEK, DEEPSEEK_TEMPLATE);
		String filled = "arn:aws:bedrock:us-east-2:" + Fixture.ACCOUNT + ":inference-profile/us.deepseek.r1-v1:0";

		PipeResult result = factory(registry, new StaticAccountResolver(Fixture.ACCOUNT)).pipe(Fixture.DEEPSEEK)
			.execute("hi");

		assertThat(result.invokedTarget()).isEqualTo(filled);
		assertThat(result.region()).isEqualTo("us-east-2");
		JournalEntry call = Fixture.only(bedrock.get(), "Converse");
		assertThat(call.modelId()).isEqualTo(filled);
		assertThat(call.region()).isEqualTo("us-east-2");
		assertThat(call.status()).isEqualTo(200);
		assertThat(bedrock.get().journal("GetCallerIdentity")).isEmpty();
	}

	@Test
	void regionTemplateTakesTheCallsRegion() {
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(Fixture.DEEPSEEK, "arn:aws:bedrock:{region}:{account}:inference-profile/us.deepseek.r1-v1:0");
		BedrockPipe pipe = factory(registry, new StaticAccountResolver(Fixture.ACCOUNT)).pipe(Fixture.DEEPSEEK);

		PipeResult home = pipe.execute("home");
		PipeResult oregon = CallPath.STREAM.call(pipe.withRegion("us-west-2"), "oregon");

		assertThat(home.invokedTarget())
			.isEqualTo("arn:aws:bedrock:us-east-1:" + Fixture.ACCOUNT + ":inference-profile/us.deepseek.r1-v1:0");
		assertThat(oregon.invokedTarget())
			.isEqualTo("arn:aws:bedrock:us-west-2:" + Fixture.ACCOUNT + ":inference-profile/us.deepseek.r1-v1:0");
		assertThat(bedrock.journal()).extracting(JournalEntry::region).containsExactly("us-east-1", "us-west-2");
		assertThat(bedrock.journal()).allSatisfy((call) -> assertThat(call.status()).isEqualTo(200));
	}

	@Test
	void stsIsAskedOnceHoweverManyCallsNeedTheAccount() {
		AtomicInteger asked = new AtomicInteger();
		AccountResolver accounts = new CachingAccountResolver(new StsAccountResolver(countingSts(asked)));
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(Fixture.DEEPSEEK, DEEPSEEK_TEMPLATE);
		registry.bind(Fixture.NOVA_PRO,
				"arn:aws:bedrock:us-east-1:{account}:inference-profile/us.amazon.nova-pro-v1:0");
		BedrockPipeFactory factory = factory(registry, accounts);

		// Constructing the resolver and the factory, and calls whose target has no
		// {account}, ask nothing.
		factory.pipe(Fixture.LLAMA).execute("no template");
		assertThat(asked).hasValue(0);
		assertThat(bedrock.get().journal("GetCallerIdentity")).isEmpty();
		assertThat(accounts.knownAccountId()).isEmpty();

		List<CompletableFuture<PipeResult>> calls = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			BedrockPipe pipe = factory.pipe((i % 2 == 0) ? Fixture.DEEPSEEK : Fixture.NOVA_PRO);
			calls.add(switch (i % 3) {
				case 0 -> pipe.executeAsync("async " + i);
				case 1 -> pipe.stream("stream " + i, (text) -> {
				});
				default -> CompletableFuture.completedFuture(pipe.execute("sync " + i));
			});
		}
		CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();

		assertThat(bedrock.get().journal("GetCallerIdentity")).hasSize(1);
		assertThat(asked).hasValue(1);
		assertThat(accounts.knownAccountId()).hasValue(Fixture.ACCOUNT);
		assertThat(calls)
			.allSatisfy((call) -> assertThat(call.join().invokedTarget()).contains(":" + Fixture.ACCOUNT + ":"));
	}

	@Test
	void autoMeansStsCachedAndDigitsMeanStatic() {
		AtomicInteger asked = new AtomicInteger();
		Supplier<StsClient> sts = countingSts(asked);

		AccountResolver auto = AccountResolver.of("auto", sts);
		AccountResolver unset = AccountResolver.of(null, sts);
		AccountResolver configured = AccountResolver.of(" 444455556666 ", sts);

		assertThat(auto).isInstanceOf(CachingAccountResolver.class);
		assertThat(unset).isInstanceOf(CachingAccountResolver.class);
		assertThat(configured.knownAccountId()).hasValue("444455556666");
		assertThat(asked).hasValue(0);
		assertThat(auto.accountId()).isEqualTo(Fixture.ACCOUNT);
		assertThat(auto.accountId()).isEqualTo(Fixture.ACCOUNT);
		assertThat(configured.accountId()).isEqualTo("444455556666");
		assertThat(asked).hasValue(1);
		assertThat(bedrock.get().journal("GetCallerIdentity")).hasSize(1);
	}

	@Test
	void resolverIsNeverAskedForTargetsWithoutAccount() {
		AtomicInteger asked = new AtomicInteger();
		AccountResolver accounts = () -> {
			asked.incrementAndGet();
			throw new AccountResolutionException("must not be asked");
		};
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(Fixture.DEEPSEEK,
				"arn:aws:bedrock:us-east-2:" + Fixture.ACCOUNT + ":inference-profile/us.deepseek.r1-v1:0");
		registry.bind(Fixture.HAIKU, "us.anthropic.claude-3-haiku-20240307-v1:0");
		BedrockPipeFactory factory = factory(registry, accounts);

		for (CallPath path : CallPath.values()) {
			path.call(factory.pipe(Fixture.LLAMA), "direct");
			path.call(factory.pipe(Fixture.HAIKU), "system profile");
			path.call(factory.pipe(Fixture.DEEPSEEK), "concrete ARN");
			path.call(factory.pipe(Fixture.NOVA_PRO).withRegion("eu-west-1"), "derived profile");
		}

		assertThat(asked).hasValue(0);
		assertThat(bedrock.journal()).hasSize(12).allSatisfy((call) -> assertThat(call.status()).isEqualTo(200));
	}

	@Test
	void noConfiguredAccountFailsPlainlyWithoutCallingBedrock() {
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(Fixture.DEEPSEEK, DEEPSEEK_TEMPLATE);
		SettingHints hints = new SettingHints("the region setting", "app.account", "the endpoint setting",
				"the fallback setting", "the required models", "the runtime cap");
		BedrockPipe pipe = factory(registry, AccountResolver.none(hints)).pipe(Fixture.DEEPSEEK);

		for (CallPath path : CallPath.values()) {
			assertThatThrownBy(() -> path.call(pipe, "hi")).isInstanceOfSatisfying(BedrockPipeException.class,
					(failure) -> {
						assertThat(failure.reason()).isEqualTo(FailureReason.UNRESOLVED_TEMPLATE);
						assertThat(failure.modelId()).isEqualTo(Fixture.DEEPSEEK);
						assertThat(failure.target()).isEqualTo(DEEPSEEK_TEMPLATE);
						assertThat(failure.getMessage()).contains("set app.account to the 12-digit account");
					});
		}
		assertThat(bedrock.journal()).isEmpty();
	}

	@Test
	void failedStsCallIsExplainedAndNotCached() {
		AtomicInteger asked = new AtomicInteger();
		AccountResolver accounts = AccountResolver.of("auto", countingSts(asked));
		BindingRegistry registry = Fixture.registry("us-east-1");
		registry.bind(Fixture.DEEPSEEK, DEEPSEEK_TEMPLATE);
		BedrockPipe pipe = factory(registry, accounts).pipe(Fixture.DEEPSEEK);
		bedrock.faults().failNext("GetCallerIdentity", 1, Fault.ACCESS_DENIED);

		assertThatThrownBy(() -> pipe.execute("first")).isInstanceOfSatisfying(BedrockPipeException.class,
				(failure) -> {
					assertThat(failure.reason()).isEqualTo(FailureReason.UNRESOLVED_TEMPLATE);
					assertThat(failure.getMessage()).contains("STS GetCallerIdentity", "AccountResolver.of(...)")
						.doesNotContain("bedrock.binding");
				});
		PipeResult second = pipe.execute("second");

		assertThat(second.invokedTarget()).contains(":" + Fixture.ACCOUNT + ":");
		assertThat(bedrock.get().journal("GetCallerIdentity")).extracting(JournalEntry::status)
			.containsExactly(403, 200);
		assertThat(bedrock.get().journal("Converse")).hasSize(1);
	}

}
