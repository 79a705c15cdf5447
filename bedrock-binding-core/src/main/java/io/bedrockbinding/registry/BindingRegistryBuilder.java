package io.bedrockbinding.registry;

import java.time.Clock;
import java.util.Collection;
import java.util.List;

import io.bedrockbinding.InvalidSettingException;
import io.bedrockbinding.SettingHints;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.file.InferenceFile;
import org.jspecify.annotations.Nullable;

/** Builds a {@link BindingRegistry}; only the catalog is required. */
public final class BindingRegistryBuilder {

	final ModelCatalog catalog;

	@Nullable String region;

	@Nullable String accountId;

	boolean deriveProfiles = true;

	Collection<String> requiredModels = List.of();

	int maxRuntimeBindings = BindingRegistry.DEFAULT_MAX_RUNTIME_BINDINGS;

	SettingHints hints = SettingHints.plain();

	@Nullable InferenceFile file;

	Clock clock = Clock.systemUTC();

	BindingRegistryBuilder(ModelCatalog catalog) {
		this.catalog = catalog;
	}

	/**
	 * The region calls go to by default; derived profiles and validation use it.
	 * @param region the region, or {@code null} for none
	 * @return this builder
	 */
	public BindingRegistryBuilder region(@Nullable String region) {
		this.region = region;
		return this;
	}

	/**
	 * The account ARNs are checked against (validation only; never looked up here).
	 * @param accountId the 12-digit account ID, or {@code null} for none
	 * @return this builder
	 */
	public BindingRegistryBuilder accountId(@Nullable String accountId) {
		this.accountId = accountId;
		return this;
	}

	/**
	 * Whether a model that needs a profile in the region gets the region's geo profile by
	 * default.
	 * @param deriveProfiles whether to derive profiles (default {@code true})
	 * @return this builder
	 */
	public BindingRegistryBuilder deriveProfiles(boolean deriveProfiles) {
		this.deriveProfiles = deriveProfiles;
		return this;
	}

	/**
	 * Models that must have a binding; {@link BindingRegistry#validate()} reports those
	 * without.
	 * @param requiredModels the model IDs
	 * @return this builder
	 */
	public BindingRegistryBuilder requiredModels(Collection<String> requiredModels) {
		this.requiredModels = requiredModels;
		return this;
	}

	/**
	 * The most models that may be bound at runtime; a bind beyond it is refused with a
	 * {@link RuntimeBindingLimitException}.
	 * @param maxRuntimeBindings the cap (default
	 * {@value BindingRegistry#DEFAULT_MAX_RUNTIME_BINDINGS})
	 * @return this builder
	 */
	public BindingRegistryBuilder maxRuntimeBindings(int maxRuntimeBindings) {
		if (maxRuntimeBindings < 0) {
			throw new InvalidSettingException("maxRuntimeBindings", "must be 0 or more, got " + maxRuntimeBindings);
		}
		this.maxRuntimeBindings = maxRuntimeBindings;
		return this;
	}

	/**
	 * How the application sets what the registry's (and the pipe's) messages refer to; a
	 * Spring application passes its property names.
	 * @param hints the words to use (default {@link SettingHints#plain()})
	 * @return this builder
	 */
	public BindingRegistryBuilder hints(SettingHints hints) {
		this.hints = hints;
		return this;
	}

	/**
	 * The inference file: read once by {@link #build()}, again by
	 * {@link BindingRegistry#reloadFile()} or a watcher, and written by persisted binds.
	 * @param file the file, or {@code null} for none
	 * @return this builder
	 */
	public BindingRegistryBuilder inferenceFile(@Nullable InferenceFile file) {
		this.file = file;
		return this;
	}

	/**
	 * The clock that decides whether a model is legacy or past its end of life (the
	 * catalog's dates are days in UTC); tests pass a fixed one.
	 * @param clock the clock (default {@link Clock#systemUTC()})
	 * @return this builder
	 */
	public BindingRegistryBuilder clock(Clock clock) {
		this.clock = java.util.Objects.requireNonNull(clock, "clock");
		return this;
	}

	/**
	 * Builds the registry, reading the inference file if one is set.
	 * @return the registry
	 */
	public BindingRegistry build() {
		return BindingRegistry.build(this);
	}

}
