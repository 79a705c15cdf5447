package io.bedrockbinding.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.bedrockbinding.identifier.ModelIds;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads {@code catalog.json} with Jackson's streaming parser, token by token: no data
 * binder to initialise, which took most of the time of loading the built-in catalog.
 * Unknown fields are skipped; every error names its line and column, the model and the
 * field.
 */
final class CatalogReader {

	private static final JsonFactory FACTORY = new JsonFactory();

	private final JsonParser parser;

	/** The geographies, once read: a model's geoRegions key is checked against them. */
	private @Nullable Set<String> prefixes;

	/** The geoRegions keys of models read before the geographies, checked after. */
	private final List<GeoKey> pendingKeys = new ArrayList<>();

	private CatalogReader(JsonParser parser) {
		this.parser = parser;
	}

	static ModelCatalog read(InputStream json) throws IOException {
		try (JsonParser parser = FACTORY.createParser(json)) {
			return new CatalogReader(parser).document();
		}
		catch (JacksonException ex) {
			throw new IOException("Invalid model catalog" + at(ex.getLocation()) + ": " + ex.getOriginalMessage(), ex);
		}
	}

	private ModelCatalog document() throws IOException {
		JsonToken first = this.parser.nextToken();
		if (first == null) {
			throw new IOException("Invalid model catalog: the document is empty");
		}
		if (first == JsonToken.VALUE_NULL) {
			throw new IOException("Invalid model catalog: the document is empty (null)");
		}
		if (first != JsonToken.START_OBJECT) {
			throw invalid("the document must be a JSON object {\"geographies\":[...],\"models\":[...]}");
		}
		List<CatalogSource> sources = List.of();
		List<Geography> geographies = List.of();
		List<ModelInfo> models = null;
		for (String name = this.parser.nextName(); name != null; name = this.parser.nextName()) {
			this.parser.nextToken();
			switch (name) {
				case "sources" -> sources = array("\"sources\"", this::source);
				case "geographies" -> {
					geographies = array("\"geographies\"", this::geography);
					this.prefixes = new HashSet<>(geographies.stream().map(Geography::prefix).toList());
					checkPendingKeys();
				}
				case "models" -> models = array("\"models\"", this::model);
				default -> this.parser.skipChildren();
			}
		}
		if (this.parser.nextToken() != null) {
			throw invalid("content after the end of the document");
		}
		if (models == null) {
			// {} or a file of something else: a catalog without models would hide every
			// model of the built-in one
			throw new IOException("Invalid model catalog: it has no \"models\" array (a catalog is "
					+ "{\"geographies\":[...],\"models\":[...]}, as refresh-catalog writes it)");
		}
		if (this.prefixes == null) {
			this.prefixes = Set.of();
			checkPendingKeys();
		}
		checkCitations(models, sources);
		return new ModelCatalog(models, new Geographies(geographies), sources);
	}

	private CatalogSource source() throws IOException {
		TokenStreamLocation start = startObject("a source");
		String key = null;
		String title = null;
		String url = null;
		LocalDate retrieved = null;
		for (String name = this.parser.nextName(); name != null; name = this.parser.nextName()) {
			this.parser.nextToken();
			String owner = "source " + ((key != null) ? quoted(key) : "at line " + start.getLineNr());
			switch (name) {
				case "key" -> key = string(name, owner);
				case "title" -> title = string(name, owner);
				case "url" -> url = string(name, owner);
				case "retrieved" -> retrieved = date(name, owner);
				default -> this.parser.skipChildren();
			}
		}
		if (key == null || key.isBlank()) {
			throw invalid(start, "a catalog source has no \"key\"");
		}
		return new CatalogSource(key, title, url, retrieved);
	}

	private Geography geography() throws IOException {
		TokenStreamLocation start = startObject("a geography");
		String prefix = null;
		List<String> regions = null;
		for (String name = this.parser.nextName(); name != null; name = this.parser.nextName()) {
			this.parser.nextToken();
			String owner = "geography " + ((prefix != null) ? quoted(prefix) : "at line " + start.getLineNr());
			switch (name) {
				case "prefix" -> prefix = string(name, owner);
				case "regions" -> regions = strings(name, owner);
				default -> this.parser.skipChildren();
			}
		}
		if (prefix == null || prefix.isBlank()) {
			throw invalid(start, "a catalog geography has no \"prefix\"");
		}
		return new Geography(prefix, orEmpty(regions));
	}

