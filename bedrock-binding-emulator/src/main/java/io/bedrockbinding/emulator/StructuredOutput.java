package io.bedrockbinding.emulator;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Structured output: {@code outputConfig.textFormat} of type {@code json_schema}, whose
 * {@code structure.jsonSchema.schema} is the JSON schema as a string (the SDK's
 * {@code OutputConfig}, {@code OutputFormat}, {@code JsonSchemaDefinition}). The answer
 * is one text block of JSON valid for it: every property, typed, from the prompt's
 * {@code name=value} where it gives one ({@link SchemaValues}).
 */
final class StructuredOutput {

	private StructuredOutput() {
	}

	/**
	 * The requested schema.
	 * @param root the request body
	 * @return the schema, or {@code null} when the request asks for none
	 */
	static @Nullable JsonNode schema(JsonNode root) {
		JsonNode format = root.path("outputConfig").path("textFormat");
		if (!format.isObject()) {
			return null;
		}
		if (!"json_schema".equals(Json.text(format, "type"))) {
			throw BedrockError.validation("1 validation error detected: Value at 'outputConfig.textFormat.type' "
					+ "failed to satisfy constraint: Member must satisfy enum value set: [json_schema]");
		}
		String schema = Json.text(format.path("structure").path("jsonSchema"), "schema");
		if (schema == null) {
			throw BedrockError.validation("1 validation error detected: Value null at "
					+ "'outputConfig.textFormat.structure.jsonSchema.schema' failed to satisfy constraint: "
					+ "Member must not be null");
		}
		try {
			JsonNode parsed = Json.MAPPER.readTree(schema);
			if (parsed == null || !parsed.isObject()) {
				throw invalid();
			}
			return parsed;
		}
		catch (JacksonException ex) {
			throw invalid();
		}
	}

	// No real text was found for a schema that is not JSON: LocalBedrock's own.
	private static BedrockError invalid() {
		return BedrockError
			.validation("LocalBedrock: outputConfig.textFormat.structure.jsonSchema.schema is not a " + "JSON object.");
	}

	/**
	 * The answer for a schema.
	 * @param schema the schema
	 * @param prompt the question, whose {@code name=value} pairs fill the values
	 * @return the JSON text
	 */
	static String answer(JsonNode schema, String prompt) {
		String type = Json.text(schema, "type");
		if (type != null && !"object".equals(type) && !schema.has("properties")) {
			return SchemaValues
				.object(Json.newObject().set("properties", Json.newObject().set("value", schema)),
						SchemaValues.hints(prompt), true)
				.get("value")
				.toString();
		}
		return SchemaValues.object(schema, SchemaValues.hints(prompt), true).toString();
	}

}
