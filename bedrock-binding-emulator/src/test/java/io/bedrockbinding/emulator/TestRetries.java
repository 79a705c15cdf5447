package io.bedrockbinding.emulator;

import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.retries.StandardRetryStrategy;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;

/** Retry settings for tests that count calls: explicit attempts, no back-off waits. */
final class TestRetries {

	private TestRetries() {
	}

	/**
	 * The SDK's standard retry conditions with {@code attempts} attempts and no delay
	 * between them.
	 */
	static ClientOverrideConfiguration attempts(int attempts) {
		StandardRetryStrategy.Builder builder = (StandardRetryStrategy.Builder) AwsRetryStrategy.standardRetryStrategy()
			.toBuilder();
		RetryStrategy strategy = builder.maxAttempts(attempts)
			.backoffStrategy(BackoffStrategy.retryImmediately())
			.throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
			.circuitBreakerEnabled(false)
			.build();
		return ClientOverrideConfiguration.builder().retryStrategy(strategy).build();
	}

	/** One attempt: every failure reaches the test. */
	static ClientOverrideConfiguration none() {
		return ClientOverrideConfiguration.builder().retryStrategy(AwsRetryStrategy.doNotRetry()).build();
	}

}
