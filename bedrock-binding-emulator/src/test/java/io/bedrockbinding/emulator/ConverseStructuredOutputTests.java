package io.bedrockbinding.emulator;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.JsonSchemaDefinition;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormat;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatStructure;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;
import software.amazon.awssdk.services.bedrockruntime.model.StopReason;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** Structured output: an answer that is valid JSON for the requested schema. */
class ConverseStructuredOutputTests {

	private static final String HAIKU = "anthropic.claude-3-haiku-20240307-v1:0";

	static final String PERSON = """
			{"type":"object","properties":{
			  "name":{"type":"string"},
			  "age":{"type":"integer"},
			  "height":{"type":"number"},
			  "active":{"type":"boolean"},
			  "tags":{"type":"array","items":{"type":"string"}},
			  "role":{"type":"string","enum":["admin","user"]},
			  "address":{"type":"object","properties":{"city":{"type":"string"}},"required":["city"]}},
			 "required":["name","age"],"additionalProperties":false}""";

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()));

	@RegisterExtension
	static final NoRetryRuntimeClient client = new NoRetryRuntimeClient(bedrock);

	@Test
	void theAnswerIsJsonForTheSchemaWithValuesFromTheQuestion() {
		ConverseResponse response = client.get()
			.converse((request) -> request.modelId(HAIKU)
				.messages(ConverseToolTests.user("Describe name=\"Ada Lovelace\" age=36 role=admin"))
				.outputConfig(schema(PERSON)));

		JsonNode json = Json.MAPPER.readTree(response.output().message().content().get(0).text());
		assertThat(response.stopReason()).isEqualTo(StopReason.END_TURN);
		assertThat(json.propertyNames()).containsExactly("name", "age", "height", "active", "tags", "role", "address");
		assertThat(json.get("name").stringValue()).isEqualTo("Ada Lovelace");
		assertThat(json.get("age").isIntegralNumber()).isTrue();
		assertThat(json.get("age").intValue()).isEqualTo(36);
		assertThat(json.get("height").isNumber()).isTrue();
		assertThat(json.get("active").booleanValue()).isTrue();
		assertThat(json.get("tags").isArray()).isTrue();
		assertThat(json.get("role").stringValue()).isEqualTo("admin");
		assertThat(json.get("address").get("city").stringValue()).isEqualTo(SchemaValues.DEFAULT_TEXT);
		assertThat(bedrock.get().journal("Converse").get(0).converse().outputSchema()).isTrue();
	}

	@Test
	void aStreamSendsTheSameJsonInDeltas() {
		String sync = client.get()
			.converse((request) -> request.modelId(HAIKU)
				.messages(ConverseToolTests.user("name=Ada"))
				.outputConfig(schema(PERSON)))
			.output()
			.message()
			.content()
			.get(0)
			.text();

		StreamRecording stream = StreamRecording.of(client.async(),
				ConverseStreamRequest.builder()
					.modelId(HAIKU)
					.messages(ConverseToolTests.user("name=Ada"))
					.outputConfig(schema(PERSON))
					.build());

		assertThat(stream.deltas(0)).hasSizeGreaterThan(2);
		assertThat(stream.text(0)).isEqualTo(sync);
	}

	@Test
	void anyOfTakesItsFirstAlternativeAndConstItsValue() {
		String schema = """
				{"type":"object","properties":{
				  "id":{"anyOf":[{"type":"integer"},{"type":"string"}]},
				  "kind":{"const":"person"}},"required":["id","kind"]}""";

		String text = client.get()
			.converse((request) -> request.modelId(HAIKU)
				.messages(ConverseToolTests.user("id=7"))
				.outputConfig(schema(schema)))
			.output()
			.message()
			.content()
			.get(0)
			.text();

		assertThat(text).isEqualTo("{\"id\":7,\"kind\":\"person\"}");
	}

	@Test
	void aSchemaThatIsNotJsonIsRefused() {
		assertThatExceptionOfType(ValidationException.class)
			.isThrownBy(() -> client.get()
				.converse((request) -> request.modelId(HAIKU)
					.messages(ConverseToolTests.user("x"))
					.outputConfig(schema("not json"))))
			.withMessageContaining("jsonSchema.schema is not a JSON object");
	}

	static OutputConfig schema(String schema) {
		return OutputConfig.builder()
			.textFormat(OutputFormat.builder()
				.type(OutputFormatType.JSON_SCHEMA)
				.structure(OutputFormatStructure
					.fromJsonSchema(JsonSchemaDefinition.builder().name("person").schema(schema).build()))
				.build())
			.build();
	}

}
