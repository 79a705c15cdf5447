package io.bedrockbinding.registry;

import java.util.List;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.catalog.ModelQuery;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Search, provider, region and combined queries; their results are bindings in force. */
class BindingRegistryQueryTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String CLAUDE_3_HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	private static final String CLAUDE_3_7_SONNET = "anthropic.claude-3-7-sonnet-20250219-v1:0";

	private static final String DEEPSEEK_R1 = "deepseek.r1-v1:0";

	private static final String LLAMA_3_8B = "meta.llama3-8b-instruct-v1:0";

	private final ModelCatalog catalog = ModelCatalog.builtIn();

	private final BindingRegistry registry = BindingRegistry.builder(this.catalog).region("eu-west-1").build();

	@ParameterizedTest
	@ValueSource(strings = { "nova-pro", "NOVA-PRO", "Nova Pro", "nOvA pRo", "us.amazon.nova",
			"eu.amazon.nova-pro-v1:0", "  amazon.nova-pro-v1:0  " })
	void searchFindsNovaProByIdDisplayNameOrProfileIdIgnoringCase(String text) {
		List<Binding> found = this.registry.search(text);

		assertThat(found).extracting(Binding::modelId).contains(NOVA_PRO);
		assertThat(found)
			.allSatisfy((binding) -> assertThat(binding).isEqualTo(this.registry.resolve(binding.modelId())));
		assertThat(found).extracting(Binding::modelId).doesNotContain(CLAUDE_3_HAIKU, LLAMA_3_8B);
	}

	@Test
	void searchFindsTheTargetValueAndReturnsTheBindingInForce() {
		this.registry.bind(LLAMA_3_8B,
				"arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/MyTeamProfile1");

		List<Binding> found = this.registry.search("myteamprofile1");

		assertThat(found).singleElement().satisfies((binding) -> {
			assertThat(binding.modelId()).isEqualTo(LLAMA_3_8B);
			assertThat(binding.origin()).isEqualTo(Origin.runtime());
		});
	}

	@Test
	void searchAndQueryFindEveryTargetOfAFailoverChainNotOnlyTheFirst() {
		String first = "arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/MyTeamProfile1";
		String second = "arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/FallbackProfile2";
		this.registry.bind(LLAMA_3_8B, first + ", " + second);

		assertThat(this.registry.search("fallbackprofile2")).extracting(Binding::modelId).containsExactly(LLAMA_3_8B);
		assertThat(this.registry.query(new ModelQuery(null, "meta", "llama FallbackProfile2")))
			.extracting(Binding::modelId)
			.containsExactly(LLAMA_3_8B);
		assertThat(this.registry.search("myteamprofile1 fallbackprofile2")).extracting(Binding::modelId)
			.containsExactly(LLAMA_3_8B);
	}

	@Test
	void searchFindsModelsOnlyBoundOutsideTheCatalog() {
		this.registry.bind("acme.private-model-v1:0", "eu.acme.private-model-v1:0");

		assertThat(this.registry.search("PRIVATE-model")).extracting(Binding::modelId)
			.containsExactly("acme.private-model-v1:0");
		assertThat(this.registry.byProvider("acme")).extracting(Binding::modelId)
			.containsExactly("acme.private-model-v1:0");
		assertThat(this.registry.search("no such model anywhere")).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "anthropic", "Anthropic", "ANTHROPIC", "us.anthropic", "eu.anthropic", " anthropic " })
	void byProviderAcceptsNamesAndGeoProfileStylePrefixes(String provider) {
		List<Binding> found = this.registry.byProvider(provider);

		assertThat(found).extracting(Binding::modelId)
			.isNotEmpty()
			.containsExactlyElementsOf(ids(this.catalog.byProvider("anthropic")))
			.contains(CLAUDE_3_HAIKU, CLAUDE_3_7_SONNET)
			.allSatisfy((id) -> assertThat(id).startsWith("anthropic."));
		assertThat(found).filteredOn((binding) -> binding.modelId().equals(CLAUDE_3_7_SONNET))
			.singleElement()
			.satisfies((binding) -> assertThat(binding.origin().kind()).isEqualTo(OriginKind.DERIVED));
	}

	@Test
	void byRegionListsTheModelsUsableThere() {
		List<Binding> found = this.registry.byRegion("us-east-1");

		assertThat(found).extracting(Binding::modelId)
			.containsExactlyElementsOf(ids(this.catalog.byRegion("us-east-1")))
			.contains(NOVA_PRO, DEEPSEEK_R1, CLAUDE_3_HAIKU);
		assertThat(this.registry.byRegion("eu-west-1")).extracting(Binding::modelId).doesNotContain(DEEPSEEK_R1);
		assertThat(this.registry.byRegion("xx-nowhere-1")).isEmpty();
	}

	@Test
	void queryCombinesRegionProviderAndText() {
		List<Binding> found = this.registry.query(new ModelQuery("us-east-1", "us.anthropic", "HAIKU"));

		assertThat(found).extracting(Binding::modelId)
			.isNotEmpty()
			.containsExactlyElementsOf(ids(this.catalog.query(new ModelQuery("us-east-1", "anthropic", "haiku"))))
			.contains(CLAUDE_3_HAIKU)
			.doesNotContain(CLAUDE_3_7_SONNET, NOVA_PRO);
		List<Binding> novaPro = this.registry.query(new ModelQuery("eu-west-1", "amazon", "nova pro"));
		assertThat(novaPro).extracting(Binding::modelId)
			.contains(NOVA_PRO)
			.allSatisfy((id) -> assertThat(id).startsWith("amazon.nova-pro"));
		assertThat(novaPro).filteredOn((binding) -> binding.modelId().equals(NOVA_PRO))
			.extracting((binding) -> binding.target().value())
			.containsExactly("eu.amazon.nova-pro-v1:0");
		assertThat(this.registry.query(new ModelQuery("eu-west-1", "deepseek", null))).isEmpty();
	}

	@Test
	void emptyQueryListsEveryBinding() {
		assertThat(this.registry.query(ModelQuery.all())).isEqualTo(this.registry.bindings());
		assertThat(this.registry.query(new ModelQuery(" ", "", null))).isEqualTo(this.registry.bindings());
	}

	private static List<String> ids(List<ModelInfo> models) {
		return models.stream().map(ModelInfo::modelId).toList();
	}

}
