package io.bedrockbinding.catalog;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.io.JsonStringEncoder;

/**
 * Writes {@code catalog.json}: one source, geography or model per line, fields in a fixed
 * order and defaults left out, so that a refreshed catalog reviews as a diff of the lines
 * that changed.
 */
final class CatalogWriter {

	private final StringBuilder out = new StringBuilder(64 * 1024);

	private CatalogWriter() {
	}

	static void write(ModelCatalog catalog, OutputStream stream) throws IOException {
		CatalogWriter writer = new CatalogWriter();
		writer.document(catalog);
		Writer text = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
		text.write(writer.out.toString());
		text.flush();
	}

	private void document(ModelCatalog catalog) {
		this.out.append("{\n");
		if (!catalog.sources().isEmpty()) {
			this.out.append("  \"sources\" : [\n");
			lines(catalog.sources(), this::source);
			this.out.append("  ],\n");
		}
		this.out.append("  \"geographies\" : [\n");
		lines(catalog.geographies().all(), this::geography);
		this.out.append("  ],\n  \"models\" : [\n");
		lines(catalog.all(), this::model);
		this.out.append("  ]\n}\n");
	}

	private <T> void lines(List<T> items, Line<T> line) {
		for (int i = 0; i < items.size(); i++) {
			this.out.append("    { ");
			Fields fields = new Fields();
			line.write(items.get(i), fields);
			this.out.append(" }").append((i < items.size() - 1) ? ",\n" : "\n");
		}
	}

	private void source(CatalogSource source, Fields fields) {
		fields.string("key", source.key());
		fields.string("title", source.title());
		fields.string("url", source.url());
		fields.date("retrieved", source.retrieved());
	}

	private void geography(Geography geography, Fields fields) {
		fields.string("prefix", geography.prefix());
		fields.strings("regions", geography.regions(), true);
	}

	private void model(ModelInfo model, Fields fields) {
		fields.string("id", model.modelId());
		fields.string("provider", model.provider());
		fields.string("providerName", model.providerName());
		fields.string("name", model.displayName());
		if (model.provisionedOnly()) {
			fields.name("provisionedOnly").append("true");
		}
		fields.strings("onDemand", model.onDemandRegions(), false);
		fields.strings("profileOnly", model.profileOnlyRegions(), false);
		fields.strings("geos", model.geoPrefixes(), false);
		if (!model.geoRegions().isEmpty()) {
			fields.name("geoRegions").append("{ ");
			Fields inner = new Fields();
			model.geoRegions().forEach((prefix, regions) -> inner.strings(prefix, regions, true));
			this.out.append(" }");
		}
		if (model.needsProfileElsewhere()) {
			fields.name("needsProfile").append("true");
		}
		fields.name("streaming").append(model.streaming());
		fields.strings("input", model.inputModalities(), true);
		fields.strings("output", model.outputModalities(), true);
		Lifecycle lifecycle = model.lifecycle();
		if (!lifecycle.isDefault()) {
			fields.name("lifecycle").append("{ ");
			Fields inner = new Fields();
			inner.string("status", lifecycle.status().name());
			inner.date("legacy", lifecycle.legacy());
			inner.date("publicExtendedAccess", lifecycle.publicExtendedAccess());
			inner.date("endOfLife", lifecycle.endOfLife());
			inner.string("successor", lifecycle.successor());
			this.out.append(" }");
		}
		fields.strings("sources", model.sources(), false);
	}

	private void quote(String text) {
		this.out.append('"');
		JsonStringEncoder.getInstance().quoteAsString(text, this.out);
		this.out.append('"');
	}

	/** Writes one item's fields, a comma before each but the first. */
	@FunctionalInterface
	private interface Line<T> {

		void write(T item, Fields fields);

	}

	/** The fields of one object on a line. */
	private final class Fields {

		private boolean first = true;

		StringBuilder name(String name) {
			if (!this.first) {
				CatalogWriter.this.out.append(", ");
			}
			this.first = false;
			quote(name);
			return CatalogWriter.this.out.append(" : ");
		}

		void string(String name, @Nullable String value) {
			if (value != null) {
				name(name);
				quote(value);
			}
		}

		void date(String name, @Nullable LocalDate value) {
			if (value != null) {
				string(name, value.toString());
			}
		}

		void strings(String name, List<String> values, boolean always) {
			if (values.isEmpty() && !always) {
				return;
			}
			name(name).append("[ ");
			for (int i = 0; i < values.size(); i++) {
				if (i > 0) {
					CatalogWriter.this.out.append(", ");
				}
				quote(values.get(i));
			}
			CatalogWriter.this.out.append(values.isEmpty() ? "]" : " ]");
		}

	}

}
