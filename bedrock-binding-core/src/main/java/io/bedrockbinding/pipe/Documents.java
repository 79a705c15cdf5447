package io.bedrockbinding.pipe;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.document.Document;

/**
 * Plain Java values (maps, lists, strings, numbers, booleans) as SDK {@link Document}s.
 */
final class Documents {

	private Documents() {
	}

	static Document from(@Nullable Object value) {
		if (value == null) {
			return Document.fromNull();
		}
		if (value instanceof Document document) {
			return document;
		}
		if (value instanceof String text) {
			return Document.fromString(text);
		}
		if (value instanceof Boolean bool) {
			return Document.fromBoolean(bool);
		}
		if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
			return Document.fromNumber(((Number) value).longValue());
		}
		if (value instanceof Float || value instanceof Double) {
			return Document.fromNumber(((Number) value).doubleValue());
		}
		if (value instanceof BigDecimal decimal) {
			return Document.fromNumber(decimal);
		}
		if (value instanceof BigInteger integer) {
			return Document.fromNumber(integer);
		}
		if (value instanceof Map<?, ?> map) {
			Map<String, Document> documents = new LinkedHashMap<>();
			map.forEach((key, item) -> documents.put(String.valueOf(key), from(item)));
			return Document.fromMap(documents);
		}
		if (value instanceof List<?> list) {
			return Document.fromList(list.stream().map(Documents::from).toList());
		}
		throw new IllegalArgumentException("Cannot send a " + value.getClass().getName()
				+ " as a model request field: use maps, lists, strings, numbers and booleans");
	}

}
