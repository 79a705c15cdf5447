package io.bedrockbinding.autoconfigure;

import io.bedrockbinding.account.AccountResolutionException;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The optional SDK modules, hidden from the context with a {@link FilteredClassLoader}:
 * sts (account 'auto') and bedrock (discovery). {@link MissingModulesTests} removes the
 * jars themselves.
 */
@ExtendWith(OutputCaptureExtension.class)
class OptionalClassesTests {

	private static final String PROFILE_ARN = "arn:aws:bedrock:us-east-1:{account}:inference-profile/us.amazon.nova-pro-v1:0";

	@RegisterExtension
	static LocalBedrockExtension bedrock = new LocalBedrockExtension();

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
			PipeResult result = context.getBean(BedrockPipeFactory.class).pipe("amazon.nova-pro-v1:0").execute("Hi");
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
				.isThrownBy(() -> context.getBean(BedrockPipeFactory.class).pipe("amazon.nova-pro-v1:0").execute("Hi"))
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
			.withPropertyValues("bedrock.binding.discovery.enabled=true", "bedrock.binding.discovery.on-startup=true")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(ProfileDiscoveryClients.class);
				assertThat(context.getBean(BindingRegistry.class).bindings())
					.noneMatch((binding) -> binding.origin().kind() == OriginKind.DISCOVERED);
				assertThat(bedrock.journal()).isEmpty();
			});
		assertThat(output).contains("bedrock.binding.discovery.enabled is true, but software.amazon.awssdk:bedrock");
	}

}
