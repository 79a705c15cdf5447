package io.bedrockbinding.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.catalog.ModelMatcher;
import io.bedrockbinding.catalog.ModelQuery;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.file.InferenceFileContent;
import io.bedrockbinding.identifier.BindingTarget;
import io.bedrockbinding.identifier.InvalidTargetException;
import org.jspecify.annotations.Nullable;

/**
 * The merged view of every binding. Precedence, highest first: runtime > properties >
 * file > discovered > derived > catalog default.
 * <p>
 * Reads are lock-free: every change builds a new immutable {@link RegistryState} and
 * publishes it with one volatile write, so {@link #resolve(String)} is a volatile read
 * plus one hash look-up, and a reader sees a change either whole or not at all. Writers
 * are serialized; a runtime bind costs the same however many bindings there are, and
 * their number is capped ({@link BindingRegistryBuilder#maxRuntimeBindings}).
 */
public final class BindingRegistry {

	/** The default cap on runtime bindings. */
	public static final int DEFAULT_MAX_RUNTIME_BINDINGS = 10_000;

	private final ModelCatalog catalog;

	private final ProfileDerivation derivation;

	private final SettingHints hints;

	private final Clock clock;

	private final @Nullable InferenceFile file;

	private final CurrentState current;

	private final RuntimeBinds runtime;

	private final LayerUpdates layers;

	private BindingRegistry(BindingRegistryBuilder builder) {
		this.catalog = builder.catalog;
		this.derivation = new ProfileDerivation(builder.catalog, builder.deriveProfiles);
		this.hints = builder.hints;
		this.clock = builder.clock;
		this.file = builder.file;
		RegistrySettings settings = RegistrySettings.of(builder.region, builder.accountId, builder.requiredModels);
		this.current = new CurrentState(RegistryState.initial(RegistryState.catalogLayer(this.catalog),
				this.derivation.derivedLayer(settings.region()), settings));
		this.layers = new LayerUpdates(this.current, this.hints);
		this.runtime = new RuntimeBinds(this.current, builder.maxRuntimeBindings, this.hints.maxRuntimeBindings(),
				(this.file != null) ? new PersistedBinds(this.file) : null);
		if (this.file != null) {
			applyFile(this.file.read());
		}
	}

	/**
	 * Starts building a registry.
	 * @param catalog the models the registry knows
	 * @return the builder
	 */
	public static BindingRegistryBuilder builder(ModelCatalog catalog) {
		return new BindingRegistryBuilder(catalog);
	}

	static BindingRegistry build(BindingRegistryBuilder builder) {
		return new BindingRegistry(builder);
	}

	// ---- reads -------------------------------------------------------------------

	/**
	 * The binding in force for {@code modelId}: one hash look-up. A model no layer knows
	 * is called directly.
	 * @param modelId the model ID
	 * @return the binding
	 */
	public Binding resolve(String modelId) {
		return this.current.get().resolved(modelId);
	}

	/**
	 * Resolves {@code modelId} for a call from {@code region}: the pipe's one entry into
	 * the registry per call. A catalog or derived binding is derived again when
	 * {@code region} is not the registry's, because the geo profile must serve the region
	 * the call is sent from; any other binding is what someone chose and is kept.
	 * @param modelId the model ID the caller asked for
	 * @param region the region the call would be sent to, unless the target's ARN names
	 * another
	 * @return the target to call (templates not filled in), the region to send it to, and
	 * the geo profile to retry an on-demand refusal with
	 */
	public Resolution resolve(String modelId, String region) {
		// One read of the state: the binding and the region it was derived for agree.
		RegistryState state = this.current.get();
		return this.derivation.resolve(state.resolved(modelId), region, state.settings.region());
	}

	/**
	 * The target in force for {@code modelId} (TPipe: {@code getInferenceProfileId}).
	 * @param modelId the model ID
	 * @return the target
	 */
	public BindingTarget targetFor(String modelId) {
		return resolve(modelId).target();
	}

	/**
	 * The binding of {@code modelId} if any layer, the catalog included, has one.
	 * @param modelId the model ID
	 * @return the binding, or empty
	 */
	public Optional<Binding> find(String modelId) {
		return Optional.ofNullable(this.current.get().binding(modelId));
	}

	/**
	 * Every binding in force: catalog models first, in catalog order, then the others in
	 * the order they were first bound (TPipe: {@code getAllModels}).
	 * @return the bindings
	 */
	public List<Binding> bindings() {
		return this.current.get().bindings();
	}

