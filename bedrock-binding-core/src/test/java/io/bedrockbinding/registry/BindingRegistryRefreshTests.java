package io.bedrockbinding.registry;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BindingRegistry#refreshProperties}: a new read of the properties and settings,
 * put in force in one swap, keeping the last good binding of a value that is not valid.
 */
class BindingRegistryRefreshTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String NOVA_LITE = "amazon.nova-lite-v1:0";

	private static final String LLAMA_3_8B = "meta.llama3-8b-instruct-v1:0";

	private static final String DEEPSEEK_R1 = "deepseek.r1-v1:0";

	private static final String APP_PROFILE = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6";

	private static final String PROVISIONED = "arn:aws:bedrock:us-east-1:111122223333:provisioned-model/a1b2c3d4e5f6";

	private static final RegistrySettings US_EAST_1 = RegistrySettings.of("us-east-1", null, List.of());

	private final BindingRegistry registry = BindingRegistry.builder(ModelCatalog.builtIn())
		.region("us-east-1")
		.build();

	@Test
	void changedAddedAndRemovedModelsApplyInOnePublishAndListenersHearOfEveryModel() {
		this.registry.setLayer(OriginKind.PROPERTIES,
				List.of(entry(NOVA_PRO, "us.amazon.nova-pro-v1:0"), entry(LLAMA_3_8B, "")));
		List<Set<String>> heard = new ArrayList<>();
		this.registry.addListener((layer, modelIds) -> {
			assertThat(layer).isEqualTo(OriginKind.PROPERTIES);
			heard.add(modelIds);
		});

		List<BindingProblem> rejected = this.registry.refreshProperties(US_EAST_1,
				List.of(entry(NOVA_PRO, APP_PROFILE), entry(NOVA_LITE, "us.amazon.nova-lite-v1:0")));

		assertThat(rejected).isEmpty();
		assertThat(this.registry.targetFor(NOVA_PRO).value()).isEqualTo(APP_PROFILE);
		assertThat(this.registry.resolve(NOVA_LITE).origin()).isEqualTo(new Origin(OriginKind.PROPERTIES, "v2.yml"));
		assertThat(this.registry.resolve(LLAMA_3_8B).origin()).isEqualTo(Origin.catalog());
		assertThat(heard).hasSize(1);
		assertThat(heard.get(0)).contains(NOVA_PRO, NOVA_LITE, LLAMA_3_8B);
	}

	@Test
	void aValueThatDoesNotParseKeepsTheLastGoodBindingAndIsReportedWithItsSourceAndKey() {
		this.registry.setLayer(OriginKind.PROPERTIES,
				List.of(entry(NOVA_PRO, "us.amazon.nova-pro-v1:0", "v1.yml"), entry(LLAMA_3_8B, "", "v1.yml")));

		List<BindingProblem> rejected = this.registry.refreshProperties(US_EAST_1, List
			.of(entry(NOVA_PRO, "arn:aws:bedrock:us-east-1:12:inference-profile/x"), entry(LLAMA_3_8B, PROVISIONED)));

		assertThat(this.registry.targetFor(NOVA_PRO).value()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(this.registry.resolve(NOVA_PRO).origin()).isEqualTo(new Origin(OriginKind.PROPERTIES, "v1.yml"));
		assertThat(this.registry.targetFor(LLAMA_3_8B).value()).isEqualTo(PROVISIONED);
		assertThat(rejected).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.REFRESH_REJECTED);
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.modelId()).isEqualTo(NOVA_PRO);
			assertThat(problem.message()).contains(NOVA_PRO + " from v2.yml was not applied")
				.contains("12 digits")
				.contains("keeping the last good binding " + NOVA_PRO + "=us.amazon.nova-pro-v1:0 (v1.yml)");
		});
		assertThat(this.registry.validate()).contains(rejected.get(0));
		assertThat(this.registry.problemsOf(this.registry.resolve(NOVA_PRO))).contains(rejected.get(0));
		assertThat(this.registry.problemsOf(this.registry.resolve(LLAMA_3_8B))).isEmpty();
	}

	@Test
	void aValueWithAnErrorUnderTheNewSettingsKeepsTheLastGoodBinding() {
		this.registry.setLayer(OriginKind.PROPERTIES, List.of(entry(NOVA_PRO, "us.amazon.nova-pro-v1:0", "v1.yml")));

		// An 'eu' profile cannot be called from us-east-1: an error at start-up.
		List<BindingProblem> rejected = this.registry.refreshProperties(US_EAST_1,
				List.of(entry(NOVA_PRO, "eu.amazon.nova-pro-v1:0"), entry(DEEPSEEK_R1, "")));

		assertThat(this.registry.targetFor(NOVA_PRO).value()).isEqualTo("us.amazon.nova-pro-v1:0");
		// Added, but bound direct where it needs a profile: the derived profile stays.
		assertThat(this.registry.resolve(DEEPSEEK_R1).origin().kind()).isEqualTo(OriginKind.DERIVED);
		assertThat(rejected).extracting(BindingProblem::modelId).containsExactly(NOVA_PRO, DEEPSEEK_R1);
		assertThat(rejected)
			.allSatisfy((problem) -> assertThat(problem.code()).isEqualTo(ProblemCode.REFRESH_REJECTED));
		assertThat(rejected.get(0).message()).contains("cannot be called from us-east-1");
		assertThat(rejected.get(1).message()).contains("needs an inference profile in us-east-1")
			.contains("keeping the binding of the layers below it");
	}

	@Test
	void aNewModelWhoseValueDoesNotParseIsReportedAsAtStartUp() {
		List<BindingProblem> rejected = this.registry.refreshProperties(US_EAST_1,
				List.of(entry(NOVA_PRO, "not a target!")));

		assertThat(this.registry.resolve(NOVA_PRO).origin()).isEqualTo(Origin.catalog());
		assertThat(rejected).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_TARGET);
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
		});
	}

	@Test
	void aFixedValueClearsTheProblem() {
		this.registry.setLayer(OriginKind.PROPERTIES, List.of(entry(NOVA_PRO, "us.amazon.nova-pro-v1:0", "v1.yml")));
		this.registry.refreshProperties(US_EAST_1, List.of(entry(NOVA_PRO, "not a target!")));

		this.registry.refreshProperties(US_EAST_1, List.of(entry(NOVA_PRO, APP_PROFILE)));

		assertThat(this.registry.targetFor(NOVA_PRO).value()).isEqualTo(APP_PROFILE);
		assertThat(this.registry.validate()).isEmpty();
	}

	@Test
	void aRegionChangeDerivesProfilesAgainAndChecksAgainstTheNewRegion() {
		assertThat(this.registry.resolve(NOVA_PRO).origin()).isEqualTo(Origin.catalog());

		this.registry.refreshProperties(RegistrySettings.of("eu-central-1", "111122223333", List.of(LLAMA_3_8B)),
				List.of());

		assertThat(this.registry.region()).contains("eu-central-1");
		assertThat(this.registry.accountId()).contains("111122223333");
		assertThat(this.registry.requiredModels()).containsExactly(LLAMA_3_8B);
		Binding nova = this.registry.resolve(NOVA_PRO);
		assertThat(nova.origin().kind()).isEqualTo(OriginKind.DERIVED);
		assertThat(nova.target().value()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(this.registry.resolve(NOVA_PRO, "eu-central-1").region()).isEqualTo("eu-central-1");
		assertThat(this.registry.validate()).extracting(BindingProblem::code).contains(ProblemCode.REQUIRED_UNBOUND);
	}

	@Test
	void readersSeeTheOldOrTheNewBindingsNeverAMix() throws Exception {
		Map<Boolean, List<LayerEntry>> versions = Map.of(false,
				List.of(entry(NOVA_PRO, "us.amazon.nova-pro-v1:0"), entry(NOVA_LITE, "us.amazon.nova-lite-v1:0")), true,
				List.of(entry(NOVA_PRO, APP_PROFILE), entry(NOVA_LITE, PROVISIONED)));
		this.registry.refreshProperties(US_EAST_1, versions.get(false));
		AtomicBoolean done = new AtomicBoolean();
		CountDownLatch started = new CountDownLatch(4);
		ExecutorService readers = Executors.newFixedThreadPool(4);
		try {
			List<Future<Long>> reads = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				reads.add(readers.submit(() -> {
					started.countDown();
					long mixes = 0;
					while (!done.get()) {
						List<Binding> bindings = this.registry.bindings();
						String pro = bindings.stream()
							.filter((binding) -> binding.modelId().equals(NOVA_PRO))
							.findFirst()
							.orElseThrow()
							.target()
							.value();
						String lite = bindings.stream()
							.filter((binding) -> binding.modelId().equals(NOVA_LITE))
							.findFirst()
							.orElseThrow()
							.target()
							.value();
						if (pro.startsWith("arn:") != lite.startsWith("arn:")) {
							mixes++;
						}
					}
					return mixes;
				}));
			}
			started.await(10, TimeUnit.SECONDS);
			for (int i = 0; i < 2000; i++) {
				this.registry.refreshProperties(US_EAST_1, versions.get(i % 2 == 0));
			}
			done.set(true);
			for (Future<Long> read : reads) {
				assertThat(read.get(10, TimeUnit.SECONDS)).isZero();
			}
		}
		finally {
			readers.shutdownNow();
		}
	}

	private static LayerEntry entry(String modelId, String target) {
		return entry(modelId, target, "v2.yml");
	}

	private static LayerEntry entry(String modelId, String target, String source) {
		return new LayerEntry(modelId, target, source);
	}

}
