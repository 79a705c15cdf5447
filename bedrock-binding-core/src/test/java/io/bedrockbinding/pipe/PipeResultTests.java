package io.bedrockbinding.pipe;

import java.util.List;
import java.util.Optional;

import io.bedrockbinding.identifier.TargetKind;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Reading an answer into a record, and the schemas of records. */
class PipeResultTests {

	@Test
	void anAnswerThatMatchesIsReadIntoTheRecord() {
		Order order = answer("{\"customer\":\"Ada\",\"items\":[{\"name\":\"tea\",\"price\":2.5}]}").as(Order.class);

		assertThat(order).isEqualTo(new Order("Ada", List.of(new Item("tea", 2.5)), Optional.empty()));
	}

	@Test
	void aMismatchNamesTheField() {
		PipeResult result = answer("{\"customer\":\"Ada\",\"items\":[{\"name\":\"tea\",\"price\":2.5},"
				+ "{\"name\":\"cake\",\"price\":\"cheap\"}]}");

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> result.as(Order.class))
			.satisfies((failure) -> assertThat(failure.reason()).isEqualTo(FailureReason.OUTPUT_MISMATCH))
			.withMessageContaining("does not match Order at items[1].price")
			.withMessageContaining("cheap");
	}

	@Test
	void aMissingFieldIsNamed() {
		PipeResult result = answer("{\"customer\":\"Ada\"}");

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> result.as(Order.class))
			.withMessageContaining("does not match Order at items: the answer has no items");
	}

	@Test
	void aMissingNumberIsNamedRatherThanReadAsZero() {
		PipeResult result = answer(
				"{\"customer\":\"Ada\",\"items\":[{\"name\":\"tea\",\"price\":1},{\"name\":\"cake\"}]}");

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> result.as(Order.class))
			.withMessageContaining("does not match Order at items[1].price");
	}

	@Test
	void anAnswerThatIsNotJsonSaysSo() {
		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> answer("Sunny.").as(Order.class))
			.withMessageContaining("does not match Order at (the whole answer): not JSON");
	}

	@Test
	void anUnknownFieldIsNamed() {
		PipeResult result = answer("{\"customer\":\"Ada\",\"items\":[],\"discount\":3}");

		assertThatExceptionOfType(BedrockPipeException.class).isThrownBy(() -> result.as(Order.class))
			.withMessageContaining("discount");
	}

	@Test
	void theSchemaOfARecordRequiresAllButOptionalComponents() {
		assertThat(PipeSchemas.of(Order.class))
			.isEqualTo("{\"type\":\"object\",\"properties\":{" + "\"customer\":{\"type\":\"string\"},"
					+ "\"items\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{"
					+ "\"name\":{\"type\":\"string\"},\"price\":{\"type\":\"number\"}},"
					+ "\"required\":[\"name\",\"price\"],\"additionalProperties\":false}},"
					+ "\"note\":{\"type\":\"string\"}},"
					+ "\"required\":[\"customer\",\"items\"],\"additionalProperties\":false}");
	}

	@Test
	void aComponentWithoutAJsonShapeIsNamed() {
		record Bad(Thread thread) {
		}
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> PipeSchemas.of(Bad.class))
			.withMessageContaining("Bad.thread is a java.lang.Thread");
	}

	private static PipeResult answer(String text) {
		ConverseResponse response = ConverseResponse.builder()
			.output((output) -> output.message(Content.assistant(text)))
			.stopReason("end_turn")
			.build();
		return new PipeResult(response, List.of(), "amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0",
				TargetKind.SYSTEM_PROFILE, "us-east-1", "req-1", false, 0);
	}

	record Item(String name, double price) {
	}

	record Order(String customer, List<Item> items, Optional<String> note) {
	}

}
