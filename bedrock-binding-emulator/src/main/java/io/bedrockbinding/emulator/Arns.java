package io.bedrockbinding.emulator;

/** The ARNs the emulator hands out, in the partition of their region. */
final class Arns {

	private Arns() {
	}

	/**
	 * {@code aws}, or the partition of a China, GovCloud or ISO region.
	 * @param region a region such as {@code cn-north-1}
	 * @return the partition of its ARNs
	 */
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

	/**
	 * Foundation model ARNs have an empty account.
	 * @param region the region of the model
	 * @param modelId the foundation model ID
	 * @return the foundation model's ARN
	 */
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

	/**
	 * The identity every caller of the emulator has.
	 * @param region the region of the STS call
	 * @param account the emulated account
	 * @return the caller's ARN, as GetCallerIdentity returns it
	 */
	static String caller(String region, String account) {
		return "arn:" + partition(region) + ":iam::" + account + ":user/local-bedrock";
	}

}
