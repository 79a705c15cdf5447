package io.bedrockbinding.emulator;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.AccessDeniedException;
import software.amazon.awssdk.services.bedrockruntime.model.BedrockRuntimeException;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelErrorException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelNotReadyException;
import software.amazon.awssdk.services.bedrockruntime.model.ModelTimeoutException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceQuotaExceededException;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceUnavailableException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** Injected failures and latency, as the real SDK (and its retries) see them. */
class FaultsTests {

	private static final Map<Fault, Class<? extends BedrockRuntimeException>> EXCEPTIONS = Map.of(Fault.THROTTLING,
			ThrottlingException.class, Fault.SERVICE_UNAVAILABLE, ServiceUnavailableException.class,
			Fault.MODEL_TIMEOUT, ModelTimeoutException.class, Fault.INTERNAL_SERVER, InternalServerException.class,
			Fault.ACCESS_DENIED, AccessDeniedException.class, Fault.SERVICE_QUOTA_EXCEEDED,
			ServiceQuotaExceededException.class, Fault.MODEL_ERROR, ModelErrorException.class, Fault.MODEL_NOT_READY,
			ModelNotReadyException.class);

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	private static BedrockRuntimeClient noRetries;

	private static BedrockRuntimeClient threeAttempts;

	@BeforeAll
	static void clients() {
		noRetries = bedrock.clients().runtimeBuilder("us-east-1").overrideConfiguration(TestRetries.none()).build();
		threeAttempts = bedrock.clients()
			.runtimeBuilder("us-east-1")
			.overrideConfiguration(TestRetries.attempts(3))
			.build();
	}

	@AfterAll
	static void closeClients() {
		noRetries.close();
		threeAttempts.close();
	}

	@ParameterizedTest
	@EnumSource(Fault.class)
	void everyFaultReachesTheSdkAsItsException(Fault fault) {
		bedrock.faults().failNext(1, fault);

		RuntimeErrorsTests.assertError(() -> noRetries.converse(ConverseTests.request(TestCatalog.HAIKU, "hi")),
				EXCEPTIONS.get(fault), fault.status(), fault.message());
		assertThat(noRetries.converse(ConverseTests.request(TestCatalog.HAIKU, "hi")).stopReasonAsString())
			.isEqualTo("end_turn");
		assertThat(bedrock.journal()).extracting(JournalEntry::status).containsExactly(fault.status(), 200);
	}

	@Test
	void retriesOfTheSdkConsumeInjectedFailures() {
		bedrock.faults().failNext(2, Fault.THROTTLING);

		ConverseResponse response = threeAttempts
			.converse(ConverseTests.request(TestCatalog.HAIKU, "third time lucky"));

		assertThat(response.stopReasonAsString()).isEqualTo("end_turn");
		assertThat(bedrock.journal()).extracting(JournalEntry::status).containsExactly(429, 429, 200);
		assertThat(bedrock.faults().remaining()).isZero();
	}

	@Test
	void failuresBeyondTheRetriesReachTheCaller() {
		bedrock.faults().failNext(5, Fault.SERVICE_UNAVAILABLE);

		assertThatExceptionOfType(ServiceUnavailableException.class)
			.isThrownBy(() -> threeAttempts.converse(ConverseTests.request(TestCatalog.HAIKU, "hi")));
		assertThat(bedrock.journal()).hasSize(3);
		assertThat(bedrock.faults().remaining()).isEqualTo(2);
	}

	@Test
	void failuresQueueUpInOrder() {
		bedrock.faults().failNext(1, Fault.THROTTLING).failNext(1, Fault.MODEL_TIMEOUT);

		assertThatExceptionOfType(ThrottlingException.class)
			.isThrownBy(() -> noRetries.converse(ConverseTests.request(TestCatalog.HAIKU, "1")));
		assertThatExceptionOfType(ModelTimeoutException.class)
			.isThrownBy(() -> noRetries.converse(ConverseTests.request(TestCatalog.HAIKU, "2")));
		assertThat(noRetries.converse(ConverseTests.request(TestCatalog.HAIKU, "3")).stopReasonAsString())
			.isEqualTo("end_turn");
	}

