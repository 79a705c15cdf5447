package io.bedrockbinding.catalog;

import java.util.List;

import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The one matching rule that the catalog, the registry and the CLI's words share. */
class ModelMatcherTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private final ModelCatalog catalog = ModelCatalog.builtIn();

	@Test
	void everyWordMustMatchSomewhereNotNecessarilyInTheSameField() {
		ModelMatcher matcher = this.catalog.matcher(new ModelQuery(null, null, "amazon  Pro"));

		ModelInfo novaPro = this.catalog.find(NOVA_PRO).orElseThrow();
		assertThat(matcher.matches(novaPro)).isTrue();
		assertThat(matcher.matches(this.catalog.find("amazon.nova-lite-v1:0").orElseThrow())).isFalse();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({ "nova pro", "Claude Haiku", "us.amazon.nova-pro-v1:0", "anthropic sonnet 4", "NOVA" })
	void catalogAndRegistryAgreeOnCatalogModels(String text) {
		BindingRegistry registry = BindingRegistry.builder(this.catalog).deriveProfiles(false).build();
		ModelQuery query = new ModelQuery(null, null, text);

		List<String> fromCatalog = this.catalog.query(query).stream().map(ModelInfo::modelId).toList();
		List<String> fromRegistry = registry.query(query).stream().map(Binding::modelId).toList();

		assertThat(fromRegistry).isNotEmpty().isEqualTo(fromCatalog);
	}

	@Test
	void unknownModelMatchesARegionUnlessItsTargetNamesAnother() {
		ModelMatcher ireland = this.catalog.matcher(new ModelQuery("eu-west-1", null, null));

		assertThat(ireland.matches("acme.private-v1:0", null, List.of("acme.private-v1:0"), null)).isTrue();
		assertThat(ireland.matches("acme.private-v1:0", null,
				List.of("arn:aws:bedrock:eu-west-1:111122223333:provisioned-model/abcdefghijkl"), "eu-west-1"))
			.isTrue();
		assertThat(ireland.matches("acme.private-v1:0", null,
				List.of("arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abcdefghijkl"), "us-east-1"))
			.isFalse();
	}

	@Test
	void providerOfAnUnknownModelIsItsIdsPrefixAndTheTargetIsSearched() {
		ModelMatcher acme = this.catalog.matcher(new ModelQuery(null, "eu.ACME", "team-profile"));

		assertThat(acme.matches("acme.private-v1:0", null,
				List.of("arn:aws:bedrock:eu-west-1:111122223333:" + "application-inference-profile/team-profile"),
				"eu-west-1"))
			.isTrue();
		assertThat(acme.matches("other.private-v1:0", null, List.of("team-profile"), null)).isFalse();
	}

	@Test
	void everyTargetOfAFailoverChainIsSearchedNotOnlyTheFirst() {
		ModelMatcher eu = this.catalog.matcher(new ModelQuery(null, null, "eu"));
		ModelInfo novaLite = this.catalog.find("amazon.nova-lite-v1:0").orElseThrow();

		assertThat(eu.matches(novaLite.modelId(), novaLite,
				List.of("us.amazon.nova-lite-v1:0", "eu.amazon.nova-lite-v1:0"), null))
			.isTrue();
		assertThat(eu.matches(novaLite.modelId(), novaLite, List.of("us.amazon.nova-lite-v1:0"), null)).isFalse();
	}

}
