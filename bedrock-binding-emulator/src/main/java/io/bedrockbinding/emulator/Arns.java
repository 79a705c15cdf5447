package io.bedrockbinding.emulator;

import io.bedrockbinding.identifier.BedrockArn;

/**
 * The ARNs the emulator hands out, in the partition of their region: partitions come from
 * {@link BedrockArn#partitionOf(String)}, as the pipe's do, so both agree.
 */
final class Arns {

	private Arns() {
	}

	/**
	 * The partition of a region.
	 * @param region the region ID
	 * @return {@code aws}, or the partition of a China, GovCloud or ISO region
	 */
	static String partition(String region) {
		return BedrockArn.partitionOf(region);
	}

	/**
	 * A foundation model's ARN, which has an empty account.
	 * @param region the region ID
	 * @param modelId the model ID
	 * @return the ARN
	 */
	static String foundationModel(String region, String modelId) {
		return new BedrockArn(partition(region), region, "", "foundation-model", modelId).toString();
	}

	/**
	 * A system-defined inference profile's ARN.
	 * @param region the source region
	 * @param account the account ID
	 * @param profileId the profile ID, such as {@code us.amazon.nova-pro-v1:0}
	 * @return the ARN
	 */
	static String inferenceProfile(String region, String account, String profileId) {
		return new BedrockArn(partition(region), region, account, "inference-profile", profileId).toString();
	}

	/**
	 * An application inference profile's ARN.
	 * @param region the region ID
	 * @param account the account ID
	 * @param id the profile's ID
	 * @return the ARN
	 */
	static String applicationProfile(String region, String account, String id) {
		return new BedrockArn(partition(region), region, account, "application-inference-profile", id).toString();
	}

	/**
	 * The identity every caller of the emulator has.
	 * @param region the region the caller called
	 * @param account the account ID
	 * @return an IAM user ARN in the region's partition
	 */
	static String caller(String region, String account) {
		return "arn:" + partition(region) + ":iam::" + account + ":user/local-bedrock";
	}

}
