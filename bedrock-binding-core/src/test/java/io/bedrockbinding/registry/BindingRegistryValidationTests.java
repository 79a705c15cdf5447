package io.bedrockbinding.registry;

import java.util.List;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.ModelCatalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Every rule of {@link BindingRegistry#validate()}, with its severity and code. */
class BindingRegistryValidationTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String NOVA_LITE = "amazon.nova-lite-v1:0";

	private static final String DEEPSEEK_R1 = "deepseek.r1-v1:0";

	private static final String LLAMA_3_8B = "meta.llama3-8b-instruct-v1:0";

	private static final String ACCOUNT = "111122223333";

	private static final ModelCatalog CATALOG = ModelCatalog.builtIn();

	@Test
	void invalidTargetIsAnErrorNamingItsSource() {
		BindingRegistry registry = registry("us-east-1");

		registry.setLayer(OriginKind.PROPERTIES, List.of(new LayerEntry(NOVA_PRO,
				"arn:aws:bedrock:us-east-1:" + ACCOUNT + ":inference-profile/", "application-prod.yml")));

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_TARGET);
			assertThat(problem.modelId()).isEqualTo(NOVA_PRO);
			assertThat(problem.message()).contains("application-prod.yml");
		});
	}

	@Test
	void usProfileOfAModelWhoseCardAddsCanadaIsValidInCanada() {
		BindingRegistry registry = registry("ca-central-1");

		registry.bind("anthropic.claude-haiku-4-5-20251001-v1:0", "us.anthropic.claude-haiku-4-5-20251001-v1:0");

		assertThat(registry.validate()).isEmpty();
	}

	@Test
	void usProfileOfAModelWithoutCanadaIsStillAnErrorInCanada() {
		BindingRegistry registry = registry("ca-west-1");

		registry.bind("anthropic.claude-haiku-4-5-20251001-v1:0", "us.anthropic.claude-haiku-4-5-20251001-v1:0");
		registry.bind("anthropic.claude-opus-4-6-v1", "us.anthropic.claude-opus-4-6-v1");

		assertThat(registry.validate()).hasSize(2).allSatisfy((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.GEO_DOES_NOT_SERVE_REGION);
			assertThat(problem.suggestedTarget()).startsWith("global.");
		});
	}

	@Test
	void auProfileOfAModelWhoseCardLeavesOutNewZealandIsAnErrorThere() {
		BindingRegistry registry = registry("ap-southeast-6");

		registry.bind("anthropic.claude-opus-4-7", "au.anthropic.claude-opus-4-7");
		registry.bind("anthropic.claude-sonnet-4-6", "au.anthropic.claude-sonnet-4-6");

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.GEO_DOES_NOT_SERVE_REGION);
			assertThat(problem.modelId()).isEqualTo("anthropic.claude-opus-4-7");
			assertThat(problem.message()).isEqualTo("au.anthropic.claude-opus-4-7 (runtime) cannot be called from "
					+ "ap-southeast-6: the catalog lists its source regions as ap-southeast-2, ap-southeast-4");
			assertThat(problem.suggestedTarget()).isEqualTo("global.anthropic.claude-opus-4-7");
		});
	}

	@Test
	void geoProfileThatDoesNotServeTheRegionIsAnErrorSuggestingTheRegionsProfile() {
		BindingRegistry registry = registry("us-east-1");

		registry.bind(NOVA_PRO, "eu.amazon.nova-pro-v1:0");

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.code()).isEqualTo(ProblemCode.GEO_DOES_NOT_SERVE_REGION);
			assertThat(problem.modelId()).isEqualTo(NOVA_PRO);
			assertThat(problem.origin()).isEqualTo(Origin.runtime());
			assertThat(problem.suggestedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
			assertThat(problem.message()).contains("eu.amazon.nova-pro-v1:0").contains("us-east-1");
			assertThat(problem.fix()).contains(NOVA_PRO + "=us.amazon.nova-pro-v1:0");
		});
	}

	@Test
	void geoProfileThatServesTheRegionIsFine() {
		BindingRegistry registry = registry("eu-west-1");

		registry.bind(NOVA_PRO, "eu.amazon.nova-pro-v1:0");
		registry.bind(NOVA_LITE, "eu.amazon.nova-lite-v1:0");

		assertThat(registry.validate()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "xx.amazon.nova-pro-v1:0", "mars.amazon.nova-pro-v1:0" })
	void unknownGeographyIsAWarning(String target) {
		BindingRegistry registry = registry("us-east-1");

		registry.bind(NOVA_PRO, target);

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_GEO);
			assertThat(problem.message()).contains(target);
		});
	}

	@Test
	void geographyTheModelHasNoProfileInIsAWarning() {
		BindingRegistry registry = registry("eu-west-1");

		registry.bind(DEEPSEEK_R1, "eu.deepseek.r1-v1:0");

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_GEO);
		});
	}

	@Test
	void geographyIsCheckedAgainstTheProfilesModelNotTheBindingsKey() {
		BindingRegistry registry = registry("eu-west-1");

		registry.bind(DEEPSEEK_R1, "eu.amazon.nova-pro-v1:0");
		registry.bind("acme.my-alias-v1:0", "eu.deepseek.r1-v1:0");

		List<BindingProblem> problems = registry.validate();
		assertThat(problems).filteredOn((problem) -> problem.code() == ProblemCode.UNKNOWN_GEO)
			.singleElement()
			.satisfies((problem) -> {
				assertThat(problem.modelId()).isEqualTo("acme.my-alias-v1:0");
				assertThat(problem.severity()).isEqualTo(Severity.WARNING);
				assertThat(problem.message()).contains("'eu' profile for deepseek.r1-v1:0");
			});
		// the alias is named as one, but its geography is fine
		assertThat(problems).filteredOn((problem) -> problem.modelId().equals(DEEPSEEK_R1))
			.extracting(BindingProblem::code)
			.containsExactly(ProblemCode.OTHER_MODEL);
	}

	@Test
	void arnOfAnotherRegionIsARegionMismatchWarning() {
		BindingRegistry registry = registry("us-east-1");

		registry.bind(DEEPSEEK_R1, "arn:aws:bedrock:us-west-2:" + ACCOUNT + ":inference-profile/us.deepseek.r1-v1:0");

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.code()).isEqualTo(ProblemCode.REGION_MISMATCH);
			assertThat(problem.message()).contains("us-west-2").contains("us-east-1");
		});
	}

	@Test
	void arnOfAWellFormedRegionTheSdkDoesNotKnowIsAWarning() {
		BindingRegistry registry = registry("us-east-1");

		registry.bind(DEEPSEEK_R1, "arn:aws:bedrock:us-east-99:" + ACCOUNT + ":inference-profile/us.deepseek.r1-v1:0");

		assertThat(registry.validate()).filteredOn((problem) -> problem.code() == ProblemCode.UNKNOWN_REGION)
			.singleElement()
			.satisfies((problem) -> {
				assertThat(problem.severity()).isEqualTo(Severity.WARNING);
				assertThat(problem.modelId()).isEqualTo(DEEPSEEK_R1);
				assertThat(problem.message()).contains("us-east-99").contains("does not know");
			});
	}

	@Test
	void aRegionTheSdkDoesNotKnowIsAWarningWithTheSettingToFix() {
		assertThat(registry("us-east1").validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_REGION);
			assertThat(problem.modelId()).isEmpty();
			assertThat(problem.message())
				.startsWith("the region us-east1, from " + SettingHints.plain().region() + ", ")
				.contains("not one the AWS SDK knows");
			assertThat(problem.fix()).startsWith("set " + SettingHints.plain().region() + " to a region");
		});
		// the same problem for what shows bindings without validating them
		assertThat(BindingProblem.unknownRegion("us-east1", SettingHints.plain()))
			.contains(registry("us-east1").validate().get(0));
		assertThat(registry("us-east-1").validate()).isEmpty();
		assertThat(BindingProblem.unknownRegion("us-east-1", SettingHints.plain())).isEmpty();
		assertThat(BindingProblem.unknownRegion(null, SettingHints.plain())).isEmpty();
	}

	@Test
	void bindingsAreNotJudgedAgainstARegionTheSdkDoesNotKnow() {
		BindingRegistry typo = registry("us-east1");
		typo.bind("amazon.nova-lite-v1:0", "");
		typo.bind("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
		BindingRegistry known = registry("eu-west-1");
		known.bind("amazon.nova-lite-v1:0", "");
		known.bind("amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");

		assertThat(typo.validate()).extracting(BindingProblem::code).containsExactly(ProblemCode.UNKNOWN_REGION);
		assertThat(known.validate()).extracting(BindingProblem::code)
			.contains(ProblemCode.NEEDS_PROFILE, ProblemCode.GEO_DOES_NOT_SERVE_REGION);
	}

	@Test
	void anArnIsNotComparedWithARegionTheSdkDoesNotKnow() {
		// the region's one warning says no binding is checked against it: an ARN of a
		// real region is no REGION_MISMATCH against the typo
		BindingRegistry typo = registry("us-esat-1");
		typo.bind(DEEPSEEK_R1, "arn:aws:bedrock:us-east-1:" + ACCOUNT + ":inference-profile/us.deepseek.r1-v1:0");

		assertThat(typo.validate()).extracting(BindingProblem::code).containsExactly(ProblemCode.UNKNOWN_REGION);
	}

	@Test
	void aTargetWhoseModelTheCatalogDoesNotKnowIsAWarning() {
		BindingRegistry registry = registry("us-east-1");

		// typed halfway: a profile of no model the catalog knows
		registry.bind(NOVA_PRO, "us.amazon.nova-pro-v1");

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.code()).isEqualTo(ProblemCode.UNKNOWN_MODEL);
			assertThat(problem.message()).isEqualTo(NOVA_PRO + " is bound to us.amazon.nova-pro-v1 (runtime), whose "
					+ "model amazon.nova-pro-v1 is not in the model catalog: check its spelling");
		});
		registry.bind(NOVA_PRO, "us." + NOVA_PRO);
		assertThat(registry.validate()).isEmpty();
	}

	@Test
	void arnOfAMadeUpRegionIsRefused() {
		BindingRegistry registry = registry("us-east-1");

		assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> registry.bind(DEEPSEEK_R1,
				"arn:aws:bedrock:r7:" + ACCOUNT + ":inference-profile/us.deepseek.r1-v1:0")))
			.hasMessageContaining("region 'r7' is not an AWS region name");
		assertThat(registry.resolve(DEEPSEEK_R1).target().value()).doesNotContain(":r7:");
	}

	@ParameterizedTest
	@ValueSource(strings = { "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.deepseek.r1-v1:0",
			"arn:aws:bedrock:{region}:111122223333:inference-profile/us.deepseek.r1-v1:0",
			"arn:aws:bedrock:us-east-1:{account}:application-inference-profile/abcdef123456",
			"arn:aws:bedrock:{region}:{account}:provisioned-model/abcdef123456" })
	void arnOfTheConfiguredRegionAndAccountOrWithTemplatesIsFine(String arn) {
		BindingRegistry registry = registry("us-east-1");

		registry.bind(DEEPSEEK_R1, arn);

		assertThat(registry.validate()).isEmpty();
	}

	@Test
	void arnWithoutAConfiguredRegionHasNoRegionMismatch() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG).accountId(ACCOUNT).build();

		registry.bind(DEEPSEEK_R1, "arn:aws:bedrock:us-west-2:" + ACCOUNT + ":inference-profile/us.deepseek.r1-v1:0");

		assertThat(registry.validate()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "arn:aws:bedrock:us-east-1:444455556666:inference-profile/us.deepseek.r1-v1:0",
			"arn:aws:bedrock:{region}:444455556666:application-inference-profile/abcdef123456" })
	void arnOfAnotherAccountIsAnAccountMismatchWarning(String arn) {
		BindingRegistry registry = registry("us-east-1");

		registry.bind(DEEPSEEK_R1, arn);

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.code()).isEqualTo(ProblemCode.ACCOUNT_MISMATCH);
			assertThat(problem.message()).contains("444455556666").contains(ACCOUNT);
		});
	}

	@Test
	void arnOfAnotherAccountIsFineWhenNoAccountIsKnown() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG).region("us-east-1").build();

		registry.bind(DEEPSEEK_R1, "arn:aws:bedrock:us-east-1:444455556666:inference-profile/us.deepseek.r1-v1:0");

		assertThat(registry.validate()).isEmpty();
	}

	@Test
	void modelThatNeedsAProfileBoundDirectIsAnErrorWithTheExactFix() {
		BindingRegistry registry = registry("us-east-2");

		registry.setLayer(OriginKind.PROPERTIES, List.of(new LayerEntry(NOVA_PRO, "", "application.yml")));

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.code()).isEqualTo(ProblemCode.NEEDS_PROFILE);
			assertThat(problem.modelId()).isEqualTo(NOVA_PRO);
			assertThat(problem.origin()).isEqualTo(new Origin(OriginKind.PROPERTIES, "application.yml"));
			assertThat(problem.suggestedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
			assertThat(problem.message()).contains("us-east-2").contains("application.yml");
			// the properties outrank the file: a line there would change nothing
			assertThat(problem.fix())
				.isEqualTo("change it in application.yml (the properties outrank inference.txt) to "
						+ "us.amazon.nova-pro-v1:0");
		});
	}

	@Test
	void theFixOfABindingBelowTheFileIsTheFilesLine() {
		BindingRegistry registry = registry("us-east-2");

		registry.setLayer(OriginKind.DISCOVERED, List.of(new LayerEntry(NOVA_PRO, "", "discovery")));

		assertThat(registry.validate()).singleElement()
			.satisfies((problem) -> assertThat(problem.fix())
				.isEqualTo("add to inference.txt:\n    amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0"));
	}

	@Test
	void aliasBoundDirectToAModelThatNeedsAProfileIsAnError() {
		BindingRegistry registry = registry("eu-west-1");

		registry.bind("acme.my-alias-v1:0", NOVA_PRO);

		assertThat(registry.validate()).filteredOn((problem) -> problem.code() == ProblemCode.NEEDS_PROFILE)
			.singleElement()
			.satisfies((problem) -> {
				assertThat(problem.suggestedTarget()).isEqualTo("eu.amazon.nova-pro-v1:0");
				assertThat(problem.fix()).contains("acme.my-alias-v1:0=eu.amazon.nova-pro-v1:0");
			});
	}

	@Test
	void modelOnDemandInTheRegionBoundDirectIsFine() {
		BindingRegistry registry = registry("us-east-1");

		registry.bind(NOVA_PRO, "");
		registry.bind(LLAMA_3_8B, LLAMA_3_8B);

		assertThat(registry.validate()).isEmpty();
	}

	@Test
	void theFixShowsTheYamlOfTheBindingsPropertyTheHintsName() {
		SettingHints hints = new SettingHints("r", "a", "e", "f", "app.required", "m", "t", "app.ai.models");
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.requiredModels(List.of(NOVA_LITE))
			.hints(hints)
			.build();

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.message()).contains("app.required");
			String profile = "us." + NOVA_LITE;
			assertThat(problem.fix()).isEqualTo("add to inference.txt:\n    " + NOVA_LITE + "=" + profile
					+ "\nor to application.yml:\n    app:\n      ai:\n        models:\n" + "          \"[" + NOVA_LITE
					+ "]\": " + profile);
		});
	}

	@Test
	void requiredModelWithoutABindingIsAnErrorAndADerivedBindingCounts() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.requiredModels(List.of(LLAMA_3_8B, DEEPSEEK_R1, NOVA_LITE))
			.build();

		List<BindingProblem> problems = registry.validate();

		assertThat(problems).allSatisfy((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.ERROR);
			assertThat(problem.code()).isEqualTo(ProblemCode.REQUIRED_UNBOUND);
		});
		assertThat(problems).extracting(BindingProblem::modelId).containsExactlyInAnyOrder(LLAMA_3_8B, NOVA_LITE);
		assertThat(registry.resolve(DEEPSEEK_R1).origin().kind()).isEqualTo(OriginKind.DERIVED);
		BindingProblem haiku = problems.stream()
			.filter((problem) -> problem.modelId().equals(NOVA_LITE))
			.findFirst()
			.orElseThrow();
		assertThat(haiku.fix()).contains(NOVA_LITE + "=us.amazon.nova-lite-v1:0").doesNotContain("\"[");
		// on demand in the region: the line to add binds it direct
		assertThat(problems).filteredOn((problem) -> problem.modelId().equals(LLAMA_3_8B))
			.singleElement()
			.satisfies((llama) -> assertThat(llama.fix()).contains(LLAMA_3_8B + "=")
				.doesNotContain("<profile ID or ARN>"));

		registry.bind(LLAMA_3_8B, "");
		registry.bind(NOVA_LITE, "us.amazon.nova-lite-v1:0");

		assertThat(registry.validate()).isEmpty();
	}

	@Test
	void requiredModelIsUnboundWhenDerivationIsOff() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.deriveProfiles(false)
			.requiredModels(List.of(DEEPSEEK_R1))
			.build();

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.REQUIRED_UNBOUND);
			assertThat(problem.suggestedTarget()).isEqualTo("us.deepseek.r1-v1:0");
			assertThat(problem.fix()).contains("deepseek.r1-v1:0=us.deepseek.r1-v1:0");
		});
	}

	@Test
	void requiredModelUnknownToTheCatalogIsUnboundUntilBound() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.requiredModels(List.of("acme.private-v1:0"))
			.build();

		assertThat(registry.validate()).extracting(BindingProblem::code).containsExactly(ProblemCode.REQUIRED_UNBOUND);

		registry.bind("acme.private-v1:0", "arn:aws:bedrock:us-east-1:" + ACCOUNT + ":imported-model/abcdef123456");

		assertThat(registry.validate()).extracting(BindingProblem::code).containsExactly(ProblemCode.UNKNOWN_MODEL);
	}

	@Test
	void requiredModelInUpperCaseIsToldTheLowerCaseModelIdNotAProfile() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.requiredModels(List.of("Amazon.Nova-Pro-v1:0"))
			.build();

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.REQUIRED_UNBOUND);
			assertThat(problem.message())
				.isEqualTo("Amazon.Nova-Pro-v1:0 is listed in BindingRegistryBuilder.requiredModels but is "
						+ "not a model ID: Bedrock model IDs are lower case: use amazon.nova-pro-v1:0");
			assertThat(problem.fix()).isEqualTo("list amazon.nova-pro-v1:0 in BindingRegistryBuilder.requiredModels");
		});
	}

	@Test
	void requiredModelWhoseNameIsInUpperCaseIsToldTheCatalogsModel() {
		BindingRegistry registry = BindingRegistry.builder(CATALOG)
			.region("us-east-1")
			.requiredModels(List.of("amazon.Nova-Pro-v1:0"))
			.build();

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.REQUIRED_UNBOUND);
			assertThat(problem.message())
				.isEqualTo("amazon.Nova-Pro-v1:0 is listed in BindingRegistryBuilder.requiredModels but has "
						+ "no binding: Bedrock model IDs are lower case: use amazon.nova-pro-v1:0");
			assertThat(problem.fix()).isEqualTo("list amazon.nova-pro-v1:0 in BindingRegistryBuilder.requiredModels");
		});
	}

	@Test
	void bindingKeyInUpperCaseIsAnInvalidEntryThatNamesTheLowerCaseModelId() {
		BindingRegistry registry = registry("us-east-1");

		registry.setLayer(OriginKind.PROPERTIES,
				List.of(new LayerEntry("Amazon.Nova-Pro-v1:0", "us.amazon.nova-pro-v1:0", "application.yml")));

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.code()).isEqualTo(ProblemCode.INVALID_TARGET);
			assertThat(problem.message()).isEqualTo("Bedrock model IDs are lower case: use amazon.nova-pro-v1:0 in "
					+ "'Amazon.Nova-Pro-v1:0' (application.yml)");
			assertThat(problem.fix()).isEqualTo("correct or remove the binding at application.yml");
		});
	}

	@Test
	void bindingKeyWhoseNameIsInUpperCaseIsToldTheCatalogsModel() {
		BindingRegistry registry = registry("us-east-1");

		registry.bind("amazon.Nova-Pro-v1:0", "us.amazon.nova-pro-v1:0");
		registry.bind("acme.Private-v1:0", "us.amazon.nova-pro-v1:0");

		assertThat(registry.validate()).extracting(BindingProblem::message)
			.containsExactlyInAnyOrder(
					"amazon.Nova-Pro-v1:0 (runtime) is not in the model catalog: Bedrock model IDs are lower case: "
							+ "use amazon.nova-pro-v1:0",
					"acme.Private-v1:0 (runtime) is not in the model catalog",
					// no lower-case model of the catalog: the target's model is the clue
					"us.amazon.nova-pro-v1:0 (runtime) calls amazon.nova-pro-v1:0, not acme.Private-v1:0");
	}

	@Test
	void targetInUpperCaseIsToldTheLowerCaseOne() {
		BindingRegistry registry = registry("us-east-1");

		registry.setLayer(OriginKind.PROPERTIES,
				List.of(new LayerEntry("amazon.nova-pro-v1:0", "US.Amazon.Nova-Pro-v1:0", "application.yml"),
						new LayerEntry("amazon.nova-lite-v1:0", "us.Amazon.Nova-Lite-v1:0", "application.yml"),
						new LayerEntry("amazon.nova-micro-v1:0", "amazon.Nova-Micro-v1:0", "application.yml"),
						new LayerEntry("amazon.nova-premier-v1:0", "acme.Private-v1:0", "application.yml")));

		assertThat(registry.validate()).extracting(BindingProblem::message)
			.containsExactlyInAnyOrder(
					"Bedrock profile IDs are lower case: use us.amazon.nova-pro-v1:0 in 'US.Amazon.Nova-Pro-v1:0' "
							+ "(application.yml)",
					"amazon.nova-lite-v1:0 is bound to us.Amazon.Nova-Lite-v1:0 (application.yml), whose model "
							+ "us.Amazon.Nova-Lite-v1:0 is not in the model catalog: Bedrock profile IDs are lower "
							+ "case: use us.amazon.nova-lite-v1:0",
					"amazon.nova-micro-v1:0 is bound to amazon.Nova-Micro-v1:0 (application.yml), whose model "
							+ "amazon.Nova-Micro-v1:0 is not in the model catalog: Bedrock model IDs are lower case: "
							+ "use amazon.nova-micro-v1:0",
					// no lower-case model of the catalog
					"amazon.nova-premier-v1:0 is bound to acme.Private-v1:0 (application.yml), whose model "
							+ "acme.Private-v1:0 is not in the model catalog: check its spelling");
	}

	@Test
	void modelUnknownToTheCatalogIsAWarning() {
		BindingRegistry registry = registry("us-east-1");

		registry.bind("amazon.nova-pro-v10", "us.amazon.nova-pro-v1:0");

		List<BindingProblem> problems = registry.validate();
		assertThat(problems).filteredOn((problem) -> problem.code() == ProblemCode.UNKNOWN_MODEL)
			.singleElement()
			.satisfies((problem) -> {
				assertThat(problem.severity()).isEqualTo(Severity.WARNING);
				assertThat(problem.modelId()).isEqualTo("amazon.nova-pro-v10");
				assertThat(problem.origin()).isEqualTo(Origin.runtime());
			});
		// the typo's other clue: the target calls the model meant
		assertThat(problems).extracting(BindingProblem::code)
			.containsExactlyInAnyOrder(ProblemCode.UNKNOWN_MODEL, ProblemCode.OTHER_MODEL);
	}

	@Test
	void aTargetThatCallsAnotherCatalogModelIsAWarningNamingBoth() {
		BindingRegistry registry = registry("us-east-1");

		registry.setLayer(OriginKind.PROPERTIES,
				List.of(new LayerEntry(NOVA_LITE, "us." + NOVA_PRO, "application.yml")));

		assertThat(registry.validate()).singleElement().satisfies((problem) -> {
			assertThat(problem.severity()).isEqualTo(Severity.WARNING);
			assertThat(problem.code()).isEqualTo(ProblemCode.OTHER_MODEL);
			assertThat(problem.modelId()).isEqualTo(NOVA_LITE);
			assertThat(problem.message())
				.isEqualTo("us.amazon.nova-pro-v1:0 (application.yml) calls amazon.nova-pro-v1:0, not " + NOVA_LITE);
			assertThat(problem.suggestedTarget()).isNull();
			assertThat(problem.fix()).isEqualTo("nothing, if " + NOVA_LITE + " is meant to call that model (an alias); "
					+ "otherwise bind it to a target of its own, at application.yml");
		});
		assertThat(ProblemPolicy.everyError().errors(registry.validate())).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "amazon.nova-pro-v1:0", "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0",
			"arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0",
			"us.amazon.nova-lite-v1:0, us.amazon.nova-pro-v1:0" })
	void everyKindOfTargetThatNamesAnotherModelIsAWarning(String target) {
		BindingRegistry registry = registry("us-east-1");

		registry.bind(NOVA_LITE, target);

		assertThat(registry.validate()).filteredOn((problem) -> problem.code() == ProblemCode.OTHER_MODEL)
			.singleElement()
			.satisfies(
					(problem) -> assertThat(problem.message()).endsWith(" calls " + NOVA_PRO + ", not " + NOVA_LITE));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "amazon.nova-lite-v1:0", "us.amazon.nova-lite-v1:0",
			"arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/a1b2c3d4e5f6" })
	void aTargetOfTheModelItselfOrOneThatNamesNoModelIsNoOtherModel(String target) {
		BindingRegistry registry = registry("us-east-1");

		registry.bind(NOVA_LITE, target);

		assertThat(registry.validate()).extracting(BindingProblem::code).doesNotContain(ProblemCode.OTHER_MODEL);
	}

	static List<String> regions() {
		return CATALOG.geographies().regions();
	}

	@ParameterizedTest
	@MethodSource("regions")
	void catalogDefaultsAndDerivedProfilesProduceNoProblemsInAnyRegion(String region) {
		BindingRegistry derived = BindingRegistry.builder(CATALOG).region(region).accountId(ACCOUNT).build();
		BindingRegistry plain = BindingRegistry.builder(CATALOG).region(region).deriveProfiles(false).build();

		assertThat(derived.validate()).isEmpty();
		assertThat(plain.validate()).isEmpty();
	}

	@Test
	void catalogDefaultsProduceNoProblemsWithoutARegion() {
		assertThat(BindingRegistry.builder(CATALOG).build().validate()).isEmpty();
	}

	@Test
	void problemsOfOneBindingAreThoseValidateReportsForIt() {
		BindingRegistry registry = registry("us-east-1");
		registry.bind(NOVA_PRO, "eu.amazon.nova-pro-v1:0");
		registry.bind("acme.unknown-v1:0",
				"arn:aws:bedrock:us-west-2:444455556666:inference-profile/us.acme.unknown-v1:0");

		assertThat(registry.problemsOf(registry.resolve("acme.unknown-v1:0"))).extracting(BindingProblem::code)
			.containsExactlyInAnyOrder(ProblemCode.UNKNOWN_MODEL, ProblemCode.REGION_MISMATCH,
					ProblemCode.ACCOUNT_MISMATCH);
		assertThat(registry.problemsOf(registry.resolve(LLAMA_3_8B))).isEmpty();
		assertThat(registry.validate()).hasSize(4);
	}

	private static BindingRegistry registry(String region) {
		return BindingRegistry.builder(CATALOG).region(region).accountId(ACCOUNT).build();
	}

}