	@Test
	void runtimeFaultsLeaveTheControlPlaneAlone() {
		bedrock.faults().failNext(1, Fault.THROTTLING);
		try (BedrockClient controlPlane = bedrock.clients()
			.controlPlaneBuilder("us-east-1")
			.overrideConfiguration(TestRetries.none())
			.build()) {
			assertThat(controlPlane.listFoundationModels((request) -> {
			}).modelSummaries()).isNotEmpty();
		}
		assertThat(bedrock.faults().remaining()).isEqualTo(1);
	}

	@Test
	void faultsOfOneApiHitOnlyThatApi() {
		bedrock.faults().failNext("ListFoundationModels", 1, Fault.THROTTLING);

		assertThat(noRetries.converse(ConverseTests.request(TestCatalog.HAIKU, "hi")).stopReasonAsString())
			.isEqualTo("end_turn");
		try (BedrockClient controlPlane = bedrock.clients()
			.controlPlaneBuilder("us-east-1")
			.overrideConfiguration(TestRetries.none())
			.build()) {
			assertThatExceptionOfType(software.amazon.awssdk.services.bedrock.model.ThrottlingException.class)
				.isThrownBy(() -> controlPlane.listFoundationModels((request) -> {
				}))
				.satisfies((ex) -> assertThat(ex.statusCode()).isEqualTo(429));
		}
	}

	@Test
	void stsFaultsAnswerInXml() {
		bedrock.faults().failNext("GetCallerIdentity", 1, Fault.ACCESS_DENIED);
		try (StsClient sts = bedrock.clients()
			.stsBuilder("us-east-1")
			.overrideConfiguration(TestRetries.none())
			.build()) {
			assertThatExceptionOfType(StsException.class).isThrownBy(sts::getCallerIdentity).satisfies((ex) -> {
				assertThat(ex.statusCode()).isEqualTo(403);
				assertThat(ex.awsErrorDetails().errorCode()).isEqualTo("AccessDenied");
				assertThat(ex.awsErrorDetails().errorMessage()).isEqualTo(Fault.ACCESS_DENIED.message());
			});
		}
	}

	@Test
	void latencyDelaysEveryRuntimeAnswerAndCountsInLatencyMs() {
		bedrock.faults().latency(Duration.ofMillis(300));

		long start = System.nanoTime();
		ConverseResponse response = noRetries.converse(ConverseTests.request(TestCatalog.HAIKU, "slow"));
		long elapsedMillis = (System.nanoTime() - start) / 1_000_000;

		assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
		assertThat(response.metrics().latencyMs()).isGreaterThanOrEqualTo(300);
	}

	@Test
	void resetRemovesLatencyAndFailures() {
		bedrock.faults().latency(Duration.ofSeconds(5)).failNext(3, Fault.INTERNAL_SERVER).breakNextStream(1);
		bedrock.get().reset();

		ConverseResponse response = noRetries.converse(ConverseTests.request(TestCatalog.HAIKU, "fast"));

		assertThat(response.metrics().latencyMs()).isLessThan(5000);
		assertThat(bedrock.faults().remaining()).isZero();
		assertThat(bedrock.faults().latency()).isZero();
	}

	@Test
	void invalidFaultSettingsAreRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> bedrock.faults().failNext(-1, Fault.THROTTLING));
		assertThatIllegalArgumentException().isThrownBy(() -> bedrock.faults().latency(Duration.ofMillis(-1)));
		assertThatIllegalArgumentException().isThrownBy(() -> bedrock.faults().breakNextStream(1, Fault.ACCESS_DENIED))
			.withMessageContaining("ACCESS_DENIED");
	}

}
