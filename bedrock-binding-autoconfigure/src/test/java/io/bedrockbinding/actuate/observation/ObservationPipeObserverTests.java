package io.bedrockbinding.actuate.observation;

import java.util.List;

import io.bedrockbinding.identifier.TargetKind;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.Content;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeObserver;
import io.bedrockbinding.pipe.PipeResult;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ObservationPipeObserverTests {

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final PipeObserver observer = new ObservationPipeObserver(this.observations, null,
			new MeterRegistryPipeTokenCounter(this.meters));

	@Test
	void runningCallHasUnknownOutcome() {
		this.observer.start("amazon.nova-pro-v1:0", TargetKind.PROFILE_ARN, "us-east-2");
		assertThat(this.observations).hasSingleObservationThat()
			.hasBeenStarted()
			.isNotStopped()
			.hasLowCardinalityKeyValue("outcome", "UNKNOWN")
			.hasLowCardinalityKeyValue("target.kind", "PROFILE_ARN")
			.hasLowCardinalityKeyValue("region", "us-east-2");
	}

	@Test
	void failureWithoutAwsErrorCodeIsTaggedWithItsReason() {
		BedrockPipeException failure = new BedrockPipeException(FailureReason.CONNECTION_FAILED, "amazon.nova-pro-v1:0",
				"us.amazon.nova-pro-v1:0", "us-east-1", null, null, "connection refused", "start LocalBedrock", null);
		this.observer.start("amazon.nova-pro-v1:0", TargetKind.SYSTEM_PROFILE, "us-east-1").failed(failure);
		assertThat(this.observations).hasSingleObservationThat()
			.hasBeenStopped()
			.hasLowCardinalityKeyValue("outcome", "ERROR")
			.hasLowCardinalityKeyValue("error.code", "CONNECTION_FAILED")
			.hasError(failure);
		assertThat(this.meters.find("bedrock.pipe.tokens").counters()).isEmpty();
	}

	@Test
	void tokensAreCountedPerModelAndDirection() {
		this.observer.start("amazon.nova-pro-v1:0", TargetKind.DIRECT, "us-east-1")
			.succeeded(result("amazon.nova-pro-v1:0", 3, 5));
		this.observer.start("amazon.nova-pro-v1:0", TargetKind.DIRECT, "us-east-1")
			.succeeded(result("amazon.nova-pro-v1:0", 4, 6));
		this.observer.start("amazon.nova-micro-v1:0", TargetKind.DIRECT, "us-east-1")
			.succeeded(result("amazon.nova-micro-v1:0", 1, 2));
		assertThat(count("amazon.nova-pro-v1:0", "input")).isEqualTo(7);
		assertThat(count("amazon.nova-pro-v1:0", "output")).isEqualTo(11);
		assertThat(count("amazon.nova-micro-v1:0", "input")).isEqualTo(1);
		assertThat(count("amazon.nova-micro-v1:0", "output")).isEqualTo(2);
		assertThat(this.meters.get("bedrock.pipe.tokens").counter().getId().getBaseUnit()).isEqualTo("tokens");
	}

	@Test
	void observationStopsEvenWhenCountingFails() {
		PipeObserver failing = new ObservationPipeObserver(this.observations, null, (model, usage) -> {
			throw new IllegalStateException("meter registry is broken");
		});
		PipeObserver.Call call = failing.start("amazon.nova-pro-v1:0", TargetKind.DIRECT, "us-east-1");
		assertThatIllegalStateException().isThrownBy(() -> call.succeeded(result("amazon.nova-pro-v1:0", 1, 1)));
		assertThat(this.observations).hasSingleObservationThat().hasBeenStopped();
	}

	private double count(String model, String direction) {
		return this.meters.get("bedrock.pipe.tokens").tag("model", model).tag("direction", direction).counter().count();
	}

	private static PipeResult result(String model, int input, int output) {
		ConverseResponse response = ConverseResponse.builder()
			.output((o) -> o.message(Content.assistant("hi")))
			.stopReason("end_turn")
			.usage((u) -> u.inputTokens(input).outputTokens(output).totalTokens(input + output))
			.metrics((m) -> m.latencyMs(5L))
			.build();
		return new PipeResult(response, List.of(), model, model, TargetKind.DIRECT, "us-east-1", "request-1", false, 0);
	}

}
