package io.bedrockbinding.actuate.health;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.actuate.TestInferenceFile;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.LayerEntry;
import io.bedrockbinding.registry.OriginKind;
import io.bedrockbinding.registry.ProblemPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/** Each rule of the health indicator on its own, against a registry built by hand. */
class BedrockBindingsHealthIndicatorTests {

	private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

	@TempDir
	Path folder;

	@Test
	void upWithoutBindings() {
		Health health = health(BindingRegistry.builder(CATALOG).region("us-east-1").build());
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnlyKeys("region", "bindings");
	}

	@Test
	void downWhenRequiredModelIsUnbound() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.requiredModels(List.of("amazon.nova-pro-v1:0"))
			.build();
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("unboundRequiredModels", List.of("amazon.nova-pro-v1:0"))
			.doesNotContainKey("errors");
		registry.bind("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
		assertThat(health(registry).getStatus()).isEqualTo(Status.UP);
	}

	@Test
	void unusedModelBoundToTheWrongGeographyIsReportedButKeepsItUp() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.requiredModels(List.of("amazon.nova-pro-v1:0"))
			.build();
		registry.bind("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
		registry.bind("amazon.nova-lite-v1:0", "eu.amazon.nova-lite-v1:0");
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((List<String>) health.getDetails().get("errors")).singleElement()
			.asString()
			.startsWith("eu.amazon.nova-lite-v1:0 (runtime) cannot be called from us-east-1");
	}

	@Test
	void upWhenBindingOfAModelThatIsNotRequiredHasError() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG).region("us-east-1").build();
		registry.bind("deepseek.r1-v1:0", "");
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((List<String>) health.getDetails().get("errors")).singleElement()
			.asString()
			.startsWith("deepseek.r1-v1:0 is bound direct");
		assertThat(health.getDetails()).doesNotContainKey("unboundRequiredModels");
	}

	@Test
	void downWhenRequiredModelIsInError() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.requiredModels(List.of("deepseek.r1-v1:0"))
			.build();
		registry.bind("deepseek.r1-v1:0", "");
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat((List<String>) health.getDetails().get("errors")).singleElement()
			.asString()
			.startsWith("deepseek.r1-v1:0 is bound direct");
	}

	@Test
	void anyErrorIsDownWhenAsked() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG).region("us-east-1").build();
		registry.bind("deepseek.r1-v1:0", "");
		Health health = new BedrockBindingsHealthIndicator(registry,
				ProblemPolicy.health(registry.requiredModels(), true))
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void downWhenPropertyTargetOfARequiredModelIsInvalid() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.requiredModels(List.of("amazon.nova-pro-v1:0"))
			.build();
		registry.setLayer(OriginKind.PROPERTIES, List.of(new LayerEntry("amazon.nova-pro-v1:0",
				"arn:aws:bedrock:us-east-1:123:inference-profile/x", "application.yml")));
		assertThat(health(registry).getStatus()).isEqualTo(Status.DOWN);
	}

	@Test
	void upWithWarningsOnly() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.accountId("111122223333")
			.build();
		registry.bind("amazon.nova-pro-v1:0",
				"arn:aws:bedrock:us-east-2:444455556666:inference-profile/us.amazon.nova-pro-v1:0");
		assertThat(registry.validate()).isNotEmpty();
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("bindings", Map.of(OriginKind.RUNTIME, 1, OriginKind.DERIVED,
				(int) registry.bindings().stream().filter((b) -> b.origin().kind() == OriginKind.DERIVED).count(),
				OriginKind.CATALOG,
				(int) registry.bindings().stream().filter((b) -> b.origin().kind() == OriginKind.CATALOG).count()));
	}

	@Test
	void fileProblemsShowButKeepItUp() {
		Path file = TestInferenceFile.write(this.folder, "amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0\nbroken\n");
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.inferenceFile(new InferenceFile(file))
			.build();
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		Map<String, Object> details = (Map<String, Object>) health.getDetails().get("inferenceFile");
		assertThat(details).containsEntry("location", file.toString())
			.containsEntry("exists", true)
			.containsKey("loadedAt");
		assertThat((List<String>) details.get("problems")).singleElement().asString().startsWith(file + ":2: error: ");
	}

	@Test
	void missingFileIsReported() {
		Path file = this.folder.resolve("absent.txt");
		BindingRegistry registry = BindingRegistry.builder(CATALOG).inferenceFile(new InferenceFile(file)).build();
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((Map<String, Object>) health.getDetails().get("inferenceFile")).containsEntry("exists", false);
	}

	@Test
	void accountsInMessagesAreMasked() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.accountId("111122223333")
			.build();
		registry.setLayer(OriginKind.PROPERTIES, List.of(new LayerEntry("amazon.nova-pro-v1:0",
				"arn:aws:bedrock:us-east-1:111122223333:inference-profile/not-a-profile", "application.yml")));
		Health health = health(registry);
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat((List<String>) health.getDetails().get("errors")).singleElement()
			.asString()
			.contains("arn:aws:bedrock:us-east-1:******:inference-profile/not-a-profile")
			.doesNotContain("111122223333");
	}

	private static Health health(BindingRegistry registry) {
		return new BedrockBindingsHealthIndicator(registry).health();
	}

}
