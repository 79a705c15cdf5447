package io.bedrockbinding.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The models bedrock-binding knows about, with the look-ups the CLI, the registry and the
 * emulator need. Immutable; the built-in instance is read once from {@code catalog.json}.
 */
public final class ModelCatalog {

	/** The classpath resource of the built-in catalog. */
	public static final String RESOURCE = "/io/bedrockbinding/catalog/catalog.json";

	private final Map<String, ModelInfo> models;

	private final Geographies geographies;

	private final List<CatalogSource> sources;

	public ModelCatalog(Collection<ModelInfo> models, Geographies geographies) {
		this(models, geographies, List.of());
	}

	/**
	 * A catalog of {@code models}, {@code geographies} and the sources the models cite.
	 * @param models the models, in catalog order (a later duplicate ID wins)
	 * @param geographies the geographies of system profiles
	 * @param sources the sources of the data, cited by key from the models
	 */
	public ModelCatalog(Collection<ModelInfo> models, Geographies geographies, List<CatalogSource> sources) {
		Map<String, ModelInfo> map = new LinkedHashMap<>();
		models.forEach((model) -> map.put(model.modelId(), model));
		this.models = java.util.Collections.unmodifiableMap(map);
		this.geographies = geographies;
		this.sources = List.copyOf(sources);
	}

	/**
	 * The catalog shipped in this jar, loaded on first use.
	 * @return the catalog shipped in this jar, loaded on first use
	 */
	public static ModelCatalog builtIn() {
		return BuiltIn.INSTANCE;
	}

	/**
	 * Reads a catalog in the {@code catalog.json} format.
	 * @param json the JSON
	 * @return the catalog
	 */
	public static ModelCatalog read(InputStream json) throws IOException {
		return CatalogJson.read(json);
	}

	/**
	 * Writes this catalog in the {@code catalog.json} format (used to refresh it from a
	 * live account).
	 * @param out where to write the JSON
	 */
	public void write(java.io.OutputStream out) throws IOException {
		CatalogJson.write(this, out);
	}

	public List<ModelInfo> all() {
		return List.copyOf(this.models.values());
	}

	public int size() {
		return this.models.size();
	}

	public Geographies geographies() {
		return this.geographies;
	}

	/**
	 * The sources of the catalog's data, cited by key from each model's
	 * {@link ModelInfo#sources()}.
	 * @return the sources, in catalog order
	 */
	public List<CatalogSource> sources() {
		return this.sources;
	}

	/**
	 * The source with this key.
	 * @param key the key a model cites
	 * @return the source, or empty
	 */
	public Optional<CatalogSource> source(String key) {
		return this.sources.stream().filter((source) -> source.key().equals(key)).findFirst();
	}

	/**
	 * The model with exactly this ID.
	 * @param modelId the model ID
	 * @return the model, or empty
	 */
	public Optional<ModelInfo> find(String modelId) {
		return Optional.ofNullable(this.models.get(modelId));
	}

	public boolean contains(String modelId) {
		return this.models.containsKey(modelId);
	}

	/**
	 * Models that match every word of {@code text} (see {@link ModelMatcher}).
	 * @param text the words to find
	 * @return the matching models, in catalog order
	 */
	public List<ModelInfo> search(String text) {
		return query(new ModelQuery(null, null, text));
	}

	/**
	 * Models of one provider. Accepts {@code anthropic}, {@code Anthropic} and
	 * geo-profile style names such as {@code us.anthropic}.
	 * @param provider the provider, any case, or a geo-profile style name such as
	 * {@code us.anthropic}
	 * @return the provider's models, in catalog order
	 */
	public List<ModelInfo> byProvider(String provider) {
		return query(new ModelQuery(null, provider, null));
	}

	/**
	 * Models usable from {@code region}, on demand or through a profile.
	 * @param region the region calls are sent from
	 * @return the models usable there, in catalog order
	 */
	public List<ModelInfo> byRegion(String region) {
		return query(new ModelQuery(region, null, null));
	}

