package io.bedrockbinding.autoconfigure;

import java.util.List;
import java.util.Map;

import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.LayerEntry;
import io.bedrockbinding.registry.Origin;
import io.bedrockbinding.registry.OriginKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.test.context.support.TestPropertySourceUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Model IDs as property keys: every ':' must survive, whatever the spelling. YAML is
 * covered by {@link ProfileMergingTests}; here the {@code .properties} format, whose keys
 * end at the first unescaped ':' (resources in {@code bedrock-binding-properties/}). Its
 * own class: it starts a whole application, which reads the files as Boot does.
 */
class ModelKeySpellingTests {

	@Test
	void propertiesFileKeysBindTheModelsMeant() {
		try (ConfigurableApplicationContext context = BindingTestApplication.run("bedrock-binding-properties",
				List.of())) {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			Origin origin = new Origin(OriginKind.PROPERTIES, "bedrock-binding-properties/application.properties");
			assertThat(registry.resolve("amazon.nova-pro-v1:0"))
				.extracting((binding) -> binding.target().value(), Binding::origin)
				.containsExactly("eu.amazon.nova-pro-v1:0", origin);
			assertThat(registry.resolve("amazon.nova-lite-v1:0"))
				.extracting((binding) -> binding.target().value(), Binding::origin)
				.containsExactly("eu.amazon.nova-lite-v1:0", origin);
			assertThat(registry.resolve("amazon.nova-lite-v1:0"))
				.extracting((binding) -> binding.target().value(), Binding::origin)
				.containsExactly("eu.amazon.nova-lite-v1:0", origin);
			assertThat(registry.validate()).isEmpty();
		}
	}

	@Test
	void springApplicationJsonKeysBindTheModelsMeantWithOrWithoutBrackets() {
		// SPRING_APPLICATION_JSON and spring.application.json are read by the same
		// post-processor into the same property source.
		String json = "{\"bedrock\":{\"binding\":{\"models\":{\"amazon.nova-pro-v1:0\":\"eu.amazon.nova-pro-v1:0\","
				+ "\"[amazon.nova-lite-v1:0]\":\"eu.amazon.nova-lite-v1:0\"}}}}";
		try (ConfigurableApplicationContext context = BindingTestApplication.run("bedrock-binding-properties",
				List.of(), "--spring.application.json=" + json)) {
			BindingRegistry registry = context.getBean(BindingRegistry.class);
			Origin origin = new Origin(OriginKind.PROPERTIES, "spring.application.json");
			assertThat(registry.resolve("amazon.nova-pro-v1:0"))
				.extracting((binding) -> binding.target().value(), Binding::origin)
				.containsExactly("eu.amazon.nova-pro-v1:0", origin);
			assertThat(registry.resolve("amazon.nova-lite-v1:0"))
				.extracting((binding) -> binding.target().value(), Binding::origin)
				.containsExactly("eu.amazon.nova-lite-v1:0", origin);
		}
	}

	@Test
	void inlineTestPropertyKeysBindTheModelsMeantWithOrWithoutBrackets() {
		// Boot's TestPropertyValues (withPropertyValues) and Spring's inlined test
		// properties (@SpringBootTest(properties = ...)) end a key at its first ':'.
		String[] pairs = { "bedrock.binding.models[amazon.nova-pro-v1:0]=eu.amazon.nova-pro-v1:0",
				"bedrock.binding.models.amazon.nova-lite-v1:0=eu.amazon.nova-lite-v1:0" };
		StandardEnvironment values = new StandardEnvironment();
		TestPropertyValues.of(pairs).applyTo(values);
		StandardEnvironment inlined = new StandardEnvironment();
		TestPropertySourceUtils.addInlinedPropertiesToEnvironment(inlined, pairs);
		for (StandardEnvironment environment : List.of(values, inlined)) {
			assertThat(ModelPropertyReader.read(environment)).extracting(LayerEntry::modelId, LayerEntry::target)
				.containsExactlyInAnyOrder(tuple("amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0"),
						tuple("amazon.nova-lite-v1:0", "eu.amazon.nova-lite-v1:0"));
		}
	}

