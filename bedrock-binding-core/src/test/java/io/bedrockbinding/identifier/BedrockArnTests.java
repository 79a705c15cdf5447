package io.bedrockbinding.identifier;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.regions.PartitionMetadata;
import software.amazon.awssdk.regions.Region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BedrockArnTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"arn:aws:bedrock:us-east-2:111122223333:inference-profile/us.amazon.nova-pro-v1:0|aws|us-east-2|111122223333|inference-profile|us.amazon.nova-pro-v1:0|PROFILE_ARN",
			"arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/a1b2c3d4e5f6|aws|eu-west-1|111122223333|application-inference-profile|a1b2c3d4e5f6|APPLICATION_PROFILE_ARN",
			"arn:aws-cn:bedrock:cn-north-1:111122223333:provisioned-model/abcdefghij12|aws-cn|cn-north-1|111122223333|provisioned-model|abcdefghij12|PROVISIONED_MODEL_ARN",
			"arn:aws-us-gov:bedrock:us-gov-west-1:111122223333:custom-model/amazon.titan-text-express-v1:0:8k/abcdefghijkl|aws-us-gov|us-gov-west-1|111122223333|custom-model|amazon.titan-text-express-v1:0:8k/abcdefghijkl|CUSTOM_MODEL_ARN",
			"arn:aws-iso:bedrock:us-iso-east-1:111122223333:imported-model/0123456789ab|aws-iso|us-iso-east-1|111122223333|imported-model|0123456789ab|IMPORTED_MODEL_ARN",
			"arn:aws-iso-b:bedrock:us-isob-east-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0|aws-iso-b|us-isob-east-1||foundation-model|anthropic.claude-sonnet-4-20250514-v1:0|FOUNDATION_MODEL_ARN",
			"arn:aws:bedrock:{region}:{account}:inference-profile/global.anthropic.claude-sonnet-4-20250514-v1:0|aws|{region}|{account}|inference-profile|global.anthropic.claude-sonnet-4-20250514-v1:0|PROFILE_ARN" })
	void parsesEveryPart(String text, String partition, String region, String account, String type, String id,
			TargetKind kind) {
		BedrockArn arn = BedrockArn.parse(text);
		assertThat(arn).isEqualTo(new BedrockArn(partition, region, (account != null) ? account : "", type, id));
		assertThat(arn.kind()).isEqualTo(kind);
		assertThat(arn.kind().isArn()).isTrue();
		assertThat(arn.toString()).isEqualTo(text);
	}

	@Test
	void hasTemplate() {
		assertThat(
				BedrockArn.parse("arn:aws:bedrock:{region}:111122223333:provisioned-model/abcdefghij12").hasTemplate())
			.isTrue();
		assertThat(BedrockArn.parse("arn:aws:bedrock:us-east-1:{account}:provisioned-model/abcdefghij12").hasTemplate())
			.isTrue();
		assertThat(
				BedrockArn.parse("arn:aws:bedrock:us-east-1:111122223333:provisioned-model/abcdefghij12").hasTemplate())
			.isFalse();
		assertThat(BedrockArn.parse("arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0").hasTemplate())
			.isFalse();
	}

	@Test
	void withRegionAndWithAccountReplaceOnlyThatPart() {
		BedrockArn arn = BedrockArn.parse("arn:aws:bedrock:{region}:{account}:imported-model/0123456789ab");
		assertThat(arn.withRegion("eu-west-3").toString())
			.isEqualTo("arn:aws:bedrock:eu-west-3:{account}:imported-model/0123456789ab");
		assertThat(arn.withAccount("111122223333").toString())
			.isEqualTo("arn:aws:bedrock:{region}:111122223333:imported-model/0123456789ab");
		assertThat(arn.withRegion("eu-west-3").withAccount("111122223333").hasTemplate()).isFalse();
		assertThat(arn).isEqualTo(BedrockArn.parse("arn:aws:bedrock:{region}:{account}:imported-model/0123456789ab"));
	}

	@Test
	void templateConstants() {
		assertThat(BedrockArn.ACCOUNT_TEMPLATE).isEqualTo("{account}");
		assertThat(BedrockArn.REGION_TEMPLATE).isEqualTo("{region}");
	}

	@ParameterizedTest
	@ValueSource(strings = { "us-east-1", "ap-southeast-7", "mx-central-1", "us-west-99", "eu-abcdefghijklm-1" })
	void regionIsOneToTwentyCharactersInItsPartitionsPattern(String region) {
		assertThat(
				BedrockArn.parse("arn:aws:bedrock:" + region + ":111122223333:provisioned-model/abcdefghij12").region())
			.isEqualTo(region);
	}

	@Test
	void twentyOneCharacterRegionIsRejected() {
		String text = "arn:aws:bedrock:123456789012345678901:111122223333:provisioned-model/abcdefghij12";
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> BedrockArn.parse(text))
			.withMessage("region must be 1 to 20 of a-z, 0-9 and '-' (e.g. us-east-1) or {region}, "
					+ "got '123456789012345678901' in '" + text + "'");
	}

	@Test
	void elevenDigitAccount() {
		String text = "arn:aws:bedrock:us-east-1:52136900491:provisioned-model/abcdefghij12";
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> BedrockArn.parse(text))
			.withMessage("account must be 12 digits, got '52136900491' in '" + text + "'")
			.satisfies((ex) -> {
				assertThat(ex.input()).isEqualTo(text);
				assertThat(ex.reason()).isEqualTo("account must be 12 digits, got '52136900491'");
			});
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "\u0661\u0662\u0663\u0664\u0665\u0666\u0667\u0668\u0669\u0660\u0661\u0662", "１１１１２２２２３３３３" })
	void nonAsciiDigitsAreNoAccount(String account) {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(
					() -> BedrockArn.parse("arn:aws:bedrock:us-east-1:" + account + ":provisioned-model/abcdefghij12"))
			.withMessageStartingWith("account must be 12 digits");
	}

	@Test
	void notAnArnAtAll() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> BedrockArn.parse("urn:aws:bedrock:us-east-1:111122223333:provisioned-model/abcdefghij12"))
			.withMessageStartingWith("an ARN needs six ':'-separated parts");
	}

	@Test
	void megabyteArnGivesAnAbbreviatedMessage() {
		String text = "arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/" + "a".repeat(1024 * 1024);
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> BedrockArn.parse(text))
			.satisfies((ex) -> assertThat(ex.getMessage()).hasSizeLessThan(500)
				.endsWith("... (" + text.length() + " characters)'"));
	}

	@Test
	void applicationProfileIdOfSixtyFiveIsRejected() {
		String id = "a".repeat(65);
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(
				() -> BedrockArn.parse("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/" + id))
			.withMessageContaining("got '" + id + "'");
		assertThat(BedrockArn
			.parse("arn:aws:bedrock:us-east-1:111122223333:application-inference-profile/" + id.substring(1))
			.resourceId()).hasSize(64);
	}

	// Regions and partitions (issue 12: made-up regions got an SDK client each)

	@ParameterizedTest
	@ValueSource(strings = { "a", "-", "12345678901234567890", "r7", "fake-12", "us-east", "useast1", "us-east-1-",
			"zz-east-1", "1-east-1" })
	void aRegionThatNoPartitionPatternAcceptsIsAnError(String region) {
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(
				() -> BedrockArn.parse("arn:aws:bedrock:" + region + ":111122223333:provisioned-model/abcdefghij12"))
			.withMessageStartingWith("region '" + region + "' is not an AWS region name of partition aws");
	}

	@ParameterizedTest
	@CsvSource({ "aws,cn-north-1", "aws-cn,us-east-1", "aws,us-gov-west-1", "aws-us-gov,us-isob-east-1",
			"aws-iso-b,us-iso-east-1" })
	void aRegionOfAnotherPartitionIsAnError(String partition, String region) {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> BedrockArn
				.parse("arn:" + partition + ":bedrock:" + region + ":111122223333:provisioned-model/abcdefghij12"))
			.withMessageContaining("region '" + region + "' is not an AWS region name of partition " + partition)
			.withMessageContaining("partition " + BedrockArn.partitionOf(region));
	}

	@Test
	void aWellFormedRegionTheSdkDoesNotKnowParsesAndIsNotKnown() {
		BedrockArn arn = BedrockArn.parse("arn:aws:bedrock:us-east-99:111122223333:provisioned-model/abcdefghij12");
		assertThat(arn.region()).isEqualTo("us-east-99");
		assertThat(BedrockArn.isKnownRegion("us-east-99")).isFalse();
		assertThat(BedrockArn.isKnownRegion("us-east-1")).isTrue();
		assertThat(BedrockArn.isKnownRegion("us-isob-east-1")).isTrue();
		assertThat(BedrockArn.isKnownRegion("r7")).isFalse();
	}

	@Test
	void theSdksGlobalPseudoRegionsAreNoRegionOfAnyPartition() {
		List<String> global = Region.regions().stream().filter(Region::isGlobalRegion).map(Region::id).toList();
		assertThat(global).contains("aws-global", "aws-cn-global", "aws-us-gov-global");
		for (String region : global) {
			assertThat(BedrockArn.isKnownRegion(region)).as(region).isFalse();
			for (String partition : BedrockArn.ARN_PARTITIONS) {
				assertThatExceptionOfType(InvalidTargetException.class).as(partition + " " + region)
					.isThrownBy(() -> BedrockArn.parse("arn:" + partition + ":bedrock:" + region
							+ ":111122223333:inference-profile/us.amazon.nova-pro-v1:0"))
					.withMessageStartingWith(
							"region '" + region + "' is not an AWS region name of partition " + partition);
			}
		}
	}

	@ParameterizedTest
	@CsvSource({ "us-east-1,aws", "eu-west-3,aws", "ap-southeast-7,aws", "cn-northwest-1,aws-cn",
			"us-gov-east-1,aws-us-gov", "us-iso-east-1,aws-iso", "us-iso-west-1,aws-iso", "us-isob-east-1,aws-iso-b" })
	void partitionOfARegionIsTheOneTableOfPartitions(String region, String partition) {
		assertThat(BedrockArn.partitionOf(region)).isEqualTo(partition);
	}

	@ParameterizedTest
	@ValueSource(strings = { "us-east-99", "eu-north-9", "cn-east-7", "us-gov-south-4", "xx-nowhere-1", "r7" })
	void partitionOfEveryRegionIsTheSdksAnswer(String unknown) {
		// asked directly of the SDK's partition provider: the same answers as its facade
		// PartitionMetadata.of, without the metadata loader behind the facade
		for (Region region : Region.regions()) {
			assertThat(BedrockArn.partitionOf(region.id())).as(region.id())
				.isEqualTo(PartitionMetadata.of(region).id());
		}
		assertThat(BedrockArn.partitionOf(unknown)).isEqualTo(PartitionMetadata.of(Region.of(unknown)).id());
	}

	// Properties (jqwik)

	@Property(tries = 500)
	void generatedValidArnsRoundTrip(@ForAll("validArns") BedrockArn expected) {
		String text = expected.toString();
		BedrockArn parsed = BedrockArn.parse(text);
		assertThat(parsed).isEqualTo(expected);
		assertThat(parsed.toString()).isEqualTo(text);
		assertThat(parsed.kind()).isNotNull();
		BindingTarget target = BindingTarget.parse(text);
		assertThat(target).isEqualTo(new BindingTarget.Arn(expected));
		assertThat(target.value()).isEqualTo(text);
		assertThat(target.kind()).isEqualTo(parsed.kind());
		assertThat(target.hasTemplate())
			.isEqualTo(expected.region().equals("{region}") || expected.account().equals("{account}"));
		assertThat(target.region().isPresent()).isEqualTo(!expected.region().equals("{region}"));
		BindingTarget resolved = target
			.resolve(TemplateValues.of("999988887777", regionPrefix(expected.partition()) + "-south-2"));
		assertThat(resolved.hasTemplate()).isFalse();
		assertThat(resolved.kind()).isEqualTo(target.kind());
	}

	@Provide
	Arbitrary<BedrockArn> validArns() {
		Arbitrary<String> partition = Arbitraries.of("aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b");
		Arbitrary<String> area = Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(8);
		Arbitrary<String> number = Arbitraries.integers().between(1, 99).map(String::valueOf);
		Arbitrary<String> account = Arbitraries.oneOf(Arbitraries.just("{account}"),
				Arbitraries.strings().numeric().ofLength(12));
		Arbitrary<String> twelve = Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofLength(12);
		Arbitrary<String> modelId = modelIds();
		Arbitrary<String> geo = Combinators
			.combine(Arbitraries.strings().withCharRange('a', 'z').ofMinLength(2).ofMaxLength(6),
					Arbitraries.strings().withCharRange('a', 'z').ofMinLength(1).ofMaxLength(5).injectNull(0.7))
			.as((head, tail) -> (tail != null) ? head + "-" + tail : head);
		Arbitrary<String> applicationId = Arbitraries.strings()
			.withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-:.")
			.ofMinLength(1)
			.ofMaxLength(64);
		Arbitrary<List<String>> resource = Arbitraries.oneOf(
				Combinators.combine(geo, modelId).as((g, m) -> List.of("inference-profile", g + "." + m)),
				applicationId.map((id) -> List.of("application-inference-profile", id)),
				twelve.map((id) -> List.of("provisioned-model", id)), twelve.map((id) -> List.of("imported-model", id)),
				Combinators.combine(modelId, twelve).as((m, id) -> List.of("custom-model", m + "/" + id)));
		// A region of the partition's own pattern (prefix-area-number), or the template.
		Arbitrary<String[]> partitionAndRegion = Combinators
			.combine(partition, area, number, Arbitraries.of(true, false))
			.as((p, a, n, template) -> new String[] { p, template ? "{region}" : regionPrefix(p) + "-" + a + "-" + n });
		Arbitrary<BedrockArn> accountArns = Combinators.combine(partitionAndRegion, account, resource)
			.as((pr, a, res) -> new BedrockArn(pr[0], pr[1], a, res.get(0), res.get(1)));
		Arbitrary<BedrockArn> foundationArns = Combinators.combine(partitionAndRegion, modelId)
			.as((pr, m) -> new BedrockArn(pr[0], pr[1], "", "foundation-model", m));
		return Arbitraries.frequencyOf(net.jqwik.api.Tuple.of(5, accountArns),
				net.jqwik.api.Tuple.of(1, foundationArns));
	}

	private static String regionPrefix(String partition) {
		return switch (partition) {
			case "aws-cn" -> "cn";
			case "aws-us-gov" -> "us-gov";
			case "aws-iso" -> "us-iso";
			case "aws-iso-b" -> "us-isob";
			default -> "ap";
		};
	}

	/** Model IDs as Bedrock writes them: provider.name with zero to two ':' suffixes. */
	static Arbitrary<String> modelIds() {
		Arbitrary<String> provider = Combinators
			.combine(Arbitraries.chars().range('a', 'z'),
					Arbitraries.strings().withChars("abcdefghijklmnopqrstuvwxyz0123456789").ofMaxLength(10))
			.as((first, rest) -> first + rest);
		Arbitrary<String> name = Combinators
			.combine(
					Arbitraries.chars()
						.with("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789".toCharArray()),
					Arbitraries.strings()
						.withChars("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")
						.ofMaxLength(30))
			.as((first, rest) -> first + rest);
		Arbitrary<String> suffixes = Arbitraries.strings()
			.withChars("abcdefghijklmnopqrstuvwxyz0123456789")
			.ofMinLength(1)
			.ofMaxLength(4)
			.map((s) -> ":" + s)
			.list()
			.ofMaxSize(2)
			.map((list) -> String.join("", list));
		return Combinators.combine(provider, name, suffixes).as((p, n, s) -> p + "." + n + s);
	}

}
