package io.bedrockbinding.autoconfigure;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Start-up makes no network call unless discovery on start-up asks for one, proven with
 * LocalBedrock's journal (every request it answers is in it).
 */
class StartupNetworkTests {

	@RegisterExtension
	static LocalBedrockExtension bedrock = new LocalBedrockExtension();

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
			.withPropertyValues("bedrock.binding.region=us-west-2", "bedrock.binding.endpoint=" + bedrock.endpoint(),
					"bedrock.binding.account-id=auto", "bedrock.binding.inference-file.location=" + file,
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
	void onStartupWithoutDiscoveryEnabledDoesNothing() throws Exception {
		runner().withPropertyValues("bedrock.binding.discovery.on-startup=true")
			.run((context) -> assertThat(bedrock.journal()).isEmpty());
	}

	@Test
	void noCallWhenASpringBootApplicationStarts() {
		try (ConfigurableApplicationContext context = BindingTestApplication.run("bedrock-binding-merge",
				List.of("prod"), "--bedrock.binding.endpoint=" + bedrock.endpoint(),
				"--bedrock.binding.account-id=auto",
				"--bedrock.binding.inference-file.location=" + this.folder.resolve("missing.txt"))) {
			assertThat(context.getBean(BindingRegistry.class).resolve("amazon.nova-pro-v1:0").origin().source())
				.isEqualTo("application-prod.yml");
			assertThat(bedrock.journal()).isEmpty();
		}
	}

	@Test
	void discoveryOnStartupCallsTheControlPlaneAndAddsDiscoveredBindings() throws Exception {
		String applicationProfile = bedrock.createApplicationProfile("team-llama", "meta.llama3-2-3b-instruct-v1:0",
				"us-west-2");
		runner()
			.withPropertyValues("bedrock.binding.discovery.enabled=true", "bedrock.binding.discovery.on-startup=true")
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
				assertThat(registry.resolve("amazon.nova-pro-v1:0").origin().kind()).isEqualTo(OriginKind.PROPERTIES);
				assertThat(registry.resolve("amazon.nova-lite-v1:0").origin().kind()).isEqualTo(OriginKind.FILE);
			});
	}

}
