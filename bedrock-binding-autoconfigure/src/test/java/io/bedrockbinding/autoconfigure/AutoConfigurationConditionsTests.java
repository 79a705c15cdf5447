package io.bedrockbinding.autoconfigure;

import java.net.URI;

import io.bedrockbinding.account.AccountResolutionException;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The conditions of {@link BedrockBindingAutoConfiguration}: the switch, the beans it
 * makes, the user beans that replace them, the region and the account.
 */
class AutoConfigurationConditionsTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
		.withBean(AwsCredentialsProvider.class, TestCredentials::test)
		.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false");

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
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class, TestCredentials::test)
			.withPropertyValues("bedrock.binding.inference-file.enabled=false")
			.withBean(BedrockConnectionDetails.class, () -> new RegionConnectionDetails("ap-south-1"))
			.withBean(AwsRegionProvider.class, () -> () -> Region.SA_EAST_1)
			.run((context) -> assertRegion(context.getBean(BindingRegistry.class),
					context.getBean(BedrockPipeFactory.class), "ap-south-1"));
	}

	@Test
	void regionProviderBeanIsUsedWhenNothingElseNamesARegion() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
			.withBean(AwsCredentialsProvider.class, TestCredentials::test)
			.withPropertyValues("bedrock.binding.inference-file.enabled=false")
			.withBean(AwsRegionProvider.class, () -> () -> Region.SA_EAST_1)
			.run((context) -> assertRegion(context.getBean(BindingRegistry.class),
					context.getBean(BedrockPipeFactory.class), "sa-east-1"));
	}

	@Test
	void regionComesFromTheSdkSystemPropertyWithoutAnyBean() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
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
					assertThat(bedrock.journal()).extracting(JournalEntry::api).containsExactly("GetCallerIdentity");
					assertThat(resolver.accountId()).isEqualTo("777766665555");
					assertThat(bedrock.journal()).as("cached").hasSize(1);
				});
		}
	}

	@Test
	void stsFailureSaysWhatWasTried() {
		// Port 1 refuses connections: STS was asked, and the failure says so.
		this.runner.withPropertyValues("bedrock.binding.account-id=auto", "bedrock.binding.endpoint=http://127.0.0.1:1")
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
		this.runner
			.withPropertyValues("bedrock.binding.required-models=amazon.titan-text-express-v1,amazon.nova-pro-v1:0")
			.withInitializer(RawProperties.models("amazon.titan-text-express-v1=",
					"amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0"))
			.run((context) -> assertThat(context.getBean(BindingRegistry.class).requiredModels())
				.containsExactlyInAnyOrder("amazon.titan-text-express-v1", "amazon.nova-pro-v1:0"));
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
