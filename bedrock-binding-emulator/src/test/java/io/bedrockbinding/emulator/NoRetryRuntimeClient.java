package io.bedrockbinding.emulator;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

/**
 * The sync and async clients a test class sends to its LocalBedrock in us-east-1, without
 * the SDK's retries (a refusal is seen once), each created on first use and closed after
 * the class.
 */
final class NoRetryRuntimeClient implements AfterAllCallback {

	private final LocalBedrockExtension bedrock;

	private @Nullable BedrockRuntimeClient client;

	private @Nullable BedrockRuntimeAsyncClient async;

	/**
	 * A client of {@code bedrock}'s emulator.
	 * @param bedrock the test class's LocalBedrock extension
	 */
	NoRetryRuntimeClient(LocalBedrockExtension bedrock) {
		this.bedrock = bedrock;
	}

	/**
	 * The client, created on first use (once the emulator runs).
	 * @return the client
	 */
	synchronized BedrockRuntimeClient get() {
		if (this.client == null) {
			this.client = this.bedrock.clients()
				.runtimeBuilder("us-east-1")
				.overrideConfiguration(TestRetries.none())
				.build();
		}
		return this.client;
	}

	/**
	 * The async client, created on first use (once the emulator runs).
	 * @return the async client
	 */
	synchronized BedrockRuntimeAsyncClient async() {
		if (this.async == null) {
			this.async = this.bedrock.clients()
				.runtimeAsyncBuilder("us-east-1")
				.overrideConfiguration(TestRetries.none())
				.build();
		}
		return this.async;
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (this.client != null) {
			this.client.close();
			this.client = null;
		}
		if (this.async != null) {
			this.async.close();
			this.async = null;
		}
	}

}
