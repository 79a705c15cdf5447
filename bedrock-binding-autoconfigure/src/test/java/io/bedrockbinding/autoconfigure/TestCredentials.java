package io.bedrockbinding.autoconfigure;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * Fake credentials: tests never reach for the SDK's default chain (and so never for EC2
 * metadata).
 */
final class TestCredentials {

	private TestCredentials() {
	}

	static AwsCredentialsProvider of(String accessKeyId) {
		return StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, "test"));
	}

	static AwsCredentialsProvider test() {
		return of("test");
	}

}
