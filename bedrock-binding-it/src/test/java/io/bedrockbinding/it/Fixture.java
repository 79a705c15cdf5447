package io.bedrockbinding.it;

import java.util.List;
import java.util.function.Consumer;

import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.registry.BindingRegistry;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.nio.netty.SdkEventLoopGroup;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The core objects of one test, wired to one {@link LocalBedrock}: the built-in catalog
 * (the emulator's too), a registry, SDK clients with an explicit retry count and no
 * back-off waits, and a pipe factory.
 */
final class Fixture {

	/**
	 * On demand in us-east-1, profile-only in us-east-2 and eu-west-1; geos us, eu, apac,
	 * jp, au.
	 */
	static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	/** Profile-only in the US regions; only a {@code us} profile. */
	static final String DEEPSEEK = "deepseek.r1-v1:0";

	/** On demand in us-east-1 and us-west-2. */
	static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	/** Profile-only in us-east-1. */
	static final String SONNET_37 = "anthropic.claude-3-7-sonnet-20250219-v1:0";

	/** On demand in us-east-1 and us-west-2, no profiles at all. */
	static final String LLAMA = "meta.llama3-8b-instruct-v1:0";

	static final String ACCOUNT = LocalBedrock.DEFAULT_ACCOUNT_ID;

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final SdkEventLoopGroup SHARED_EVENT_LOOP = SdkEventLoopGroup.builder()
		.numberOfThreads(2)
		.threadFactory((task) -> {
			Thread thread = new Thread(task, "it-netty-event-loop");
			thread.setDaemon(true);
			return thread;
		})
		.build();

	private Fixture() {
	}

	static ModelCatalog catalog() {
		return ModelCatalog.builtIn();
	}

	/**
	 * A registry for {@code region} that derives geo profiles, as the starter's default
	 * does.
	 */
	static BindingRegistry registry(String region) {
		return BindingRegistry.builder(catalog()).region(region).build();
	}

	/** A registry for {@code region} that leaves every model direct unless bound. */
	static BindingRegistry directRegistry(String region) {
		return BindingRegistry.builder(catalog()).region(region).deriveProfiles(false).build();
	}

	/**
	 * Clients of {@code bedrock} whose calls make at most {@code attempts} attempts.
	 * Their async clients share one event loop group that outlives them: a Netty client
	 * that owns its group waits a 2 s quiet period when closed, which every test would
	 * pay.
	 */
	static BedrockRuntimeClients.Builder clients(LocalBedrock bedrock, int attempts) {
		return defaultClients(bedrock, attempts).asyncCustomizer((builder) -> builder.httpClientBuilder(netty()));
	}

	/**
	 * The async HTTP client of {@link #clients}: HTTP/1.1 on the tests' shared event
	 * loop.
	 */
	static NettyNioAsyncHttpClient.Builder netty() {
		return NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1).eventLoopGroup(SHARED_EVENT_LOOP);
	}

	/** Clients of {@code bedrock} with core's own HTTP client settings, retries aside. */
	static BedrockRuntimeClients.Builder defaultClients(LocalBedrock bedrock, int attempts) {
		Consumer<ClientOverrideConfiguration.Builder> retries = retries(attempts);
		return BedrockRuntimeClients.builder()
			.endpoint(bedrock.endpoint())
			.credentialsProvider(LocalBedrockClients.credentials())
			.syncCustomizer((builder) -> builder.overrideConfiguration(retries))
			.asyncCustomizer((builder) -> builder.overrideConfiguration(retries));
	}

	/**
	 * The SDK's standard retry conditions, {@code attempts} attempts, retried at once.
	 */
	static Consumer<ClientOverrideConfiguration.Builder> retries(int attempts) {
		return (override) -> override.retryStrategy((strategy) -> strategy.maxAttempts(attempts)
			.backoffStrategy(BackoffStrategy.retryImmediately())
			.throttlingBackoffStrategy(BackoffStrategy.retryImmediately()));
	}

	/**
	 * A factory of {@code registry} over clients of {@code bedrock} that do not retry.
	 */
	static BedrockPipeFactory.Builder factory(LocalBedrock bedrock, BindingRegistry registry) {
		return BedrockPipeFactory.builder(registry, clients(bedrock, 1).build())
			.accountResolver(AccountResolver.none());
	}

	static JsonNode body(JournalEntry entry) {
		return JSON.readTree(entry.body());
	}

	/** The one journal entry of {@code api}; fails when there are more or none. */
	static JournalEntry only(LocalBedrock bedrock, String api) {
		List<JournalEntry> entries = bedrock.journal(api);
		if (entries.size() != 1) {
			throw new AssertionError("Expected one " + api + " call, got " + entries.size() + ": " + entries);
		}
		return entries.get(0);
	}

}
