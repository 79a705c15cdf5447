package io.bedrockbinding.pipe;

import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.JsonSchemaDefinition;
import software.amazon.awssdk.services.bedrockruntime.model.OutputConfig;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormat;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatStructure;
import software.amazon.awssdk.services.bedrockruntime.model.OutputFormatType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * JSON schemas of Java records, for tool inputs and structured output. A record becomes
 * an object whose components are all required (but {@link Optional} ones) and no other
 * property allowed; strings, numbers, booleans, enums, lists, sets, arrays, maps with
 * string keys and nested records map to their JSON types.
 */
public final class PipeSchemas {

	private static final JsonNodeFactory nodes = JsonNodeFactory.instance;

	private PipeSchemas() {
	}

	/**
	 * The JSON schema of {@code type}.
	 * @param type a record
	 * @return the schema, as JSON
	 * @throws IllegalArgumentException for a type without a JSON shape, naming the
	 * component
	 */
	public static String of(Class<?> type) {
		return node(type).toString();
	}

	/**
	 * An output configuration that asks for JSON following the schema of {@code type}.
	 * @param type a record
	 * @return the output configuration
	 */
	public static OutputConfig outputConfig(Class<?> type) {
		return outputConfig(type.getSimpleName(), of(type));
	}

	/**
	 * An output configuration that asks for JSON following {@code schema}.
	 * @param name the schema's name
	 * @param schema a JSON schema
	 * @return the output configuration
	 */
	public static OutputConfig outputConfig(String name, String schema) {
		return OutputConfig.builder()
			.textFormat(OutputFormat.builder()
				.type(OutputFormatType.JSON_SCHEMA)
				.structure(OutputFormatStructure
					.fromJsonSchema(JsonSchemaDefinition.builder().name(name).schema(schema).build()))
				.build())
			.build();
	}

	static ObjectNode node(Class<?> type) {
		if (!type.isRecord()) {
			throw new IllegalArgumentException(type.getName() + " is not a record: give its JSON schema instead");
		}
		return schema(type, type.getSimpleName(), new HashSet<>());
	}

	private static ObjectNode schema(Type type, String where, Set<Class<?>> seen) {
		ObjectNode schema = nodes.objectNode();
		Class<?> raw = raw(type);
		if (raw == String.class || raw == Character.class || raw == char.class) {
			return schema.put("type", "string");
		}
		if (raw == boolean.class || raw == Boolean.class) {
			return schema.put("type", "boolean");
		}
		if (raw == int.class || raw == long.class || raw == short.class || raw == byte.class || raw == Integer.class
				|| raw == Long.class || raw == Short.class || raw == Byte.class || raw == BigInteger.class) {
			return schema.put("type", "integer");
		}
		if (raw == double.class || raw == float.class || raw == Double.class || raw == Float.class
				|| raw == BigDecimal.class) {
			return schema.put("type", "number");
		}
		if (raw.isEnum()) {
			ArrayNode values = schema.put("type", "string").putArray("enum");
			Arrays.stream(raw.getEnumConstants()).forEach((constant) -> values.add(((Enum<?>) constant).name()));
			return schema;
		}
		if (raw == Optional.class) {
			return schema(argument(type, 0, where), where, seen);
		}
		if (raw.isArray() || Collection.class.isAssignableFrom(raw)) {
			Type item = (type instanceof GenericArrayType array) ? array.getGenericComponentType()
					: raw.isArray() ? raw.getComponentType() : argument(type, 0, where);
			schema.put("type", "array").set("items", schema(item, where + "[]", seen));
			return schema;
		}
		if (Map.class.isAssignableFrom(raw)) {
			schema.put("type", "object").set("additionalProperties", schema(argument(type, 1, where), where, seen));
			return schema;
		}
		if (raw.isRecord()) {
			if (!seen.add(raw)) {
				throw new IllegalArgumentException(where + ": " + raw.getName() + " contains itself");
			}
			ObjectNode properties = schema.put("type", "object").putObject("properties");
			ArrayNode required = schema.putArray("required");
			for (RecordComponent component : raw.getRecordComponents()) {
				properties.set(component.getName(),
						schema(component.getGenericType(), where + "." + component.getName(), seen));
				if (component.getType() != Optional.class) {
					required.add(component.getName());
				}
			}
			schema.put("additionalProperties", false);
			seen.remove(raw);
			return schema;
		}
		throw new IllegalArgumentException(where + " is a " + raw.getName()
				+ ", which has no JSON schema here: use strings, numbers, booleans, enums, collections, maps or records");
	}

	/**
	 * The first component {@code value} lacks that the schema of {@code type} requires
	 * (Jackson fills a missing number or boolean in silently).
	 * @param value a JSON value
	 * @param type the type it is read into
	 * @param where the path of {@code value}, empty at the top
	 * @return the path of the missing component, or {@code null} when none is missing
	 */
	static @Nullable String missing(JsonNode value, Type type, String where) {
		Class<?> raw = raw(type);
		if (raw.isRecord() && value.isObject()) {
			for (RecordComponent component : raw.getRecordComponents()) {
				String path = where.isEmpty() ? component.getName() : where + "." + component.getName();
				JsonNode property = value.get(component.getName());
				if (property == null && component.getType() != Optional.class) {
					return path;
				}
				String inner = (property != null) ? missing(property, component.getGenericType(), path) : null;
				if (inner != null) {
					return inner;
				}
			}
		}
		else if (Collection.class.isAssignableFrom(raw) && value.isArray() && type instanceof ParameterizedType) {
			int index = 0;
			for (JsonNode item : value.values()) {
				String inner = missing(item, argument(type, 0, where), where + "[" + index++ + "]");
				if (inner != null) {
					return inner;
				}
			}
		}
		return null;
	}

	private static Class<?> raw(Type type) {
		if (type instanceof Class<?> raw) {
			return raw;
		}
		if (type instanceof ParameterizedType parameterized) {
			return (Class<?>) parameterized.getRawType();
		}
		if (type instanceof GenericArrayType) {
			return Object[].class;
		}
		throw new IllegalArgumentException("No JSON schema for the type " + type);
	}

	private static Type argument(Type type, int index, String where) {
		if (type instanceof ParameterizedType parameterized) {
			return parameterized.getActualTypeArguments()[index];
		}
		throw new IllegalArgumentException(where + " is a raw " + type.getTypeName() + ": give its type arguments");
	}

}
