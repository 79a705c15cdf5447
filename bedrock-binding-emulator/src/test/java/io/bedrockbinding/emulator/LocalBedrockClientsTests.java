package io.bedrockbinding.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.sts.StsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every ready-made client of {@link LocalBedrockClients} reaches the emulator in its
 * region.
 */
class LocalBedrockClientsTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()).defaultRegion("us-west-2"));

	@Test
	void readyMadeClientsSignForTheirRegion() {
		LocalBedrockClients clients = bedrock.clients();
		try (BedrockRuntimeClient runtime = clients.runtime("us-east-1");
				BedrockRuntimeAsyncClient async = clients.runtimeAsync("eu-west-1");
				BedrockClient controlPlane = clients.controlPlane("us-east-2");
				StsClient sts = clients.sts("ap-northeast-1");
				BedrockRuntimeClient apiKey = clients.runtimeWithApiKey("bedrock-api-key")) {
			runtime.converse(ConverseTests.request(TestCatalog.HAIKU, "sync"));
			async.converse(ConverseTests.request(TestCatalog.HAIKU, "async")).join();
			controlPlane.listInferenceProfiles((request) -> {
			});
			sts.getCallerIdentity();
			apiKey.converse(ConverseTests.request(TestCatalog.HAIKU, "api key"));
		}

		assertThat(bedrock.journal()).extracting(JournalEntry::api, JournalEntry::region)
			.containsExactly(org.assertj.core.groups.Tuple.tuple("Converse", "us-east-1"),
					org.assertj.core.groups.Tuple.tuple("Converse", "eu-west-1"),
					org.assertj.core.groups.Tuple.tuple("ListInferenceProfiles", "us-east-2"),
					org.assertj.core.groups.Tuple.tuple("GetCallerIdentity", "ap-northeast-1"),
					org.assertj.core.groups.Tuple.tuple("Converse", "us-west-2"));
	}

	@Test
	void fakeCredentialsAreStatic() {
		assertThat(LocalBedrockClients.credentials().resolveCredentials().accessKeyId())
			.isEqualTo(LocalBedrockClients.ACCESS_KEY_ID);
	}

}
