package io.bedrockbinding.emulator;

import java.util.List;

import io.bedrockbinding.catalog.Geographies;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;

/** A fixed catalog for the tests, independent of the growing built-in one. */
final class TestCatalog {

	static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	static final String SONNET_37 = "anthropic.claude-3-7-sonnet-20250219-v1:0";

	static final String SONNET_200K = "anthropic.claude-3-sonnet-20240229-v1:0:200k";

	static final String LLAMA = "meta.llama3-8b-instruct-v1:0";

	static final String TITAN_TEXT = "amazon.titan-text-express-v1";

	static final String TITAN_EMBED = "amazon.titan-embed-text-v2:0";

	static final String COHERE_EMBED = "cohere.embed-english-v3";

	static final String DEEPSEEK = "deepseek.r1-v1:0";

	static final String MISTRAL = "mistral.mistral-7b-instruct-v0:2";

	static final String SD = "stability.sd3-5-large-v1:0";

	static final List<String> US = List.of("us-east-1", "us-east-2", "us-west-2");

	static final List<String> EU = List.of("eu-west-1", "eu-central-1");

	static final List<String> APAC = List.of("ap-northeast-1", "ap-southeast-2");

	private TestCatalog() {
	}

	static ModelCatalog create() {
		Geographies geographies = new Geographies(List.of(new Geography("us", US), new Geography("eu", EU),
				new Geography("apac", APAC), new Geography("global", List.of("us-east-1", "us-east-2", "us-west-2",
						"eu-west-1", "eu-central-1", "ap-northeast-1", "ap-southeast-2"))));
		List<String> text = List.of("TEXT");
		return new ModelCatalog(List.of(
				new ModelInfo(NOVA_PRO, "amazon", "Nova Pro", List.of("us-east-1"),
						List.of("us-east-2", "us-west-2", "eu-west-1"), List.of("us", "eu", "apac"), true, true,
						List.of("TEXT", "IMAGE"), text),
				new ModelInfo(HAIKU, "anthropic", "Claude 3 Haiku", List.of("us-east-1", "us-west-2", "eu-west-1"),
						List.of(), List.of("us", "eu"), false, true, List.of("TEXT", "IMAGE"), text),
				new ModelInfo(SONNET_37, "anthropic", "Claude 3.7 Sonnet", List.of(),
						List.of("us-east-1", "us-east-2", "us-west-2", "eu-west-1"), List.of("us", "eu", "global"),
						true, true, text, text),
				new ModelInfo(SONNET_200K, "anthropic", "Claude 3 Sonnet (200k)", List.of(), List.of("us-east-1"),
						List.of(), false, true, text, text),
				new ModelInfo(LLAMA, "meta", "Llama 3 8B Instruct", List.of("us-east-1", "us-west-2"), List.of(),
						List.of(), false, true, text, text),
				new ModelInfo(TITAN_TEXT, "amazon", "Titan Text G1 - Express", List.of("us-east-1"), List.of(),
						List.of(), false, true, text, text),
				new ModelInfo(TITAN_EMBED, "amazon", "Titan Text Embeddings V2", List.of("us-east-1"), List.of(),
						List.of(), false, false, text, List.of("EMBEDDING")),
				new ModelInfo(COHERE_EMBED, "cohere", "Embed English", List.of("us-east-1"), List.of(), List.of(),
						false, false, text, List.of("EMBEDDING")),
				new ModelInfo(DEEPSEEK, "deepseek", "DeepSeek-R1", List.of(), US, List.of("us"), true, true, text,
						text),
				new ModelInfo(MISTRAL, "mistral", "Mistral 7B Instruct", List.of("us-east-1"), List.of(), List.of(),
						false, false, text, text),
				new ModelInfo(SD, "stability", "Stable Diffusion 3.5 Large", List.of("us-west-2"), List.of(), List.of(),
						false, false, text, List.of("IMAGE"))),
				geographies);
	}

}