	/**
	 * The bindings above the catalog default: what someone (or derivation) decided.
	 * @return the explicit bindings, in {@link #bindings()} order
	 */
	public List<Binding> explicitBindings() {
		return bindings().stream().filter(Binding::isExplicit).toList();
	}

	/**
	 * Bindings that match every word of {@code text} (TPipe: {@code searchModels}).
	 * @param text words to find in the model ID, name, provider or target
	 * @return the matching bindings
	 */
	public List<Binding> search(String text) {
		return query(new ModelQuery(null, null, text));
	}

	/**
	 * Bindings of one provider; {@code us.anthropic} works too (TPipe:
	 * {@code getModelsByProvider}).
	 * @param provider the provider
	 * @return its bindings
	 */
	public List<Binding> byProvider(String provider) {
		return query(new ModelQuery(null, provider, null));
	}

	/**
	 * Bindings of models usable from {@code region}.
	 * @param region the region
	 * @return the bindings usable there
	 */
	public List<Binding> byRegion(String region) {
		return query(new ModelQuery(region, null, null));
	}

	/**
	 * Region, provider and text at once, by the rule of {@link ModelMatcher} (TPipe:
	 * {@code searchModelsAdvanced}).
	 * @param query the query
	 * @return the matching bindings, in {@link #bindings()} order
	 */
	public List<Binding> query(ModelQuery query) {
		ModelMatcher matcher = this.catalog.matcher(query);
		return bindings().stream()
			.filter((binding) -> matcher.matches(binding.modelId(), this.catalog.find(binding.modelId()).orElse(null),
					binding.targets().stream().map(BindingTarget::value).toList(),
					binding.target().region().orElse(null)))
			.toList();
	}

	/**
	 * The catalog the registry was built on.
	 * @return the catalog
	 */
	public ModelCatalog catalog() {
		return this.catalog;
	}

	/**
	 * The configured region, used for derived profiles and validation.
	 * @return the region, if one is configured
	 */
	public Optional<String> region() {
		return Optional.ofNullable(this.current.get().settings.region());
	}

	/**
	 * The account configured for validation; never looked up here.
	 * @return the account ID, if one is configured
	 */
	public Optional<String> accountId() {
		return Optional.ofNullable(this.current.get().settings.accountId());
	}

	/**
	 * The models that must have a binding.
	 * @return the required model IDs
	 */
	public Set<String> requiredModels() {
		return this.current.get().settings.requiredModels();
	}

	/**
	 * How the application sets what messages refer to.
	 * @return the hints given to the builder
	 */
	public SettingHints hints() {
		return this.hints;
	}

	/**
	 * The inference file, when one is configured.
	 * @return the file, or empty
	 */
	public Optional<InferenceFile> inferenceFile() {
		return Optional.ofNullable(this.file);
	}

	/**
	 * The last read of the inference file (its problems), applied or not.
	 * @return the read, or empty without a file
	 */
	public Optional<InferenceFileContent> lastFileRead() {
		return Optional.ofNullable(this.current.get().lastFileRead);
	}

	/**
	 * When the file's bindings now in force were read.
	 * @return the time, or empty without a file
	 */
	public Optional<Instant> fileLoadedAt() {
		return Optional.ofNullable(this.current.get().fileApplied).map(InferenceFileContent::loadedAt);
	}

	/**
	 * Whether {@code modelId} cannot be called on demand in the configured region.
	 * @param modelId the model ID
	 * @return whether it needs an inference profile there
	 */
	public boolean needsProfile(String modelId) {
		String region = this.current.get().settings.region();
		return region != null && this.catalog.find(modelId).map((model) -> model.needsProfile(region)).orElse(false);
	}

	// ---- layers ------------------------------------------------------------------

	/**
	 * Replaces a whole layer, e.g. the Spring properties or the discovered bindings.
	 * Invalid entries are reported by {@link #validate()} and never become bindings.
	 * @param kind the layer: properties, discovered or runtime
	 * @param entries its new content
	 */
	public void setLayer(OriginKind kind, Collection<LayerEntry> entries) {
		this.layers.setLayer(kind, entries);
	}

