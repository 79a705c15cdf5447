package io.bedrockbinding.emulator;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** The emulator's JSON reading and writing, lenient about what it is sent. */
final class Json {

	static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	/**
	 * The body as a JSON object; a body that is not one is the caller's error.
	 * @param body the request body
	 * @param whatIsWrong what the error says when the body is not a JSON object
	 * @return the parsed object
	 */
	static JsonNode object(byte[] body, String whatIsWrong) {
		try {
			JsonNode node = MAPPER.readTree(body);
			if (node == null || !node.isObject()) {
				throw BedrockError.validation(whatIsWrong);
			}
			return node;
		}
		catch (JacksonException ex) {
			throw BedrockError.validation(whatIsWrong);
		}
	}

	static ObjectNode newObject() {
		return MAPPER.createObjectNode();
	}

	static byte[] bytes(JsonNode node) {
		return MAPPER.writeValueAsBytes(node);
	}

	static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isString()) ? value.stringValue() : null;
	}

	/**
	 * An integer field; absent or not a number is {@code null}.
	 * @param node the object holding the field
	 * @param field the field's name
	 * @return its value
	 * @throws BedrockError (a validation error) when the number is no 32-bit integer, as
	 * the SDK's {@code Integer} members always are
	 */
	static @Nullable Integer integer(JsonNode node, String field) {
		JsonNode value = node.get(field);
		if (value == null || !value.isNumber()) {
			return null;
		}
		if (!value.canConvertToExactIntegral() || !value.canConvertToInt()) {
			throw BedrockError.validation("LocalBedrock: " + field + " must be a 32-bit integer, got " + value + ".");
		}
		return value.intValue();
	}

	/**
	 * A token limit of a native body, such as {@code max_tokens}: an integer of at least
	 * 1.
	 * @param node the object holding the field
	 * @param field the field's name
	 * @return its value, {@code null} when absent
	 * @throws BedrockError (a validation error) when it is no integer or less than 1
	 */
	static @Nullable Integer limit(JsonNode node, String field) {
		Integer value = integer(node, field);
		if (value != null && value < 1) {
			throw BedrockError.validation("LocalBedrock: " + field + " must be at least 1, got " + value + ".");
		}
		return value;
	}

	static @Nullable Double number(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return (value != null && value.isNumber()) ? value.doubleValue() : null;
	}

	/**
	 * The string elements of an array field; absent or not an array is empty.
	 * @param node the object holding the field
	 * @param field the name of the array field
	 * @return its string elements
	 */
	static List<String> texts(JsonNode node, String field) {
		JsonNode value = node.get(field);
		List<String> texts = new ArrayList<>();
		if (value != null && value.isArray()) {
			for (JsonNode element : value) {
				if (element.isString()) {
					texts.add(element.stringValue());
				}
			}
		}
		return texts;
	}

	/**
	 * The elements of an array field; absent or not an array is empty.
	 * @param node the object holding the field
	 * @param field the name of the array field
	 * @return its elements
	 */
	static List<JsonNode> elements(JsonNode node, String field) {
		JsonNode value = node.get(field);
		List<JsonNode> elements = new ArrayList<>();
		if (value != null && value.isArray()) {
			value.forEach(elements::add);
		}
		return elements;
	}

}
