package io.bedrockbinding.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.bedrockbinding.InvalidSettingException;
import io.bedrockbinding.account.AccountResolutionException;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.account.ConfiguredAccountId;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.RegionalClients;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.pipe.PipeObserver;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.BindingRegistryBuilder;
import io.bedrockbinding.registry.OriginKind;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.bedrock.BedrockClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of bedrock-binding: the model catalog, the binding registry
 * (properties over the inference file over derived profiles), the per-region Bedrock
 * clients, the account resolver and the {@link BedrockPipeFactory}. Nothing here calls
 * AWS at start-up unless discovery on start-up is switched on. The clients, the account
 * resolver and the pipe factory are lazy: made when first asked for (an application that
 * injects the factory makes it at start-up), their settings checked at start-up all the
 * same.
 */
@AutoConfiguration
@ConditionalOnClass(BindingRegistry.class)
@ConditionalOnBooleanProperty(name = "bedrock.binding.enabled", matchIfMissing = true)
@EnableConfigurationProperties({ BedrockBindingProperties.class, BedrockFailoverProperties.class })
public final class BedrockBindingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ModelCatalog bedrockModelCatalog() {
		return ModelCatalog.builtIn();
	}

	@Bean
	@ConditionalOnMissingBean
	BedrockConnectionDetails bedrockConnectionDetails(BedrockBindingProperties properties) {
		return new PropertiesBedrockConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	BindingRegistry bindingRegistry(BedrockBindingProperties properties, ModelCatalog catalog,
			BedrockConnectionDetails connection, ObjectProvider<AwsRegionProvider> regionProvider,
			ConfigurableEnvironment environment, ObjectProvider<Clock> clock) {
		BedrockBindingProperties.InferenceFile fileProperties = properties.getInferenceFile();
		InferenceFile file = null;
		if (fileProperties.isEnabled()) {
			file = new InferenceFile(fileProperties.getLocation());
			if (fileProperties.isCreateIfMissing()) {
				file.createIfMissing(catalog);
			}
		}
		BindingRegistryBuilder builder = BindingRegistry.builder(catalog);
		try {
			builder.maxRuntimeBindings(properties.getRuntime().getMaxBindings());
		}
		catch (InvalidSettingException ex) {
			throw new IllegalArgumentException(ex.reasonOf("bedrock.binding.runtime.max-bindings"), ex);
		}
		BindingRegistry registry = builder
			.region(BedrockRegion.resolve(properties, connection, regionProvider.getIfAvailable()))
			.accountId(configuredAccountId(properties).accountId())
			.deriveProfiles(properties.isDeriveProfiles())
			.requiredModels(properties.getRequiredModels())
			.hints(BedrockBindingSettingHints.PROPERTIES)
			.inferenceFile(file)
			// the application's Clock, if it has one, judges LEGACY and END_OF_LIFE
			.clock(clock.getIfUnique(Clock::systemUTC))
			.build();
		registry.setLayer(OriginKind.PROPERTIES, ModelPropertyReader.read(environment));
		return registry;
	}

	@Bean
	@Lazy
	@ConditionalOnMissingBean
	ClientSettings bedrockClientSettings(BedrockBindingProperties properties, BedrockConnectionDetails connection,
			ObjectProvider<AwsCredentialsProvider> credentials, BindingRegistry registry) {
		return new ClientSettings(connection.endpoint(), credentials(connection, credentials),
				ApiKeyTokenProvider.of(properties.getApiKey()), registry.region().orElse(null));
	}

	@Bean(destroyMethod = "close")
	@Lazy
	@ConditionalOnMissingBean
	BedrockRuntimeClients bedrockRuntimeClients(ClientSettings settings, BedrockBindingProperties properties,
			ObjectProvider<BedrockRuntimeClientCustomizer> syncCustomizers,
			ObjectProvider<BedrockRuntimeAsyncClientCustomizer> asyncCustomizers) {
		return BedrockRuntimeClients.builder()
			.settings(settings)
			.maxRegions(maxRegions(properties))
			.timeouts(properties.getTimeouts().toPipeTimeouts())
			.syncCustomizer(
					(builder) -> syncCustomizers.orderedStream().forEach((customizer) -> customizer.customize(builder)))
			.asyncCustomizer((builder) -> asyncCustomizers.orderedStream()
				.forEach((customizer) -> customizer.customize(builder)))
			.build();
	}

	@Bean(destroyMethod = "close")
	@Lazy
	@ConditionalOnMissingBean
	BedrockPipeFactory bedrockPipeFactory(BindingRegistry registry, BedrockRuntimeClients clients,
			AccountResolver accountResolver, BedrockBindingProperties properties, BedrockFailoverProperties failover,
			ObjectProvider<PipeObserver> observer) {
		return BedrockPipeFactory.builder(registry, clients)
			.settingHints(BedrockBindingSettingHints.PROPERTIES)
			.accountResolver(accountResolver)
			.onDemandFallback(properties.isOnDemandFallback())
			.observer(observer.getIfAvailable(() -> PipeObserver.NONE))
			.failover(failover.toSettings())
			.build();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "bedrock.binding.inference-file.watch", matchIfMissing = true)
	@ConditionalOnBooleanProperty(name = "bedrock.binding.inference-file.enabled", matchIfMissing = true)
	@ConditionalOnMissingBean
	InferenceFileReloader bedrockInferenceFileReloader(BindingRegistry registry, BedrockBindingProperties properties) {
		Duration delay = properties.getInferenceFile().getWatchDelay();
		if (delay == null || delay.isNegative()) {
			throw new IllegalArgumentException("bedrock.binding.inference-file.watch-delay must be zero or a positive "
					+ "duration (such as 200ms, the default), got " + delay);
		}
		return new InferenceFileReloader(registry, properties.getInferenceFile());
	}

	@Bean
	@ConditionalOnMissingBean
	BindingStartupValidator bedrockBindingStartupValidator(BindingRegistry registry,
			BedrockBindingProperties properties, BedrockFailoverProperties failover,
			ObjectProvider<ProfileDiscoveryClients> discovery, ConfigurableEnvironment environment) {
		checkLazyBeanSettings(properties, failover);
		return new BindingStartupValidator(registry, properties, discovery, environment);
	}

	/**
	 * The settings of the lazy beans (the clients and the pipe factory, made on first
	 * use), converted once at start-up as those beans convert them, so that a bad value
	 * still fails start-up, naming its property.
	 * @param properties the starter's properties
	 * @param failover the failover properties
	 * @throws IllegalArgumentException naming the property whose value is invalid
	 */
	static void checkLazyBeanSettings(BedrockBindingProperties properties, BedrockFailoverProperties failover) {
		properties.getTimeouts().toPipeTimeouts();
		failover.toSettings();
		maxRegions(properties);
	}

	/**
	 * The client pool's size, checked by the pool's own rule without the clients' builder
	 * (and the SDK classes it loads).
	 * @param properties the starter's properties
	 * @return {@code bedrock.binding.client-pool.max-regions}
	 * @throws IllegalArgumentException naming the property if it is less than 1
	 */
	static int maxRegions(BedrockBindingProperties properties) {
		try {
			return RegionalClients.checkMaxClients(properties.getClientPool().getMaxRegions());
		}
		catch (InvalidSettingException ex) {
			throw new IllegalArgumentException(ex.reasonOf("bedrock.binding.client-pool.max-regions"), ex);
		}
	}

	static @Nullable AwsCredentialsProvider credentials(BedrockConnectionDetails connection,
			ObjectProvider<AwsCredentialsProvider> credentials) {
		AwsCredentialsProvider fromConnection = connection.credentialsProvider();
		return (fromConnection != null) ? fromConnection : credentials.getIfAvailable();
	}

	/**
	 * The configured account: 12 digits, or "ask STS" ('auto', blank or unset).
	 * @param properties the starter's properties
	 * @return the parsed account ID
	 * @throws IllegalArgumentException naming the property if it is neither
	 */
	static ConfiguredAccountId configuredAccountId(BedrockBindingProperties properties) {
		return ConfiguredAccountId.parse(properties.getAccountId(), BedrockBindingSettingHints.ACCOUNT_ID);
	}

	/** Profile discovery, when the bedrock control-plane module is on the classpath. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(BedrockClient.class)
	@ConditionalOnBooleanProperty("bedrock.binding.discovery.enabled")
	static class DiscoveryConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		ProfileDiscoveryClients bedrockProfileDiscovery(ModelCatalog catalog, ClientSettings settings) {
			return new ProfileDiscoveryClients(catalog, settings);
		}

	}

	/**
	 * The account resolver when the STS module is on the classpath: a configured account,
	 * or STS GetCallerIdentity on first need. StsClient is named only here and in
	 * StsClientSupplier, so that nothing else loads it: the module is optional.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = StsAccountResolverConfiguration.STS_CLIENT)
	static class StsAccountResolverConfiguration {

		static final String STS_CLIENT = "software.amazon.awssdk.services.sts.StsClient";

		@Bean
		@Lazy
		@ConditionalOnMissingBean
		AccountResolver bedrockAccountResolver(BindingRegistry registry, StsClientSupplier sts) {
			// The configured account is the registry's (a refresh may change it); STS
			// only while none is configured.
			return new RegistryAccountResolver(registry,
					AccountResolver.of(ConfiguredAccountId.parse(null), sts, BedrockBindingSettingHints.PROPERTIES));
		}

		@Bean(destroyMethod = "close")
		@Lazy
		@ConditionalOnMissingBean
		StsClientSupplier bedrockStsClientSupplier(ClientSettings settings) {
			return new StsClientSupplier(settings);
		}

	}

	/**
	 * The account resolver without the STS module: a configured account, or one that says
	 * how to configure it when a target needs {@code {account}}.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass(StsAccountResolverConfiguration.STS_CLIENT)
	static class StaticAccountResolverConfiguration {

		@Bean
		@Lazy
		@ConditionalOnMissingBean
		AccountResolver bedrockAccountResolver(BindingRegistry registry, BedrockBindingProperties properties) {
			String accountId = properties.getAccountId();
			String state = (accountId != null) ? (accountId.isBlank() ? "empty" : "'" + accountId.strip() + "'")
					: "not set";
			return new RegistryAccountResolver(registry, () -> {
				throw new AccountResolutionException("A target needs the AWS account ID ({account}), but "
						+ "bedrock.binding.account-id is " + state + " and software.amazon.awssdk:sts (which 'auto' "
						+ "asks) is not on the classpath: set bedrock.binding.account-id to the 12-digit account, "
						+ "or add the sts module");
			});
		}

	}

}
