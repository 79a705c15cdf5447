package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.bedrockbinding.account.AccountResolutionException;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.RegionalClients;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.PipeTimeouts;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import io.bedrockbinding.registry.ProblemCode;
import io.bedrockbinding.registry.RuntimeBindingLimitException;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@link BedrockBindingAutoConfiguration}, one topic per nested class: conditions and
 * beans, the SDK clients, the inference file, optional SDK modules, what start-up may and
 * may not call, the replaceable beans, the timeout properties and the runtime bindings
 * cap.
 */
class BedrockBindingAutoConfigurationTests {

	@RegisterExtension
	static LocalBedrockExtension bedrock = new LocalBedrockExtension();

	/**
	 * The auto-configuration with test credentials, in us-east-1, without an inference
	 * file: what most topics start from.
	 * @return a new runner
	 */
	ApplicationContextRunner defaultRunner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class, TestCredentials::test)
			.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false");
	}

	/**
	 * The conditions of {@link BedrockBindingAutoConfiguration}: the switch, the beans it
	 * makes, the user beans that replace them, the region and the account.
	 */
	@Nested
	class Conditions {

		private final ApplicationContextRunner runner = defaultRunner();

		@Test
		void makesEveryBeanByDefault() {
			this.runner.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).hasSingleBean(BedrockBindingProperties.class)
					.hasSingleBean(ModelCatalog.class)
					.hasSingleBean(BedrockConnectionDetails.class)
					.hasSingleBean(BindingRegistry.class)
					.hasSingleBean(BedrockRuntimeClients.class)
					.hasSingleBean(AccountResolver.class)
					.hasSingleBean(BedrockPipeFactory.class);
				assertThat(context.getBean(ModelCatalog.class)).isSameAs(ModelCatalog.builtIn());
				assertThat(context.getBean(BedrockPipeFactory.class).registry())
					.isSameAs(context.getBean(BindingRegistry.class));
			});
		}

		@Test
		void enabledFalseMakesNoBean() {
			this.runner.withPropertyValues("bedrock.binding.enabled=false").run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(BedrockBindingProperties.class)
					.doesNotHaveBean(ModelCatalog.class)
					.doesNotHaveBean(BedrockConnectionDetails.class)
					.doesNotHaveBean(BindingRegistry.class)
					.doesNotHaveBean(BedrockRuntimeClients.class)
					.doesNotHaveBean(AccountResolver.class)
					.doesNotHaveBean(BedrockPipeFactory.class);
			});
		}

		@Test
		void aLeadingTildeInTheFileLocationIsTheHomeFolder() {
			this.runner.withPropertyValues("bedrock.binding.inference-file.location=~/config/inference.txt")
				.run((context) -> assertThat(
						context.getBean(BedrockBindingProperties.class).getInferenceFile().getLocation())
					.isEqualTo(io.bedrockbinding.file.InferenceFile.defaultLocation()
						.getParent()
						.getParent()
						.resolve("config")
						.resolve("inference.txt")));
		}

		@Test
		void enabledTrueIsTheDefault() {
			this.runner.withPropertyValues("bedrock.binding.enabled=true")
				.run((context) -> assertThat(context).hasSingleBean(BindingRegistry.class));
		}

		@Test
		void userModelCatalogWinsAndFeedsTheRegistry() {
			ModelCatalog builtIn = ModelCatalog.builtIn();
			ModelCatalog small = new ModelCatalog(builtIn.all().subList(0, 3), builtIn.geographies());
			this.runner.withBean(ModelCatalog.class, () -> small).run((context) -> {
				assertThat(context).getBean(ModelCatalog.class).isSameAs(small);
				assertThat(context.getBean(BindingRegistry.class).catalog()).isSameAs(small);
				assertThat(context.getBean(BindingRegistry.class).bindings()).hasSize(3);
			});
		}

		@Test
		void userBindingRegistryWinsAndFeedsTheFactory() {
			BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).region("eu-west-1").build();
			this.runner.withBean(BindingRegistry.class, () -> registry).run((context) -> {
				assertThat(context).getBean(BindingRegistry.class).isSameAs(registry);
				assertThat(context.getBean(BedrockPipeFactory.class).registry()).isSameAs(registry);
				assertThat(context.getBean(BedrockPipeFactory.class).region()).isEqualTo("eu-west-1");
			});
		}

		@Test
		void userAccountResolverWins() {
			AccountResolver resolver = () -> "999988887777";
			this.runner.withBean(AccountResolver.class, () -> resolver)
				.withPropertyValues("bedrock.binding.account-id=111122223333")
				.run((context) -> assertThat(context).getBean(AccountResolver.class).isSameAs(resolver));
		}

		@Test
		void userRuntimeClientsWin() {
			BedrockRuntimeClients clients = BedrockRuntimeClients.builder()
				.credentialsProvider(TestCredentials.test())
				.build();
			this.runner.withBean(BedrockRuntimeClients.class, () -> clients)
				.run((context) -> assertThat(context).getBean(BedrockRuntimeClients.class).isSameAs(clients));
		}

		@Test
		void userPipeFactoryWins() {
			BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn()).region("us-west-2").build();
			BedrockPipeFactory factory = BedrockPipeFactory
				.builder(registry, BedrockRuntimeClients.builder().credentialsProvider(TestCredentials.test()).build())
				.build();
			this.runner.withBean(BedrockPipeFactory.class, () -> factory)
				.run((context) -> assertThat(context).getBean(BedrockPipeFactory.class).isSameAs(factory));
		}

		@Test
		void userConnectionDetailsWinOverTheEndpointProperty() {
			BedrockConnectionDetails details = () -> URI.create("http://127.0.0.1:1");
			this.runner.withBean(BedrockConnectionDetails.class, () -> details)
				.withPropertyValues("bedrock.binding.endpoint=http://127.0.0.1:2")
				.run((context) -> {
					assertThat(context).getBean(BedrockConnectionDetails.class).isSameAs(details);
					assertThat(context.getBean(BedrockRuntimeClients.class).endpoint())
						.isEqualTo(URI.create("http://127.0.0.1:1"));
				});
		}

		@Test
		void endpointPropertyReachesTheClients() {
			this.runner.withPropertyValues("bedrock.binding.endpoint=http://127.0.0.1:2")
				.run((context) -> assertThat(context.getBean(BedrockRuntimeClients.class).endpoint())
					.isEqualTo(URI.create("http://127.0.0.1:2")));
		}

		@Test
		void regionPropertyWinsOverConnectionDetailsAndRegionProvider() {
			this.runner.withPropertyValues("bedrock.binding.region=eu-west-1")
				.withBean(BedrockConnectionDetails.class, () -> new RegionConnectionDetails("ap-south-1"))
				.withBean(AwsRegionProvider.class, () -> () -> Region.SA_EAST_1)
				.run((context) -> assertRegion(context.getBean(BindingRegistry.class),
						context.getBean(BedrockPipeFactory.class), "eu-west-1"));
		}

		@Test
		void connectionDetailsRegionWinsOverRegionProvider() {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
				.withBean(AwsCredentialsProvider.class, TestCredentials::test)
				.withPropertyValues("bedrock.binding.inference-file.enabled=false")
				.withBean(BedrockConnectionDetails.class, () -> new RegionConnectionDetails("ap-south-1"))
				.withBean(AwsRegionProvider.class, () -> () -> Region.SA_EAST_1)
				.run((context) -> assertRegion(context.getBean(BindingRegistry.class),
						context.getBean(BedrockPipeFactory.class), "ap-south-1"));
		}

		@Test
		void regionProviderBeanIsUsedWhenNothingElseNamesARegion() {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
				.withBean(AwsCredentialsProvider.class, TestCredentials::test)
				.withPropertyValues("bedrock.binding.inference-file.enabled=false")
				.withBean(AwsRegionProvider.class, () -> () -> Region.SA_EAST_1)
				.run((context) -> assertRegion(context.getBean(BindingRegistry.class),
						context.getBean(BedrockPipeFactory.class), "sa-east-1"));
		}

		@Test
		void regionComesFromTheSdkSystemPropertyWithoutAnyBean() {
			new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
				.withBean(AwsCredentialsProvider.class, TestCredentials::test)
				.withPropertyValues("bedrock.binding.inference-file.enabled=false")
				.withSystemProperties("aws.region=ca-central-1")
				.run((context) -> assertRegion(context.getBean(BindingRegistry.class),
						context.getBean(BedrockPipeFactory.class), "ca-central-1"));
		}

		@Test
		void configuredAccountIdIsKnownWithoutAnyCall() {
			this.runner.withPropertyValues("bedrock.binding.account-id=444455556666").run((context) -> {
				AccountResolver resolver = context.getBean(AccountResolver.class);
				assertThat(resolver.knownAccountId()).contains("444455556666");
				assertThat(context.getBean(BindingRegistry.class).accountId()).contains("444455556666");
			});
		}

		@Test
		void accountIdIsStripped() {
			this.runner.withInitializer(RawProperties.of("bedrock.binding.account-id", " 444455556666 "))
				.run((context) -> assertThat(context.getBean(AccountResolver.class).knownAccountId())
					.contains("444455556666"));
		}

		@Test
		void autoAccountIdIsNotKnownUntilAsked() {
			this.runner.withPropertyValues("bedrock.binding.account-id=auto").run((context) -> {
				assertThat(context.getBean(AccountResolver.class).knownAccountId()).isEmpty();
				assertThat(context.getBean(BindingRegistry.class).accountId()).isEmpty();
			});
		}

		@Test
		void blankAccountIdMeansAskStsLikeAuto() {
			// "account-id: ${AWS_ACCOUNT_ID:}" with the variable unset asks STS, on first
			// need.
			try (LocalBedrock bedrock = LocalBedrock.builder().accountId("777766665555").build().start()) {
				this.runner
					.withPropertyValues("bedrock.binding.account-id=", "bedrock.binding.endpoint=" + bedrock.endpoint())
					.run((context) -> {
						assertThat(context).hasNotFailed();
						AccountResolver resolver = context.getBean(AccountResolver.class);
						assertThat(resolver.knownAccountId()).isEmpty();
						assertThat(bedrock.journal()).isEmpty();
						assertThat(resolver.accountId()).isEqualTo("777766665555");
						assertThat(bedrock.journal()).extracting(JournalEntry::api)
							.containsExactly("GetCallerIdentity");
						assertThat(resolver.accountId()).isEqualTo("777766665555");
						assertThat(bedrock.journal()).as("cached").hasSize(1);
					});
			}
		}

		@Test
		void stsFailureSaysWhatWasTried() {
			// Port 1 refuses connections: STS was asked, and the failure says so.
			this.runner
				.withPropertyValues("bedrock.binding.account-id=auto", "bedrock.binding.endpoint=http://127.0.0.1:1")
				.run((context) -> assertThatExceptionOfType(AccountResolutionException.class)
					.isThrownBy(context.getBean(AccountResolver.class)::accountId)
					.withMessageContaining("STS GetCallerIdentity"));
		}

		@Test
		void invalidAccountIdFailsStartUp() {
			this.runner.withPropertyValues("bedrock.binding.account-id=1234").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context.getStartupFailure()).rootCause()
					.isInstanceOf(IllegalArgumentException.class)
					.hasMessageContaining("bedrock.binding.account-id must be 12 digits or 'auto'");
			});
		}

		@Test
		void requiredModelsReachTheRegistry() {
			this.runner.withPropertyValues("bedrock.binding.required-models=google.gemma-3-12b-it,amazon.nova-pro-v1:0")
				.withInitializer(
						RawProperties.models("google.gemma-3-12b-it=", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0"))
				.run((context) -> assertThat(context.getBean(BindingRegistry.class).requiredModels())
					.containsExactlyInAnyOrder("google.gemma-3-12b-it", "amazon.nova-pro-v1:0"));
		}

		private static void assertRegion(BindingRegistry registry, BedrockPipeFactory factory, String region) {
			assertThat(registry.region()).contains(region);
			assertThat(factory.region()).isEqualTo(region);
		}

		/** Connection details as an emulator or a platform would contribute them. */
		record RegionConnectionDetails(String region) implements BedrockConnectionDetails {

			@Override
			public URI endpoint() {
				return URI.create("http://127.0.0.1:1");
			}

		}

	}

	/**
	 * The SDK clients the auto-configuration builds, checked with real calls against
	 * LocalBedrock: credentials, customizers, endpoint and the on-demand fallback.
	 */
	@Nested
	class ClientConfiguration {

		private final AuthorizationRecorder authorization = new AuthorizationRecorder();

		private ApplicationContextRunner runner() {
			return new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
				.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false",
						"bedrock.binding.endpoint=" + bedrock.endpoint())
				.withBean("recordingCustomizer", BedrockRuntimeClientCustomizer.class,
						() -> (builder) -> builder
							.overrideConfiguration((override) -> override.addExecutionInterceptor(this.authorization)))
				.withBean("recordingAsyncCustomizer", BedrockRuntimeAsyncClientCustomizer.class,
						() -> (builder) -> builder
							.overrideConfiguration((override) -> override.addExecutionInterceptor(this.authorization)));
		}

		@Test
		void credentialsProviderBeanSignsTheCalls() {
			runner().withBean(AwsCredentialsProvider.class, () -> TestCredentials.of("AKIDFROMBEAN")).run((context) -> {
				PipeResult result = context.getBean(BedrockPipeFactory.class)
					.pipe("google.gemma-3-12b-it")
					.execute("Hi");
				assertThat(result.invokedTarget()).isEqualTo("google.gemma-3-12b-it");
				assertThat(this.authorization.headers).singleElement().asString().contains("Credential=AKIDFROMBEAN/");
				assertThat(bedrock.journal()).extracting(JournalEntry::api).containsExactly("Converse");
			});
		}

		@Test
		void connectionDetailsCredentialsWinOverTheBean() {
			URI endpoint = bedrock.endpoint();
			runner().withBean(AwsCredentialsProvider.class, () -> TestCredentials.of("AKIDFROMBEAN"))
				.withBean(BedrockConnectionDetails.class, () -> new BedrockConnectionDetails() {

					@Override
					public URI endpoint() {
						return endpoint;
					}

					@Override
					public @Nullable AwsCredentialsProvider credentialsProvider() {
						return TestCredentials.of("AKIDFROMCONNECTION");
					}

				})
				.run((context) -> {
					context.getBean(BedrockPipeFactory.class).pipe("google.gemma-3-12b-it").execute("Hi");
					assertThat(this.authorization.headers).singleElement()
						.asString()
						.contains("Credential=AKIDFROMCONNECTION/");
				});
		}

		@Test
		void apiKeyIsSentAsABearerToken() {
			runner().withBean(AwsCredentialsProvider.class, TestCredentials::test)
				.withPropertyValues("bedrock.binding.api-key=test-api-key")
				.run((context) -> {
					BedrockPipeFactory factory = context.getBean(BedrockPipeFactory.class);
					factory.pipe("google.gemma-3-12b-it").execute("Hi");
					factory.pipe("google.gemma-3-12b-it").executeAsync("Hi").get(30, TimeUnit.SECONDS);
					assertThat(this.authorization.headers).containsExactly("Bearer test-api-key",
							"Bearer test-api-key");
					// Bearer calls name no region: LocalBedrock journals them under its
					// default region.
					assertThat(bedrock.journal()).extracting(JournalEntry::status).containsExactly(200, 200);
				});
		}

		@Test
		void customizersAreAppliedToEachNewClientInOrder() {
			List<String> calls = new CopyOnWriteArrayList<>();
			AtomicInteger async = new AtomicInteger();
			runner().withBean(AwsCredentialsProvider.class, TestCredentials::test)
				.withBean("second", BedrockRuntimeClientCustomizer.class,
						() -> new OrderedCustomizer(2, "second", calls))
				.withBean("first", BedrockRuntimeClientCustomizer.class, () -> new OrderedCustomizer(1, "first", calls))
				.withBean("countingAsyncCustomizer", BedrockRuntimeAsyncClientCustomizer.class,
						() -> (builder) -> async.incrementAndGet())
				.run((context) -> {
					assertThat(calls).as("no client is built at start-up").isEmpty();
					BedrockPipeFactory factory = context.getBean(BedrockPipeFactory.class);
					factory.pipe("google.gemma-3-12b-it").execute("Hi");
					factory.pipe("google.gemma-3-12b-it").execute("Again");
					assertThat(calls).as("one client for the region, customized once")
						.containsExactly("first", "second");
					factory.pipe("google.gemma-3-12b-it").withRegion("eu-west-1").execute("Elsewhere");
					assertThat(calls).as("a client per region").containsExactly("first", "second", "first", "second");
					assertThat(async).hasValue(0);
					factory.pipe("google.gemma-3-12b-it").executeAsync("Async").get(30, TimeUnit.SECONDS);
					assertThat(async).hasValue(1);
				});
		}

		@Test
		void onDemandFallbackRetriesWithTheGeoProfile() {
			// us-west-2 serves Nova Pro through a profile only; with derive-profiles off
			// nothing binds it.
			runner().withBean(AwsCredentialsProvider.class, TestCredentials::test)
				.withPropertyValues("bedrock.binding.region=us-west-2", "bedrock.binding.derive-profiles=false",
						"bedrock.binding.on-demand-fallback=true")
				.run((context) -> {
					PipeResult result = context.getBean(BedrockPipeFactory.class)
						.pipe("amazon.nova-pro-v1:0")
						.execute("Hi");
					assertThat(result.fallback()).isTrue();
					assertThat(result.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
					assertThat(bedrock.journal()).extracting(JournalEntry::modelId, JournalEntry::status)
						.containsExactly(tuple("amazon.nova-pro-v1:0", 400), tuple("us.amazon.nova-pro-v1:0", 200));
				});
		}

		@Test
		void withoutOnDemandFallbackTheRefusalIsThrownWithTheFix() {
			runner().withBean(AwsCredentialsProvider.class, TestCredentials::test)
				.withPropertyValues("bedrock.binding.region=us-west-2", "bedrock.binding.derive-profiles=false")
				.run((context) -> {
					assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(
							() -> context.getBean(BedrockPipeFactory.class).pipe("amazon.nova-pro-v1:0").execute("Hi"))
						.satisfies((ex) -> {
							assertThat(ex.reason()).isEqualTo(FailureReason.ON_DEMAND_NOT_SUPPORTED);
							assertThat(ex.fix()).contains("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0")
								.contains("bedrock.binding.on-demand-fallback=true");
						});
					assertThat(bedrock.journal()).extracting(JournalEntry::modelId)
						.containsExactly("amazon.nova-pro-v1:0");
				});
		}

		@Test
		void derivedProfileIsCalledWhenDeriveProfilesIsOn() {
			runner().withBean(AwsCredentialsProvider.class, TestCredentials::test)
				.withPropertyValues("bedrock.binding.region=us-west-2")
				.run((context) -> {
					PipeResult result = context.getBean(BedrockPipeFactory.class)
						.pipe("amazon.nova-pro-v1:0")
						.execute("Hi");
					assertThat(result.fallback()).isFalse();
					assertThat(result.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
					assertThat(bedrock.journal()).extracting(JournalEntry::modelId)
						.containsExactly("us.amazon.nova-pro-v1:0");
				});
		}

		/** Records the Authorization header of every request a client sends. */
		static final class AuthorizationRecorder implements ExecutionInterceptor {

			final List<String> headers = new CopyOnWriteArrayList<>();

			@Override
			public void beforeTransmission(Context.BeforeTransmission context,
					ExecutionAttributes executionAttributes) {
				context.httpRequest().firstMatchingHeader("Authorization").ifPresent(this.headers::add);
			}

		}

		/**
		 * Records its name when it customizes a builder; {@code order} decides who goes
		 * first.
		 */
		record OrderedCustomizer(int order, String name,
				List<String> calls) implements BedrockRuntimeClientCustomizer, Ordered {

			@Override
			public void customize(BedrockRuntimeClientBuilder builder) {
				this.calls.add(this.name);
			}

			@Override
			public int getOrder() {
				return this.order;
			}

		}

	}

	/**
	 * {@code bedrock.binding.inference-file.*} and
	 * {@code bedrock.binding.derive-profiles}.
	 */
	@ExtendWith(OutputCaptureExtension.class)
	@Nested
	class InferenceFileProperties {

		@TempDir
		Path folder;

		private ApplicationContextRunner runner(Path file) {
			return new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
				.withBean(AwsCredentialsProvider.class, TestCredentials::test)
				.withPropertyValues("bedrock.binding.region=us-east-1",
						"bedrock.binding.inference-file.location=" + file);
		}

		@Test
		void fileAtTheLocationBindsWithPathAndLineAsOrigin() throws IOException {
			Path file = write("inference.txt", "# bindings\namazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
			runner(file).run((context) -> {
				Binding binding = context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0");
				assertThat(binding.target().value()).isEqualTo("us.amazon.nova-pro-v1:0");
				assertThat(binding.origin().kind()).isEqualTo(OriginKind.FILE);
				assertThat(binding.origin().source()).isEqualTo(file.toAbsolutePath().normalize() + ":2");
			});
		}

		@Test
		void disabledFileIsNotRead() throws IOException {
			Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
			runner(file).withPropertyValues("bedrock.binding.inference-file.enabled=false").run((context) -> {
				BindingRegistry registry = context.getBean(BindingRegistry.class);
				assertThat(registry.inferenceFile()).isEmpty();
				assertThat(registry.resolve("amazon.nova-pro-v1:0").origin().kind()).isEqualTo(OriginKind.CATALOG);
				assertThat(context).doesNotHaveBean(InferenceFileReloader.class);
			});
		}

		@Test
		void missingFileIsCreatedOnlyWhenAsked() {
			Path file = this.folder.resolve("created/inference.txt");
			runner(file).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(file).doesNotExist();
			});
			runner(file).withPropertyValues("bedrock.binding.inference-file.create-if-missing=true").run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(file).isRegularFile()
					.content()
					.startsWith("# inference.txt")
					.contains("#amazon.nova-pro-v1:0=");
				// Every line of a new file is a comment: it binds nothing.
				assertThat(context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0").origin().kind())
					.isEqualTo(OriginKind.CATALOG);
			});
		}

		@Test
		void existingFileIsNotOverwrittenByCreateIfMissing() throws IOException {
			Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
			runner(file).withPropertyValues("bedrock.binding.inference-file.create-if-missing=true")
				.run((context) -> assertThat(file).content()
					.isEqualTo("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n"));
		}

		@Test
		void watchedFileIsReloadedWhenItChanges() throws IOException {
			Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
			runner(file).withPropertyValues("bedrock.binding.inference-file.watch-delay=10ms").run((context) -> {
				assertThat(context).hasSingleBean(InferenceFileReloader.class);
				BindingRegistry registry = context.getBean(BindingRegistry.class);
				CountDownLatch reloaded = new CountDownLatch(1);
				registry.addListener((layer, models) -> {
					if (layer == OriginKind.FILE && models.contains("amazon.nova-pro-v1:0")) {
						reloaded.countDown();
					}
				});
				Files.writeString(file, "amazon.nova-pro-v1:0=global.amazon.nova-pro-v1:0\n");
				assertThat(reloaded.await(30, TimeUnit.SECONDS)).as("reloaded within 30 s").isTrue();
				assertThat(registry.resolve("amazon.nova-pro-v1:0").target().value())
					.isEqualTo("global.amazon.nova-pro-v1:0");
			});
		}

		@Test
		void aChangeWhileTheContextStartsIsInForceOnceItHasStarted() throws IOException {
			Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
			runner(file).withUserConfiguration(EditWhileStarting.class).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(file).content().isEqualTo("amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n");
				assertThat(context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0").target().value())
					.isEqualTo("eu.amazon.nova-pro-v1:0");
			});
		}

		@Test
		void aNegativeWatchDelayFailsStartUpNamingTheProperty() throws IOException {
			Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
			runner(file).withPropertyValues("bedrock.binding.inference-file.watch-delay=-1s")
				.run((context) -> assertThat(context).getFailure()
					.hasStackTraceContaining("bedrock.binding.inference-file.watch-delay must be zero or a positive")
					.hasStackTraceContaining("got PT-1S"));
		}

		@Test
		void watchFalseStartsNoWatcher() throws IOException {
			Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\n");
			runner(file).withPropertyValues("bedrock.binding.inference-file.watch=false").run((context) -> {
				assertThat(context).doesNotHaveBean(InferenceFileReloader.class);
				assertThat(context.getBean(BindingRegistry.class).inferenceFile()).isPresent();
			});
		}

		@Test
		void aLineWhoseTargetCallsAnotherModelIsAWarningAtStartUpAsInValidate(CapturedOutput output)
				throws IOException {
			Path file = write("inference.txt", "amazon.nova-lite-v1:0=us.amazon.nova-pro-v1:0\n");
			String location = file.toAbsolutePath().normalize() + ":1";
			runner(file).withPropertyValues("bedrock.binding.inference-file.strict=true").run((context) -> {
				// a warning, even for a strict file: an alias can be meant
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(BindingRegistry.class).resolve("amazon.nova-lite-v1:0").target().value())
					.isEqualTo("us.amazon.nova-pro-v1:0");
			});
			assertThat(output).contains("Bedrock binding: us.amazon.nova-pro-v1:0 (" + location
					+ ") calls amazon.nova-pro-v1:0, not amazon.nova-lite-v1:0");
		}

		@Test
		void brokenLineIsAWarningUnlessStrict(CapturedOutput output) throws IOException {
			Path file = write("inference.txt", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\nthis is not a binding\n");
			String location = file.toAbsolutePath().normalize() + ":2";
			runner(file).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0").target().value())
					.isEqualTo("us.amazon.nova-pro-v1:0");
			});
			assertThat(output).contains("Bedrock binding: " + location);
			runner(file).withPropertyValues("bedrock.binding.inference-file.strict=true").run((context) -> {
				assertThat(context).hasFailed();
				assertThat(StartupFailures.validation(context.getStartupFailure()).problems()).singleElement()
					.satisfies((problem) -> {
						assertThat(problem.code()).isEqualTo(ProblemCode.FILE_PROBLEM);
						assertThat(problem.message()).startsWith(location);
					});
			});
		}

		@Test
		void deriveProfilesBindsTheRegionsGeoProfile() {
			runner(this.folder.resolve("none.txt")).withPropertyValues("bedrock.binding.region=eu-west-1")
				.run((context) -> {
					Binding binding = context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0");
					assertThat(binding.origin().kind()).isEqualTo(OriginKind.DERIVED);
					assertThat(binding.target().value()).isEqualTo("eu.amazon.nova-pro-v1:0");
				});
		}

		@Test
		void deriveProfilesFalseLeavesTheCatalogDefault() {
			runner(this.folder.resolve("none.txt"))
				.withPropertyValues("bedrock.binding.region=eu-west-1", "bedrock.binding.derive-profiles=false")
				.run((context) -> {
					BindingRegistry registry = context.getBean(BindingRegistry.class);
					// Off for every region, not only the registry's.
					assertThat(registry.resolve("amazon.nova-pro-v1:0", "eu-west-3").target().value())
						.isEqualTo("amazon.nova-pro-v1:0");
					Binding binding = registry.resolve("amazon.nova-pro-v1:0");
					assertThat(binding.origin().kind()).isEqualTo(OriginKind.CATALOG);
					assertThat(binding.target().value()).isEqualTo("amazon.nova-pro-v1:0");
				});
		}

		private Path write(String name, String content) throws IOException {
			return Files.writeString(this.folder.resolve(name), content);
		}

		/** Edits the file after the registry has read it, before the reloader starts. */
		@Configuration(proxyBeanMethods = false)
		static class EditWhileStarting {

			@Bean
			Object fileEditor(BindingRegistry registry) throws IOException {
				Files.writeString(registry.inferenceFile().orElseThrow().path(),
						"amazon.nova-pro-v1:0=eu.amazon.nova-pro-v1:0\n");
				return new Object();
			}

		}

	}

	/**
	 * The optional SDK modules, hidden from the context with a
	 * {@link FilteredClassLoader}: sts (account 'auto') and bedrock (discovery).
	 * {@link MissingModulesTests} removes the jars themselves.
	 */
	@ExtendWith(OutputCaptureExtension.class)
	@Nested
	class OptionalClasses {

		private static final String PROFILE_ARN = "arn:aws:bedrock:us-east-1:{account}:inference-profile/us.amazon.nova-pro-v1:0";

		private ApplicationContextRunner runner() {
			return new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
				.withBean(AwsCredentialsProvider.class, TestCredentials::test)
				.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false",
						"bedrock.binding.endpoint=" + bedrock.endpoint())
				.withInitializer(RawProperties.models("amazon.nova-pro-v1:0=" + PROFILE_ARN));
		}

		@Test
		void withStsTheAccountIsAskedOnFirstNeed() {
			runner().run((context) -> {
				assertThat(bedrock.journal()).isEmpty();
				PipeResult result = context.getBean(BedrockPipeFactory.class)
					.pipe("amazon.nova-pro-v1:0")
					.execute("Hi");
				assertThat(result.invokedTarget()).isEqualTo(PROFILE_ARN.replace("{account}", bedrock.accountId()));
				assertThat(bedrock.journal()).extracting((entry) -> entry.api())
					.containsExactly("GetCallerIdentity", "Converse");
			});
		}

		@Test
		void withoutStsAnAccountTemplateFailsWithAClearMessage() {
			runner().withClassLoader(new FilteredClassLoader("software.amazon.awssdk.services.sts")).run((context) -> {
				assertThat(context).hasNotFailed();
				assertThatExceptionOfType(AccountResolutionException.class)
					.isThrownBy(context.getBean(AccountResolver.class)::accountId)
					.withMessageContaining("bedrock.binding.account-id")
					.withMessageContaining("software.amazon.awssdk:sts");
				assertThatExceptionOfType(BedrockPipeException.class)
					.isThrownBy(
							() -> context.getBean(BedrockPipeFactory.class).pipe("amazon.nova-pro-v1:0").execute("Hi"))
					.satisfies((ex) -> {
						assertThat(ex.reason()).isEqualTo(FailureReason.UNRESOLVED_TEMPLATE);
						assertThat(ex.getMessage()).contains("software.amazon.awssdk:sts");
					});
				assertThat(bedrock.journal()).as("nothing was sent").isEmpty();
			});
		}

		@Test
		void withoutStsAConfiguredAccountStillWorks() {
			runner().withClassLoader(new FilteredClassLoader("software.amazon.awssdk.services.sts"))
				.withPropertyValues("bedrock.binding.account-id=" + bedrock.accountId())
				.run((context) -> {
					PipeResult result = context.getBean(BedrockPipeFactory.class)
						.pipe("amazon.nova-pro-v1:0")
						.execute("Hi");
					assertThat(result.invokedTarget()).contains(":" + bedrock.accountId() + ":");
					assertThat(bedrock.journal()).extracting((entry) -> entry.api()).containsExactly("Converse");
				});
		}

		@Test
		void withTheBedrockModuleDiscoveryIsAvailable() {
			runner().withPropertyValues("bedrock.binding.discovery.enabled=true").run((context) -> {
				assertThat(context).hasSingleBean(ProfileDiscoveryClients.class);
				assertThat(bedrock.journal()).as("not on start-up").isEmpty();
			});
		}

		@Test
		void discoveryIsOffByDefault() {
			runner().run((context) -> assertThat(context).doesNotHaveBean(ProfileDiscoveryClients.class));
		}

		@Test
		void withoutTheBedrockModuleThereIsNoDiscoveryAndTheContextStarts(CapturedOutput output) {
			runner().withClassLoader(new FilteredClassLoader("software.amazon.awssdk.services.bedrock."))
				.withPropertyValues("bedrock.binding.discovery.enabled=true",
						"bedrock.binding.discovery.on-startup=true")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(context).doesNotHaveBean(ProfileDiscoveryClients.class);
					assertThat(context.getBean(BindingRegistry.class).bindings())
						.noneMatch((binding) -> binding.origin().kind() == OriginKind.DISCOVERED);
					assertThat(bedrock.journal()).isEmpty();
				});
			assertThat(output)
				.contains("bedrock.binding.discovery.enabled is true, but software.amazon.awssdk:bedrock");
		}

	}

	/**
	 * Start-up makes no network call unless discovery on start-up asks for one, proven
	 * with LocalBedrock's journal (every request it answers is in it).
	 */
	@ExtendWith(OutputCaptureExtension.class)
	@Nested
	class StartupNetwork {

		@TempDir
		Path folder;

		private ApplicationContextRunner runner() throws Exception {
			Path file = Files.writeString(this.folder.resolve("inference.txt"),
					"amazon.nova-lite-v1:0=arn:aws:bedrock:us-west-2:{account}:inference-profile/us.amazon.nova-lite-v1:0\n");
			return new ApplicationContextRunner()
				.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
				.withBean(AwsCredentialsProvider.class, TestCredentials::test)
				// Everything that could call AWS is switched on, but lazily: STS account,
				// discovery, templates.
				.withPropertyValues("bedrock.binding.region=us-west-2",
						"bedrock.binding.endpoint=" + bedrock.endpoint(), "bedrock.binding.account-id=auto",
						"bedrock.binding.inference-file.location=" + file,
						"bedrock.binding.required-models=amazon.nova-pro-v1:0")
				.withInitializer(RawProperties.models(
						"amazon.nova-pro-v1:0=arn:aws:bedrock:us-west-2:{account}:inference-profile/us.amazon.nova-pro-v1:0"));
		}

		@Test
		void noCallAtStartUpWhenDiscoveryIsOff() throws Exception {
			runner().run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0").origin().kind())
					.isEqualTo(OriginKind.PROPERTIES);
				assertThat(bedrock.journal()).isEmpty();
			});
			assertThat(bedrock.journal()).as("nor at shutdown").isEmpty();
		}

		@Test
		void noCallAtStartUpWhenDiscoveryIsEnabledButNotOnStartup() throws Exception {
			runner().withPropertyValues("bedrock.binding.discovery.enabled=true").run((context) -> {
				assertThat(context).hasSingleBean(ProfileDiscoveryClients.class);
				assertThat(bedrock.journal()).isEmpty();
			});
		}

		@Test
		void onStartupWithoutDiscoveryEnabledDoesNothingButSaysSo(CapturedOutput output) throws Exception {
			runner().withPropertyValues("bedrock.binding.discovery.on-startup=true")
				.run((context) -> assertThat(bedrock.journal()).isEmpty());
			assertThat(output).contains("bedrock.binding.discovery.on-startup is true, but "
					+ "bedrock.binding.discovery.enabled is not: nothing is discovered at start-up; "
					+ "set bedrock.binding.discovery.enabled=true too");
		}

		@Test
		void noCallWhenASpringBootApplicationStarts() {
			try (ConfigurableApplicationContext context = BindingTestApplication.run("bedrock-binding-merge",
					List.of("prod"), "--bedrock.binding.endpoint=" + bedrock.endpoint(),
					"--bedrock.binding.account-id=auto",
					"--bedrock.binding.inference-file.location=" + this.folder.resolve("missing.txt"))) {
				assertThat(context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0").origin().source())
					.isEqualTo("bedrock-binding-merge/application-prod.yml");
				assertThat(bedrock.journal()).isEmpty();
			}
		}

		@Test
		void discoveryOnStartupCallsTheControlPlaneAndAddsDiscoveredBindings() throws Exception {
			String applicationProfile = bedrock.createApplicationProfile("team-llama", "meta.llama3-2-3b-instruct-v1:0",
					"us-west-2");
			runner()
				.withPropertyValues("bedrock.binding.discovery.enabled=true",
						"bedrock.binding.discovery.on-startup=true")
				.run((context) -> {
					assertThat(context).hasNotFailed();
					assertThat(bedrock.journal()).extracting(JournalEntry::api)
						.contains("ListFoundationModels", "ListInferenceProfiles")
						.doesNotContain("Converse", "GetCallerIdentity");
					assertThat(bedrock.journal()).extracting(JournalEntry::region).containsOnly("us-west-2");
					BindingRegistry registry = context.getBean(BindingRegistry.class);
					Binding llama = registry.resolve("meta.llama3-2-3b-instruct-v1:0");
					assertThat(llama.origin().kind()).isEqualTo(OriginKind.DISCOVERED);
					assertThat(llama.origin().source()).startsWith("discovery in us-west-2");
					assertThat(llama.target().value()).isEqualTo(applicationProfile);
					Binding novaMicro = registry.resolve("amazon.nova-micro-v1:0");
					assertThat(novaMicro.origin().kind()).isEqualTo(OriginKind.DISCOVERED);
					assertThat(novaMicro.target().value()).isEqualTo("us.amazon.nova-micro-v1:0");
					// Discovery sits below the file and the properties.
					assertThat(registry.resolve("amazon.nova-pro-v1:0").origin().kind())
						.isEqualTo(OriginKind.PROPERTIES);
					assertThat(registry.resolve("amazon.nova-lite-v1:0").origin().kind()).isEqualTo(OriginKind.FILE);
				});
		}

	}

	/**
	 * The beans a user replaces by defining one of the same type, and what the starter
	 * gives core (its property names for messages, the client pool's limit).
	 */
	@Nested
	class ReplaceableBeansAndSettings {

		private final ApplicationContextRunner runner = defaultRunner();

		@TempDir
		Path folder;

		@Test
		void theStartupValidatorIsReplaceable() {
			this.runner.run((context) -> assertThat(context).hasSingleBean(BindingStartupValidator.class)
				.hasBean("bedrockBindingStartupValidator"));
			this.runner.withUserConfiguration(UserBeans.class)
				.run((context) -> assertThat(context).hasSingleBean(BindingStartupValidator.class)
					.hasBean("userValidator")
					.doesNotHaveBean("bedrockBindingStartupValidator"));
		}

		@Test
		void theFileReloaderIsReplaceable() {
			ApplicationContextRunner withFile = this.runner.withPropertyValues(
					"bedrock.binding.inference-file.enabled=true",
					"bedrock.binding.inference-file.location=" + this.folder.resolve("inference.txt"));
			withFile.run((context) -> assertThat(context).hasSingleBean(InferenceFileReloader.class)
				.hasBean("bedrockInferenceFileReloader"));
			withFile.withUserConfiguration(UserBeans.class)
				.run((context) -> assertThat(context).hasSingleBean(InferenceFileReloader.class)
					.hasBean("userReloader")
					.doesNotHaveBean("bedrockInferenceFileReloader"));
		}

		@Test
		void theDiscoveryClientsAreReplaceable() {
			ApplicationContextRunner withDiscovery = this.runner
				.withPropertyValues("bedrock.binding.discovery.enabled=true");
			withDiscovery.run((context) -> assertThat(context).hasSingleBean(ProfileDiscoveryClients.class)
				.hasBean("bedrockProfileDiscovery"));
			withDiscovery.withUserConfiguration(UserBeans.class)
				.run((context) -> assertThat(context).hasSingleBean(ProfileDiscoveryClients.class)
					.hasBean("userDiscovery"));
		}

		@Test
		void everyClientIsBuiltFromOneSettingsBean() {
			this.runner.withPropertyValues("bedrock.binding.endpoint=http://127.0.0.1:4566").run((context) -> {
				ClientSettings settings = context.getBean(ClientSettings.class);
				assertThat(settings.endpoint()).isEqualTo(URI.create("http://127.0.0.1:4566"));
				assertThat(settings.region()).isEqualTo("us-east-1");
				assertThat(settings.credentialsProvider()).isSameAs(context.getBean(AwsCredentialsProvider.class));
				assertThat(context.getBean(BedrockRuntimeClients.class).settings()).isSameAs(settings);
			});
		}

		@Test
		void theClientPoolLimitIsAProperty() {
			this.runner.run((context) -> assertThat(context.getBean(BedrockRuntimeClients.class).maxRegions())
				.isEqualTo(RegionalClients.DEFAULT_MAX_CLIENTS));
			this.runner.withPropertyValues("bedrock.binding.client-pool.max-regions=3")
				.run((context) -> assertThat(context.getBean(BedrockRuntimeClients.class).maxRegions()).isEqualTo(3));
		}

		@Test
		void coreMessagesNameTheStartersProperties() {
			// Port 1 refuses connections: the fix names the property, not core's builder.
			this.runner.withPropertyValues("bedrock.binding.endpoint=http://127.0.0.1:1")
				.withBean(BedrockRuntimeClientCustomizer.class,
						() -> (builder) -> builder.overrideConfiguration(
								(override) -> override.retryStrategy((strategy) -> strategy.maxAttempts(1))))
				.run((context) -> assertThatExceptionOfType(BedrockPipeException.class)
					.isThrownBy(() -> context.getBean(BedrockPipeFactory.class)
						.pipe("meta.llama3-8b-instruct-v1:0")
						.execute("hi"))
					.satisfies((failure) -> {
						assertThat(failure.reason()).isEqualTo(FailureReason.CONNECTION_FAILED);
						assertThat(failure.fix()).contains("bedrock.binding.endpoint");
					}));
		}

		@Configuration(proxyBeanMethods = false)
		static class UserBeans {

			@Bean
			BindingStartupValidator userValidator(BindingRegistry registry, BedrockBindingProperties properties,
					ObjectProvider<ProfileDiscoveryClients> discovery, ConfigurableEnvironment environment) {
				return new BindingStartupValidator(registry, properties, discovery, environment);
			}

			@Bean
			InferenceFileReloader userReloader(BindingRegistry registry, BedrockBindingProperties properties) {
				return new InferenceFileReloader(registry, properties.getInferenceFile());
			}

			@Bean(destroyMethod = "close")
			ProfileDiscoveryClients userDiscovery(ModelCatalog catalog) {
				return new ProfileDiscoveryClients(catalog, ClientSettings.defaults());
			}

		}

	}

	/**
	 * {@code bedrock.binding.timeouts.*}: defaults, settings and bad values.
	 */
	@Nested
	class TimeoutProperties {

		private final ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
			.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false",
					"bedrock.binding.endpoint=http://127.0.0.1:9");

		@Test
		void theDefaultsAreCoresDefaults() {
			this.runner.run((context) -> assertThat(context.getBean(BedrockRuntimeClients.class).timeouts())
				.isEqualTo(PipeTimeouts.defaults()));
		}

		@Test
		void everyTimeoutIsAProperty() {
			this.runner
				.withPropertyValues("bedrock.binding.timeouts.connect=2s", "bedrock.binding.timeouts.read=10m",
						"bedrock.binding.timeouts.api-call=20m", "bedrock.binding.timeouts.stream-first-event=90s",
						"bedrock.binding.timeouts.stream-idle=30s")
				.run((context) -> assertThat(context.getBean(BedrockRuntimeClients.class).timeouts())
					.isEqualTo(new PipeTimeouts(Duration.ofSeconds(2), Duration.ofMinutes(10), Duration.ofMinutes(20),
							Duration.ofSeconds(90), Duration.ofSeconds(30))));
		}

		@Test
		void aTimeoutThatIsNotPositiveFailsStartUpNamingTheProperty() {
			this.runner.withPropertyValues("bedrock.binding.timeouts.stream-idle=0s")
				.run((context) -> assertThat(context).getFailure()
					.rootCause()
					.hasMessageContaining("bedrock.binding.timeouts.stream-idle")
					.hasMessageContaining("positive"));
		}

	}

	/**
	 * {@code bedrock.binding.runtime.max-bindings}, and the property names the registry's
	 * messages use in a Spring application.
	 */
	@Nested
	class RuntimeBindingsProperties {

		private final ApplicationContextRunner runner = new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
			.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false");

		@Test
		void capIsTenThousandByDefault() {
			this.runner.run((context) -> {
				BindingRegistry registry = context.getBean(BindingRegistry.class);
				assertThat(context.getBean(BedrockBindingProperties.class).getRuntime().getMaxBindings())
					.isEqualTo(10_000);
				assertThat(registry.hints().maxRuntimeBindings()).isEqualTo("bedrock.binding.runtime.max-bindings");
			});
		}

		@Test
		void aNegativeCapFailsStartUpNamingTheProperty() {
			this.runner.withPropertyValues("bedrock.binding.runtime.max-bindings=-1")
				.run((context) -> assertThat(context).getFailure()
					.hasStackTraceContaining("bedrock.binding.runtime.max-bindings must be 0 or more, got -1")
					.hasStackTraceContaining("must be 0 or more, got -1"));
		}

		@Test
		void bindBeyondTheConfiguredCapNamesTheProperty() {
			this.runner.withPropertyValues("bedrock.binding.runtime.max-bindings=1").run((context) -> {
				BindingRegistry registry = context.getBean(BindingRegistry.class);
				registry.bind("acme.one-v1:0", "");
				assertThatExceptionOfType(RuntimeBindingLimitException.class)
					.isThrownBy(() -> registry.bind("acme.two-v1:0", ""))
					.withMessageContaining("at most 1")
					.withMessageContaining("bedrock.binding.runtime.max-bindings");
			});
		}

		@Test
		void requiredModelProblemNamesTheProperty() {
			this.runner
				.withPropertyValues("bedrock.binding.required-models=acme.unbound-v1:0",
						"bedrock.binding.validation.fail-fast=false")
				.run((context) -> assertThat(context.getBean(BindingRegistry.class).validate())
					.anySatisfy((problem) -> assertThat(problem.message())
						.contains("listed in bedrock.binding.required-models")));
		}

	}

}
