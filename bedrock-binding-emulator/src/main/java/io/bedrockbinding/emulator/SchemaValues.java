package io.bedrockbinding.emulator;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Deterministic values for a JSON schema, the emulator's stand-in for a model filling in
 * tool arguments or a structured answer. A value the prompt gives as {@code name=value}
 * or {@code name: value} ({@code "quoted"} for text with spaces; a bare value ends before
 * whitespace, {@code ,} or {@code ;} and loses trailing {@code .?!)}) is used, converted
 * to the property's type; every other value is a typed default: strings
 * {@code "LocalBedrock"}, numbers {@code 1}, booleans {@code true}, enums their first
 * value, {@code const} its value, arrays empty, objects filled the same way;
 * {@code anyOf}/{@code oneOf} take their first alternative.
 */
final class SchemaValues {

	static final String DEFAULT_TEXT = "LocalBedrock";

	private static final Pattern HINT = Pattern.compile("([A-Za-z_][A-Za-z0-9_]*)\\s*[=:]\\s*(\"([^\"]*)\"|[^\\s,;]+)");

	private static final int MAX_DEPTH = 8;

	private SchemaValues() {
	}

	/**
	 * The {@code name=value} pairs of a prompt, last one wins.
	 * @param text the prompt
	 * @return the values by name
	 */
	static Map<String, String> hints(String text) {
		Map<String, String> hints = new LinkedHashMap<>();
		Matcher matcher = HINT.matcher(text);
		while (matcher.find()) {
			String value = (matcher.group(3) != null) ? matcher.group(3) : matcher.group(2).replaceAll("[.?!)]+$", "");
			hints.put(matcher.group(1), value);
		}
		return hints;
	}

	/**
	 * An object for an {@code object} schema.
	 * @param schema the schema
	 * @param hints the values the prompt gives
	 * @param every whether to fill every property (a structured answer) or only the
	 * required ones and those the prompt gives (tool arguments)
	 * @return the object
	 */
	static ObjectNode object(JsonNode schema, Map<String, String> hints, boolean every) {
		return object(schema, hints, every, 0);
	}

	private static ObjectNode object(JsonNode schema, Map<String, String> hints, boolean every, int depth) {
		ObjectNode object = Json.newObject();
		JsonNode properties = schema.path("properties");
		java.util.Set<String> required = new java.util.LinkedHashSet<>(Json.texts(schema, "required"));
		for (String name : properties.propertyNames()) {
			if (every || required.contains(name) || hints.containsKey(name)) {
				object.set(name, value(properties.path(name), hints.get(name), hints, every, depth + 1));
			}
		}
		for (String name : required) {
			if (!object.has(name)) {
				object.put(name, (hints.get(name) != null) ? hints.get(name) : DEFAULT_TEXT);
			}
		}
		return object;
	}

	private static JsonNode value(JsonNode schema, String hint, Map<String, String> hints, boolean every, int depth) {
		for (String alternatives : new String[] { "anyOf", "oneOf" }) {
			JsonNode options = schema.get(alternatives);
			if (options != null && options.isArray() && !options.isEmpty() && depth <= MAX_DEPTH) {
				return value(options.get(0), hint, hints, every, depth + 1);
			}
		}
		JsonNode constant = schema.get("const");
		if (constant != null) {
			return constant;
		}
		JsonNode enumeration = schema.get("enum");
		if (enumeration != null && enumeration.isArray() && !enumeration.isEmpty()) {
			for (JsonNode option : enumeration) {
				if (hint != null && option.asString().equalsIgnoreCase(hint)) {
					return option;
				}
			}
			return enumeration.get(0);
		}
		String type = type(schema);
		switch (type) {
			case "integer":
				return Json.MAPPER.getNodeFactory().numberNode(parseLong(hint));
			case "number":
				return Json.MAPPER.getNodeFactory().numberNode(parseDouble(hint));
			case "boolean":
				return Json.MAPPER.getNodeFactory().booleanNode(hint == null || !hint.equalsIgnoreCase("false"));
			case "array":
				ArrayNode array = Json.MAPPER.createArrayNode();
				if (hint != null) {
					array.add(value(schema.path("items"), hint, hints, every, depth + 1));
				}
				return array;
			case "object":
				return (depth > MAX_DEPTH) ? Json.newObject() : object(schema, hints, every, depth);
			case "null":
				return Json.MAPPER.getNodeFactory().nullNode();
			default:
				return Json.MAPPER.getNodeFactory().stringNode((hint != null) ? hint : DEFAULT_TEXT);
		}
	}

	// The schema's type; a list of types (["string","null"]) takes its first.
	private static String type(JsonNode schema) {
		JsonNode type = schema.get("type");
		if (type != null && type.isArray() && !type.isEmpty()) {
			type = type.get(0);
		}
		if (type != null && type.isString()) {
			return type.stringValue().toLowerCase(Locale.ROOT);
		}
		return schema.has("properties") ? "object" : "string";
	}

	private static long parseLong(String hint) {
		try {
			return (hint != null) ? (long) Double.parseDouble(hint) : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

	private static double parseDouble(String hint) {
		try {
			return (hint != null) ? Double.parseDouble(hint) : 1;
		}
		catch (NumberFormatException ex) {
			return 1;
		}
	}

}
