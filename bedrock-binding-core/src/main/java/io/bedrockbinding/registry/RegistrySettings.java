package io.bedrockbinding.registry;

import java.time.Clock;
import java.util.Collection;
import java.util.Set;

import io.bedrockbinding.SettingHints;
import io.bedrockbinding.catalog.ModelCatalog;
import org.jspecify.annotations.Nullable;

/**
 * What the registry checks bindings against and derives profiles for: one value, so that
 * a refresh puts a new region, account and list of required models in force together with
 * the bindings they concern.
 *
 * @param region the region calls go to by default, or {@code null} for none
 * @param accountId the account ARNs are checked against, or {@code null} for none
 * @param requiredModels the models that must have a binding
 */
public record RegistrySettings(@Nullable String region, @Nullable String accountId, Set<String> requiredModels) {

	public RegistrySettings {
		requiredModels = Set.copyOf(requiredModels);
	}

	/**
	 * Settings with the required models in any collection.
	 * @param region the region, or {@code null} for none
	 * @param accountId the account ID, or {@code null} for none
	 * @param requiredModels the required model IDs
	 * @return the settings
	 */
	public static RegistrySettings of(@Nullable String region, @Nullable String accountId,
			Collection<String> requiredModels) {
		return new RegistrySettings(region, accountId, Set.copyOf(requiredModels));
	}

	/**
	 * The rules that check bindings against these settings.
	 * @param catalog the catalog
	 * @param hints the words of the fixes
	 * @param clock the clock that decides whether a model is legacy or past its end of
	 * life
	 * @return the validator
	 */
	BindingValidator validator(ModelCatalog catalog, SettingHints hints, Clock clock) {
		return new BindingValidator(catalog, this.region, this.accountId, this.requiredModels, hints, clock);
	}

}
