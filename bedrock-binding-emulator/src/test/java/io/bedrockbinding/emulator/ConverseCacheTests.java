package io.bedrockbinding.emulator;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointBlock;
import software.amazon.awssdk.services.bedrockruntime.model.CachePointType;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.TokenUsage;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Cache points: a repeated prefix is written to the cache once, then read. */
class ConverseCacheTests {

	private static final String SONNET_37 = "us.anthropic.claude-3-7-sonnet-20250219-v1:0";

	/** 1,250 tokens at four characters a token: over the 1,024-token minimum. */
	private static final String LONG = "Answer briefly. ".repeat(312) + "Be kind.";

	private static final CachePointBlock CACHE_POINT = CachePointBlock.builder().type(CachePointType.DEFAULT).build();

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	@RegisterExtension
	static final NoRetryRuntimeClient client = new NoRetryRuntimeClient(bedrock);

	@Test
	void aRepeatedSystemPrefixIsWrittenThenRead() {
		ConverseRequest request = cachedSystem(LONG, "first question");

		TokenUsage first = client.get().converse(request).usage();
		TokenUsage second = client.get().converse(cachedSystem(LONG, "another question")).usage();

		int prefix = (LONG.length() + 3) / 4;
		assertThat(first.cacheWriteInputTokens()).isEqualTo(prefix);
		assertThat(first.cacheReadInputTokens()).isZero();
		assertThat(second.cacheReadInputTokens()).isEqualTo(prefix);
		assertThat(second.cacheWriteInputTokens()).isZero();
		assertThat(second.inputTokens()).isEqualTo(Generation.tokens("another question"));
		assertThat(second.totalTokens())
			.isEqualTo(second.inputTokens() + second.outputTokens() + second.cacheReadInputTokens());
		assertThat(bedrock.get().journal("Converse").get(0).converse().cachePoints()).isEqualTo(1);
	}

	@Test
	void concurrentCallsWithOnePrefixWriteItOnce() throws Exception {
		ConverseRequest request = cachedSystem(LONG + " Concurrent.", "q");
		java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
		try {
			List<java.util.concurrent.Future<TokenUsage>> calls = new java.util.ArrayList<>();
			for (int i = 0; i < 8; i++) {
				calls.add(pool.submit(() -> client.get().converse(request).usage()));
			}
			int writes = 0;
			int reads = 0;
			for (java.util.concurrent.Future<TokenUsage> call : calls) {
				TokenUsage usage = call.get(10, java.util.concurrent.TimeUnit.SECONDS);
				writes += (usage.cacheWriteInputTokens() > 0) ? 1 : 0;
				reads += (usage.cacheReadInputTokens() > 0) ? 1 : 0;
			}
			assertThat(writes).isEqualTo(1);
			assertThat(reads).isEqualTo(7);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void aChangedPrefixIsWrittenAgain() {
		client.get().converse(cachedSystem(LONG, "q"));

		TokenUsage changed = client.get().converse(cachedSystem(LONG + " Be brief.", "q")).usage();

		assertThat(changed.cacheWriteInputTokens()).isPositive();
		assertThat(changed.cacheReadInputTokens()).isZero();
	}

	@Test
	void aPrefixUnderTheMinimumIsNotCached() {
		TokenUsage usage = client.get().converse(cachedSystem("Short system prompt.", "q")).usage();

		assertThat(usage.cacheWriteInputTokens()).isZero();
		assertThat(usage.cacheReadInputTokens()).isZero();
	}

	@Test
	void cachePointsInMessagesAndToolsCountToo() {
		Message message = Message.builder()
			.role("user")
			.content(ContentBlock.fromText(LONG), ContentBlock.fromCachePoint(CACHE_POINT),
					ContentBlock.fromText("What now?"))
			.build();
		ConverseRequest request = ConverseRequest.builder()
			.modelId(SONNET_37)
			.messages(message)
			.toolConfig((tools) -> tools.tools(ConverseToolTests.WEATHER, Tool.fromCachePoint(CACHE_POINT)))
			.build();

		client.get().converse(request);
		TokenUsage repeat = client.get().converse(request).usage();

		assertThat(repeat.cacheReadInputTokens()).isGreaterThan((LONG.length() + 3) / 4);
		assertThat(bedrock.get().journal("Converse").get(1).converse().cachePoints()).isEqualTo(2);
	}

	@Test
	void aStreamReportsCacheTokensInItsMetadata() {
		client.get().converse(cachedSystem(LONG, "q"));

		StreamRecording stream = StreamRecording.of(client.async(),
				ConverseStreamRequest.builder()
					.modelId(SONNET_37)
					.system(SystemContentBlock.fromText(LONG), SystemContentBlock.fromCachePoint(CACHE_POINT))
					.messages(ConverseToolTests.user("q"))
					.build());

		assertThat(stream.metadata().usage().cacheReadInputTokens()).isEqualTo((LONG.length() + 3) / 4);
	}

	@Test
	void aModelWithoutPromptCachingRefusesCachePoints() {
		assertThatExceptionOfType(ValidationException.class).isThrownBy(() -> client.get()
			.converse(cachedSystem(LONG, "q").toBuilder().modelId("anthropic.claude-3-haiku-20240307-v1:0").build()))
			.withMessageStartingWith("You invoked an unsupported model, or your request did not allow prompt caching.");
	}

	private static ConverseRequest cachedSystem(String system, String question) {
		return ConverseRequest.builder()
			.modelId(SONNET_37)
			.system(SystemContentBlock.fromText(system), SystemContentBlock.fromCachePoint(CACHE_POINT))
			.messages(ConverseToolTests.user(question))
			.build();
	}

}
