package io.bedrockbinding.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Test classes that {@link LocalBedrockExtensionTests} runs with the JUnit engine test
 * kit (nested, so that Surefire does not run them on their own). Each test makes one call
 * and expects to be alone in the journal: that fails unless the extension resets it.
 */
final class ExtensionFixtures {

	/** Every emulator the fixtures saw, in order. */
	static final List<LocalBedrock> SEEN = new CopyOnWriteArrayList<>();

	private ExtensionFixtures() {
	}

	static void callAndExpectAFreshJournal(LocalBedrock bedrock) {
		SEEN.add(bedrock);
		assertThat(bedrock.isRunning()).isTrue();
		assertThat(bedrock.journal()).isEmpty();
		try (BedrockRuntimeClient client = LocalBedrockClients.of(bedrock)
			.runtimeBuilder("us-east-1")
			.overrideConfiguration(TestRetries.none())
			.build()) {
			client.converse(ConverseTests.request(TestCatalog.HAIKU, "fixture"));
		}
		assertThat(bedrock.journal()).hasSize(1);
	}

	static class StaticField {

		@RegisterExtension
		static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
				LocalBedrock.builder().catalog(TestCatalog.create()));

		@Test
		void first() {
			callAndExpectAFreshJournal(bedrock.get());
		}

		@Test
		void second(LocalBedrock injected) {
			assertThat(injected).isSameAs(bedrock.get());
			callAndExpectAFreshJournal(injected);
		}

	}

	@ExtendWith(LocalBedrockExtension.class)
	static class Declared {

		private final LocalBedrock fromConstructor;

		Declared(LocalBedrock fromConstructor) {
			this.fromConstructor = fromConstructor;
		}

		@Test
		void first(LocalBedrock bedrock) {
			assertThat(bedrock).isSameAs(this.fromConstructor);
			callAndExpectAFreshJournal(bedrock);
		}

		@Test
		void second(LocalBedrock bedrock, LocalBedrockClients clients) {
			assertThat(bedrock).isSameAs(this.fromConstructor);
			assertThat(clients).isNotNull();
			callAndExpectAFreshJournal(bedrock);
		}

		@Nested
		class Inner {

			@Test
			void sharesTheEmulatorOfTheEnclosingClass(LocalBedrock bedrock) {
				assertThat(bedrock).isSameAs(Declared.this.fromConstructor);
				callAndExpectAFreshJournal(bedrock);
			}

		}

	}

	static class InstanceField {

		@RegisterExtension
		final LocalBedrockExtension bedrock = new LocalBedrockExtension(
				LocalBedrock.builder().catalog(TestCatalog.create()));

		@Test
		void first() {
			callAndExpectAFreshJournal(this.bedrock.get());
		}

		@Test
		void second() {
			callAndExpectAFreshJournal(this.bedrock.get());
		}

	}

}
