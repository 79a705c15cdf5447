package io.bedrockbinding.emulator;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import static org.assertj.core.api.Assertions.assertThat;

/** 64 clients at once, each on its own connection pool, none of them failing. */
class ConcurrencyTests {

	private static final int CLIENTS = 64;

	private static final int CALLS = 20;

	@Test
	void sixtyFourConcurrentClientsAreServedWithoutErrors() throws Exception {
		try (LocalBedrock bedrock = LocalBedrock.builder().catalog(TestCatalog.create()).build().start()) {
			LocalBedrockClients clients = LocalBedrockClients.of(bedrock);
			List<BedrockRuntimeClient> runtimes = new ArrayList<>();
			for (int i = 0; i < CLIENTS; i++) {
				String region = (i % 2 == 0) ? "us-east-1" : "us-west-2";
				runtimes.add(clients.runtimeBuilder(region).overrideConfiguration(TestRetries.none()).build());
			}
			ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
			try {
				CountDownLatch start = new CountDownLatch(1);
				List<Future<Integer>> results = new ArrayList<>();
				for (int i = 0; i < CLIENTS; i++) {
					BedrockRuntimeClient runtime = runtimes.get(i);
					int client = i;
					Callable<Integer> calls = () -> {
						start.await();
						int answered = 0;
						for (int call = 0; call < CALLS; call++) {
							String prompt = "client " + client + " call " + call;
							String text = ConverseTests
								.text(runtime.converse(ConverseTests.request(TestCatalog.HAIKU, prompt)));
							if (text.endsWith("You said: " + prompt)) {
								answered++;
							}
						}
						return answered;
					};
					results.add(pool.submit(calls));
				}
				start.countDown();
				int answered = 0;
				for (Future<Integer> result : results) {
					answered += result.get(60, TimeUnit.SECONDS);
				}

				assertThat(answered).isEqualTo(CLIENTS * CALLS);
				List<JournalEntry> journal = bedrock.journal();
				assertThat(journal).hasSize(CLIENTS * CALLS)
					.allSatisfy((entry) -> assertThat(entry.status()).isEqualTo(200));
				assertThat(journal).filteredOn((entry) -> entry.region().equals("us-west-2"))
					.hasSize(CLIENTS * CALLS / 2);
			}
			finally {
				pool.shutdownNow();
				runtimes.forEach(BedrockRuntimeClient::close);
			}
		}
	}

}
