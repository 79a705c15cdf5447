package io.bedrockbinding.registry;

import java.util.List;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.identifier.BindingTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link BindingRegistry#resolve(String, String)}: what one call from one region uses.
 */
class BindingRegistryResolutionTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String CLAUDE_3_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	private static final String ACCOUNT_TEMPLATE_ARN = "arn:aws:bedrock:us-east-2:{account}:inference-profile/us.amazon.nova-pro-v1:0";

	private final ModelCatalog catalog = ModelCatalog.builtIn();

	private final BindingRegistry registry = BindingRegistry.builder(this.catalog).region("us-east-1").build();

	@ParameterizedTest(name = "{0} from {1} -> {2}")
	@CsvSource({ "amazon.nova-pro-v1:0, us-east-1, amazon.nova-pro-v1:0",
			"amazon.nova-pro-v1:0, us-east-2, us.amazon.nova-pro-v1:0",
			"amazon.nova-pro-v1:0, eu-west-1, eu.amazon.nova-pro-v1:0",
			"anthropic.claude-haiku-4-5-20251001-v1:0, ap-south-1, global.anthropic.claude-haiku-4-5-20251001-v1:0",
			"anthropic.claude-3-7-sonnet-20250219-v1:0, eu-west-1, eu.anthropic.claude-3-7-sonnet-20250219-v1:0",
			"anthropic.claude-3-7-sonnet-20250219-v1:0, us-east-2, us.anthropic.claude-3-7-sonnet-20250219-v1:0" })
	void catalogAndDerivedBindingsAreDerivedForTheCallsRegion(String modelId, String region, String expected) {
		Resolution resolution = this.registry.resolve(modelId, region);

		assertThat(resolution.target().value()).isEqualTo(expected);
		assertThat(resolution.region()).isEqualTo(region);
		assertThat(resolution.binding()).isEqualTo(this.registry.resolve(modelId));
		assertThat(resolution.modelId()).isEqualTo(modelId);
	}

	@Test
	void explicitBindingIsKeptForEveryRegion() {
		this.registry.bind(NOVA_PRO, "us.amazon.nova-pro-v1:0");

		Resolution resolution = this.registry.resolve(NOVA_PRO, "eu-west-1");

		assertThat(resolution.target().value()).isEqualTo("us.amazon.nova-pro-v1:0");
		assertThat(resolution.region()).isEqualTo("eu-west-1");
		assertThat(resolution.onDemandFallback()).isEmpty();
	}

	@Test
	void arnTargetIsSentToTheArnsRegionWithItsTemplateLeftForTheCaller() {
		this.registry.bind(NOVA_PRO, ACCOUNT_TEMPLATE_ARN);

		Resolution resolution = this.registry.resolve(NOVA_PRO, "eu-west-1");

		assertThat(resolution.target().value()).isEqualTo(ACCOUNT_TEMPLATE_ARN);
		assertThat(resolution.target().hasTemplate()).isTrue();
		assertThat(resolution.region()).isEqualTo("us-east-2");
		assertThat(resolution.onDemandFallback()).isEmpty();
	}

	@Test
	void anUnboundArnIsSentAsGivenToItsOwnRegion() {
		String arn = "arn:aws:bedrock:us-west-2:111122223333:inference-profile/us.amazon.nova-pro-v1:0";

		Resolution resolution = this.registry.resolve(arn, "us-east-1");

		assertThat(resolution.target()).isEqualTo(BindingTarget.parse(arn));
		assertThat(resolution.region()).isEqualTo("us-west-2");
		assertThat(this.registry.find(arn)).isEmpty();
	}

	@Test
	void anUnboundTextThatIsNoBedrockArnStaysADirectCall() {
		String arn = "arn:aws:s3:::my-bucket";

		assertThat(this.registry.resolve(arn, "us-east-1").target()).isEqualTo(new BindingTarget.Direct(arn));
	}

	@Test
	void regionTemplateArnIsSentToTheRegionAskedFor() {
		String arn = "arn:aws:bedrock:{region}:111122223333:inference-profile/us.amazon.nova-pro-v1:0";
		this.registry.bind(NOVA_PRO, arn);

		Resolution resolution = this.registry.resolve(NOVA_PRO, "us-west-2");

		assertThat(resolution.target().value()).isEqualTo(arn);
		assertThat(resolution.region()).isEqualTo("us-west-2");
	}

	@Test
	void directTargetCarriesTheGeoProfileOfTheCallsRegionAsOnDemandFallback() {
		BindingRegistry direct = BindingRegistry.builder(this.catalog)
			.region("us-east-2")
			.deriveProfiles(false)
			.build();

		Resolution ohio = direct.resolve(NOVA_PRO, "us-east-2");
		Resolution ireland = direct.resolve(NOVA_PRO, "eu-west-1");

		assertThat(ohio.target()).isEqualTo(new BindingTarget.Direct(NOVA_PRO));
		assertThat(ohio.onDemandFallback()).contains(BindingTarget.parse("us.amazon.nova-pro-v1:0"));
		assertThat(ireland.target()).isEqualTo(new BindingTarget.Direct(NOVA_PRO));
		assertThat(ireland.onDemandFallback()).contains(BindingTarget.parse("eu.amazon.nova-pro-v1:0"));
	}

	@Test
	void aliasBoundDirectToAnotherModelFallsBackToThatModelsProfile() {
		this.registry.bind("myapp.chat-v1", NOVA_PRO);

		Resolution resolution = this.registry.resolve("myapp.chat-v1", "us-east-2");

		assertThat(resolution.target()).isEqualTo(new BindingTarget.Direct(NOVA_PRO));
		assertThat(resolution.onDemandFallback()).contains(BindingTarget.parse("us.amazon.nova-pro-v1:0"));
	}

	@Test
	void foundationModelArnFallsBackToTheProfileOfItsModelInItsRegion() {
		this.registry.bind(NOVA_PRO, "arn:aws:bedrock:eu-west-1::foundation-model/" + NOVA_PRO);

		Resolution resolution = this.registry.resolve(NOVA_PRO, "us-east-1");

		assertThat(resolution.region()).isEqualTo("eu-west-1");
		assertThat(resolution.onDemandFallback()).contains(BindingTarget.parse("eu.amazon.nova-pro-v1:0"));
	}

	@Test
	void unknownModelIsCalledDirectWithoutFallback() {
		Resolution resolution = this.registry.resolve("acme.unknown-v1:0", "eu-west-1");

		assertThat(resolution.target()).isEqualTo(new BindingTarget.Direct("acme.unknown-v1:0"));
		assertThat(resolution.region()).isEqualTo("eu-west-1");
		assertThat(resolution.onDemandFallback()).isEmpty();
	}

	@Test
	void derivationOffCallsEveryUnboundModelDirectFromEveryRegion() {
		BindingRegistry off = BindingRegistry.builder(this.catalog).region("us-east-1").deriveProfiles(false).build();

		for (String region : List.of("us-east-1", "us-east-2", "eu-west-1")) {
			assertThat(off.resolve(NOVA_PRO, region).target()).isEqualTo(new BindingTarget.Direct(NOVA_PRO));
		}
	}

	@Test
	void registryWithoutARegionDerivesForTheCallsRegion() {
		BindingRegistry noRegion = BindingRegistry.builder(this.catalog).build();

		assertThat(noRegion.resolve(NOVA_PRO, "eu-west-1").target().value()).isEqualTo("eu.amazon.nova-pro-v1:0");
		assertThat(noRegion.resolve(CLAUDE_3_HAIKU, "eu-west-1").target())
			.isEqualTo(new BindingTarget.Direct(CLAUDE_3_HAIKU));
	}

	@Test
	void derivedLayerAndPerCallDerivationAgree() {
		BindingRegistry europe = BindingRegistry.builder(this.catalog).region("eu-west-1").build();

		for (Binding binding : europe.bindings()) {
			assertThat(this.registry.resolve(binding.modelId(), "eu-west-1").target()).as(binding.modelId())
				.isEqualTo(binding.target());
		}
	}

}
