package io.bedrockbinding.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code catalog.json} format: {@code {"geographies":[...],"models":[...]}}. Kept
 * compact so that people can review a refreshed catalog in a diff.
 */
final class CatalogJson {

	private static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(SerializationFeature.INDENT_OUTPUT)
		.build();

	private CatalogJson() {
	}

	static ModelCatalog read(InputStream json) throws IOException {
		Document document;
		try {
			document = MAPPER.readValue(json, Document.class);
		}
		catch (JacksonException ex) {
			throw new IOException("Invalid model catalog" + location(ex) + ": " + ex.getOriginalMessage(), ex);
		}
		if (document == null) {
			throw new IOException("Invalid model catalog: the document is empty (null)");
		}
		try {
			List<Geography> geographies = document.geographies().stream().map(CatalogJson::toGeography).toList();
			List<ModelInfo> models = document.models().stream().map(CatalogJson::toModel).toList();
			return new ModelCatalog(models, new Geographies(geographies));
		}
		catch (IllegalArgumentException ex) {
			// Well-formed JSON that does not describe a catalog: callers expect an
			// IOException, never an unchecked exception from a record constructor.
			throw new IOException("Invalid model catalog: " + ex.getMessage(), ex);
		}
	}

	static void write(ModelCatalog catalog, OutputStream out) throws IOException {
		List<GeographyEntry> geographies = catalog.geographies()
			.all()
			.stream()
			.map((geography) -> new GeographyEntry(geography.prefix(), geography.regions()))
			.toList();
		List<ModelEntry> models = catalog.all().stream().map(CatalogJson::toEntry).toList();
		try {
			MAPPER.writeValue(out, new Document(geographies, models));
		}
		catch (JacksonException ex) {
			throw new IOException("Could not write the model catalog: " + ex.getOriginalMessage(), ex);
		}
	}

	private static Geography toGeography(@Nullable GeographyEntry entry) {
		if (entry == null || entry.prefix() == null || entry.prefix().isBlank()) {
			throw new IllegalArgumentException("A catalog geography has no \"prefix\"");
		}
		String prefix = Objects.requireNonNull(entry.prefix());
		return new Geography(prefix, strings(entry.regions(), "regions", prefix));
	}

	private static ModelInfo toModel(@Nullable ModelEntry entry) {
		if (entry == null || entry.id() == null || entry.id().isBlank()) {
			throw new IllegalArgumentException("A catalog model has no \"id\"");
		}
		String id = Objects.requireNonNull(entry.id());
		int dot = id.indexOf('.');
		if (entry.provider() == null && dot <= 0) {
			throw new IllegalArgumentException(
					"Catalog model \"" + id + "\" has no \"provider\" and no provider prefix");
		}
		String provider = (entry.provider() != null) ? entry.provider() : id.substring(0, dot);
		return new ModelInfo(id, provider, (entry.name() != null) ? entry.name() : id,
				strings(entry.onDemand(), "onDemand", id), strings(entry.profileOnly(), "profileOnly", id),
				strings(entry.geos(), "geos", id), Boolean.TRUE.equals(entry.needsProfile()),
				!Boolean.FALSE.equals(entry.streaming()), orText(strings(entry.input(), "input", id)),
				orText(strings(entry.output(), "output", id)));
	}

	private static ModelEntry toEntry(ModelInfo model) {
		return new ModelEntry(model.modelId(), model.provider(), model.displayName(), model.onDemandRegions(),
				model.profileOnlyRegions(), model.geoPrefixes(), model.needsProfileElsewhere(), model.streaming(),
				model.inputModalities(), model.outputModalities());
	}

	/**
	 * The list, empty when absent; a null element would fail later in List.copyOf.
	 * @param list the JSON list
	 * @param field the name of the field
	 * @param owner what the list belongs to, for the message
	 * @return the list, or an empty one when absent
	 */
	private static List<String> strings(@Nullable List<String> list, String field, String owner) {
		if (list == null) {
			return List.of();
		}
		if (list.stream().anyMatch(Objects::isNull)) {
			throw new IllegalArgumentException("\"" + field + "\" of \"" + owner + "\" contains null");
		}
		return list;
	}

	private static String location(JacksonException ex) {
		TokenStreamLocation location = ex.getLocation();
		if (location == null || location.getLineNr() < 1) {
			return "";
		}
		return " at line " + location.getLineNr() + ", column " + location.getColumnNr();
	}

	private static List<String> orText(@Nullable List<String> list) {
		return (list != null && !list.isEmpty()) ? list : List.of("TEXT");
	}

	record Document(List<GeographyEntry> geographies, List<ModelEntry> models) {

		Document {
			geographies = (geographies != null) ? geographies : List.of();
			models = (models != null) ? models : List.of();
		}

	}

	record GeographyEntry(@Nullable String prefix, @Nullable List<String> regions) {
	}

	record ModelEntry(@Nullable String id, @Nullable String provider, @Nullable String name,
			@Nullable List<String> onDemand, @Nullable List<String> profileOnly, @Nullable List<String> geos,
			@Nullable Boolean needsProfile, @Nullable Boolean streaming, @Nullable List<String> input,
			@Nullable List<String> output) {
	}

}
