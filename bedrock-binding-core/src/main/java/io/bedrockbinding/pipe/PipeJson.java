package io.bedrockbinding.pipe;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import software.amazon.awssdk.core.document.Document;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The SDK's {@link Document}s (tool inputs, JSON tool results, model fields) as JSON and
 * Jackson trees, and JSON answers as Java records.
 */
public final class PipeJson {

	static final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES,
				DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private PipeJson() {
	}

	/**
	 * {@code document} as JSON text.
	 * @param document a document, such as {@code ToolUseBlock.input()}
	 * @return the JSON
	 */
	public static String toJson(Document document) {
		return mapper.writeValueAsString(toNode(document));
	}

	/**
	 * {@code document} as a Jackson tree.
	 * @param document a document, such as {@code ToolUseBlock.input()}
	 * @return the tree
	 */
	public static JsonNode toNode(Document document) {
		if (document == null || document.isNull()) {
			return nodes.nullNode();
		}
		if (document.isString()) {
			return nodes.stringNode(document.asString());
		}
		if (document.isBoolean()) {
			return nodes.booleanNode(document.asBoolean());
		}
		if (document.isNumber()) {
			return mapper.readTree(document.asNumber().stringValue());
		}
		if (document.isList()) {
			return nodes.arrayNode().addAll(document.asList().stream().map(PipeJson::toNode).toList());
		}
		ObjectNode object = nodes.objectNode();
		document.asMap().forEach((key, value) -> object.set(key, toNode(value)));
		return object;
	}

	/**
	 * JSON text as a document.
	 * @param json the JSON
	 * @return the document
	 * @throws IllegalArgumentException if {@code json} is not JSON
	 */
	public static Document fromJson(String json) {
		try {
			return fromNode(mapper.readTree(json));
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Not JSON: " + ex.getOriginalMessage(), ex);
		}
	}

	/**
	 * A Jackson tree as a document.
	 * @param node the tree
	 * @return the document
	 */
	public static Document fromNode(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return Document.fromNull();
		}
		if (node.isString()) {
			return Document.fromString(node.stringValue());
		}
		if (node.isBoolean()) {
			return Document.fromBoolean(node.booleanValue());
		}
		if (node.isIntegralNumber()) {
			return Document.fromNumber(node.bigIntegerValue());
		}
		if (node.isNumber()) {
			return Document.fromNumber(node.decimalValue());
		}
		if (node.isArray()) {
			return Document.fromList(node.values().stream().map(PipeJson::fromNode).toList());
		}
		Map<String, Document> map = new LinkedHashMap<>();
		for (Map.Entry<String, JsonNode> property : node.properties()) {
			map.put(property.getKey(), fromNode(property.getValue()));
		}
		return Document.fromMap(map);
	}

	/**
	 * Any Java value Jackson can write (a record, a map, a list, ...) as a document.
	 * @param value the value
	 * @return the document
	 */
	public static Document fromValue(Object value) {
		return fromNode(mapper.valueToTree(value));
	}

	/**
	 * Where in a JSON value Jackson failed, such as {@code items[2].price}.
	 * @param failure what Jackson threw
	 * @return the path, or {@code (the whole answer)} when Jackson gave none
	 */
	static String path(JacksonException failure) {
		StringBuilder path = new StringBuilder();
		List<JacksonException.Reference> references = failure.getPath();
		for (JacksonException.Reference reference : references) {
			if (reference.getPropertyName() != null) {
				path.append((path.length() > 0) ? "." : "").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return (path.length() > 0) ? path.toString() : "(the whole answer)";
	}

}
