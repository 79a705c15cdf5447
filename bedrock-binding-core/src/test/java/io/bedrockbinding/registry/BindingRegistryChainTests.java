package io.bedrockbinding.registry;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.identifier.BindingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failover chains in the registry: every layer that is set from outside takes a list of
 * targets, each element is validated, and a resolution lists the hops a call tries.
 */
class BindingRegistryChainTests {

	private static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String US = "us." + SONNET;

	private static final String GLOBAL = "global." + SONNET;

	private static final String OREGON_ARN = "arn:aws:bedrock:us-west-2:111122223333:inference-profile/" + US;

	@TempDir
	Path dir;

	private final BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn())
		.region("us-east-1")
		.build();

	private static List<String> values(List<BindingTarget> targets) {
		return targets.stream().map(BindingTarget::value).toList();
	}

	@Test
	void runtimeBindOfAChainResolvesToOneHopPerTargetEachInItsRegion() {
		Binding binding = this.registry.bind(SONNET, US + ", " + OREGON_ARN + ", " + GLOBAL);

		assertThat(values(binding.targets())).containsExactly(US, OREGON_ARN, GLOBAL);
		assertThat(binding.target().value()).isEqualTo(US);
		Resolution resolution = this.registry.resolve(SONNET, "us-east-1");
		assertThat(resolution.hops()).extracting((hop) -> hop.target().value() + "@" + hop.region())
			.containsExactly(US + "@us-east-1", OREGON_ARN + "@us-west-2", GLOBAL + "@us-east-1");
		assertThat(resolution.hops()).noneMatch(Resolution.Hop::appended);
		assertThat(resolution.target().value()).isEqualTo(US);
	}

	@Test
	void propertiesLayerTakesTheCommaFormAndReportsAnInvalidElementWithItsSource() {
		this.registry
			.setLayer(OriginKind.PROPERTIES, List.of(new LayerEntry(SONNET, US + "," + GLOBAL, "application.yml"),
					new LayerEntry(NOVA_PRO, "us.amazon.nova-pro-v1:0, arn:aws:bedrock:bad", "application-prod.yml")));

		assertThat(values(this.registry.resolve(SONNET).targets())).containsExactly(US, GLOBAL);
		assertThat(this.registry.resolve(NOVA_PRO).origin().kind()).isNotEqualTo(OriginKind.PROPERTIES);
		assertThat(this.registry.validate()).anySatisfy((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_TARGET);
			assertThat(problem.modelId()).isEqualTo(NOVA_PRO);
			assertThat(problem.message()).startsWith("target 2 of 2: ").endsWith("(application-prod.yml)");
		});
	}

	@Test
	void everyElementIsValidatedAsASingleTargetIs() {
		this.registry.bind(SONNET, US + ", eu." + SONNET);

		assertThat(this.registry.validate()).anySatisfy((problem) -> {
			assertThat(problem.modelId()).isEqualTo(SONNET);
			assertThat(problem.code()).isEqualTo(ProblemCode.GEO_DOES_NOT_SERVE_REGION);
			assertThat(problem.message()).startsWith("eu." + SONNET + " (runtime, target 2 of 2)");
		});
	}

	@Test
	void theOnDemandFallbackIsAnAppendedHopOfTheSameChain() {
		this.registry.bind(NOVA_PRO, NOVA_PRO);

		Resolution resolution = this.registry.resolve(NOVA_PRO, "us-east-2");

		assertThat(resolution.hops()).extracting((hop) -> hop.target().value() + (hop.appended() ? "+" : ""))
			.containsExactly(NOVA_PRO, "us.amazon.nova-pro-v1:0+");
		assertThat(resolution.boundHops()).hasSize(1);
		assertThat(resolution.onDemandFallback()).contains(BindingTarget.parse("us.amazon.nova-pro-v1:0"));
	}

	@Test
	void aChainThatListsTheGeoProfileGetsNoAppendedHop() {
		this.registry.bind(NOVA_PRO, NOVA_PRO + ", us.amazon.nova-pro-v1:0");

		assertThat(this.registry.resolve(NOVA_PRO, "us-east-1").hops()).extracting(Resolution.Hop::appended)
			.containsExactly(false, false);
	}

	@Test
	void aPersistedChainIsWrittenToTheFileAndReadBackWhole() throws IOException {
		Path path = this.dir.resolve("inference.txt");
		Files.writeString(path, "# mine\n");
		BindingRegistry persisted = BindingRegistry.builder(ModelCatalog.builtIn())
			.region("us-east-1")
			.inferenceFile(new InferenceFile(path))
			.build();

		persisted.bind(SONNET, US + "," + GLOBAL, true);

		assertThat(Files.readString(path)).isEqualTo("# mine\n" + SONNET + "=" + US + ", " + GLOBAL + "\n");
		assertThat(values(new InferenceFile(path).read().bindings().get(SONNET).targets())).containsExactly(US, GLOBAL);
	}

}
