package io.bedrockbinding.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import io.bedrockbinding.Severity;
import io.bedrockbinding.catalog.Geography;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelInfo;
import io.bedrockbinding.catalog.ModelQuery;
import io.bedrockbinding.file.FileEntry;
import io.bedrockbinding.file.FileProblem;
import io.bedrockbinding.file.FileReload;
import io.bedrockbinding.file.InferenceDocument;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.identifier.BedrockArn;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.identifier.TargetKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The merged view of every binding. Precedence, highest first: runtime > properties >
 * file > discovered > derived > catalog default.
 * <p>
 * Reads are lock-free: every change builds a new immutable {@link State} and publishes it
 * with one volatile write, so {@link #resolve(String)} is a volatile read plus one hash
 * look-up, and a reader sees a change either whole or not at all. Writers are serialized.
 */
public final class BindingRegistry {

	private static final Logger logger = LoggerFactory.getLogger(BindingRegistry.class);

	private static final OriginKind[] HIGHEST_FIRST = reversed(OriginKind.values());

	private final ModelCatalog catalog;

	private final @Nullable String region;

	private final @Nullable String accountId;

	private final boolean deriveProfiles;

	private final Set<String> requiredModels;

	private final @Nullable InferenceFile file;

	private final List<BindingListener> listeners = new CopyOnWriteArrayList<>();

	private final Object writeLock = new Object();

	private final java.util.concurrent.ConcurrentLinkedQueue<PendingBind> pendingBinds = new java.util.concurrent.ConcurrentLinkedQueue<>();

	private volatile State state;

	private BindingRegistry(Builder builder) {
		this.catalog = builder.catalog;
		this.region = builder.region;
		this.accountId = builder.accountId;
		this.deriveProfiles = builder.deriveProfiles;
		this.requiredModels = Set.copyOf(builder.requiredModels);
		this.file = builder.file;
		Map<OriginKind, Map<String, LayeredTarget>> layers = new EnumMap<>(OriginKind.class);
		for (OriginKind kind : OriginKind.values()) {
			layers.put(kind, Map.of());
		}
		layers.put(OriginKind.CATALOG, catalogLayer());
		layers.put(OriginKind.DERIVED, derivedLayer());
		this.state = State.of(layers, Map.of(), null, null);
		if (this.file != null) {
			applyFile(this.file.read());
		}
	}

	public static Builder builder(ModelCatalog catalog) {
		return new Builder(catalog);
	}

	// ---- reads -------------------------------------------------------------------

	/**
	 * The binding in force for {@code modelId}: one hash look-up. A model no layer knows
	 * is called directly.
	 */
	public Binding resolve(String modelId) {
		Binding binding = this.state.effective.get(modelId);
		return (binding != null) ? binding : new Binding(modelId, new BindingTarget.Direct(modelId),
				new Origin(OriginKind.CATALOG, "not in catalog"), List.of());
	}

	/** The target in force for {@code modelId} (TPipe: {@code getInferenceProfileId}). */
	public BindingTarget targetFor(String modelId) {
		return resolve(modelId).target();
	}

	/** The binding of {@code modelId} if any layer, the catalog included, has one. */
	public Optional<Binding> find(String modelId) {
		return Optional.ofNullable(this.state.effective.get(modelId));
	}

	/**
	 * Every binding in force: catalog models first, in catalog order (TPipe:
	 * {@code getAllModels}).
	 */
	public List<Binding> bindings() {
		return List.copyOf(this.state.effective.values());
	}

	/** The bindings above the catalog default: what someone (or derivation) decided. */
	public List<Binding> explicitBindings() {
		return this.state.effective.values().stream().filter(Binding::isExplicit).toList();
	}

	/**
	 * Bindings whose model ID, name or target contains {@code text}, ignoring case
	 * (TPipe: {@code searchModels}).
	 */
	public List<Binding> search(String text) {
		return query(new ModelQuery(null, null, text));
	}

	/**
	 * Bindings of one provider; {@code us.anthropic} works too (TPipe:
	 * {@code getModelsByProvider}).
	 */
	public List<Binding> byProvider(String provider) {
		return query(new ModelQuery(null, provider, null));
	}

	/** Bindings of models usable from {@code region}. */
	public List<Binding> byRegion(String region) {
		return query(new ModelQuery(region, null, null));
	}

	/** Region, provider and text at once (TPipe: {@code searchModelsAdvanced}). */
	public List<Binding> query(ModelQuery query) {
		String queryRegion = blankToNull(query.region());
		String provider = (blankToNull(query.provider()) != null) ? providerOf(query.provider()) : null;
		String text = (blankToNull(query.text()) != null) ? query.text().strip().toLowerCase(Locale.ROOT) : null;
		List<Binding> result = new ArrayList<>();
		for (Binding binding : this.state.effective.values()) {
			ModelInfo model = this.catalog.find(binding.modelId()).orElse(null);
			if (queryRegion != null && !usableFrom(binding, model, queryRegion)) {
				continue;
			}
			if (provider != null && !provider.equals(providerOf(binding.modelId()))) {
				continue;
			}
			if (text != null && !matchesText(binding, model, text)) {
				continue;
			}
			result.add(binding);
		}
		return result;
	}

	public ModelCatalog catalog() {
		return this.catalog;
	}

	/** The configured region, used for derived profiles and validation. */
	public Optional<String> region() {
		return Optional.ofNullable(this.region);
	}

	/** The account configured for validation; never looked up here. */
	public Optional<String> accountId() {
		return Optional.ofNullable(this.accountId);
	}

	/** Whether models that need a profile get the region's geo profile by default. */
	public boolean derivesProfiles() {
		return this.deriveProfiles;
	}

	public Set<String> requiredModels() {
		return this.requiredModels;
	}

	public Optional<InferenceFile> inferenceFile() {
		return Optional.ofNullable(this.file);
	}

	/** The last read of the inference file (its problems), applied or not. */
	public Optional<InferenceFileContent> lastFileRead() {
		return Optional.ofNullable(this.state.lastFileRead);
	}

	/** When the file's bindings now in force were read. */
	public Optional<Instant> fileLoadedAt() {
		return Optional.ofNullable(this.state.fileApplied).map(InferenceFileContent::loadedAt);
	}

	/** Whether {@code modelId} cannot be called on demand in the configured region. */
	public boolean needsProfile(String modelId) {
		return this.region != null
				&& this.catalog.find(modelId).map((model) -> model.needsProfile(this.region)).orElse(false);
	}

	/** The system profile derivation would pick for {@code modelId} in {@code region}. */
	public Optional<BindingTarget> derivedTarget(String modelId, String region) {
		return this.catalog.systemProfileFor(modelId, region).map(BindingTarget::parse);
	}

	// ---- layers ------------------------------------------------------------------

	/**
	 * Replaces a whole layer, e.g. the Spring properties or the discovered bindings.
	 * Invalid entries are reported by {@link #validate()} and never become bindings.
	 */
	public void setLayer(OriginKind kind, Collection<LayerEntry> entries) {
		if (kind == OriginKind.CATALOG || kind == OriginKind.DERIVED || kind == OriginKind.FILE) {
			throw new IllegalArgumentException(kind + " is computed by the registry and cannot be set");
		}
		Map<String, LayeredTarget> layer = new LinkedHashMap<>();
		List<BindingProblem> problems = new ArrayList<>();
		for (LayerEntry entry : entries) {
			Origin origin = new Origin(kind, entry.source());
			try {
				ModelIds.requireModelId(entry.modelId());
				layer.put(entry.modelId(),
						new LayeredTarget(BindingTarget.parse(entry.modelId(), entry.target()), origin));
			}
			catch (InvalidTargetException ex) {
				problems.add(new BindingProblem(entry.modelId(), Severity.ERROR, ProblemCode.INVALID_TARGET,
						ex.getMessage() + " (" + entry.source() + ")", origin, null));
			}
		}
		synchronized (this.writeLock) {
			State current = this.state;
			Map<OriginKind, List<BindingProblem>> layerProblems = new EnumMap<>(OriginKind.class);
			layerProblems.putAll(current.layerProblems);
			layerProblems.put(kind, List.copyOf(problems));
			publish(current.withLayer(kind, layer).withLayerProblems(layerProblems), kind,
					union(current.layers.get(kind).keySet(), layer.keySet()));
		}
	}

	/**
	 * Applies a read of the inference file, merged with the bindings in force by
	 * {@link FileReload}: every valid line applies, a broken line keeps the last good
	 * binding of the model it names, and a file that cannot be read keeps them all.
	 * @param content the read
	 * @return whether the read was applied (false when the file could not be read and the
	 * last good bindings stay whole)
	 */
	public boolean applyFile(InferenceFileContent content) {
		synchronized (this.writeLock) {
			State current = this.state;
			FileReload reload = FileReload.of(current.fileApplied, content);
			if (content.hasErrors() || reload.keptWhole()) {
				logger.warn("{} has problems; its other lines apply: {}", content.source(),
						reload.reported().problems());
			}
			Map<String, LayeredTarget> layer = fileLayer(reload.applied());
			publish(current.withFile(layer, reload.applied(), reload.reported()), OriginKind.FILE,
					union(current.layers.get(OriginKind.FILE).keySet(), layer.keySet()));
			return !reload.keptWhole();
		}
	}

	/**
	 * Reads the inference file again and applies it (TPipe: {@code loadInferenceConfig}).
	 */
	public boolean reloadFile() {
		return (this.file != null) && applyFile(this.file.read());
	}

	// ---- runtime binds -------------------------------------------------------------

	/**
	 * Binds {@code modelId} at runtime, in memory only (TPipe:
	 * {@code bindInferenceProfile}).
	 */
	public Binding bind(String modelId, String target) {
		return bind(modelId, target, false);
	}

	/**
	 * Binds {@code modelId} at runtime; with {@code persist}, also writes it to the
	 * inference file (in place, atomically) before it takes effect.
	 * @throws InvalidTargetException if the model ID or target is invalid; nothing
	 * changes
	 * @throws UncheckedIOException if persisting fails; nothing changes
	 */
	public Binding bind(String modelId, String target, boolean persist) {
		// The binding of the version this bind published, not whatever a later bind left.
		return java.util.Objects
			.requireNonNull(bindAndPublish(Map.of(modelId, target), persist).effective.get(modelId));
	}

	/**
	 * Binds several models at once: readers see all of them or none. With
	 * {@code persist}, concurrent callers are committed together: whoever holds the write
	 * lock writes every pending bind in one file update (a group commit), so that many
	 * threads binding at once cost few file rewrites and lose nothing.
	 */
	public void bindAll(Map<String, String> targets, boolean persist) {
		bindAndPublish(targets, persist);
	}

	/** Binds and returns the state published with the binds. */
	private State bindAndPublish(Map<String, String> targets, boolean persist) {
		Map<String, LayeredTarget> parsed = new LinkedHashMap<>();
		targets.forEach((modelId, target) -> parsed.put(ModelIds.requireModelId(modelId),
				new LayeredTarget(BindingTarget.parse(modelId, target), Origin.runtime())));
		if (!persist) {
			synchronized (this.writeLock) {
				return publishRuntime(this.state, parsed);
			}
		}
		if (this.file == null) {
			throw new IllegalStateException("Cannot persist: no inference file is configured");
		}
		PendingBind mine = new PendingBind(parsed);
		this.pendingBinds.add(mine);
		synchronized (this.writeLock) {
			if (!mine.done) {
				commitPendingBinds();
			}
			if (mine.failure != null) {
				throw mine.failure;
			}
			return java.util.Objects.requireNonNull(mine.published);
		}
	}

	/** Writes every queued persisted bind in one file update, then publishes them. */
	private void commitPendingBinds() {
		List<PendingBind> batch = new ArrayList<>();
		for (PendingBind pending = this.pendingBinds.poll(); pending != null; pending = this.pendingBinds.poll()) {
			batch.add(pending);
		}
		Map<String, LayeredTarget> all = new LinkedHashMap<>();
		batch.forEach((pending) -> all.putAll(pending.parsed));
		try {
			State published = publishRuntime(persistedBinds(this.state, all), all);
			batch.forEach((pending) -> pending.published = published);
		}
		catch (RuntimeException ex) {
			batch.forEach((pending) -> pending.failure = ex);
		}
		batch.forEach((pending) -> pending.done = true);
	}

	private State publishRuntime(State current, Map<String, LayeredTarget> parsed) {
		Map<String, LayeredTarget> runtime = new HashMap<>(current.layers.get(OriginKind.RUNTIME));
		runtime.putAll(parsed);
		State next = current.withLayer(OriginKind.RUNTIME, runtime);
		publish(next, OriginKind.RUNTIME, parsed.keySet());
		return next;
	}

	/**
	 * Writes the binds to the file and updates the FILE layer for just those keys: a bind
	 * changes its own line or appends one, so no other line moves and the file need not
	 * be validated again.
	 */
	private State persistedBinds(State current, Map<String, LayeredTarget> parsed) {
		InferenceFile target = java.util.Objects.requireNonNull(this.file);
		InferenceDocument written;
		try {
			written = target.update((document) -> {
				InferenceDocument edited = document;
				for (Map.Entry<String, LayeredTarget> entry : parsed.entrySet()) {
					edited = edited.with(entry.getKey(), entry.getValue().target().value());
				}
				return edited;
			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex.getMessage(), ex);
		}
		Map<String, LayeredTarget> fileLayer = new LinkedHashMap<>(current.layers.get(OriginKind.FILE));
		String path = target.path().toString();
		parsed.forEach((modelId, bound) -> fileLayer.put(modelId,
				new LayeredTarget(bound.target(), new Origin(OriginKind.FILE, path + ":" + written.lineOf(modelId)))));
		return current.withLayer(OriginKind.FILE, fileLayer);
	}

	/**
	 * Removes the runtime binding of {@code modelId}; with {@code persist}, also its
	 * lines in the inference file.
	 * @return the runtime binding that was removed
	 */
	public Optional<LayeredTarget> unbind(String modelId, boolean persist) {
		synchronized (this.writeLock) {
			State current = this.state;
			if (!persist && !current.layers.get(OriginKind.RUNTIME).containsKey(modelId)) {
				return Optional.empty();
			}
			if (persist) {
				current = persisted(current, (document) -> document.without(modelId));
			}
			Map<String, LayeredTarget> runtime = new HashMap<>(current.layers.get(OriginKind.RUNTIME));
			LayeredTarget removed = runtime.remove(modelId);
			publish(current.withLayer(OriginKind.RUNTIME, runtime), OriginKind.RUNTIME, Set.of(modelId));
			return Optional.ofNullable(removed);
		}
	}

	private State persisted(State current, java.util.function.UnaryOperator<InferenceDocument> edit) {
		if (this.file == null) {
			throw new IllegalStateException("Cannot persist: no inference file is configured");
		}
		try {
			InferenceDocument written = this.file.update(edit);
			FileReload reload = FileReload.of(current.fileApplied,
					written.content(this.file.path().toString(), true, Instant.now()));
			return current.withFile(fileLayer(reload.applied()), reload.applied(), reload.reported());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex.getMessage(), ex);
		}
	}

	/** Registers a listener; close the returned handle to remove it. */
	public AutoCloseable addListener(BindingListener listener) {
		this.listeners.add(listener);
		return () -> this.listeners.remove(listener);
	}

	// ---- validation --------------------------------------------------------------

	/** Every problem: invalid entries, file problems, and the rules of each binding. */
	public List<BindingProblem> validate() {
		State current = this.state;
		List<BindingProblem> problems = new ArrayList<>();
		current.layerProblems.values().forEach(problems::addAll);
		if (current.lastFileRead != null) {
			for (FileProblem problem : current.lastFileRead.problems()) {
				problems.add(new BindingProblem("", problem.severity(), ProblemCode.FILE_PROBLEM, problem.toString(),
						new Origin(OriginKind.FILE, problem.source() + ":" + problem.line()), null));
			}
		}
		for (Binding binding : current.effective.values()) {
			problems.addAll(problemsOf(binding));
		}
		for (String required : this.requiredModels) {
			Binding binding = current.effective.get(required);
			if (binding == null || !binding.isExplicit()) {
				String suggestion = (this.region != null)
						? this.catalog.systemProfileFor(required, this.region).orElse(null) : null;
				problems.add(new BindingProblem(required, Severity.ERROR, ProblemCode.REQUIRED_UNBOUND,
						required + " is listed in bedrock.binding.required-models but has no binding", null,
						suggestion));
			}
		}
		return problems;
	}

	/** The problems of one binding (the rules of {@link #validate()} that concern it). */
	public List<BindingProblem> problemsOf(Binding binding) {
		if (!binding.isExplicit()) {
			return List.of();
		}
		List<BindingProblem> problems = new ArrayList<>();
		String modelId = binding.modelId();
		Origin origin = binding.origin();
		BindingTarget target = binding.target();
		ModelInfo model = this.catalog.find(modelId).orElse(null);
		if (model == null) {
			problems.add(new BindingProblem(modelId, Severity.WARNING, ProblemCode.UNKNOWN_MODEL,
					modelId + " (" + origin.source() + ") is not in the model catalog", origin, null));
		}
		if (target instanceof BindingTarget.Direct direct && this.region != null) {
			ModelInfo called = this.catalog.find(direct.modelId()).orElse(null);
			if (called != null && called.needsProfile(this.region)) {
				String suggestion = this.catalog.systemProfileFor(direct.modelId(), this.region).orElse(null);
				problems.add(new BindingProblem(
						modelId, Severity.ERROR, ProblemCode.NEEDS_PROFILE, modelId + " is bound direct ("
								+ origin.source() + ") but needs an inference profile in " + this.region,
						origin, suggestion));
			}
		}
		if (target instanceof BindingTarget.SystemProfile profile) {
			// The profile's model, not the key's: an alias may be bound to another
			// model's profile.
			ModelInfo profiled = this.catalog.find(profile.modelId()).orElse(null);
			Optional<Geography> geography = this.catalog.geographies().find(profile.geo());
			if (geography.isEmpty()) {
				problems.add(new BindingProblem(
						modelId, Severity.WARNING, ProblemCode.UNKNOWN_GEO, "'" + profile.geo() + "' of "
								+ profile.value() + " (" + origin.source() + ") is not a known geography",
						origin, null));
			}
			else if (this.region != null && !geography.get().serves(this.region)) {
				problems.add(new BindingProblem(modelId, Severity.ERROR, ProblemCode.GEO_DOES_NOT_SERVE_REGION,
						profile.value() + " (" + origin.source() + ") cannot be called from " + this.region + ": the '"
								+ profile.geo() + "' geography serves " + String.join(", ", geography.get().regions()),
						origin, this.catalog.systemProfileFor(profile.modelId(), this.region).orElse(null)));
			}
			else if (profiled != null && !profiled.hasGeo(profile.geo())) {
				problems
					.add(new BindingProblem(
							modelId, Severity.WARNING, ProblemCode.UNKNOWN_GEO, "the catalog lists no '" + profile.geo()
									+ "' profile for " + profile.modelId() + " (" + origin.source() + ")",
							origin, null));
			}
		}
		if (target instanceof BindingTarget.Arn arn) {
			BedrockArn parsed = arn.arn();
			if (this.region != null && target.region().isPresent() && !target.region().get().equals(this.region)
					&& target.kind() != TargetKind.FOUNDATION_MODEL_ARN) {
				problems.add(new BindingProblem(modelId, Severity.WARNING, ProblemCode.REGION_MISMATCH,
						modelId + " is bound to an ARN in " + target.region().get() + " (" + origin.source()
								+ ") while the configured region is " + this.region + "; calls go to "
								+ target.region().get(),
						origin, null));
			}
			// Only an {account} template exempts the ARN: a {region} template says
			// nothing about the account.
			if (this.accountId != null && !parsed.account().isEmpty()
					&& !parsed.account().equals(BedrockArn.ACCOUNT_TEMPLATE)
					&& !parsed.account().equals(this.accountId)) {
				problems.add(new BindingProblem(modelId, Severity.WARNING, ProblemCode.ACCOUNT_MISMATCH,
						modelId + " is bound to an ARN of account " + parsed.account() + " (" + origin.source()
								+ ") while the account is " + this.accountId,
						origin, null));
			}
		}
		return problems;
	}

	// ---- internals ---------------------------------------------------------------

	private Map<String, LayeredTarget> catalogLayer() {
		Map<String, LayeredTarget> layer = new LinkedHashMap<>();
		Origin origin = Origin.catalog();
		for (ModelInfo model : this.catalog.all()) {
			layer.put(model.modelId(), new LayeredTarget(new BindingTarget.Direct(model.modelId()), origin));
		}
		return layer;
	}

	private Map<String, LayeredTarget> derivedLayer() {
		if (!this.deriveProfiles || this.region == null) {
			return Map.of();
		}
		Map<String, LayeredTarget> layer = new LinkedHashMap<>();
		Origin origin = new Origin(OriginKind.DERIVED, "geo profile for " + this.region);
		for (ModelInfo model : this.catalog.all()) {
			if (model.needsProfile(this.region)) {
				derivedTarget(model.modelId(), this.region)
					.ifPresent((target) -> layer.put(model.modelId(), new LayeredTarget(target, origin)));
			}
		}
		return layer;
	}

	private static Map<String, LayeredTarget> fileLayer(InferenceFileContent content) {
		Map<String, LayeredTarget> layer = new LinkedHashMap<>();
		for (FileEntry entry : content.entries()) {
			layer.put(entry.modelId(),
					new LayeredTarget(entry.target(), new Origin(OriginKind.FILE, content.location(entry.line()))));
		}
		return layer;
	}

	private void publish(State next, OriginKind layer, Set<String> changed) {
		this.state = next;
		if (!changed.isEmpty()) {
			for (BindingListener listener : this.listeners) {
				try {
					listener.bindingsChanged(layer, changed);
				}
				catch (RuntimeException ex) {
					logger.warn("Binding listener {} failed", listener, ex);
				}
			}
		}
	}

	private boolean usableFrom(Binding binding, @Nullable ModelInfo model, String region) {
		if (model != null) {
			return model.availableIn(region);
		}
		return binding.target().region().map(region::equals).orElse(true);
	}

	private boolean matchesText(Binding binding, @Nullable ModelInfo model, String text) {
		String stripped = this.catalog.stripGeoPrefix(text);
		String modelId = binding.modelId().toLowerCase(Locale.ROOT);
		return modelId.contains(text) || modelId.contains(stripped)
				|| binding.target().value().toLowerCase(Locale.ROOT).contains(text)
				|| (model != null && model.displayName().toLowerCase(Locale.ROOT).contains(text));
	}

	private String providerOf(String idOrProvider) {
		String stripped = this.catalog.stripGeoPrefix(idOrProvider.strip().toLowerCase(Locale.ROOT));
		int dot = stripped.indexOf('.');
		return (dot >= 0) ? stripped.substring(0, dot) : stripped;
	}

	private static @Nullable String blankToNull(@Nullable String text) {
		return (text == null || text.isBlank()) ? null : text;
	}

	private static Set<String> union(Set<String> a, Set<String> b) {
		Set<String> union = new LinkedHashSet<>(a);
		union.addAll(b);
		return union;
	}

	private static OriginKind[] reversed(OriginKind[] kinds) {
		OriginKind[] reversed = new OriginKind[kinds.length];
		for (int i = 0; i < kinds.length; i++) {
			reversed[i] = kinds[kinds.length - 1 - i];
		}
		return reversed;
	}

	/**
	 * One immutable version of the registry: every layer, the merged bindings, and what
	 * was last read from the file.
	 */
	private static final class State {

		final Map<OriginKind, Map<String, LayeredTarget>> layers;

		final Map<String, Binding> effective;

		final Map<OriginKind, List<BindingProblem>> layerProblems;

		final @Nullable InferenceFileContent fileApplied;

		final @Nullable InferenceFileContent lastFileRead;

		private State(Map<OriginKind, Map<String, LayeredTarget>> layers, Map<String, Binding> effective,
				Map<OriginKind, List<BindingProblem>> layerProblems, @Nullable InferenceFileContent fileApplied,
				@Nullable InferenceFileContent lastFileRead) {
			this.layers = layers;
			this.effective = effective;
			this.layerProblems = layerProblems;
			this.fileApplied = fileApplied;
			this.lastFileRead = lastFileRead;
		}

		static State of(Map<OriginKind, Map<String, LayeredTarget>> layers,
				Map<OriginKind, List<BindingProblem>> layerProblems, @Nullable InferenceFileContent fileApplied,
				@Nullable InferenceFileContent lastFileRead) {
			Set<String> keys = new LinkedHashSet<>();
			for (OriginKind kind : OriginKind.values()) {
				keys.addAll(layers.get(kind).keySet());
			}
			Map<String, Binding> effective = new LinkedHashMap<>();
			for (String key : keys) {
				effective.put(key, merge(key, layers));
			}
			return new State(layers, effective, layerProblems, fileApplied, lastFileRead);
		}

		State withLayer(OriginKind kind, Map<String, LayeredTarget> layer) {
			Map<OriginKind, Map<String, LayeredTarget>> layers = new EnumMap<>(this.layers);
			Map<String, LayeredTarget> previous = layers.put(kind, java.util.Collections.unmodifiableMap(layer));
			Map<String, Binding> effective = new LinkedHashMap<>(this.effective);
			for (String key : union(previous.keySet(), layer.keySet())) {
				Binding binding = merge(key, layers);
				if (binding != null) {
					effective.put(key, binding);
				}
				else {
					effective.remove(key);
				}
			}
			return new State(layers, effective, this.layerProblems, this.fileApplied, this.lastFileRead);
		}

		State withLayerProblems(Map<OriginKind, List<BindingProblem>> problems) {
			return new State(this.layers, this.effective, problems, this.fileApplied, this.lastFileRead);
		}

		State withFile(Map<String, LayeredTarget> layer, InferenceFileContent applied, InferenceFileContent read) {
			State next = withLayer(OriginKind.FILE, layer);
			return new State(next.layers, next.effective, next.layerProblems, applied, read);
		}

		private static @Nullable Binding merge(String key, Map<OriginKind, Map<String, LayeredTarget>> layers) {
			LayeredTarget winner = null;
			List<LayeredTarget> shadowed = new ArrayList<>(2);
			for (OriginKind kind : HIGHEST_FIRST) {
				LayeredTarget candidate = layers.get(kind).get(key);
				if (candidate == null) {
					continue;
				}
				if (winner == null) {
					winner = candidate;
				}
				else {
					shadowed.add(candidate);
				}
			}
			return (winner != null) ? new Binding(key, winner.target(), winner.origin(), shadowed) : null;
		}

	}

	/**
	 * A persisted bind waiting for the next group commit; fields are guarded by the write
	 * lock.
	 */
	private static final class PendingBind {

		final Map<String, LayeredTarget> parsed;

		boolean done;

		@Nullable State published;

		@Nullable RuntimeException failure;

		PendingBind(Map<String, LayeredTarget> parsed) {
			this.parsed = parsed;
		}

	}

	/** Builds a {@link BindingRegistry}; only the catalog is required. */
	public static final class Builder {

		private final ModelCatalog catalog;

		private @Nullable String region;

		private @Nullable String accountId;

		private boolean deriveProfiles = true;

		private Collection<String> requiredModels = List.of();

		private @Nullable InferenceFile file;

		private Builder(ModelCatalog catalog) {
			this.catalog = catalog;
		}

		/** The region calls go to by default; derived profiles and validation use it. */
		public Builder region(@Nullable String region) {
			this.region = region;
			return this;
		}

		/**
		 * The account ARNs are checked against (validation only; never looked up here).
		 */
		public Builder accountId(@Nullable String accountId) {
			this.accountId = accountId;
			return this;
		}

		/**
		 * Whether a model that needs a profile in the region gets the region's geo
		 * profile by default.
		 */
		public Builder deriveProfiles(boolean deriveProfiles) {
			this.deriveProfiles = deriveProfiles;
			return this;
		}

		/**
		 * Models that must have a binding; {@link BindingRegistry#validate()} reports
		 * those without.
		 */
		public Builder requiredModels(Collection<String> requiredModels) {
			this.requiredModels = requiredModels;
			return this;
		}

		/**
		 * The inference file: read once by {@link #build()}, again by
		 * {@link BindingRegistry#reloadFile()} or a watcher, and written by persisted
		 * binds.
		 */
		public Builder inferenceFile(@Nullable InferenceFile file) {
			this.file = file;
			return this;
		}

		public BindingRegistry build() {
			return new BindingRegistry(this);
		}

	}

}