	private ModelInfo model() throws IOException {
		TokenStreamLocation start = startObject("a model");
		ModelFields fields = new ModelFields();
		for (String name = this.parser.nextName(); name != null; name = this.parser.nextName()) {
			this.parser.nextToken();
			String owner = (fields.id != null) ? "model " + quoted(fields.id)
					: "the model at line " + start.getLineNr();
			switch (name) {
				case "id" -> fields.id = id(owner);
				case "provider" -> fields.provider = string(name, owner);
				case "providerName" -> fields.providerName = string(name, owner);
				case "name" -> fields.name = string(name, owner);
				case "provisionedOnly" -> fields.provisionedOnly = bool(name, owner);
				case "onDemand" -> fields.onDemand = strings(name, owner);
				case "profileOnly" -> fields.profileOnly = strings(name, owner);
				case "geos" -> fields.geos = strings(name, owner);
				case "needsProfile" -> fields.needsProfile = bool(name, owner);
				case "streaming" -> fields.streaming = bool(name, owner);
				case "input" -> fields.input = strings(name, owner);
				case "output" -> fields.output = strings(name, owner);
				case "lifecycle" -> fields.lifecycle = lifecycle(owner);
				case "sources" -> fields.sources = strings(name, owner);
				case "geoRegions" -> geoRegions(owner, fields);
				default -> this.parser.skipChildren();
			}
		}
		return fields.toModel(start);
	}

	/**
	 * Reads {@code "geoRegions" : { "us" : [ "ca-central-1" ] }}, each key a geography
	 * the catalog defines (checked now, or once the geographies are read).
	 * @param owner the model, for messages
	 * @param fields where the regions and each key's location go
	 */
	private void geoRegions(String owner, ModelFields fields) throws IOException {
		if (this.parser.currentToken() == JsonToken.VALUE_NULL) {
			return;
		}
		if (this.parser.currentToken() != JsonToken.START_OBJECT) {
			throw invalid("\"geoRegions\" of " + owner + " must be an object {\"us\":[\"ca-central-1\"],...}");
		}
		fields.geoRegions = new LinkedHashMap<>();
		for (String prefix = this.parser.nextName(); prefix != null; prefix = this.parser.nextName()) {
			GeoKey key = new GeoKey(owner, prefix, this.parser.currentTokenLocation());
			if (this.prefixes != null) {
				key.check(this.prefixes);
			}
			else {
				this.pendingKeys.add(key);
			}
			this.parser.nextToken();
			fields.geoRegions.put(prefix, orEmpty(strings("geoRegions." + prefix, owner)));
			fields.geoRegionKeys.put(prefix, key.location());
		}
	}

	private void checkPendingKeys() throws IOException {
		for (GeoKey key : this.pendingKeys) {
			key.check(this.prefixes);
		}
		this.pendingKeys.clear();
	}

	private @Nullable Lifecycle lifecycle(String owner) throws IOException {
		if (this.parser.currentToken() == JsonToken.VALUE_NULL) {
			return null;
		}
		if (this.parser.currentToken() != JsonToken.START_OBJECT) {
			throw invalid("\"lifecycle\" of " + owner + " must be an object {\"status\":\"LEGACY\",...}");
		}
		Lifecycle.Status status = Lifecycle.Status.ACTIVE;
		LocalDate legacy = null;
		LocalDate extended = null;
		LocalDate endOfLife = null;
		String successor = null;
		for (String name = this.parser.nextName(); name != null; name = this.parser.nextName()) {
			this.parser.nextToken();
			switch (name) {
				case "status" -> status = status(owner);
				case "legacy" -> legacy = date(name, owner);
				case "publicExtendedAccess" -> extended = date(name, owner);
				case "endOfLife" -> endOfLife = date(name, owner);
				case "successor" -> successor = string(name, owner);
				default -> this.parser.skipChildren();
			}
		}
		return new Lifecycle(status, legacy, extended, endOfLife, successor);
	}

