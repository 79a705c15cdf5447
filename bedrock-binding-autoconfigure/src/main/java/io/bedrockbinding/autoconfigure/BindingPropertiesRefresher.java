package io.bedrockbinding.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.bedrockbinding.registry.BindingProblem;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.LayerEntry;
import io.bedrockbinding.registry.RegistrySettings;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Puts the property bindings of a refreshed environment in force: on Spring Cloud's
 * {@link EnvironmentChangeEvent} whose keys touch {@code bedrock.binding.*}, the models
 * are read again by the reader of start-up ({@link ModelPropertyReader}), the region,
 * account ID and required models are bound again, and the registry swaps them in at once
 * ({@link BindingRegistry#refreshProperties}). A value that is not valid keeps its
 * model's last good binding and is logged with its key and property source. Define a bean
 * of this type to replace it.
 */
public class BindingPropertiesRefresher implements ApplicationListener<EnvironmentChangeEvent> {

	private static final Logger logger = LoggerFactory.getLogger(BindingPropertiesRefresher.class);

	private final BindingRegistry registry;

	private final ConfigurableEnvironment environment;

	private final BedrockConnectionDetails connection;

	private final ObjectProvider<AwsRegionProvider> regionProvider;

	/**
	 * A refresher of {@code registry}'s property bindings.
	 * @param registry the registry to refresh
	 * @param environment the environment the properties are read from
	 * @param connection the connection details (a region they name)
	 * @param regionProvider an {@link AwsRegionProvider} bean, if any
	 */
	public BindingPropertiesRefresher(BindingRegistry registry, ConfigurableEnvironment environment,
			BedrockConnectionDetails connection, ObjectProvider<AwsRegionProvider> regionProvider) {
		this.registry = registry;
		this.environment = environment;
		this.connection = connection;
		this.regionProvider = regionProvider;
	}

	@Override
	public void onApplicationEvent(EnvironmentChangeEvent event) {
		if (touchesBindings(event.getKeys())) {
			refresh();
		}
	}

	/**
	 * Reads the bindings and settings of the environment as it is now and puts them in
	 * force.
	 * @return the values that were not applied, with why
	 */
	public List<BindingProblem> refresh() {
		BedrockBindingProperties properties;
		try {
			properties = Binder.get(this.environment)
				.bind("bedrock.binding", Bindable.ofInstance(new BedrockBindingProperties()))
				.orElseGet(BedrockBindingProperties::new);
		}
		catch (BindException ex) {
			logger.warn("Bedrock bindings not refreshed, the bindings in force stay: {} ({})", ex.getMessage(),
					(ex.getCause() != null) ? ex.getCause().getMessage() : "");
			return List.of();
		}
		List<LayerEntry> entries;
		try {
			entries = ModelPropertyReader.read(this.environment);
		}
		catch (IllegalArgumentException ex) {
			logger.warn("Bedrock bindings not refreshed, the bindings in force stay: {}", ex.getMessage());
			return List.of();
		}
		String accountId = accountId(properties);
		// The default connection details read the properties bean, which Spring Cloud
		// rebinds on this event too, possibly after this listener: the values just bound
		// count, or a region taken out of the properties would stay in force.
		BedrockConnectionDetails connection = (this.connection instanceof PropertiesBedrockConnectionDetails)
				? new PropertiesBedrockConnectionDetails(properties) : this.connection;
		String region = BedrockRegion.resolve(properties, connection, this.regionProvider.getIfAvailable());
		List<BindingProblem> rejected = this.registry
			.refreshProperties(RegistrySettings.of(region, accountId, properties.getRequiredModels()), entries);
		rejected.forEach((problem) -> logger.warn("Bedrock binding refresh: {}", problem.message()));
		logger.info("Bedrock bindings refreshed: {} model properties ({} not applied), region {}", entries.size(),
				rejected.size(), (region != null) ? region : "none");
		return rejected;
	}

	private @Nullable String accountId(BedrockBindingProperties properties) {
		try {
			return BedrockBindingAutoConfiguration.configuredAccountId(properties).accountId();
		}
		catch (IllegalArgumentException ex) {
			String kept = this.registry.accountId().orElse(null);
			logger.warn("Bedrock binding refresh: {} was not applied: {}; keeping {} until it is fixed",
					BedrockBindingSettingHints.ACCOUNT_ID, ex.getMessage(), (kept != null) ? kept : "'auto'");
			return kept;
		}
	}

	/**
	 * Whether a change concerns the bindings: a key under {@code bedrock.binding}, in any
	 * spelling Spring accepts ({@code BEDROCK_BINDING_REGION} of an environment variable
	 * too).
	 * @param keys the changed keys
	 * @return whether one of them is a binding property
	 */
	static boolean touchesBindings(Set<String> keys) {
		for (String key : keys) {
			String lower = key.toLowerCase(Locale.ROOT).replace('_', '.');
			if (lower.equals("bedrock.binding") || lower.startsWith("bedrock.binding.")
					|| lower.startsWith("bedrock.binding[")) {
				return true;
			}
		}
		return false;
	}

}
