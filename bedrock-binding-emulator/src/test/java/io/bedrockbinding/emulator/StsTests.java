package io.bedrockbinding.emulator;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
	void requestIdOfTheBodyIsTheOneOfTheHeader() {
		List<String> headerIds = new ArrayList<>();
		ExecutionInterceptor headers = new ExecutionInterceptor() {

			@Override
			public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
				headerIds.add(context.httpResponse().firstMatchingHeader("x-amzn-RequestId").orElse(null));
			}

		};
		try (LocalBedrock bedrock = LocalBedrock.builder().catalog(TestCatalog.create()).build().start();
				StsClient sts = LocalBedrockClients.of(bedrock)
					.stsBuilder("us-east-1")
					.overrideConfiguration(TestRetries.none().toBuilder().addExecutionInterceptor(headers).build())
					.build()) {
			String answered = sts.getCallerIdentity().responseMetadata().requestId();
			bedrock.faults().failNext("GetCallerIdentity", 1, Fault.ACCESS_DENIED);
			StsException refused = catchThrowableOfType(StsException.class, sts::getCallerIdentity);

			assertThat(refused.statusCode()).isEqualTo(403);
			assertThat(headerIds).hasSize(2).doesNotContainNull().doesNotHaveDuplicates();
			assertThat(List.of(answered, refused.requestId())).isEqualTo(headerIds);
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
