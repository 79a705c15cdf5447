package io.bedrockbinding.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code @ExtendWith} with the built-in catalog: the way most users will start. */
@ExtendWith(LocalBedrockExtension.class)
class DeclaredExtensionTests {

	private final LocalBedrock bedrock;

	DeclaredExtensionTests(LocalBedrock bedrock) {
		this.bedrock = bedrock;
	}

	@Test
	void builtInCatalogRefusesNovaProOnDemandOutsideItsRegionsAndAcceptsItsProfile(LocalBedrockClients clients) {
		try (BedrockRuntimeClient client = clients.runtimeBuilder("us-west-2")
			.overrideConfiguration(TestRetries.none())
			.build()) {
			String text = ConverseTests
				.text(client.converse(ConverseTests.request("us.amazon.nova-pro-v1:0", "built in")));

			assertThat(text).isEqualTo("[amazon.nova-pro-v1:0 via us.amazon.nova-pro-v1:0] You said: built in");
		}
		assertThat(this.bedrock.needsProfile("amazon.nova-pro-v1:0", "us-west-2")).isTrue();
		assertThat(this.bedrock.journal()).hasSize(1);
	}

	@Test
	void journalStartsEmptyInEveryTest() {
		assertThat(this.bedrock.journal()).isEmpty();
		assertThat(this.bedrock.isRunning()).isTrue();
	}

}