	private Lifecycle.Status status(String owner) throws IOException {
		String value = string("status", owner);
		if (value == null) {
			return Lifecycle.Status.ACTIVE;
		}
		try {
			return Lifecycle.Status.valueOf(value.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw invalid("\"lifecycle.status\" of " + owner + " is " + quoted(value) + ": use ACTIVE or LEGACY");
		}
	}

	private TokenStreamLocation startObject(String what) throws IOException {
		if (this.parser.currentToken() != JsonToken.START_OBJECT) {
			throw invalid("each element must be an object describing " + what);
		}
		return this.parser.currentTokenLocation();
	}

	private <T> List<T> array(String what, Element<T> element) throws IOException {
		if (this.parser.currentToken() == JsonToken.VALUE_NULL) {
			return List.of();
		}
		if (this.parser.currentToken() != JsonToken.START_ARRAY) {
			throw invalid(what + " must be an array");
		}
		List<T> list = new ArrayList<>();
		while (this.parser.nextToken() != JsonToken.END_ARRAY) {
			list.add(element.read());
		}
		return list;
	}

	// A model's ID becomes a line of a new inference file and a key of the bindings.
	private @Nullable String id(String owner) throws IOException {
		String id = string("id", owner);
		if (id != null && !ModelIds.isModelId(id)) {
			throw invalid("\"id\" of " + owner + " is " + quoted(id) + ", not a model ID (provider.name[-version], "
					+ "for example amazon.nova-pro-v1:0)");
		}
		return id;
	}

	private @Nullable String string(String field, String owner) throws IOException {
		JsonToken token = this.parser.currentToken();
		if (token == JsonToken.VALUE_NULL) {
			return null;
		}
		if (token != JsonToken.VALUE_STRING) {
			throw invalid(quoted(field) + " of " + owner + " must be a string");
		}
		return this.parser.getString();
	}

	private @Nullable List<String> strings(String field, String owner) throws IOException {
		if (this.parser.currentToken() == JsonToken.VALUE_NULL) {
			return null;
		}
		if (this.parser.currentToken() != JsonToken.START_ARRAY) {
			throw invalid(quoted(field) + " of " + owner + " must be an array of strings");
		}
		List<String> list = new ArrayList<>();
		for (JsonToken token = this.parser.nextToken(); token != JsonToken.END_ARRAY; token = this.parser.nextToken()) {
			if (token == JsonToken.VALUE_NULL) {
				throw invalid(quoted(field) + " of " + owner + " contains null");
			}
			if (token != JsonToken.VALUE_STRING) {
				throw invalid(quoted(field) + " of " + owner + " must be an array of strings");
			}
			list.add(this.parser.getString());
		}
		return list;
	}

	private @Nullable Boolean bool(String field, String owner) throws IOException {
		return switch (this.parser.currentToken()) {
			case VALUE_TRUE -> Boolean.TRUE;
			case VALUE_FALSE -> Boolean.FALSE;
			case VALUE_NULL -> null;
			default -> throw invalid(quoted(field) + " of " + owner + " must be true or false");
		};
	}

	private @Nullable LocalDate date(String field, String owner) throws IOException {
		String text = string(field, owner);
		if (text == null) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException ex) {
			throw invalid(quoted(field) + " of " + owner + " is " + quoted(text) + ", not a date yyyy-MM-dd");
		}
	}

	private static void checkCitations(List<ModelInfo> models, List<CatalogSource> sources) throws IOException {
		Set<String> keys = new HashSet<>();
		sources.forEach((source) -> keys.add(source.key()));
		for (ModelInfo model : models) {
			for (String key : model.sources()) {
				if (!keys.contains(key)) {
					throw new IOException("Invalid model catalog: model " + quoted(model.modelId()) + " cites source "
							+ quoted(key) + ", which the top-level \"sources\" does not define");
				}
			}
		}
	}

	private IOException invalid(String message) {
		return invalid(this.parser.currentTokenLocation(), message);
	}

	static IOException invalid(@Nullable TokenStreamLocation location, String message) {
		return new IOException("Invalid model catalog" + at(location) + ": " + message);
	}

	private static String at(@Nullable TokenStreamLocation location) {
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	static String quoted(String text) {
		// as JSON writes it, so that a line break in a value does not break the message
		return "\"" + text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t") + "\"";
	}

	static List<String> orEmpty(@Nullable List<String> list) {
		return (list != null) ? list : List.of();
	}

	/** Reads one element of an array, the parser on its first token. */
	@FunctionalInterface
	private interface Element<T> {

		T read() throws IOException;

	}

	/**
	 * A geoRegions key as read: the model, the geography it names and where.
	 *
	 * @param owner the model, for the message
	 * @param prefix the geography named
	 * @param location where the key is
	 */
	private record GeoKey(String owner, String prefix, TokenStreamLocation location) {

		void check(Set<String> prefixes) throws IOException {
			if (!prefixes.contains(this.prefix)) {
				throw invalid(this.location, "\"geoRegions\" of " + this.owner + " names geography "
						+ quoted(this.prefix) + ", which the top-level \"geographies\" does not define");
			}
		}

	}

}
