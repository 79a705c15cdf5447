package io.bedrockbinding.identifier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModelIdsTests {

	private static final String SHAPE = "model ID must look like provider.name[-version][:N] (e.g. amazon.nova-pro-v1:0)";

	@ParameterizedTest
	@ValueSource(strings = { "amazon.titan-tg1-large", "cohere.embed-v4:0",
			"anthropic.claude-3-sonnet-20240229-v1:0:200k", "amazon.nova-pro-v1:0", "ai21.jamba-1-5-large-v1:0",
			"meta.llama3-2-90b-instruct-v1:0", "stability.sd3-5-large-v1:0", "openai.gpt-oss-120b-1:0", "zai.glm-4.7",
			"zai.glm-4.7-flash", "deepseek.v3.2" })
	void validModelIds(String modelId) {
		assertThat(ModelIds.isModelId(modelId)).isTrue();
		assertThat(ModelIds.isSystemProfileId(modelId)).isFalse();
		assertThat(ModelIds.requireModelId(modelId)).isSameAs(modelId);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "amazon", "amazon.", ".nova", "Amazon.nova-pro-v1:0", "amazon.nova-pro-v1:0:1:2",
			"amazon.nova-pro-v1:", "amazon.nova pro", "amazon.-nova", "-amazon.nova", "amazon.nova/pro",
			"amazon.nova{x}", "amazon.nova-pro-v1:0\n" })
	void notModelIds(String text) {
		assertThat(ModelIds.isModelId(text)).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "us.amazon.nova-pro-v1:0", "eu.amazon.nova-pro-v1:0", "apac.amazon.nova-pro-v1:0",
			"jp.anthropic.claude-sonnet-4-5-20250929-v1:0", "au.anthropic.claude-sonnet-4-5-20250929-v1:0",
			"us-gov.anthropic.claude-3-haiku-20240307-v1:0", "global.anthropic.claude-sonnet-4-20250514-v1:0",
			"ca.amazon.nova-lite-v1:0", "us.zai.glm-4.7", "us.amazon.titan-tg1-large" })
	void systemProfileIds(String text) {
		assertThat(ModelIds.isSystemProfileId(text)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "amazon.nova-pro-v1:0", "zai.glm-4.7", "u.amazon.nova-pro-v1:0",
			"abcdefg.amazon.nova-pro-v1:0", "US.amazon.nova-pro-v1:0", "us1.amazon.nova-pro-v1:0",
			"us-gov-x.amazon.nova-pro-v1:0", "us.", "us", "", ".amazon.nova-pro-v1:0", "us.amazon" })
	void notSystemProfileIds(String text) {
		assertThat(ModelIds.isSystemProfileId(text)).isFalse();
	}

	@Test
	void emptyModelId() {
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> ModelIds.requireModelId(""))
			.withMessage("model ID is empty in ''");
	}

	@Test
	void tooLongModelId() {
		String text = "amazon." + "a".repeat(3000);
		assertThat(ModelIds.isModelId(text)).isFalse();
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> ModelIds.requireModelId(text))
			.withMessage("model ID is 3007 characters long, at most 2048 are allowed in '" + text.substring(0, 200)
					+ "... (3007 characters)'");
	}

	@Test
	void modelIdOfMaxLengthIsAccepted() {
		String text = "amazon." + "a".repeat(2048 - 7);
		assertThat(ModelIds.isModelId(text)).isTrue();
		assertThat(ModelIds.requireModelId(text)).isEqualTo(text);
		assertThat(ModelIds.isModelId(text + "a")).isFalse();
	}

	@ParameterizedTest
	@CsvSource({ "Amazon.Nova-Pro-v1:0, amazon.nova-pro-v1:0", "AMAZON.NOVA-PRO-V1:0, amazon.nova-pro-v1:0",
			"Anthropic.claude-haiku-4-5-20251001-v1:0, anthropic.claude-haiku-4-5-20251001-v1:0" })
	void upperCaseModelIdIsToldTheLowerCaseOne(String text, String lowerCase) {
		assertThat(ModelIds.lowerCased(text)).isEqualTo(lowerCase);
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> ModelIds.requireModelId(text))
			.withMessage("Bedrock model IDs are lower case: use " + lowerCase + " in '" + text + "'");
	}

	@ParameterizedTest
	@CsvSource({ "US.Amazon.Nova-Pro-v1:0, us.amazon.nova-pro-v1:0, profile",
			"Amazon.Nova-Pro-v1:0, amazon.nova-pro-v1:0, model",
			"us.Amazon.Nova-Pro-v1:0, us.amazon.nova-pro-v1:0, profile" })
	void upperCaseTargetIsToldTheLowerCaseOne(String text, String lowerCase, String kind) {
		assertThat(ModelIds.lowerCasedTarget(text)).isEqualTo(lowerCase);
		assertThat(ModelIds.lowerCaseAdvice(lowerCase))
			.isEqualTo("Bedrock " + kind + " IDs are lower case: use " + lowerCase);
	}

	@ParameterizedTest
	@ValueSource(strings = { "us.amazon.nova-pro-v1:0", "US.Amazon.Nova Pro", "arn:aws:bedrock:US-east-1", "" })
	void noLowerCaseTargetForTextThatIsLowerCaseOrNoIdInLowerCase(String text) {
		assertThat(ModelIds.lowerCasedTarget(text)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "amazon.nova-pro-v1:0", "Amazon.nova pro", "US.amazon.nova-pro-v1:0", "" })
	void noLowerCaseModelIdForTextThatIsLowerCaseOrNoModelIdInLowerCase(String text) {
		assertThat(ModelIds.lowerCased(text)).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "amazon", "Amazon.nova pro", "amazon.nova pro", "amazon.nova-pro-v1:0:1:2",
			"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0", "amazon.nova-pro-v1:0=us.x" })
	void badCharactersOrShape(String text) {
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> ModelIds.requireModelId(text))
			.withMessage(SHAPE + " in '" + text + "'")
			.satisfies((ex) -> assertThat(ex.input()).isEqualTo(text));
	}

	@Test
	void longBadModelIdIsAbbreviated() {
		String text = "A".repeat(2000);
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> ModelIds.requireModelId(text))
			.withMessage(SHAPE + " in '" + "A".repeat(200) + "... (2000 characters)'");
	}

	@ParameterizedTest
	@CsvSource({ "us, amazon.nova-pro-v1:0", "eu, cohere.embed-v4:0", "us-gov, anthropic.claude-3-haiku-20240307-v1:0",
			"global, anthropic.claude-sonnet-4-20250514-v1:0", "apac, amazon.titan-tg1-large" })
	void profileIdUsedAsKey(String geo, String modelId) {
		String text = geo + "." + modelId;
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> ModelIds.requireModelId(text))
			.withMessage("'" + geo + "' is a geo profile prefix: the key must be the model ID (" + modelId
					+ "), the profile belongs on the right of '=' in '" + text + "'")
			.satisfies((ex) -> assertThat(ex.input()).isEqualTo(text));
	}

	@Test
	void abbreviateKeepsShortText() {
		String text = "x".repeat(200);
		assertThat(ModelIds.abbreviate(text)).isSameAs(text);
		assertThat(ModelIds.abbreviate("x".repeat(201))).isEqualTo("x".repeat(200) + "... (201 characters)");
	}

}