	/**
	 * Applies a read of the inference file, merged with the bindings in force by
	 * {@link io.bedrockbinding.file.FileReload}: every valid line applies, a broken line
	 * keeps the last good binding of the model it names, and a file that cannot be read
	 * keeps them all.
	 * @param content a read of the inference file
	 * @return whether the read was applied (false when the file could not be read and the
	 * last good bindings stay whole)
	 */
	public boolean applyFile(InferenceFileContent content) {
		return this.layers.applyFile(content);
	}

	/**
	 * Puts a new read of the properties, with the settings read beside them, in force in
	 * one swap (Spring Cloud's refresh): readers see the old or the new bindings, never a
	 * mix. Profiles are derived again when the region changed. A value that does not
	 * parse, or has an error under the new settings, keeps the last good binding of its
	 * model ({@link ProblemCode#REFRESH_REJECTED}); the valid rest applies.
	 * @param settings the region, account and required models now configured
	 * @param entries the properties layer now configured
	 * @return the values that were not applied, with why (empty when all were)
	 */
	public List<BindingProblem> refreshProperties(RegistrySettings settings, Collection<LayerEntry> entries) {
		return new PropertiesRefresh(this.current, this.layers, this.derivation, this.catalog, this.hints, this.clock)
			.apply(settings, entries);
	}

	/**
	 * Reads the inference file again and applies it (TPipe: {@code loadInferenceConfig}).
	 * @return whether the read was applied (see {@link #applyFile})
	 */
	public boolean reloadFile() {
		return (this.file != null) && applyFile(this.file.read());
	}

	// ---- runtime binds -------------------------------------------------------------

	/**
	 * Binds {@code modelId} at runtime, in memory only (TPipe:
	 * {@code bindInferenceProfile}).
	 * @param modelId the model ID
	 * @param target the target; empty for the model ID itself
	 * @return the binding now in force
	 */
	public Binding bind(String modelId, String target) {
		return bind(modelId, target, false);
	}

	/**
	 * Binds {@code modelId} at runtime; with {@code persist}, also writes it to the
	 * inference file (in place, atomically) before it takes effect.
	 * @param modelId the model ID
	 * @param target the target; empty for the model ID itself
	 * @param persist whether to write it to the inference file too
	 * @return the binding of the version this bind published
	 * @throws InvalidTargetException if the model ID or target is invalid; nothing
	 * changes
	 * @throws RuntimeBindingLimitException if the registry holds as many runtime bindings
	 * as it may; nothing changes
	 * @throws java.io.UncheckedIOException if persisting fails; nothing changes
	 */
	public Binding bind(String modelId, String target, boolean persist) {
		// The binding of the version this bind published, not whatever a later bind left.
		return Objects.requireNonNull(this.runtime.bind(Map.of(modelId, target), persist).binding(modelId));
	}

	/**
	 * Binds several models at once: readers see all of them or none. With
	 * {@code persist}, concurrent callers are committed together in one file update.
	 * @param targets the targets by model ID
	 * @param persist whether to write them to the inference file too
	 */
	public void bindAll(Map<String, String> targets, boolean persist) {
		this.runtime.bind(targets, persist);
	}

	/**
	 * Removes the runtime binding of {@code modelId}; with {@code persist}, also its
	 * lines in the inference file.
	 * @param modelId the model ID
	 * @param persist whether to remove its lines from the inference file too
	 * @return the runtime binding that was removed
	 */
	public Optional<LayeredTarget> unbind(String modelId, boolean persist) {
		return this.runtime.unbind(modelId, persist);
	}

	/**
	 * Registers a listener.
	 * @param listener called after each change, with the layer and the models it changed
	 * @return a handle that removes the listener when closed
	 */
	public AutoCloseable addListener(BindingListener listener) {
		return this.current.addListener(listener);
	}

	// ---- validation --------------------------------------------------------------

	/**
	 * Every problem: invalid entries, file problems, and the rules of each binding. Which
	 * of them are errors is for a {@link ProblemPolicy} to say.
	 * @return the problems
	 */
	public List<BindingProblem> validate() {
		RegistryState state = this.current.get();
		return state.settings.validator(this.catalog, this.hints, this.clock).validate(state);
	}

	/**
	 * The problems of one binding (the rules of {@link #validate()} that concern it).
	 * @param binding the binding
	 * @return its problems
	 */
	public List<BindingProblem> problemsOf(Binding binding) {
		RegistryState state = this.current.get();
		return PropertiesRefresh.withRejected(state,
				state.settings.validator(this.catalog, this.hints, this.clock).problemsOf(binding), binding.modelId());
	}

}
