package io.bedrockbinding.catalog;

import java.util.List;
import java.util.regex.Pattern;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ModelInfo#isContextVariant()}: the IDs it takes for context-length variants,
 * against the regular expression that said so before it checked characters itself.
 */
class ContextVariantTests {

	/** What the check replaces, kept as the oracle. */
	private static final Pattern VARIANT = Pattern.compile(".*:\\d+:\\d+k$|.*:\\d+k$|.*:mm$");

	@Example
	void variantsAndModels() {
		assertThat(model("anthropic.claude-3-sonnet-20240229-v1:0:200k").isContextVariant()).isTrue();
		assertThat(model("amazon.titan-embed-text-v1:2:8k").isContextVariant()).isTrue();
		assertThat(model("amazon.nova-premier-v1:0:mm").isContextVariant()).isTrue();
		assertThat(model("anthropic.claude-v2:1").isContextVariant()).isFalse();
		assertThat(model("amazon.nova-pro-v1:0").isContextVariant()).isFalse();
		assertThat(model("meta.llama3-8b-instruct-v1:k").isContextVariant()).isFalse();
		assertThat(model("amazon.titan-tg1-large").isContextVariant()).isFalse();
	}

	@Property(tries = 2000)
	void agreesWithTheRegularExpression(@ForAll("ids") String id) {
		assertThat(model(id).isContextVariant()).as(id).isEqualTo(VARIANT.matcher(id).matches());
	}

	@Provide
	Arbitrary<String> ids() {
		// short strings over the characters that matter, so that most endings occur
		return Arbitraries.strings().withChars("a1:km0.-").ofMinLength(1).ofMaxLength(8);
	}

	private static ModelInfo model(String id) {
		return new ModelInfo(id, "p", id, List.of(), List.of(), List.of(), false, true, List.of("TEXT"),
				List.of("TEXT"));
	}

}