	/**
	 * The models that match every part of {@code query} that is set, in catalog order.
	 * @param query the query
	 * @return the matching models
	 */
	public List<ModelInfo> query(ModelQuery query) {
		ModelMatcher matcher = matcher(query);
		return this.models.values().stream().filter(matcher::matches).toList();
	}

	/**
	 * The matching rule of {@code query}, for the catalog's models and for bindings.
	 * @param query the query
	 * @return its matcher
	 */
	public ModelMatcher matcher(ModelQuery query) {
		return new ModelMatcher(this, query);
	}

	/**
	 * The model ID inside a system profile ID ({@code us.amazon.nova-pro-v1:0} ->
	 * {@code amazon.nova-pro-v1:0}).
	 * @param id a model ID or a system profile ID
	 * @return the ID without its geo prefix, or as it is when it has none
	 */
	public String stripGeoPrefix(String id) {
		int dot = id.indexOf('.');
		if (dot > 0 && this.geographies.isKnown(id.substring(0, dot))) {
			return id.substring(dot + 1);
		}
		return id;
	}

	/**
	 * The system profile a call from {@code region} should use for {@code modelId}: the
	 * most specific geography that has a profile of the model callable from the region
	 * ({@link Geographies#preferredFor(String, ModelInfo)}).
	 * @param modelId the model ID
	 * @param region the region calls are sent from
	 * @return the profile ID, or empty when no geography serving the region has one
	 */
	public Optional<String> systemProfileFor(String modelId, String region) {
		ModelInfo model = this.models.get(modelId);
		// a provisioned-only model has no system profile: the one place where derivation,
		// discovery suggestions and fixes learn that
		if (model == null || model.servedOnlyProvisioned()) {
			return Optional.empty();
		}
		return this.geographies.preferredFor(region, model).map((geography) -> geography.profileId(modelId));
	}

	/**
	 * What to bind {@code modelId} to in order to move to the successor AWS names for it:
	 * the successor's system profile where it needs one in {@code region}, else its model
	 * ID.
	 * @param modelId the legacy model
	 * @param region the region calls are sent from, if known
	 * @return the target, or empty when the catalog names no successor
	 */
	public Optional<String> successorTarget(String modelId, @Nullable String region) {
		String successor = find(modelId).map((model) -> model.lifecycle().successor()).orElse(null);
		if (successor == null) {
			return Optional.empty();
		}
		ModelInfo next = this.models.get(successor);
		if (next != null && region != null && next.needsProfile(region)) {
			return Optional.of(systemProfileFor(successor, region).orElse(successor));
		}
		return Optional.of(successor);
	}

	private static final class BuiltIn {

		static final ModelCatalog INSTANCE = load();

		/**
		 * The compact form the build derives from {@code catalog.json} when it was made
		 * from this very JSON, else the JSON itself (classes compiled without the build's
		 * step, a JSON edited since).
		 * @return the built-in catalog
		 */
		private static ModelCatalog load() {
			byte[] json = resource(RESOURCE);
			if (json == null) {
				throw new IllegalStateException(
						"Built-in model catalog " + RESOURCE + " is missing from the classpath");
			}
			try {
				byte[] compact = resource(CompactCatalog.RESOURCE);
				ModelCatalog catalog = (compact != null) ? CompactCatalog.read(compact, json) : null;
				return (catalog != null) ? catalog : read(new ByteArrayInputStream(json));
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the built-in model catalog " + RESOURCE, ex);
			}
		}

		private static byte @Nullable [] resource(String name) {
			try (InputStream in = ModelCatalog.class.getResourceAsStream(name)) {
				return (in != null) ? in.readAllBytes() : null;
			}
			catch (IOException ex) {
				throw new UncheckedIOException("Could not read the built-in model catalog " + name, ex);
			}
		}

	}

}
