package io.bedrockbinding.client;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.utils.SdkAutoCloseable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

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

		@Override
		public void close() {
			this.closed.incrementAndGet();
		}

	}

}
