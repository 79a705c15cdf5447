package io.bedrockbinding.it;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.pipe.PipeResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/** Many calls at once through one pipe, on core's own client settings. */
class ConcurrencyTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	private static final int CALLS = 200;

	@Test
	void twoHundredConcurrentAsyncCallsSucceedOnABoundedNumberOfThreads() throws Exception {
		// Default retries and HTTP client: what an application gets.
		BedrockRuntimeClients clients = BedrockRuntimeClients.builder()
			.endpoint(bedrock.endpoint())
			.credentialsProvider(LocalBedrockClients.credentials())
			.build();
		try (BedrockPipeFactory factory = BedrockPipeFactory.builder(Fixture.registry("us-east-2"), clients).build()) {
			BedrockPipe pipe = factory.pipe(Fixture.NOVA_PRO).withSystemPrompt("be quick");
			int before = clientThreads();

			List<CompletableFuture<PipeResult>> calls = new ArrayList<>(CALLS);
			for (int i = 0; i < CALLS; i++) {
				calls.add(pipe.executeAsync("call " + i));
			}
			int whileRunning = clientThreads();
			CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
			int after = clientThreads();

			for (int i = 0; i < CALLS; i++) {
				PipeResult result = calls.get(i).join();
				assertThat(result.text()).endsWith("call " + i);
				assertThat(result.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
			}
			assertThat(bedrock.get().journal("Converse")).hasSize(CALLS)
				.allSatisfy((call) -> assertThat(call.status()).isEqualTo(200))
				.extracting(JournalEntry::region)
				.containsOnly("us-east-2");
			// Netty's event loops and the SDK's completion pool, not a thread per call.
			assertThat(whileRunning - before).isLessThan(100);
			assertThat(after - before).isLessThan(100);
		}
	}

	@Test
	void concurrentStreamsEachGetTheirOwnText() throws Exception {
		BedrockRuntimeClients clients = Fixture.clients(bedrock.get(), 1).build();
		try (BedrockPipeFactory factory = BedrockPipeFactory.builder(Fixture.registry("us-east-1"), clients).build()) {
			BedrockPipe pipe = factory.pipe(Fixture.LLAMA);
			List<StringBuilder> texts = new ArrayList<>();
			List<CompletableFuture<PipeResult>> streams = new ArrayList<>();
			for (int i = 0; i < 50; i++) {
				StringBuilder text = new StringBuilder();
				texts.add(text);
				streams.add(pipe.stream("stream number " + i + " says hello to everyone", (delta) -> {
					synchronized (text) {
						text.append(delta);
					}
				}));
			}
			CompletableFuture.allOf(streams.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);

			for (int i = 0; i < streams.size(); i++) {
				String received;
				synchronized (texts.get(i)) {
					received = texts.get(i).toString();
				}
				assertThat(received).isEqualTo(streams.get(i).join().text())
					.endsWith("stream number " + i + " says hello to everyone");
			}
		}
	}

	/** Live threads other than the emulator's own server threads. */
	private static int clientThreads() {
		return (int) Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter(Thread::isAlive)
			.filter((thread) -> !thread.getName().startsWith("local-bedrock-"))
			.count();
	}

}
