package io.bedrockbinding.emulator;

import io.bedrockbinding.identifier.BedrockArn;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The emulator's ARNs are in the partition core names for the region, ISO ones too. */
class ArnsTests {

	@ParameterizedTest
	@CsvSource({ "us-east-1,aws", "cn-north-1,aws-cn", "us-gov-west-1,aws-us-gov", "us-iso-east-1,aws-iso",
			"us-isob-east-1,aws-iso-b" })
	void arnsAreInTheRegionsPartitionAndParse(String region, String partition) {
		assertThat(Arns.partition(region)).isEqualTo(partition).isEqualTo(BedrockArn.partitionOf(region));
		String profile = Arns.inferenceProfile(region, "111122223333", "us.amazon.nova-pro-v1:0");
		assertThat(profile).startsWith("arn:" + partition + ":bedrock:" + region + ":111122223333:");
		assertThat(BedrockArn.parse(profile).partition()).isEqualTo(partition);
		assertThat(BedrockArn.parse(Arns.foundationModel(region, "amazon.nova-pro-v1:0")).partition())
			.isEqualTo(partition);
		assertThat(BedrockArn.parse(Arns.applicationProfile(region, "111122223333", "abc123")).region())
			.isEqualTo(region);
		assertThat(Arns.caller(region, "111122223333")).startsWith("arn:" + partition + ":iam::");
	}

}