	@Test
	void environmentVariablesCannotNameAModelAndAreNotRead() {
		// BEDROCK_BINDING_MODELS_AMAZON_NOVAPROV10 has lost the model's '.', '-' and ':':
		// rather than guess, it is not read (the docs say to use
		// SPRING_APPLICATION_JSON).
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new SystemEnvironmentPropertySource("systemEnvironment-test",
					Map.of("BEDROCK_BINDING_MODELS_AMAZON_NOVAPROV10", "us.amazon.nova-pro-v1:0")));
		assertThat(ModelPropertyReader.read(environment)).isEmpty();
	}

	@Test
	void anEnvironmentVariableCanHoldTheModelsYaml() {
		// the variable of bedrock.binding.models-yaml, as Boot spells a property's
		// variable (dashes dropped) and in its older form (dashes as '_')
		for (String variable : List.of("BEDROCK_BINDING_MODELSYAML", "BEDROCK_BINDING_MODELS_YAML")) {
			StandardEnvironment environment = new StandardEnvironment();
			// in place of the process's variables, under the name Boot maps as variables
			environment.getPropertySources()
				.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
						new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
								Map.of(variable, "{\"amazon.nova-pro-v1:0\": \"us.amazon.nova-pro-v1:0\"}")));
			assertThat(ModelPropertyReader.read(environment))
				.extracting(LayerEntry::modelId, LayerEntry::target, LayerEntry::source)
				.containsExactly(tuple("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0",
						"systemEnvironment (bedrock.binding.models-yaml)"));
		}
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aVariableNamedLikeABindingIsReadAsNoneAndWarnedOf(CapturedOutput output) {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("BEDROCK_BINDING_MODELS_AMAZON_NOVAMICROV10", "global.amazon.nova-micro-v1:0")));

		assertThat(ModelPropertyReader.read(environment)).isEmpty();
		assertThat(output).contains("the environment variable BEDROCK_BINDING_MODELS_AMAZON_NOVAMICROV10 binds nothing")
			.contains("BEDROCK_BINDING_MODELSYAML='{\"amazon.nova-pro-v1:0\": \"us.amazon.nova-pro-v1:0\"}'");
	}

	@Test
	void aVariableThatHoldsNoMapIsToldTheOneLineForm() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
					new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
							Map.of("BEDROCK_BINDING_MODELSYAML", "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0")));

		assertThatIllegalArgumentException().isThrownBy(() -> ModelPropertyReader.read(environment))
			.withMessageStartingWith("bedrock.binding.models-yaml in systemEnvironment is not a YAML map")
			.withMessageContaining("or the map in one line: {\"amazon.nova-pro-v1:0\": \"us.amazon.nova-pro-v1:0\"})")
			.withMessageEndingWith(": it is a single value or a list");
	}

	@Test
	void modelIdOfEverySpelling() {
		assertThat(ModelPropertyReader.modelIdOf("bedrock.binding.models[amazon.nova-pro-v1:0]"))
			.isEqualTo("amazon.nova-pro-v1:0");
		assertThat(ModelPropertyReader.modelIdOf("bedrock.binding.models.[amazon.nova-pro-v1:0]"))
			.isEqualTo("amazon.nova-pro-v1:0");
		assertThat(ModelPropertyReader.modelIdOf("bedrock.binding.models.amazon.nova-pro-v1:0"))
			.isEqualTo("amazon.nova-pro-v1:0");
		assertThat(ModelPropertyReader.modelIdOf("bedrock.binding.models")).isNull();
		assertThat(ModelPropertyReader.modelIdOf("bedrock.binding.models-other.x")).isNull();
		assertThat(ModelPropertyReader.modelIdOf("bedrock.binding.required-models[0]")).isNull();
	}

	@Test
	void propertiesLineSplitAtAColonIsPutTogetherAgain() {
		assertThat(ModelPropertyReader.rejoinedAtColon("bedrock.binding.models[anthropic.claude-3-sonnet-20240229-v1",
				"0:28k]=arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abc"))
			.containsExactly("bedrock.binding.models[anthropic.claude-3-sonnet-20240229-v1:0:28k]",
					"arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abc");
		assertThat(ModelPropertyReader.rejoinedAtColon("bedrock.binding.models[amazon.nova-pro-v1:0]",
				"us.amazon.nova-pro-v1:0"))
			.as("a key that kept its ':' is left alone")
			.containsExactly("bedrock.binding.models[amazon.nova-pro-v1:0]", "us.amazon.nova-pro-v1:0");
	}

}
