package io.bedrockbinding.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class RegionalClientsTests {

	private final List<FakeClient> made = new ArrayList<>();

	private final RegionalClients<FakeClient> clients = new RegionalClients<>(this::make);

	@Test
	void createsNothingUntilARegionIsAskedFor() {
		assertThat(this.made).isEmpty();
		assertThat(this.clients.regions()).isEmpty();
	}

	@Test
	void createsOneClientPerRegionOnFirstUse() {
		FakeClient east = this.clients.get("us-east-1");
		assertThat(this.clients.get("us-east-1")).isSameAs(east);
		FakeClient west = this.clients.apply("us-west-2");
		assertThat(west).isNotSameAs(east);
		assertThat(this.made).extracting(FakeClient::region).containsExactly("us-east-1", "us-west-2");
		assertThat(this.clients.regions()).containsExactlyInAnyOrder("us-east-1", "us-west-2");
	}

	@Test
	void closeClosesEveryClientAndRefusesLaterUse() {
		FakeClient east = this.clients.get("us-east-1");
		FakeClient west = this.clients.get("us-west-2");
		this.clients.close();
		assertThat(east.closed).hasValue(1);
		assertThat(west.closed).hasValue(1);
		assertThat(this.clients.regions()).isEmpty();
		assertThatExceptionOfType(ClientsClosedException.class).isThrownBy(() -> this.clients.get("us-east-1"))
			.withMessageContaining("closed");
		assertThat(this.made).hasSize(2);
	}

	@Test
	void aClientThatFailsToCloseDoesNotKeepTheOthersOpen() {
		RegionalClients<FakeClient> failing = new RegionalClients<>((region) -> new FakeClient(region) {
			@Override
			public void close() {
				super.close();
				throw new IllegalStateException("boom");
			}
		});
		FakeClient east = failing.get("us-east-1");
		FakeClient west = failing.get("us-west-2");
		failing.close();
		assertThat(east.closed).hasValue(1);
		assertThat(west.closed).hasValue(1);
	}

	@Test
	void closingTwiceClosesEachClientOnce() {
		FakeClient east = this.clients.get("us-east-1");
		this.clients.close();
		this.clients.close();
		assertThat(east.closed).hasValue(1);
	}

	// Bounded (issue 12: every made-up region got a client, and threads, for good)

	@Test
	void aBoundedPoolClosesTheLeastRecentlyUsedClientBeyondItsLimit() {
		RegionalClients<FakeClient> bounded = new RegionalClients<>(2, this::make);
		FakeClient east = bounded.get("us-east-1");
		FakeClient west = bounded.get("us-west-2");
		bounded.get("us-east-1");
		FakeClient ireland = bounded.get("eu-west-1");
		assertThat(west.closed).hasValue(1);
		assertThat(east.closed).hasValue(0);
		assertThat(ireland.closed).hasValue(0);
		assertThat(bounded.regions()).containsExactlyInAnyOrder("us-east-1", "eu-west-1");
		// Asked again, the evicted region gets a new client.
		FakeClient westAgain = bounded.get("us-west-2");
		assertThat(westAgain).isNotSameAs(west);
		assertThat(westAgain.closed).hasValue(0);
		assertThat(bounded.regions()).hasSize(2);
		bounded.close();
		assertThat(this.made).allSatisfy((client) -> assertThat(client.closed).hasValue(1));
	}

	@Test
	void anEvictedClientInUseIsClosedOnlyWhenItsCallEnds() {
		RegionalClients<FakeClient> bounded = new RegionalClients<>(1, this::make);
		String answer = bounded.call("us-east-1", (east) -> {
			bounded.get("us-west-2");
			assertThat(bounded.regions()).containsExactly("us-west-2");
			assertThat(east.closed).as("closed while its call runs").hasValue(0);
			return east.use();
		});
		assertThat(answer).isEqualTo("us-east-1");
		assertThat(this.made.get(0).closed).hasValue(1);
	}

	@Test
	void anEvictedClientWithAnAsyncCallInFlightIsClosedWhenTheCallCompletes() {
		RegionalClients<FakeClient> bounded = new RegionalClients<>(1, this::make);
		CompletableFuture<String> pending = new CompletableFuture<>();
		CompletableFuture<String> call = bounded.callAsync("us-east-1", (east) -> pending);
		bounded.get("us-west-2");
		FakeClient east = this.made.get(0);
		assertThat(east.closed).hasValue(0);
		pending.complete("done");
		assertThat(call).isCompletedWithValue("done");
		assertThat(east.closed).hasValue(1);
	}

	@Test
	void cancellingAnAsyncCallCancelsTheClientsFutureAndEndsTheLease() {
		RegionalClients<FakeClient> bounded = new RegionalClients<>(1, this::make);
		CompletableFuture<String> pending = new CompletableFuture<>();
		CompletableFuture<String> call = bounded.callAsync("us-east-1", (east) -> pending);
		bounded.get("us-west-2");

		call.cancel(false);

		assertThat(pending).isCancelled();
		assertThat(this.made.get(0).closed).hasValue(1);
	}

	@Test
	void aCallThatThrowsStillEndsItsLease() {
		RegionalClients<FakeClient> bounded = new RegionalClients<>(1, this::make);
		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> bounded.call("us-east-1", (east) -> {
			throw new IllegalStateException("call failed");
		}));
		assertThatExceptionOfType(IllegalStateException.class)
			.isThrownBy(() -> bounded.callAsync("us-east-1", (east) -> {
				throw new IllegalStateException("call failed");
			}));
		bounded.get("us-west-2");
		assertThat(this.made.get(0).closed).hasValue(1);
	}

	@Test
	void manyThreadsOverManyRegionsNeverUseAClosedClientAndLeaveNoneOpen() throws Exception {
		RegionalClients<FakeClient> bounded = new RegionalClients<>(3, this::make);
		ExecutorService threads = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> work = new ArrayList<>();
			for (int t = 0; t < 8; t++) {
				int seed = t;
				work.add(threads.submit(() -> {
					for (int i = 0; i < 2_000; i++) {
						String region = "us-east-" + ((seed * 7 + i) % 10 + 1);
						assertThat(bounded.call(region, FakeClient::use)).isEqualTo(region);
					}
				}));
			}
			for (Future<?> each : work) {
				each.get(60, TimeUnit.SECONDS);
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(bounded.regions()).hasSizeLessThanOrEqualTo(3);
		long open;
		synchronized (this.made) {
			open = this.made.stream().filter((client) -> client.closed.get() == 0).count();
		}
		assertThat(open).isEqualTo(bounded.regions().size());
		bounded.close();
		synchronized (this.made) {
			assertThat(this.made).allSatisfy((client) -> assertThat(client.closed).hasValue(1));
		}
	}

	@Test
	void theLimitMustBePositive() {
		assertThatIllegalArgumentException().isThrownBy(() -> new RegionalClients<>(0, this::make))
			.withMessage("maxClients must be 1 or more, got 0");
	}

	private FakeClient make(String region) {
		FakeClient client = new FakeClient(region);
		synchronized (this.made) {
			this.made.add(client);
		}
		return client;
	}

	static class FakeClient implements SdkAutoCloseable {

		final AtomicInteger closed = new AtomicInteger();

		private final String region;

		FakeClient(String region) {
			this.region = region;
		}

		String region() {
			return this.region;
		}

		/** What a call does: fails as an SDK client does once it is closed. */
		String use() {
			if (this.closed.get() > 0) {
				throw new IllegalStateException(this.region + " client used after close");
			}
			return this.region;
		}

		@Override
		public void close() {
			this.closed.incrementAndGet();
		}

	}

}
