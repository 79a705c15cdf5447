package io.bedrockbinding.identifier;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import io.bedrockbinding.SettingHints;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.catchThrowable;

class BindingTargetTests {

	private static final String NOVA = "amazon.nova-pro-v1:0";

	private static final String GENERIC = "target must be empty (direct), a model ID, a profile ID such as us.amazon.nova-pro-v1:0, or a Bedrock ARN";

	@ParameterizedTest
	@CsvSource({ "US.Amazon.Nova-Pro-v1:0, profile, us.amazon.nova-pro-v1:0",
			"Us.amazon.nova-pro-v1:0, profile, us.amazon.nova-pro-v1:0",
			"Amazon.Nova-Pro-v1:0, model, amazon.nova-pro-v1:0" })
	void aTargetInUpperCaseIsToldTheLowerCaseOne(String text, String kind, String lowerCase) {
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> BindingTarget.parse(NOVA, text))
			.withMessage("Bedrock " + kind + " IDs are lower case: use " + lowerCase + " in '" + text + "'");
	}

	// Properties (jqwik)

	@Property(tries = 500)
	void anyStringParsesToARoundTrippingTargetOrFailsWithInvalidTarget(@ForAll String text) {
		checkParseContract(text);
	}

	@Property(tries = 500)
	void targetLikeStringsParseToARoundTrippingTargetOrFailWithInvalidTarget(@ForAll("targetLike") String text) {
		boolean parsed = checkParseContract(text);
		Statistics.label("parsed").collect(parsed);
		Statistics.label("parsed").coverage((coverage) -> coverage.check(true).percentage((p) -> p > 5));
	}

	@Property(tries = 500)
	void parseWithModelIdNeverThrowsAnythingElse(@ForAll String text) {
		try {
			BindingTarget target = BindingTarget.parse(NOVA, text);
			assertThat(BindingTarget.parse(NOVA, target.value())).isEqualTo(target);
		}
		catch (InvalidTargetException ex) {
			assertThat(ex.getMessage()).doesNotContainPattern("\\p{Cntrl}");
		}
	}

	/** Returns whether {@code text} parsed. */
	private static boolean checkParseContract(String text) {
		BindingTarget target;
		try {
			target = BindingTarget.parse(text);
		}
		catch (InvalidTargetException ex) {
			assertThat(ex.getMessage()).isNotBlank().hasSizeLessThan(3 * ModelIds.MAX_LENGTH + 500);
			return false;
		}
		assertThat(target.value()).isEqualTo(text);
		assertThat(BindingTarget.parse(target.value())).isEqualTo(target);
		assertThat(target.kind().isArn()).isEqualTo(target instanceof BindingTarget.Arn);
		return true;
	}

	@Provide
	Arbitrary<String> targetLike() {
		Arbitrary<String> prefix = Arbitraries.of("", "arn:", "arn:aws:bedrock:", "arn:aws:bedrock:us-east-1:",
				"arn:aws:bedrock:us-east-1:111122223333:", "arn:aws:bedrock:us-east-1::foundation-model/",
				"arn:aws:bedrock:us-east-1:111122223333:inference-profile/", "us.", "amazon.", "us.amazon.");
		Arbitrary<String> body = Arbitraries.strings()
			.withChars("abcdefghijklmnopqrstuvwxyz0123456789.:-/{}_A \u0000")
			.ofMaxLength(30);
		Arbitrary<String> model = Arbitraries.of("amazon.nova-pro-v1:0", "cohere.embed-v4:0", "amazon.titan-tg1-large",
				"anthropic.claude-3-sonnet-20240229-v1:0:200k", "zai.glm-4.7");
		return Arbitraries.oneOf(prefix.flatMap((p) -> body.map((b) -> p + b)),
				prefix.flatMap((p) -> model.map((m) -> p + m)));
	}

	@Nested
	class Direct {

		@ParameterizedTest
		@ValueSource(strings = { "", " ", "   ", "\t", " \t \r\n", "\u2003" })
		void emptyOrBlankTargetIsTheDirectModel(String text) {
			BindingTarget target = BindingTarget.parse(NOVA, text);
			assertThat(target).isEqualTo(new BindingTarget.Direct(NOVA));
			assertThat(target.kind()).isEqualTo(TargetKind.DIRECT);
			assertThat(target.value()).isEqualTo(NOVA);
			assertThat(target.region()).isEmpty();
			assertThat(target.hasTemplate()).isFalse();
		}

		@Test
		void emptyTargetTakesTheModelIdOfItsKey() {
			assertThat(BindingTarget.parse("cohere.embed-v4:0", "").value()).isEqualTo("cohere.embed-v4:0");
		}

		@ParameterizedTest
		@ValueSource(strings = { "amazon.titan-tg1-large", "cohere.embed-v4:0",
				"anthropic.claude-3-sonnet-20240229-v1:0:200k", NOVA, "ai21.jamba-1-5-large-v1:0",
				"meta.llama3-2-90b-instruct-v1:0", "amazon.titan-embed-text-v2:0", "zai.glm-4.7", "zai.glm-4.7-flash" })
		void modelIdItselfIsDirect(String modelId) {
			BindingTarget target = BindingTarget.parse(modelId, modelId);
			assertThat(target).isEqualTo(new BindingTarget.Direct(modelId));
			assertThat(target.kind()).isEqualTo(TargetKind.DIRECT);
			assertThat(target.value()).isEqualTo(modelId);
			assertThat(target.toString()).isEqualTo(modelId);
			assertThat(BindingTarget.parse(target.value())).isEqualTo(target);
		}

		@Test
		void surroundingWhitespaceIsTrimmed() {
			assertThat(BindingTarget.parse(NOVA, "  us.amazon.nova-pro-v1:0\t"))
				.isEqualTo(new BindingTarget.SystemProfile("us", NOVA));
		}

		@Test
		void directValidatesTheModelId() {
			assertThat(BindingTarget.direct(NOVA)).isEqualTo(new BindingTarget.Direct(NOVA));
			assertThatExceptionOfType(InvalidTargetException.class)
				.isThrownBy(() -> BindingTarget.direct("us.amazon.nova-pro-v1:0"))
				.withMessageContaining("the key must be the model ID (amazon.nova-pro-v1:0)");
		}

		@Test
		void directIsNeverTemplatedAndResolvesToItself() {
			BindingTarget target = BindingTarget.parse(NOVA);
			assertThat(target.resolve(TemplateValues.none())).isSameAs(target);
		}

	}

	@Nested
	class SystemProfiles {

		@ParameterizedTest
		@CsvSource({ "us, amazon.nova-pro-v1:0", "eu, amazon.nova-pro-v1:0", "apac, amazon.nova-pro-v1:0",
				"jp, anthropic.claude-sonnet-4-5-20250929-v1:0", "au, anthropic.claude-sonnet-4-5-20250929-v1:0",
				"us-gov, anthropic.claude-3-haiku-20240307-v1:0", "global, anthropic.claude-sonnet-4-20250514-v1:0",
				"us, amazon.titan-tg1-large", "eu, cohere.embed-v4:0",
				"us, anthropic.claude-3-sonnet-20240229-v1:0:200k", "us, zai.glm-4.7" })
		void geoPrefixedModelIdIsSystemProfile(String geo, String modelId) {
			String text = geo + "." + modelId;
			BindingTarget target = BindingTarget.parse(modelId, text);
			assertThat(target).isEqualTo(new BindingTarget.SystemProfile(geo, modelId));
			assertThat(target.kind()).isEqualTo(TargetKind.SYSTEM_PROFILE);
			assertThat(target.kind().isArn()).isFalse();
			assertThat(target.value()).isEqualTo(text);
			assertThat(target.toString()).isEqualTo(text);
			assertThat(target.region()).isEmpty();
			assertThat(target.hasTemplate()).isFalse();
			assertThat(target.resolve(TemplateValues.none())).isSameAs(target);
			assertThat(BindingTarget.parse(target.value())).isEqualTo(target);
		}

		@Test
		void providerPrefixOfSixLettersIsNotAGeo() {
			// "amazon" has the shape of a geo prefix, but "nova-pro-v1:0" is no model ID
			BindingTarget target = BindingTarget.parse(NOVA);
			assertThat(target).isInstanceOf(BindingTarget.Direct.class);
			assertThat(target.kind()).isEqualTo(TargetKind.DIRECT);
		}

	}

	@Nested
	class Arns {

		@ParameterizedTest
		@CsvSource({
				"arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.deepseek.r1-v1:0, PROFILE_ARN, us-east-2",
				"arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/a1b2c3d4e5f6, APPLICATION_PROFILE_ARN, eu-west-1",
				"arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abcdefghij12, PROVISIONED_MODEL_ARN, us-east-1",
				"arn:aws:bedrock:us-west-2:111122223333:custom-model/amazon.titan-text-express-v1:0:8k/abcdefghijkl, CUSTOM_MODEL_ARN, us-west-2",
				"arn:aws:bedrock:ap-northeast-1:111122223333:imported-model/0123456789ab, IMPORTED_MODEL_ARN, ap-northeast-1",
				"arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0, FOUNDATION_MODEL_ARN, us-east-1",
				"arn:aws-us-gov:bedrock:us-gov-west-1:111122223333:inference-profile/us-gov.anthropic.claude-3-haiku-20240307-v1:0, PROFILE_ARN, us-gov-west-1",
				"arn:aws-cn:bedrock:cn-north-1:111122223333:provisioned-model/abcdefghij12, PROVISIONED_MODEL_ARN, cn-north-1",
				"arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/anthropic.claude:1, PROMPT_ROUTER_ARN, us-east-1",
				"arn:aws:bedrock:eu-west-1:111122223333:prompt-router/a1b2c3d4e5f6, PROMPT_ROUTER_ARN, eu-west-1" })
		void everyArnKind(String text, TargetKind kind, String region) {
			BindingTarget target = BindingTarget.parse(NOVA, text);
			assertThat(target).isInstanceOf(BindingTarget.Arn.class);
			assertThat(target.kind()).isEqualTo(kind);
			assertThat(target.kind().isArn()).isTrue();
			assertThat(target.region()).contains(region);
			assertThat(target.value()).isEqualTo(text);
			assertThat(target.toString()).isEqualTo(text);
			assertThat(target.hasTemplate()).isFalse();
			assertThat(target.resolve(TemplateValues.none())).isSameAs(target);
			assertThat(BindingTarget.parse(target.value())).isEqualTo(target);
		}

		@Test
		void arnTargetHoldsTheParsedArn() {
			BindingTarget target = BindingTarget.parse(
					"arn:aws:bedrock:us-west-2:111122223333:custom-model/amazon.titan-text-express-v1:0:8k/abcdefghijkl");
			assertThat(((BindingTarget.Arn) target).arn()).isEqualTo(new BedrockArn("aws", "us-west-2", "111122223333",
					"custom-model", "amazon.titan-text-express-v1:0:8k/abcdefghijkl"));
		}

	}

	@Nested
	class PromptRouters {

		@Test
		void routerArnKeepsItsResourceTypeAndId() {
			BindingTarget target = BindingTarget
				.parse("arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/meta.llama:1");
			assertThat(((BindingTarget.Arn) target).arn()).isEqualTo(new BedrockArn("aws", "us-east-1", "111122223333",
					BedrockArn.DEFAULT_PROMPT_ROUTER, "meta.llama:1"));
		}

		@Test
		void routerArnTakesTemplates() {
			BindingTarget target = BindingTarget.parse("arn:aws:bedrock:{region}:{account}:prompt-router/a1b2c3d4e5f6");
			assertThat(target.kind()).isEqualTo(TargetKind.PROMPT_ROUTER_ARN);
			assertThat(target.hasTemplate()).isTrue();
			assertThat(target.resolve(TemplateValues.of("111122223333", "eu-west-3")).value())
				.isEqualTo("arn:aws:bedrock:eu-west-3:111122223333:prompt-router/a1b2c3d4e5f6");
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', value = {
				"arn:aws:bedrock:us-east-1:111122223333:default-prompt-router/|prompt-router ID must be a-z, A-Z, 0-9, '-', ':' and '.', got ''",
				"arn:aws:bedrock:us-east-1:111122223333:prompt-router/my router|prompt-router ID must be a-z, A-Z, 0-9, '-', ':' and '.', got 'my router'",
				"arn:aws:bedrock:us-east-1:1111:default-prompt-router/anthropic.claude:1|account must be 12 digits, got '1111'",
				"arn:aws:bedrock:us-east-1::prompt-router/a1b2c3d4e5f6|account must be 12 digits, got ''" })
		void invalidRouterArnsNameTheirFault(String text, String message) {
			Throwable thrown = catchThrowable(() -> BindingTarget.parse(NOVA, text));
			assertThat(thrown).isExactlyInstanceOf(InvalidTargetException.class).hasMessageContaining(message);
		}

	}

	@Nested
	class Kinds {

		@ParameterizedTest
		@EnumSource(value = TargetKind.class, names = { "DIRECT", "SYSTEM_PROFILE" })
		void idKindsAreNotArns(TargetKind kind) {
			assertThat(kind.isArn()).isFalse();
		}

		@ParameterizedTest
		@EnumSource(value = TargetKind.class, names = { "DIRECT", "SYSTEM_PROFILE" }, mode = EnumSource.Mode.EXCLUDE)
		void everyOtherKindIsAnArn(TargetKind kind) {
			assertThat(kind.isArn()).isTrue();
		}

	}

	@Nested
	class Errors {

		private InvalidTargetException invalid(String text) {
			Throwable thrown = catchThrowable(() -> BindingTarget.parse(NOVA, text));
			assertThat(thrown).isExactlyInstanceOf(InvalidTargetException.class);
			return (InvalidTargetException) thrown;
		}

		@ParameterizedTest
		@ValueSource(strings = { "5213690049", "52136900491", "5213690049123", "52136900491a", "abcdefghijkl",
				"5213-6900-49", "" })
		void accountMustBeTwelveDigits(String account) {
			String text = "arn:aws:bedrock:us-east-1:" + account + ":inference-profile/us.amazon.nova-pro-v1:0";
			InvalidTargetException ex = invalid(text);
			assertThat(ex).hasMessage("account must be 12 digits, got '" + account + "' in '" + text + "'");
			assertThat(ex.input()).isEqualTo(text);
			assertThat(ex.reason()).isEqualTo("account must be 12 digits, got '" + account + "'");
		}

		@Test
		void tenDigitAccountMessageQuotesTheWholeInputAtTheEnd() {
			assertThat(invalid("arn:aws:bedrock:us-east-1:5213690049:inference-profile/us.amazon.nova-pro-v1:0"))
				.hasMessage("account must be 12 digits, got '5213690049' in "
						+ "'arn:aws:bedrock:us-east-1:5213690049:inference-profile/us.amazon.nova-pro-v1:0'");
		}

		@Test
		void unknownPartition() {
			String text = "arn:aws-xx:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0";
			assertThat(invalid(text))
				.hasMessage("partition must be one of aws, aws-cn, aws-us-gov, aws-iso, aws-iso-b, got 'aws-xx' in '"
						+ text + "'");
		}

		@Test
		void serviceMustBeBedrock() {
			String text = "arn:aws:s3:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0";
			assertThat(invalid(text)).hasMessage("service must be 'bedrock', got 's3' in '" + text + "'");
		}

		@ParameterizedTest
		@ValueSource(strings = { "US-EAST-1", "us-east-1-and-much-longer", "us_east_1", "" })
		void badRegion(String region) {
			String text = "arn:aws:bedrock:" + region + ":111122223333:inference-profile/us.amazon.nova-pro-v1:0";
			assertThat(invalid(text))
				.hasMessage("region must be 1 to 20 of a-z, 0-9 and '-' (e.g. us-east-1) or {region}, got '" + region
						+ "' in '" + text + "'");
		}

		@Test
		void unknownResourceType() {
			String text = "arn:aws:bedrock:us-east-1:111122223333:agent/ABCDEFGHIJ";
			assertThat(invalid(text)).hasMessage("resource type must be one of application-inference-profile, "
					+ "custom-model, default-prompt-router, foundation-model, imported-model, inference-profile, "
					+ "prompt-router, provisioned-model, got 'agent' in '" + text + "'");
		}

		@ParameterizedTest
		@ValueSource(strings = { "inference-profile", "/us.amazon.nova-pro-v1:0", "" })
		void resourceWithoutTypeSlashId(String resource) {
			String text = "arn:aws:bedrock:us-east-1:111122223333:" + resource;
			assertThat(invalid(text))
				.hasMessage("resource must be type/id (e.g. inference-profile/us.amazon.nova-pro-v1:0), got '"
						+ resource + "' in '" + text + "'");
		}

		@ParameterizedTest
		@ValueSource(
				strings = { "arn:", "arn:aws", "arn:aws:bedrock:us-east-1", "arn:aws:bedrock:us-east-1:111122223333" })
		void tooFewParts(String text) {
			assertThat(invalid(text))
				.hasMessage("an ARN needs six ':'-separated parts, arn:partition:bedrock:region:account:type/id in '"
						+ text + "'");
		}

		@Test
		void foundationModelWithAccount() {
			String text = "arn:aws:bedrock:us-east-1:111122223333:foundation-model/amazon.nova-pro-v1:0";
			assertThat(invalid(text)).hasMessage("a foundation-model ARN has an empty account "
					+ "(arn:aws:bedrock:REGION::foundation-model/ID), got '111122223333' in '" + text + "'");
		}

		@ParameterizedTest
		@CsvSource({ "provisioned-model, abcdefghijk", "provisioned-model, abcdefghijklm",
				"provisioned-model, ABCDEFGHIJKL", "provisioned-model, abcdef-hijkl", "imported-model, abcdefghijk",
				"imported-model, ABCDEFGHIJ12", "imported-model, ''" })
		void provisionedAndImportedIdsAreTwelveLowercaseAlnum(String type, String id) {
			String text = "arn:aws:bedrock:us-east-1:111122223333:" + type + "/" + id;
			assertThat(invalid(text))
				.hasMessage(type + " ID must be 12 characters of a-z and 0-9, got '" + id + "' in '" + text + "'");
		}

		@ParameterizedTest
		@ValueSource(strings = { "abcdefghijk", "ABCDEFGHIJKL", "", "abcdefghijklm" })
		void customModelNeedsTwelveAlnumAfterTheBaseModel(String suffix) {
			String id = "amazon.titan-text-express-v1:0:8k/" + suffix;
			String text = "arn:aws:bedrock:us-east-1:111122223333:custom-model/" + id;
			assertThat(invalid(text)).hasMessage(
					"custom-model ID must be 12 characters of a-z and 0-9, got '" + suffix + "' in '" + text + "'");
		}

		@ParameterizedTest
		@ValueSource(strings = { "abcdefghijkl", "/abcdefghijkl", "not a model/abcdefghijkl",
				"amazon.titan-text-express-v1:0:8k/abc/abcdefghijkl" })
		void customModelNeedsABaseModelId(String id) {
			String text = "arn:aws:bedrock:us-east-1:111122223333:custom-model/" + id;
			assertThat(invalid(text)).hasMessage("custom-model ID must be <base model ID>/<12 characters a-z0-9>, got '"
					+ id + "' in '" + text + "'");
		}

		@ParameterizedTest
		@ValueSource(strings = { "a234567890123456789012345678901234567890123456789012345678901234X", "abc def",
				"abc/def", "abc_def", "", "abc{account}" })
		void applicationProfileIdIsUpToSixtyFourOfTheAllowedCharacters(String id) {
			String text = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/" + id;
			assertThat(invalid(text)).hasMessage("application-inference-profile ID must be 1 to 64 of a-z, A-Z, 0-9, "
					+ "'-', ':' and '.', got '" + id + "' in '" + text + "'");
		}

		@Test
		void applicationProfileIdOfSixtyFourIsAccepted() {
			String id = "a".repeat(60) + "-:.Z";
			assertThat(BindingTarget.parse("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/" + id)
				.kind()).isEqualTo(TargetKind.APPLICATION_PROFILE_ARN);
		}

		@ParameterizedTest
		@ValueSource(strings = { "amazon.nova-pro-v1:0", "us", "us.", "US.amazon.nova-pro-v1:0",
				"abcdefg.amazon.nova-pro-v1:0", "us.amazon", "" })
		void inferenceProfileIdMustBeGeoAndModelId(String id) {
			String text = "arn:aws:bedrock:us-east-1:111122223333:inference-profile/" + id;
			assertThat(invalid(text))
				.hasMessage("inference-profile ID must be a system profile ID such as us.amazon.nova-pro-v1:0, got '"
						+ id + "' in '" + text + "'");
		}

		@Test
		void foundationModelIdMustBeAModelId() {
			String text = "arn:aws:bedrock:us-east-1::foundation-model/nova-pro";
			assertThat(invalid(text))
				.hasMessage("foundation-model ID must be a model ID such as amazon.nova-pro-v1:0, got 'nova-pro' in '"
						+ text + "'");
		}

		@Test
		void megabyteTargetGivesAnAbbreviatedMessage() {
			String text = "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us." + "a".repeat(1024 * 1024);
			InvalidTargetException ex = invalid(text);
			assertThat(ex.getMessage()).hasSizeLessThan(500)
				.isEqualTo("target is " + text.length() + " characters long, at most 2048 are allowed in '"
						+ text.substring(0, 200) + "... (" + text.length() + " characters)'");
		}

		@Test
		void megabyteOfGarbageGivesAnAbbreviatedMessage() {
			String text = "x".repeat(1024 * 1024);
			assertThat(invalid(text).getMessage()).hasSizeLessThan(500).endsWith("... (1048576 characters)'");
		}

		@Test
		void targetOfExactlyMaxLengthIsParsed() {
			String text = "amazon." + "a".repeat(2048 - "amazon.".length());
			assertThat(BindingTarget.parse(text).value()).isEqualTo(text);
			assertThat(invalid(text + "a").reason())
				.isEqualTo("target is 2049 characters long, at most 2048 are allowed");
		}

		@ParameterizedTest
		@CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
				us.amazon nova-pro-v1:0   | a target holds no spaces: a failover chain separates its targets with commas
				amazon.nova pro-v1:0      | a target holds no spaces: a failover chain separates its targets with commas
				amazon .nova-pro-v1:0     | a target holds no spaces: a failover chain separates its targets with commas
				us.amazon.nova-pro-v1:0=x | a target holds no '=': a line binds one model, the one left of its first '='
				""")
		void aSpaceOrASecondEqualsSignIsNamed(String text, String hint) {
			assertThat(invalid(text)).hasMessage(GENERIC + " (" + hint + ") in '" + text + "'");
		}

		@Test
		void spaceInsideAnArn() {
			String text = "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova pro-v1:0";
			assertThat(invalid(text)).hasMessage("inference-profile ID must be a system profile ID such as "
					+ "us.amazon.nova-pro-v1:0, got 'us.amazon.nova pro-v1:0' in '" + text + "'");
		}

		@ParameterizedTest
		@ValueSource(strings = { "amazon.nova\u0000-pro-v1:0", "\u001b[31mamazon.nova-pro-v1:0", "us.amazon\u0007.nova",
				"amazon.nova-pro-v1:0\u0085x", "\u00ff\u00fe\u0000\u0001garbage\u007f", "amazon.nova\rINFO forged" })
		void controlCharactersAreEscapedInTheMessage(String text) {
			InvalidTargetException ex = invalid(text);
			assertThat(ex.input()).isEqualTo(text);
			assertThat(ex.getMessage()).doesNotContainPattern("\\p{Cntrl}").doesNotContain("\u0085");
			assertThat(ex.getMessage()).startsWith(GENERIC).endsWith(" in '" + escape(text) + "'");
		}

		@Test
		void controlCharacterInAnArnPartIsEscapedToo() {
			String text = "arn:aws:bedrock:us-east-1\n2026-01-01 INFO forged:111122223333:inference-profile/us.amazon.nova-pro-v1:0";
			InvalidTargetException ex = invalid(text);
			assertThat(ex.getMessage()).doesNotContain("\n")
				.startsWith("region must be 1 to 20 of a-z, 0-9 and '-' (e.g. us-east-1) or {region}, got "
						+ "'us-east-1\\u000a2026-01-01 INFO forged' in 'arn:aws:bedrock:us-east-1\\u000a2026");
		}

		@Test
		void binaryGarbage() {
			byte[] bytes = new byte[256];
			for (int i = 0; i < bytes.length; i++) {
				bytes[i] = (byte) (i * 37);
			}
			String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
			InvalidTargetException ex = invalid(text);
			assertThat(ex.getMessage()).doesNotContainPattern("\\p{Cntrl}").hasSizeLessThan(1000);
		}

		@ParameterizedTest
		@ValueSource(strings = { "{foo}", "{account}", "{region}", "us.{region}", "amazon.nova-pro-v1:0{region}",
				"{account}:inference-profile/us.amazon.nova-pro-v1:0" })
		void templatesOutsideAnArn(String text) {
			assertThat(invalid(text))
				.hasMessage("templates {account} and {region} are allowed only inside an ARN in '" + text + "'");
		}

		@Test
		void unknownTemplateInsideAnArnIsABadAccount() {
			String text = "arn:aws:bedrock:us-east-1:{foo}:inference-profile/us.amazon.nova-pro-v1:0";
			assertThat(invalid(text)).hasMessage("account must be 12 digits, got '{foo}' in '" + text + "'");
		}

		@Test
		void unknownTemplateInRegion() {
			String text = "arn:aws:bedrock:{foo}:111122223333:inference-profile/us.amazon.nova-pro-v1:0";
			assertThat(invalid(text))
				.hasMessage("region must be 1 to 20 of a-z, 0-9 and '-' (e.g. us-east-1) or {region}, got '{foo}' in '"
						+ text + "'");
		}

		@ParameterizedTest
		@ValueSource(strings = { "arn:aws:bedrock:us-east-1:{region}:inference-profile/us.amazon.nova-pro-v1:0",
				"arn:aws:bedrock:{account}:111122223333:inference-profile/us.amazon.nova-pro-v1:0",
				"arn:aws:bedrock:us-east-1::foundation-model/{region}.amazon.nova-pro-v1:0",
				"arn:aws:bedrock:us-east-1:{account}:foundation-model/amazon.nova-pro-v1:0",
				"arn:aws:bedrock:us-east-1:111122223333:inference-profile/{region}.amazon.nova-pro-v1:0" })
		void templatesOnlyInTheirOwnPlace(String text) {
			invalid(text);
		}

		@ParameterizedTest
		@ValueSource(strings = { "amazon", "amazon.", ".nova", "amazon.nova-pro-v1:0:1:2", "amazon.nova-pro-v1::0",
				"ARN:aws:bedrock:us-east-1:111122223333:provisioned-model/abcdefghij12" })
		void notAModelIdProfileOrArn(String text) {
			assertThat(invalid(text)).hasMessage(GENERIC + " in '" + text + "'");
		}

		@Test
		void parseWithoutModelRejectsEmpty() {
			assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> BindingTarget.parse(""))
				.withMessage("target is empty in ''");
		}

		private static String escape(String text) {
			StringBuilder escaped = new StringBuilder();
			for (char c : text.toCharArray()) {
				escaped.append(Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c));
			}
			return escaped.toString();
		}

	}

	@Nested
	class Templates {

		private static final String ACCOUNT_TEMPLATE = "arn:aws:bedrock:us-east-2:{account}:inference-profile/us.deepseek.r1-v1:0";

		private static final String REGION_TEMPLATE = "arn:aws:bedrock:{region}:111122223333:provisioned-model/abcdefghij12";

		private static final String BOTH = "arn:aws:bedrock:{region}:{account}:application-inference-profile/a1b2c3d4e5f6";

		@Test
		void accountTemplateIsAccepted() {
			BindingTarget target = BindingTarget.parse(ACCOUNT_TEMPLATE);
			assertThat(target.kind()).isEqualTo(TargetKind.PROFILE_ARN);
			assertThat(target.hasTemplate()).isTrue();
			assertThat(target.region()).contains("us-east-2");
			assertThat(target.value()).isEqualTo(ACCOUNT_TEMPLATE);
		}

		@Test
		void regionTemplateIsAcceptedAndHasNoRegion() {
			BindingTarget target = BindingTarget.parse(REGION_TEMPLATE);
			assertThat(target.kind()).isEqualTo(TargetKind.PROVISIONED_MODEL_ARN);
			assertThat(target.hasTemplate()).isTrue();
			assertThat(target.region()).isEmpty();
			assertThat(target.value()).isEqualTo(REGION_TEMPLATE);
		}

		@Test
		void foundationModelArnWithRegionTemplate() {
			BindingTarget target = BindingTarget
				.parse("arn:aws:bedrock:{region}::foundation-model/amazon.nova-pro-v1:0");
			assertThat(target.hasTemplate()).isTrue();
			assertThat(target.resolve(TemplateValues.of(null, "eu-west-1")).value())
				.isEqualTo("arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-pro-v1:0");
		}

		@Test
		void resolveFillsBoth() {
			BindingTarget resolved = BindingTarget.parse(BOTH)
				.resolve(TemplateValues.of("444455556666", "eu-central-1"));
			assertThat(resolved).isEqualTo(BindingTarget
				.parse("arn:aws:bedrock:eu-central-1:444455556666:application-inference-profile/a1b2c3d4e5f6"));
			assertThat(resolved).isInstanceOf(BindingTarget.Arn.class);
			assertThat(resolved.hasTemplate()).isFalse();
			assertThat(resolved.region()).contains("eu-central-1");
			assertThat(resolved.kind()).isEqualTo(TargetKind.APPLICATION_PROFILE_ARN);
		}

		@Test
		void resolveFillsAccountOnly() {
			BindingTarget resolved = BindingTarget.parse(ACCOUNT_TEMPLATE)
				.resolve(TemplateValues.of("444455556666", "eu-central-1"));
			assertThat(resolved.value())
				.isEqualTo("arn:aws:bedrock:us-east-2:444455556666:inference-profile/us.deepseek.r1-v1:0");
			assertThat(resolved.hasTemplate()).isFalse();
		}

		@Test
		void resolveFillsRegionOnly() {
			BindingTarget resolved = BindingTarget.parse(REGION_TEMPLATE).resolve(TemplateValues.of(null, "us-west-2"));
			assertThat(resolved.value())
				.isEqualTo("arn:aws:bedrock:us-west-2:111122223333:provisioned-model/abcdefghij12");
			assertThat(resolved.region()).contains("us-west-2");
		}

		@Test
		void missingAccount() {
			BindingTarget target = BindingTarget.parse(ACCOUNT_TEMPLATE);
			assertThatExceptionOfType(UnresolvedTemplateException.class)
				.isThrownBy(() -> target.resolve(TemplateValues.of(null, "us-east-1")))
				.withMessage("Target '" + ACCOUNT_TEMPLATE + "' uses {account} but no value is known: "
						+ "set the account ID (AccountResolver.of(...)) (12 digits, or 'auto' to ask STS)")
				.satisfies((ex) -> assertThat(ex.placeholder()).isEqualTo("{account}"));
		}

		@Test
		void missingValuesNameTheSettingsOfTheLayerThatConfiguredIt() {
			SettingHints hints = new SettingHints("app.region", "app.account-id", "e", "f", "q", "m");
			assertThatExceptionOfType(UnresolvedTemplateException.class)
				.isThrownBy(() -> BindingTarget.parse(ACCOUNT_TEMPLATE)
					.resolve(new TemplateValues(() -> null, "us-east-1", hints)))
				.withMessageEndingWith("set app.account-id (12 digits, or 'auto' to ask STS)");
			assertThatExceptionOfType(UnresolvedTemplateException.class)
				.isThrownBy(
						() -> BindingTarget.parse(REGION_TEMPLATE).resolve(new TemplateValues(() -> null, null, hints)))
				.withMessageEndingWith("set app.region (or the pipe's region)");
		}

		@Test
		void missingRegion() {
			BindingTarget target = BindingTarget.parse(REGION_TEMPLATE);
			assertThatExceptionOfType(UnresolvedTemplateException.class)
				.isThrownBy(() -> target.resolve(TemplateValues.none()))
				.withMessageContaining("{region}")
				.withMessageContaining("set AWS_REGION or the region of BindingRegistry.builder(...)")
				.withMessageContaining(REGION_TEMPLATE)
				.satisfies((ex) -> assertThat(ex.placeholder()).isEqualTo("{region}"));
		}

		@Test
		void missingRegionIsReportedBeforeTheAccountIsLookedUp() {
			AtomicInteger calls = new AtomicInteger();
			BindingTarget target = BindingTarget.parse(BOTH);
			assertThatExceptionOfType(UnresolvedTemplateException.class)
				.isThrownBy(() -> target.resolve(new TemplateValues(count(calls, "444455556666"), null)))
				.satisfies((ex) -> assertThat(ex.placeholder()).isEqualTo("{region}"));
			assertThat(calls).hasValue(0);
		}

		@ParameterizedTest
		@ValueSource(strings = { REGION_TEMPLATE,
				"arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abcdefghij12", "us.amazon.nova-pro-v1:0",
				"amazon.nova-pro-v1:0", "arn:aws:bedrock:{region}::foundation-model/amazon.nova-pro-v1:0" })
		void accountIsNotLookedUpWhenTheTargetHasNoAccountTemplate(String text) {
			Supplier<String> failing = () -> {
				throw new AssertionError("account looked up for " + text);
			};
			BindingTarget target = BindingTarget.parse(text);
			BindingTarget resolved = target.resolve(new TemplateValues(failing, "us-east-1"));
			assertThat(resolved.hasTemplate()).isFalse();
		}

		@Test
		void accountIsLookedUpOnceWhenNeeded() {
			AtomicInteger calls = new AtomicInteger();
			BindingTarget.parse(BOTH).resolve(new TemplateValues(count(calls, "444455556666"), "us-east-1"));
			assertThat(calls).hasValue(1);
		}

		@ParameterizedTest
		@ValueSource(strings = { "44445555666", "4444555566667", "abcdefghijkl", "4444:5555666", "" })
		void resolvingWithAnInvalidAccountFails(String account) {
			BindingTarget target = BindingTarget.parse(ACCOUNT_TEMPLATE);
			assertThatExceptionOfType(InvalidTargetException.class)
				.isThrownBy(() -> target.resolve(TemplateValues.of(account, "us-east-1")));
		}

		@Test
		void resolvingWithAnElevenDigitAccountNamesIt() {
			assertThatExceptionOfType(InvalidTargetException.class)
				.isThrownBy(() -> BindingTarget.parse(ACCOUNT_TEMPLATE).resolve(TemplateValues.of("44445555666", null)))
				.withMessage("account must be 12 digits, got '44445555666' in "
						+ "'arn:aws:bedrock:us-east-2:44445555666:inference-profile/us.deepseek.r1-v1:0'");
		}

		@ParameterizedTest
		@ValueSource(strings = { "US-EAST-1", "us-east-1:111122223333:provisioned-model/abcdefghij12#", "", "a b" })
		void resolvingWithAnInvalidRegionFails(String region) {
			BindingTarget target = BindingTarget.parse(REGION_TEMPLATE);
			assertThatExceptionOfType(InvalidTargetException.class)
				.isThrownBy(() -> target.resolve(TemplateValues.of("444455556666", region)));
		}

		@ParameterizedTest
		@ValueSource(strings = { "r:111122223333:custom-model/a.b", "us-east-1:111122223333:custom-model/amazon.nova" })
		void regionValueCannotRewriteTheArn(String region) {
			// without a check, the filled-in text re-parses as a valid custom-model ARN
			// in region 'r'
			BindingTarget target = BindingTarget.parse(REGION_TEMPLATE);
			assertThatExceptionOfType(InvalidTargetException.class)
				.isThrownBy(() -> target.resolve(TemplateValues.of("444455556666", region)));
		}

		@Test
		void accountValueCannotRewriteTheArn() {
			BindingTarget target = BindingTarget
				.parse("arn:aws:bedrock:us-east-1:{account}:provisioned-model/abcdefghij12");
			assertThatExceptionOfType(InvalidTargetException.class)
				.isThrownBy(() -> target.resolve(TemplateValues.of("111122223333:custom-model/a.b", "us-east-1")));
		}

		@Test
		void templateValuesThatAreTemplatesDoNotResolve() {
			BindingTarget target = BindingTarget.parse(BOTH);
			assertThatExceptionOfType(InvalidTargetException.class)
				.isThrownBy(() -> target.resolve(TemplateValues.of("{account}", "{region}")));
		}

		@Test
		void templateValuesNoneHasNothing() {
			assertThat(TemplateValues.none().account().get()).isNull();
			assertThat(TemplateValues.none().region()).isNull();
			assertThat(TemplateValues.of("444455556666", "us-east-1").account().get()).isEqualTo("444455556666");
			assertThat(TemplateValues.of("444455556666", "us-east-1").region()).isEqualTo("us-east-1");
		}

		private static Supplier<String> count(AtomicInteger calls, String account) {
			return () -> {
				calls.incrementAndGet();
				return account;
			};
		}

	}

}
