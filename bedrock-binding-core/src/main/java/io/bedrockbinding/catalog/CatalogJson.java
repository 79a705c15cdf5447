package io.bedrockbinding.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * The {@code catalog.json} format:
 * {@code {"sources":[...],"geographies":[...],"models":[...]}}, read by
 * {@link CatalogReader} with Jackson's streaming parser (no data binder: loading the
 * built-in catalog is on every application's start-up path) and written by
 * {@link CatalogWriter} one entry per line, so that people can review a refreshed catalog
 * in a diff. docs/catalog.md describes the fields.
 */
final class CatalogJson {

	private CatalogJson() {
	}

	static ModelCatalog read(InputStream json) throws IOException {
		try {
			return CatalogReader.read(json);
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			// Well-formed JSON that does not describe a catalog: callers expect an
			// IOException, never an unchecked exception from a record constructor.
			throw new IOException("Invalid model catalog: " + ex.getMessage(), ex);
		}
	}

	static void write(ModelCatalog catalog, OutputStream out) throws IOException {
		CatalogWriter.write(catalog, out);
	}

}
