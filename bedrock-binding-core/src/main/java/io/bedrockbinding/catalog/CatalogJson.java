package io.bedrockbinding.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
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
		try {
			Document document = MAPPER.readValue(json, Document.class);
			List<Geography> geographies = document.geographies()
				.stream()
				.map((geography) -> new Geography(geography.prefix(), geography.regions()))
				.toList();
			List<ModelInfo> models = document.models().stream().map(CatalogJson::toModel).toList();
			return new ModelCatalog(models, new Geographies(geographies));
		}
		catch (JacksonException ex) {
			throw new IOException("Invalid model catalog: " + ex.getOriginalMessage(), ex);
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

	private static ModelInfo toModel(ModelEntry entry) {
		if (entry.id() == null || entry.id().isBlank()) {
			throw new IllegalArgumentException("A catalog model has no \"id\"");
		}
		String provider = (entry.provider() != null) ? entry.provider() : entry.id().substring(0, entry.id().indexOf('.'));
		return new ModelInfo(entry.id(), provider, (entry.name() != null) ? entry.name() : entry.id(),
				orEmpty(entry.onDemand()), orEmpty(entry.profileOnly()), orEmpty(entry.geos()),
				Boolean.TRUE.equals(entry.needsProfile()), !Boolean.FALSE.equals(entry.streaming()),
				orText(entry.input()), orText(entry.output()));
	}

	private static ModelEntry toEntry(ModelInfo model) {
		return new ModelEntry(model.modelId(), model.provider(), model.displayName(), model.onDemandRegions(),
				model.profileOnlyRegions(), model.geoPrefixes(), model.needsProfileElsewhere(), model.streaming(),
				model.inputModalities(), model.outputModalities());
	}

	private static List<String> orEmpty(@Nullable List<String> list) {
		return (list != null) ? list : List.of();
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

	record GeographyEntry(String prefix, List<String> regions) {
	}

	record ModelEntry(String id, @Nullable String provider, @Nullable String name, @Nullable List<String> onDemand,
			@Nullable List<String> profileOnly, @Nullable List<String> geos, @Nullable Boolean needsProfile,
			@Nullable Boolean streaming, @Nullable List<String> input, @Nullable List<String> output) {
	}

}
