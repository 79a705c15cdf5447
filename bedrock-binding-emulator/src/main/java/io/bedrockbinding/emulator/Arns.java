package io.bedrockbinding.emulator;

/** The ARNs the emulator hands out, in the partition of their region. */
final class Arns {

	private Arns() {
	}

	/** {@code aws}, or the partition of a China, GovCloud or ISO region. */
	static String partition(String region) {
		if (region.startsWith("cn-")) {
			return "aws-cn";
		}
		if (region.startsWith("us-gov-")) {
			return "aws-us-gov";
		}
		if (region.startsWith("us-isob-")) {
			return "aws-iso-b";
		}
		if (region.startsWith("us-iso-")) {
			return "aws-iso";
		}
		return "aws";
	}

	/** Foundation model ARNs have an empty account. */
	static String foundationModel(String region, String modelId) {
		return "arn:" + partition(region) + ":bedrock:" + region + "::foundation-model/" + modelId;
	}

	static String inferenceProfile(String region, String account, String profileId) {
		return "arn:" + partition(region) + ":bedrock:" + region + ":" + account + ":inference-profile/" + profileId;
	}

	static String applicationProfile(String region, String account, String id) {
		return "arn:" + partition(region) + ":bedrock:" + region + ":" + account + ":application-inference-profile/"
				+ id;
	}

	/** The identity every caller of the emulator has. */
	static String caller(String region, String account) {
		return "arn:" + partition(region) + ":iam::" + account + ":user/local-bedrock";
	}

}
