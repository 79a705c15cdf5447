package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint.BindingDescriptor;
import io.bedrockbinding.actuate.health.BedrockBindingsHealthIndicator;
import io.bedrockbinding.autoconfigure.endpoint.BedrockBindingsEndpointAutoConfiguration;
import io.bedrockbinding.autoconfigure.health.BedrockBindingsHealthContributorAutoConfiguration;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.Origin;
import io.bedrockbinding.registry.OriginKind;
import io.bedrockbinding.registry.ProblemCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.cloud.autoconfigure.ConfigurationPropertiesRebinderAutoConfiguration;
import org.springframework.cloud.autoconfigure.RefreshAutoConfiguration;
import org.springframework.cloud.context.config.ContextRefreshedWithApplicationEvent;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.cloud.context.refresh.ContextRefresher;
import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Cloud's refresh ({@link ContextRefresher}) of the property bindings: the
 * application's config file is edited and the context refreshed, as the refresh endpoint,
 * Spring Cloud Bus or a Parameter Store poll would.
 */
@ExtendWith(OutputCaptureExtension.class)
class BindingPropertiesRefreshTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String NOVA_LITE = "amazon.nova-lite-v1:0";

	private static final String LLAMA_3_8B = "meta.llama3-8b-instruct-v1:0";

	private static final String APP_PROFILE = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6";

	private static final String V1 = """
			bedrock:
			  binding:
			    region: us-east-1
			    models:
			      "[amazon.nova-pro-v1:0]": us.amazon.nova-pro-v1:0
			      "[meta.llama3-8b-instruct-v1:0]": ""
			""";

	@TempDir
	Path config;

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(RefreshAutoConfiguration.class,
					ConfigurationPropertiesRebinderAutoConfiguration.class, BedrockBindingAutoConfiguration.class,
					BedrockBindingRefreshAutoConfiguration.class, BedrockBindingsEndpointAutoConfiguration.class,
					BedrockBindingsHealthContributorAutoConfiguration.class))
			.withInitializer(new ConfigDataApplicationContextInitializer())
			.withBean(AwsCredentialsProvider.class, TestCredentials::test)
			// The refresher reads config files again from the locations of system
			// properties (as it does from those of the command line).
			.withSystemProperties("spring.config.location=file:" + this.config + "/",
					"bedrock.binding.inference-file.enabled=false",
					"management.endpoints.jmx.exposure.include=bedrockbindings", "spring.jmx.enabled=true");
	}

	@Test
	void changedAddedAndRemovedModelsApplyOnRefreshAndListenersAreTold() throws IOException {
		write(V1);
		runner().run((context) -> {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			assertThat(registry.targetFor(NOVA_PRO).value()).isEqualTo("us.amazon.nova-pro-v1:0");
			List<Set<String>> heard = new CopyOnWriteArrayList<>();
			registry.addListener((layer, modelIds) -> heard.add(modelIds));
			write("""
					bedrock:
					  binding:
					    region: us-east-1
					    models:
					      "[amazon.nova-pro-v1:0]": %s
					      amazon.nova-lite-v1:0: us.amazon.nova-lite-v1:0
					""".formatted(APP_PROFILE));

			Set<String> keys = refresh(context);

			assertThat(keys).contains("bedrock.binding.models[amazon.nova-pro-v1:0]");
			assertThat(registry.targetFor(NOVA_PRO).value()).isEqualTo(APP_PROFILE);
			Binding lite = registry.resolve(NOVA_LITE);
			assertThat(lite.target().value()).isEqualTo("us.amazon.nova-lite-v1:0");
			assertThat(lite.origin()).isEqualTo(new Origin(OriginKind.PROPERTIES, file()));
			assertThat(registry.resolve(LLAMA_3_8B).origin()).isEqualTo(Origin.catalog());
			assertThat(heard).singleElement()
				.satisfies((models) -> assertThat(models).contains(NOVA_PRO, NOVA_LITE, LLAMA_3_8B));
			BindingDescriptor shown = context.getBean(BedrockBindingsEndpoint.class).binding(NOVA_PRO);
			assertThat(shown).isNotNull();
			assertThat(shown.target()).isEqualTo(APP_PROFILE.replace("111122223333", "******"));
		});
	}

	@Test
	void anInvalidValueKeepsTheLastGoodBindingAndIsReportedInTheLogTheEndpointAndHealth(CapturedOutput output)
			throws IOException {
		write(V1);
		runner().run((context) -> {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			write("""
					bedrock:
					  binding:
					    region: us-east-1
					    models:
					      "[amazon.nova-pro-v1:0]": arn:aws:bedrock:us-east-1:1234:inference-profile/us.amazon.nova-pro-v1:0
					      "[meta.llama3-8b-instruct-v1:0]": %s
					"""
				.formatted(APP_PROFILE));

			refresh(context);

			assertThat(registry.targetFor(NOVA_PRO).value()).isEqualTo("us.amazon.nova-pro-v1:0");
			assertThat(registry.targetFor(LLAMA_3_8B).value()).isEqualTo(APP_PROFILE);
			assertThat(output).contains("Bedrock binding refresh: bedrock.binding.models[amazon.nova-pro-v1:0] from "
					+ file() + " was not applied");
			BindingDescriptor shown = context.getBean(BedrockBindingsEndpoint.class).binding(NOVA_PRO);
			assertThat(shown).isNotNull();
			assertThat(shown.target()).isEqualTo("us.amazon.nova-pro-v1:0");
			assertThat(shown.problems()).anySatisfy((problem) -> {
				assertThat(problem.code()).isEqualTo(ProblemCode.REFRESH_REJECTED.name());
				assertThat(problem.message()).contains("12 digits").contains("keeping the last good binding");
			});
			Health health = context.getBean(BedrockBindingsHealthIndicator.class).health(true);
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsKey("rejectedProperties");
			assertThat((List<?>) health.getDetails().get("rejectedProperties")).singleElement()
				.asString()
				.contains("bedrock.binding.models[amazon.nova-pro-v1:0]");
		});
	}

	@Test
	void aRegionChangeDerivesProfilesForTheNewRegionAndPipesFollowIt() throws IOException {
		write(V1);
		runner().run((context) -> {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			assertThat(registry.resolve(NOVA_LITE).origin()).isEqualTo(Origin.catalog());
			write("""
					bedrock:
					  binding:
					    region: eu-central-1
					    account-id: "111122223333"
					    required-models: amazon.nova-lite-v1:0
					""");

			refresh(context);

			assertThat(registry.region()).contains("eu-central-1");
			assertThat(registry.accountId()).contains("111122223333");
			assertThat(registry.requiredModels()).containsExactly(NOVA_LITE);
			assertThat(registry.resolve(NOVA_LITE).origin().kind()).isEqualTo(OriginKind.DERIVED);
			assertThat(registry.targetFor(NOVA_LITE).value()).isEqualTo("eu.amazon.nova-lite-v1:0");
			assertThat(context.getBean(BedrockPipeFactory.class).region()).isEqualTo("eu-central-1");
			assertThat(context.getBean(io.bedrockbinding.account.AccountResolver.class).knownAccountId())
				.contains("111122223333");
			assertThat(context.getBean(BedrockBindingsEndpoint.class).bindings(false).region())
				.isEqualTo("eu-central-1");
		});
	}

	@Test
	void aRemovedRegionFallsBackToTheRegionProviderOnRefresh() throws IOException {
		write(V1);
		runner().withBean(AwsRegionProvider.class, () -> () -> Region.EU_CENTRAL_1).run((context) -> {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			assertThat(registry.region()).contains("us-east-1");
			write(V1.replace("    region: us-east-1\n", ""));

			refresh(context);

			assertThat(registry.region()).contains("eu-central-1");
			assertThat(registry.targetFor(NOVA_LITE).value()).isEqualTo("eu.amazon.nova-lite-v1:0");
		});
	}

	@Test
	void theWholeMapAsOneYamlValueBindsAsWrittenAndRefreshes(CapturedOutput output) throws IOException {
		// What a Parameter Store parameter or an AppConfig profile holds: one value.
		write("""
				bedrock:
				  binding:
				    region: us-east-1
				    models-yaml: |
				      "[amazon.nova-pro-v1:0]": us.amazon.nova-pro-v1:0
				      amazon.nova-lite-v1:0: us.amazon.nova-lite-v1:0
				""");
		runner().run((context) -> {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			Origin origin = new Origin(OriginKind.PROPERTIES, file() + " (bedrock.binding.models-yaml)");
			assertThat(registry.resolve(NOVA_PRO).origin()).isEqualTo(origin);
			assertThat(registry.resolve(NOVA_LITE).origin()).isEqualTo(origin);
			assertThat(registry.targetFor(NOVA_LITE).value()).isEqualTo("us.amazon.nova-lite-v1:0");
			write("""
					bedrock:
					  binding:
					    region: us-east-1
					    models-yaml: '{"amazon.nova-pro-v1:0": "%s"}'
					""".formatted(APP_PROFILE));

			refresh(context);

			assertThat(registry.targetFor(NOVA_PRO).value()).isEqualTo(APP_PROFILE);
			assertThat(registry.resolve(NOVA_LITE).origin()).isEqualTo(Origin.catalog());
			write("""
					bedrock:
					  binding:
					    region: us-east-1
					    models-yaml: '{"amazon.nova-pro-v1:0": [unclosed'
					""");

			refresh(context);

			assertThat(registry.targetFor(NOVA_PRO).value()).isEqualTo(APP_PROFILE);
			// what happens and the fix first, the YAML parser's lines after them
			assertThat(output).contains("Bedrock bindings not refreshed, the bindings in force stay: "
					+ "bedrock.binding.models-yaml in " + file()
					+ " is not a YAML map of model ID to target (write one "
					+ "line per model (\"[amazon.nova-pro-v1:0]\": us.amazon.nova-pro-v1:0), or the map in one line: "
					+ "{\"amazon.nova-pro-v1:0\": \"us.amazon.nova-pro-v1:0\"}): while parsing a flow sequence\n");
		});
	}

	@Test
	void aYamlValueThatIsNotAMapFailsStartUpNamingThePropertyAndTheSource() throws IOException {
		write("""
				bedrock:
				  binding:
				    models-yaml: '{"amazon.nova-pro-v1:0": [unclosed'
				""");
		runner().run((context) -> assertThat(context).hasFailed()
			.getFailure()
			.hasStackTraceContaining("bedrock.binding.models-yaml in " + file() + " is not a YAML map"));
	}

	@Test
	void aYamlScalarOrListIsNotAMapAndFailsStartUpSayingSo() throws IOException {
		// an inference.txt line where a YAML map belongs: Boot's YAML loader reads a
		// scalar as the key 'document', a list as the keys '[0]', '[1]', ...
		for (String value : List.of("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0", "[us.amazon.nova-pro-v1:0]")) {
			write("""
					bedrock:
					  binding:
					    models-yaml: '%s'
					""".formatted(value));
			runner().run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.as(value)
				.hasStackTraceContaining("bedrock.binding.models-yaml in " + file() + " is not a YAML map")
				.hasStackTraceContaining("\"[amazon.nova-pro-v1:0]\": us.amazon.nova-pro-v1:0"));
		}
	}

	@Test
	void aChangeOfOtherKeysLeavesTheRegistryAlone() throws IOException {
		write(V1);
		runner().run((context) -> {
			List<Set<String>> heard = new CopyOnWriteArrayList<>();
			context.getBean(BindingRegistry.class).addListener((layer, modelIds) -> heard.add(modelIds));

			context.publishEvent(new EnvironmentChangeEvent(context, Set.of("spring.application.name")));
			assertThat(heard).isEmpty();

			context.publishEvent(new EnvironmentChangeEvent(context, Set.of("BEDROCK_BINDING_REGION")));
			assertThat(heard).hasSize(1);
		});
	}

	@Test
	void withoutSpringCloudContextNothingListens() throws IOException {
		write(V1);
		runner()
			.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class,
					BedrockBindingRefreshAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(EnvironmentChangeEvent.class))
			.run((context) -> {
				assertThat(context).hasNotFailed().doesNotHaveBean(BindingPropertiesRefresher.class);
				assertThat(context.getBean(BindingRegistry.class).targetFor(NOVA_PRO).value())
					.isEqualTo("us.amazon.nova-pro-v1:0");
			});
	}

	@Test
	void refreshCanBeSwitchedOff() throws IOException {
		write(V1);
		runner().withPropertyValues("bedrock.binding.refresh.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BindingPropertiesRefresher.class);
			write(V1.replace("us.amazon.nova-pro-v1:0", APP_PROFILE));
			refresh(context);
			assertThat(context.getBean(BindingRegistry.class).targetFor(NOVA_PRO).value())
				.isEqualTo("us.amazon.nova-pro-v1:0");
		});
	}

	/**
	 * What the refresh endpoint does. A SpringApplication tells the refresher which
	 * application it reads config files for; the runner has none, so the test does.
	 * @param context the context
	 * @return the keys that changed
	 */
	private static Set<String> refresh(ConfigurableApplicationContext context) {
		context.publishEvent(new ContextRefreshedWithApplicationEvent(new SpringApplication(), new String[0], context));
		return context.getBean(ContextRefresher.class).refresh();
	}

	/**
	 * How origins name the test's config file: by its location, as a file outside the
	 * class path.
	 * @return the name
	 */
	private String file() {
		return "file:" + this.config + "/application.yml";
	}

	private void write(String yaml) throws IOException {
		Files.writeString(this.config.resolve("application.yml"), yaml);
	}

}
