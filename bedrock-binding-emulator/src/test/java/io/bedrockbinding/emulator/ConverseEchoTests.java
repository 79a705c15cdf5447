package io.bedrockbinding.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.PerformanceConfigLatency;
import software.amazon.awssdk.services.bedrockruntime.model.ServiceTierType;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Performance config, service tier and additional response field paths come back in the
 * answer, sync and streamed.
 */
class ConverseEchoTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	@RegisterExtension
	static final NoRetryRuntimeClient client = new NoRetryRuntimeClient(bedrock);

	@Test
	void aConverseAnswerRepeatsPerformanceConfigServiceTierAndTheAskedResponseFields() {
		ConverseResponse response = client.get()
			.converse((request) -> request.modelId(TestCatalog.HAIKU)
				.messages(ConverseToolTests.user("count to STOP and on"))
				.inferenceConfig((config) -> config.stopSequences("STOP"))
				.performanceConfig((performance) -> performance.latency(PerformanceConfigLatency.OPTIMIZED))
				.serviceTier((tier) -> tier.type(ServiceTierType.PRIORITY))
				.additionalModelResponseFieldPaths("/stop_sequence", "/unknown"));

		assertThat(response.performanceConfig().latency()).isEqualTo(PerformanceConfigLatency.OPTIMIZED);
		assertThat(response.serviceTier().type()).isEqualTo(ServiceTierType.PRIORITY);
		assertThat(response.additionalModelResponseFields().asMap()).containsOnlyKeys("stop_sequence");
		assertThat(response.additionalModelResponseFields().asMap().get("stop_sequence").asString()).isEqualTo("STOP");
	}

	@Test
	void anAnswerWithoutThemHasNone() {
		ConverseResponse response = client.get()
			.converse((request) -> request.modelId(TestCatalog.HAIKU).messages(ConverseToolTests.user("hi")));

		assertThat(response.performanceConfig()).isNull();
		assertThat(response.serviceTier()).isNull();
		assertThat(response.additionalModelResponseFields()).isNull();
	}

	@Test
	void aStreamRepeatsThemInMessageStopAndMetadata() {
		StreamRecording stream = StreamRecording.of(client.async(),
				ConverseStreamRequest.builder()
					.modelId(TestCatalog.HAIKU)
					.messages(ConverseToolTests.user("hi"))
					.performanceConfig((performance) -> performance.latency(PerformanceConfigLatency.OPTIMIZED))
					.serviceTier((tier) -> tier.type(ServiceTierType.FLEX))
					.additionalModelResponseFieldPaths("/stop_sequence")
					.build());

		ConverseStreamMetadataEvent metadata = stream.metadata();
		assertThat(metadata.performanceConfig().latency()).isEqualTo(PerformanceConfigLatency.OPTIMIZED);
		assertThat(metadata.serviceTier().type()).isEqualTo(ServiceTierType.FLEX);
		assertThat(stream.of(MessageStopEvent.class).additionalModelResponseFields().asMap())
			.containsKey("stop_sequence");
	}

}
