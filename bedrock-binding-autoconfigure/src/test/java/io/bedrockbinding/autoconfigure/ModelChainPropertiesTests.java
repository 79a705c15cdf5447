package io.bedrockbinding.autoconfigure;

import java.util.List;

import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import io.bedrockbinding.registry.ProblemCode;
import org.junit.jupiter.api.Test;

import org.springframework.context.ConfigurableApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover chains in {@code bedrock.binding.models} (resources in
 * {@code bedrock-binding-chains/}): a YAML list under either key spelling and the
 * comma-separated string bind the same chain; an invalid element is a problem naming its
 * position and the file, and binds nothing. A whole application: YAML lists are what the
 * config-data loader makes of them.
 */
class ModelChainPropertiesTests {

	private static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";

	private static final String HAIKU = "anthropic.claude-haiku-4-5-20251001-v1:0";

	private static List<String> targets(BindingRegistry registry, String modelId) {
		return registry.resolve(modelId).targets().stream().map(BindingTarget::value).toList();
	}

	@Test
	void yamlListsAndCommaStringsBindChainsInOrder() {
		try (ConfigurableApplicationContext context = BindingTestApplication.run("bedrock-binding-chains", List.of(),
				"--bedrock.binding.validation.fail-fast=false")) {
			BindingRegistry registry = context.getBean(BindingRegistry.class);

			assertThat(targets(registry, SONNET)).containsExactly("us." + SONNET, "global." + SONNET);
			assertThat(registry.resolve(SONNET).origin().kind()).isEqualTo(OriginKind.PROPERTIES);
			assertThat(registry.resolve(SONNET).origin().source()).isEqualTo("bedrock-binding-chains/application.yml");
			assertThat(targets(registry, "amazon.nova-pro-v1:0")).containsExactly("us.amazon.nova-pro-v1:0",
					"arn:aws:bedrock:us-west-2:{account}:inference-profile/us.amazon.nova-pro-v1:0");
			assertThat(targets(registry, "amazon.nova-lite-v1:0")).containsExactly("us.amazon.nova-lite-v1:0",
					"global.amazon.nova-lite-v1:0");
		}
	}

	@Test
	void aListInTheModelsAsOneYamlValueBindsAChain() {
		// What a Parameter Store parameter holds, in both key spellings.
		String yaml = "{\"[" + HAIKU + "]\": [us." + HAIKU + ", global." + HAIKU
				+ "], \"amazon.nova-pro-v1:0\": [us.amazon.nova-pro-v1:0, global.amazon.nova-pro-v1:0]}";
		try (ConfigurableApplicationContext context = BindingTestApplication.run("bedrock-binding-chains", List.of(),
				"--bedrock.binding.validation.fail-fast=false", "--bedrock.binding.models-yaml=" + yaml)) {
			BindingRegistry registry = context.getBean(BindingRegistry.class);

			assertThat(targets(registry, HAIKU)).containsExactly("us." + HAIKU, "global." + HAIKU);
			assertThat(registry.resolve(HAIKU).origin().source())
				.isEqualTo("commandLineArgs (bedrock.binding.models-yaml)");
			assertThat(targets(registry, "amazon.nova-pro-v1:0")).containsExactly("us.amazon.nova-pro-v1:0",
					"global.amazon.nova-pro-v1:0");
			assertThat(registry.explicitBindings()).extracting(Binding::modelId)
				.noneMatch((modelId) -> modelId.contains("]") || modelId.contains("["));
		}
	}

	@Test
	void anInvalidElementIsAProblemWithItsPositionAndFileAndBindsNothing() {
		try (ConfigurableApplicationContext context = BindingTestApplication.run("bedrock-binding-chains", List.of(),
				"--bedrock.binding.validation.fail-fast=false")) {
			BindingRegistry registry = context.getBean(BindingRegistry.class);

			assertThat(registry.resolve("amazon.nova-micro-v1:0").origin().kind()).isNotEqualTo(OriginKind.PROPERTIES);
			List<BindingProblem> problems = registry.validate()
				.stream()
				.filter((problem) -> problem.code() == ProblemCode.INVALID_TARGET)
				.toList();
			assertThat(problems).singleElement().satisfies((problem) -> {
				assertThat(problem.modelId()).isEqualTo("amazon.nova-micro-v1:0");
				assertThat(problem.message()).startsWith("target 2 of 2: account must be 12 digits")
					.endsWith("(bedrock-binding-chains/application.yml)");
			});
		}
	}

}
