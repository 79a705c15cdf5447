package io.bedrockbinding.emulator;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

import static org.assertj.core.api.Assertions.assertThat;

/** STS GetCallerIdentity through the real StsClient (query protocol, XML). */
class StsTests {

	@Test
	void getCallerIdentityAnswersWithTheConfiguredAccount() {
		try (LocalBedrock bedrock = LocalBedrock.builder()
			.catalog(TestCatalog.create())
			.accountId("123456789012")
			.build()
			.start();
				StsClient sts = LocalBedrockClients.of(bedrock)
					.stsBuilder("eu-central-1")
					.overrideConfiguration(TestRetries.none())
					.build()) {
			GetCallerIdentityResponse identity = sts.getCallerIdentity();

			assertThat(identity.account()).isEqualTo("123456789012");
			assertThat(identity.arn()).isEqualTo("arn:aws:iam::123456789012:user/local-bedrock");
			assertThat(identity.userId()).isNotBlank();
			assertThat(identity.responseMetadata().requestId()).isNotBlank();
			assertThat(bedrock.journal()).singleElement().satisfies((entry) -> {
				assertThat(entry.api()).isEqualTo("GetCallerIdentity");
				assertThat(entry.region()).isEqualTo("eu-central-1");
				assertThat(entry.body()).contains("Action=GetCallerIdentity").contains("Version=2011-06-15");
				assertThat(entry.modelId()).isNull();
				assertThat(entry.status()).isEqualTo(200);
			});
		}
	}

	@Test
	void defaultAccountIsTheDocumentationAccount() {
		try (LocalBedrock bedrock = LocalBedrock.builder().catalog(TestCatalog.create()).build().start();
				StsClient sts = LocalBedrockClients.of(bedrock).sts("us-east-1")) {
			assertThat(sts.getCallerIdentity().account()).isEqualTo(LocalBedrock.DEFAULT_ACCOUNT_ID)
				.isEqualTo(bedrock.accountId());
		}
	}

}
