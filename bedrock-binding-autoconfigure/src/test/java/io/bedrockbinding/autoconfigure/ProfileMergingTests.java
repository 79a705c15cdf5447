package io.bedrockbinding.autoconfigure;

import java.nio.file.Path;
import java.util.List;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.LayeredTarget;
import io.bedrockbinding.registry.Origin;
import io.bedrockbinding.registry.OriginKind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * A Spring Boot application with {@code application.yml}, {@code application-prod.yml}
 * and an {@code inference.txt} (resources in {@code bedrock-binding-merge/}): models
 * merge per key across profiles, properties outrank the file which outranks derived
 * profiles, origins name the file, both spellings of a model key bind the model meant,
 * and each profile's account fills {@code {account}} in targets from YAML and from the
 * file. Its own class, not a topic of {@link BedrockBindingAutoConfigurationTests}: it
 * starts a whole application, whose profile-specific files a context runner does not
 * load.
 */
class ProfileMergingTests {

	private static final String DEV_ACCOUNT = "111122223333";

	private static final String PROD_ACCOUNT = "444455556666";

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";

	private static final String NOVA_LITE = "amazon.nova-lite-v1:0";

	/**
	 * Each account has its own emulator: an ARN of another account is refused, as Bedrock
	 * does.
	 */
	private static LocalBedrock dev;

	private static LocalBedrock prod;

	@TempDir
	static Path folder;

	private static Path inferenceFile;

	@BeforeAll
	static void start() {
		dev = LocalBedrock.builder().accountId(DEV_ACCOUNT).build().start();
		prod = LocalBedrock.builder().accountId(PROD_ACCOUNT).build().start();
		inferenceFile = BindingTestApplication.copy("bedrock-binding-merge/inference.txt", folder);
	}

	@AfterAll
	static void stop() {
		dev.close();
		prod.close();
	}

	@BeforeEach
	void reset() {
		dev.reset();
		prod.reset();
	}

	private static ConfigurableApplicationContext run(LocalBedrock bedrock, String... profiles) {
		return BindingTestApplication.run("bedrock-binding-merge", List.of(profiles),
				"--bedrock.binding.endpoint=" + bedrock.endpoint(),
				"--bedrock.binding.inference-file.location=" + inferenceFile);
	}

	@Test
	void defaultProfileBindsFromApplicationYmlWithItsOrigin() {
		try (ConfigurableApplicationContext context = run(dev)) {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			assertThat(registry.resolve(NOVA_PRO)).satisfies((binding) -> {
				assertThat(binding.target().value()).isEqualTo("eu.amazon.nova-pro-v1:0");
				assertThat(binding.origin())
					.isEqualTo(new Origin(OriginKind.PROPERTIES, "bedrock-binding-merge/application.yml"));
			});
			assertThat(registry.resolve(HAIKU)).satisfies((binding) -> {
				assertThat(binding.target().value())
					.isEqualTo("arn:aws:bedrock:eu-west-1:{account}:inference-profile/eu." + HAIKU);
				assertThat(binding.origin())
					.isEqualTo(new Origin(OriginKind.PROPERTIES, "bedrock-binding-merge/application.yml"));
			});
		}
	}

	@Test
	void prodProfileOverridesOnlyTheKeysItNames() {
		try (ConfigurableApplicationContext context = run(prod, "prod")) {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			assertThat(registry.resolve(NOVA_PRO)).satisfies((binding) -> {
				assertThat(binding.target().value())
					.isEqualTo("arn:aws:bedrock:eu-west-1:{account}:inference-profile/eu.amazon.nova-pro-v1:0");
				assertThat(binding.origin())
					.isEqualTo(new Origin(OriginKind.PROPERTIES, "bedrock-binding-merge/application-prod.yml"));
			});
			// Not named in application-prod.yml: still application.yml's.
			assertThat(registry.resolve(HAIKU).origin())
				.isEqualTo(new Origin(OriginKind.PROPERTIES, "bedrock-binding-merge/application.yml"));
			assertThat(registry.resolve(NOVA_LITE).origin().kind()).isEqualTo(OriginKind.FILE);
		}
	}

