package io.bedrockbinding.emulator;

import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;

/** Async runtime clients; kept apart so that only they need Netty on the classpath. */
final class AsyncRuntimeClients {

	private AsyncRuntimeClients() {
	}

	/**
	 * The JDK server speaks HTTP/1.1 only, and the async client would try HTTP/2.
	 * @param bedrock the running emulator the client calls
	 * @param region the region the client signs for
	 * @return a builder with a Netty client on HTTP/1.1, the endpoint and fake
	 * credentials set
	 */
	static BedrockRuntimeAsyncClientBuilder builder(LocalBedrock bedrock, String region) {
		return BedrockRuntimeAsyncClient.builder()
			.endpointOverride(bedrock.endpoint())
			.region(Region.of(region))
			.credentialsProvider(LocalBedrockClients.credentials())
			.httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1).maxConcurrency(128));
	}

}
