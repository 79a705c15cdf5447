package io.bedrockbinding.emulator;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Per-target quotas: calls beyond requests or tokens per minute get Bedrock's
 * ThrottlingException, per target, over a sliding minute of an injectable clock.
 */
class QuotasTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	private static BedrockRuntimeClient noRetries;

	private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T00:00:00Z"));

	@BeforeAll
	static void clients() {
		noRetries = bedrock.clients().runtimeBuilder("us-east-1").overrideConfiguration(TestRetries.none()).build();
	}

	@AfterAll
	static void closeClients() {
		noRetries.close();
	}

	@AfterEach
	void clear() {
		bedrock.faults().quotas().clear();
	}

	private static void call(String prompt) {
		noRetries.converse(ConverseTests.request(TestCatalog.HAIKU, prompt));
	}

	@Test
	void callsBeyondTheRequestsPerMinuteAreThrottledUntilTheMinuteHasPassed() {
		bedrock.faults().quotas().clock(this.clock).requestsPerMinute(TestCatalog.HAIKU, 2);
		call("one");
		this.clock.advance(Duration.ofSeconds(30));
		call("two");

		RuntimeErrorsTests.assertError(() -> call("three"), ThrottlingException.class, 429,
				"Too many requests, please wait before trying again.");
		this.clock.advance(Duration.ofSeconds(31));
		call("four");
		RuntimeErrorsTests.assertError(() -> call("five"), ThrottlingException.class, 429,
				"Too many requests, please wait before trying again.");
		assertThat(bedrock.journal()).extracting(JournalEntry::status).containsExactly(200, 200, 429, 200, 429);
	}

	@Test
	void callsBeyondTheTokensPerMinuteAreThrottled() {
		bedrock.faults().quotas().clock(this.clock).tokensPerMinute(TestCatalog.HAIKU, 12);
		call("a short prompt");

		RuntimeErrorsTests.assertError(() -> call("a much longer prompt that has more tokens than the rest"),
				ThrottlingException.class, 429, "Too many tokens, please wait before trying again.");
		this.clock.advance(Duration.ofMinutes(1));
		call("a short prompt");
	}

	@Test
	void aQuotaCountsOnlyItsOwnTarget() {
		bedrock.faults().quotas().clock(this.clock).requestsPerMinute("us." + TestCatalog.HAIKU, 1);

		call("one");
		call("two");

		assertThat(bedrock.journal()).extracting(JournalEntry::status).containsExactly(200, 200);
	}

	@Test
	void theBuilderSetsQuotasForTheJUnitExtension() {
		MovableClock clock = new MovableClock(Instant.parse("2026-12-02T00:00:00Z"));
		try (LocalBedrock configured = LocalBedrock.builder()
			.catalog(TestCatalog.create())
			.requestsPerMinute(TestCatalog.HAIKU, 1)
			.tokensPerMinute(TestCatalog.NOVA_PRO, 100)
			.quotaClock(clock)
			.build()
			.start();
				BedrockRuntimeClient client = LocalBedrockClients.of(configured)
					.runtimeBuilder("us-east-1")
					.overrideConfiguration(TestRetries.none())
					.build()) {
			client.converse(ConverseTests.request(TestCatalog.HAIKU, "one"));

			RuntimeErrorsTests.assertError(() -> client.converse(ConverseTests.request(TestCatalog.HAIKU, "two")),
					ThrottlingException.class, 429, "Too many requests, please wait before trying again.");
			clock.advance(Duration.ofMinutes(1));
			client.converse(ConverseTests.request(TestCatalog.HAIKU, "three"));
		}
	}

	@Test
	void aQuotaBelowOneIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> bedrock.faults().quotas().requestsPerMinute(TestCatalog.HAIKU, 0))
			.withMessageContaining("must be at least 1, got 0");
	}

}