	@Test
	void propertiesOutrankTheFileWhichOutranksDerivedProfiles() {
		try (ConfigurableApplicationContext context = run(dev)) {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			Binding novaPro = registry.resolve(NOVA_PRO);
			assertThat(novaPro.origin().kind()).isEqualTo(OriginKind.PROPERTIES);
			assertThat(novaPro.shadowed()).extracting(LayeredTarget::origin)
				.containsExactly(new Origin(OriginKind.FILE, inferenceFile + ":2"),
						new Origin(OriginKind.DERIVED, "geo profile for eu-west-1"), Origin.catalog());
			assertThat(novaPro.shadowed()).extracting((shadowed) -> shadowed.target().value())
				.containsExactly("arn:aws:bedrock:eu-west-1:{account}:application-inference-profile/shadowed",
						"eu.amazon.nova-pro-v1:0", NOVA_PRO);
			Binding novaLite = registry.resolve(NOVA_LITE);
			assertThat(novaLite.origin()).isEqualTo(new Origin(OriginKind.FILE, inferenceFile + ":3"));
			assertThat(novaLite.shadowed()).extracting(LayeredTarget::origin)
				.extracting(Origin::kind)
				.containsExactly(OriginKind.DERIVED, OriginKind.CATALOG);
			Binding novaMicro = registry.resolve("amazon.nova-micro-v1:0");
			assertThat(novaMicro.origin().kind()).isEqualTo(OriginKind.DERIVED);
			assertThat(novaMicro.target().value()).isEqualTo("eu.amazon.nova-micro-v1:0");
		}
	}

	@Test
	void bothKeySpellingsBindTheModelMeantAndNoRelaxedKey() {
		for (String profile : List.of("default", "prod")) {
			try (ConfigurableApplicationContext context = run(profile.equals("prod") ? prod : dev, profile)) {
				BindingRegistry registry = context.getBean(BindingRegistry.class);
				List<String> propertyModels = registry.bindings()
					.stream()
					.filter((binding) -> binding.origin().kind() == OriginKind.PROPERTIES)
					.map(Binding::modelId)
					.toList();
				assertThat(propertyModels).as(profile).containsExactlyInAnyOrder(NOVA_PRO, HAIKU);
				assertThat(registry.find("amazon.nova-pro-v10")).as(profile).isEmpty();
				assertThat(registry.find("anthropic.claude-haiku-4-5-20251001-v10")).as(profile).isEmpty();
				assertThat(registry.bindings()).extracting(Binding::modelId)
					.as(profile)
					.noneMatch((id) -> id.endsWith("-v10"));
				assertThat(registry.validate()).as(profile).isEmpty();
			}
		}
	}

	@Test
	void devAccountFillsTemplatesFromYamlAndFile() {
		try (ConfigurableApplicationContext context = run(dev)) {
			BedrockPipeFactory factory = context.getBean(BedrockPipeFactory.class);
			PipeResult fromYaml = factory.pipe(HAIKU).execute("Hi");
			PipeResult fromFile = factory.pipe(NOVA_LITE).execute("Hi");
			assertThat(fromYaml.invokedTarget())
				.isEqualTo("arn:aws:bedrock:eu-west-1:" + DEV_ACCOUNT + ":inference-profile/eu." + HAIKU);
			assertThat(fromFile.invokedTarget())
				.isEqualTo("arn:aws:bedrock:eu-west-1:" + DEV_ACCOUNT + ":inference-profile/eu." + NOVA_LITE);
			assertThat(dev.journal()).extracting(JournalEntry::modelId, JournalEntry::region, JournalEntry::status)
				.containsExactly(tuple(fromYaml.invokedTarget(), "eu-west-1", 200),
						tuple(fromFile.invokedTarget(), "eu-west-1", 200));
		}
	}

	@Test
	void prodAccountFillsTemplatesFromYamlAndFile() {
		try (ConfigurableApplicationContext context = run(prod, "prod")) {
			BedrockPipeFactory factory = context.getBean(BedrockPipeFactory.class);
			assertThat(factory.pipe(NOVA_PRO).execute("Hi").invokedTarget())
				.isEqualTo("arn:aws:bedrock:eu-west-1:" + PROD_ACCOUNT + ":inference-profile/eu." + NOVA_PRO);
			assertThat(factory.pipe(HAIKU).execute("Hi").invokedTarget())
				.isEqualTo("arn:aws:bedrock:eu-west-1:" + PROD_ACCOUNT + ":inference-profile/eu." + HAIKU);
			assertThat(factory.pipe(NOVA_LITE).execute("Hi").invokedTarget())
				.isEqualTo("arn:aws:bedrock:eu-west-1:" + PROD_ACCOUNT + ":inference-profile/eu." + NOVA_LITE);
			assertThat(prod.journal()).extracting(JournalEntry::status).containsExactly(200, 200, 200);
			assertThat(dev.journal()).isEmpty();
		}
	}

}
