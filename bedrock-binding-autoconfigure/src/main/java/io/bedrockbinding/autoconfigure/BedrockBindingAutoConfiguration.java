package io.bedrockbinding.autoconfigure;

import java.io.IOException;
import java.util.List;

import io.bedrockbinding.account.AccountResolutionException;
import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.account.StaticAccountResolver;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.RegionalClients;
import io.bedrockbinding.discovery.ProfileDiscovery;
import io.bedrockbinding.file.InferenceFile;
import io.bedrockbinding.file.InferenceFileWatcher;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.pipe.PipeObserver;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.sts.StsClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of bedrock-binding: the model catalog, the binding registry
 * (properties over the inference file over derived profiles), the per-region Bedrock
 * clients, the account resolver and the {@link BedrockPipeFactory}. Nothing here calls
 * AWS at start-up unless discovery on start-up is switched on.
 */
@AutoConfiguration
@ConditionalOnClass(BindingRegistry.class)
@ConditionalOnBooleanProperty(name = "bedrock.binding.enabled", matchIfMissing = true)
@EnableConfigurationProperties(BedrockBindingProperties.class)
public final class BedrockBindingAutoConfiguration {

	private static final Logger logger = LoggerFactory.getLogger(BedrockBindingAutoConfiguration.class);

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
			ConfigurableEnvironment environment) {
		BedrockBindingProperties.InferenceFile fileProperties = properties.getInferenceFile();
		InferenceFile file = null;
		if (fileProperties.isEnabled()) {
			file = new InferenceFile(fileProperties.getLocation());
			if (fileProperties.isCreateIfMissing()) {
				file.createIfMissing(catalog);
			}
		}
		String accountId = configuredAccountId(properties);
		BindingRegistry registry = BindingRegistry.builder(catalog)
			.region(BedrockRegion.resolve(properties, connection, regionProvider.getIfAvailable()))
			.accountId((accountId != null && AccountResolver.isAccountId(accountId)) ? accountId : null)
			.deriveProfiles(properties.isDeriveProfiles())
			.requiredModels(properties.getRequiredModels())
			.inferenceFile(file)
			.build();
		registry.setLayer(OriginKind.PROPERTIES, ModelPropertyReader.read(environment));
		return registry;
	}

	@Bean
	@ConditionalOnMissingBean
	ClientSettings bedrockClientSettings(BedrockBindingProperties properties, BedrockConnectionDetails connection,
			ObjectProvider<AwsCredentialsProvider> credentials, BindingRegistry registry) {
		return new ClientSettings(connection.endpoint(), credentials(connection, credentials),
				ApiKeyTokenProvider.of(properties.getApiKey()), registry.region().orElse(null));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	BedrockRuntimeClients bedrockRuntimeClients(ClientSettings settings,
			ObjectProvider<BedrockRuntimeClientCustomizer> syncCustomizers,
			ObjectProvider<BedrockRuntimeAsyncClientCustomizer> asyncCustomizers) {
		return BedrockRuntimeClients.builder()
			.settings(settings)
			.syncCustomizer(
					(builder) -> syncCustomizers.orderedStream().forEach((customizer) -> customizer.customize(builder)))
			.asyncCustomizer((builder) -> asyncCustomizers.orderedStream()
				.forEach((customizer) -> customizer.customize(builder)))
			.build();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	BedrockPipeFactory bedrockPipeFactory(BindingRegistry registry, BedrockRuntimeClients clients,
			AccountResolver accountResolver, BedrockBindingProperties properties,
			ObjectProvider<PipeObserver> observer) {
		return BedrockPipeFactory.builder(registry, clients)
			.accountResolver(accountResolver)
			.onDemandFallback(properties.isOnDemandFallback())
			.observer(observer.getIfAvailable(() -> PipeObserver.NONE))
			.build();
	}

	@Bean
	@ConditionalOnBooleanProperty(name = "bedrock.binding.inference-file.watch", matchIfMissing = true)
	@ConditionalOnBooleanProperty(name = "bedrock.binding.inference-file.enabled", matchIfMissing = true)
	InferenceFileWatching bedrockInferenceFileWatching(BindingRegistry registry, BedrockBindingProperties properties) {
		return new InferenceFileWatching(registry, properties.getInferenceFile());
	}

	@Bean
	BindingStartupValidation bedrockBindingStartupValidation(BindingRegistry registry,
			BedrockBindingProperties properties, ObjectProvider<ProfileDiscoveryHolder> discovery,
			ConfigurableEnvironment environment) {
		return new BindingStartupValidation(registry, properties, discovery, environment);
	}

	static @Nullable AwsCredentialsProvider credentials(BedrockConnectionDetails connection,
			ObjectProvider<AwsCredentialsProvider> credentials) {
		AwsCredentialsProvider fromConnection = connection.credentialsProvider();
		return (fromConnection != null) ? fromConnection : credentials.getIfAvailable();
	}

	/** Profile discovery, when the bedrock control-plane module is on the classpath. */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(BedrockClient.class)
	@ConditionalOnBooleanProperty("bedrock.binding.discovery.enabled")
	static class DiscoveryConfiguration {

		@Bean(destroyMethod = "close")
		@ConditionalOnMissingBean
		ProfileDiscoveryHolder bedrockProfileDiscovery(ModelCatalog catalog, ClientSettings settings) {
			return new ProfileDiscoveryHolder(catalog, settings);
		}

	}

	/**
	 * The control-plane clients discovery uses, one per region, closed with the context.
	 */
	static final class ProfileDiscoveryHolder implements AutoCloseable {

		private final RegionalClients<BedrockClient> clients;

		private final ProfileDiscovery discovery;

		ProfileDiscoveryHolder(ModelCatalog catalog, ClientSettings settings) {
			this.clients = ProfileDiscovery.controlPlaneClients(settings);
			this.discovery = new ProfileDiscovery(this.clients, catalog);
		}

		ProfileDiscovery discovery() {
			return this.discovery;
		}

		@Override
		public void close() {
			this.clients.close();
		}

	}

	/**
	 * The account resolver when the STS module is on the classpath: a configured account,
	 * or STS GetCallerIdentity on first need. StsClient is named only in here, so that
	 * nothing else loads it: the module is optional.
	 */
	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = StsAccountResolverConfiguration.STS_CLIENT)
	static class StsAccountResolverConfiguration {

		static final String STS_CLIENT = "software.amazon.awssdk.services.sts.StsClient";

		@Bean
		@ConditionalOnMissingBean
		AccountResolver bedrockAccountResolver(BedrockBindingProperties properties, ClientSettings settings) {
			String configured = configuredAccountId(properties);
			if (configured != null) {
				return new StaticAccountResolver(configured);
			}
			// Never the SDK region chain here: its last resort is the EC2 instance
			// metadata service, a network call; STS answers GetCallerIdentity globally.
			ClientSettings sts = (settings.region() != null) ? settings : settings.withRegion(Region.AWS_GLOBAL.id());
			return AccountResolver.of(null, () -> sts.applyTo(StsClient.builder()).build());
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
		@ConditionalOnMissingBean
		AccountResolver bedrockAccountResolver(BedrockBindingProperties properties) {
			String configured = configuredAccountId(properties);
			if (configured != null) {
				return new StaticAccountResolver(configured);
			}
			String accountId = properties.getAccountId();
			String state = (accountId == null) ? "not set"
					: (accountId.isBlank() ? "empty" : "'" + accountId.strip() + "'");
			return () -> {
				throw new AccountResolutionException("A target needs the AWS account ID ({account}), but "
						+ "bedrock.binding.account-id is " + state + " and software.amazon.awssdk:sts (which 'auto' "
						+ "asks) is not on the classpath: set bedrock.binding.account-id to the 12-digit account, "
						+ "or add the sts module");
			};
		}

	}

	/**
	 * The configured 12-digit account, or null for "ask STS" ('auto', blank or unset).
	 */
	static @Nullable String configuredAccountId(BedrockBindingProperties properties) {
		String accountId = properties.getAccountId();
		if (accountId == null || accountId.isBlank() || AccountResolver.AUTO.equalsIgnoreCase(accountId.strip())) {
			return null;
		}
		return accountId.strip();
	}

	/** Reloads the inference file when it changes, from start to stop of the context. */
	static final class InferenceFileWatching implements SmartLifecycle {

		private final BindingRegistry registry;

		private final BedrockBindingProperties.InferenceFile properties;

		private volatile @Nullable InferenceFileWatcher watcher;

		InferenceFileWatching(BindingRegistry registry, BedrockBindingProperties.InferenceFile properties) {
			this.registry = registry;
			this.properties = properties;
		}

		@Override
		public void start() {
			InferenceFile file = this.registry.inferenceFile().orElse(null);
			if (file == null) {
				return;
			}
			try {
				this.watcher = InferenceFileWatcher.start(file, this.properties.getWatchDelay(),
						this.registry::applyFile);
			}
			catch (IOException | RuntimeException ex) {
				logger.warn("Cannot watch {} for changes ({}); it is read once at start-up", file.path(),
						ex.toString());
			}
		}

		@Override
		public void stop() {
			InferenceFileWatcher current = this.watcher;
			if (current != null) {
				current.close();
				this.watcher = null;
			}
		}

		@Override
		public boolean isRunning() {
			return this.watcher != null;
		}

	}

	/**
	 * After every singleton exists: discovery on start-up (if switched on), then
	 * validation, which fails start-up (or warns) on binding errors.
	 */
	static final class BindingStartupValidation implements SmartInitializingSingleton {

		private final BindingRegistry registry;

		private final BedrockBindingProperties properties;

		private final ObjectProvider<ProfileDiscoveryHolder> discovery;

		private final ConfigurableEnvironment environment;

		BindingStartupValidation(BindingRegistry registry, BedrockBindingProperties properties,
				ObjectProvider<ProfileDiscoveryHolder> discovery, ConfigurableEnvironment environment) {
			this.registry = registry;
			this.properties = properties;
			this.discovery = discovery;
			this.environment = environment;
		}

		@Override
		public void afterSingletonsInstantiated() {
			ProfileDiscoveryHolder holder = this.discovery.getIfAvailable();
			if (holder == null && this.properties.getDiscovery().isEnabled()) {
				logger.warn("bedrock.binding.discovery.enabled is true, but software.amazon.awssdk:bedrock "
						+ "(the Bedrock control plane client) is not on the classpath: discovery is off");
			}
			if (holder != null && this.properties.getDiscovery().isOnStartup()) {
				String region = this.registry.region()
					.orElseThrow(() -> new IllegalStateException(
							"bedrock.binding.discovery.on-startup needs a region: set bedrock.binding.region"));
				this.registry.setLayer(OriginKind.DISCOVERED, holder.discovery().discover(region).asLayer());
			}
			List<io.bedrockbinding.registry.BindingProblem> problems = this.registry.validate();
			boolean strictFile = this.properties.getInferenceFile().isStrict();
			List<io.bedrockbinding.registry.BindingProblem> errors = problems.stream()
				.filter((problem) -> problem.severity() == io.bedrockbinding.Severity.ERROR)
				.filter((problem) -> strictFile
						|| problem.code() != io.bedrockbinding.registry.ProblemCode.FILE_PROBLEM)
				.toList();
			problems.stream()
				.filter((problem) -> !errors.contains(problem))
				.forEach((problem) -> logger.warn("Bedrock binding: {}", problem.message()));
			if (errors.isEmpty()) {
				return;
			}
			List<io.bedrockbinding.registry.BindingProblem> explained = errors.stream().map(this::explained).toList();
			if (this.properties.getValidation().isFailFast()) {
				throw new BindingValidationException(explained);
			}
			explained.forEach((problem) -> logger.warn(
					"Bedrock binding error (bedrock.binding.validation.fail-fast=false): {}. Fix: {}",
					problem.message(), problem.fix()));
		}

		/**
		 * What only the Spring side knows, added to a problem: which property source
		 * lists a required model, and a target for a model whose target is invalid (the
		 * region's system profile), so that the failure analysis can show the line to
		 * write.
		 */
		private io.bedrockbinding.registry.BindingProblem explained(io.bedrockbinding.registry.BindingProblem problem) {
			if (problem.code() == io.bedrockbinding.registry.ProblemCode.REQUIRED_UNBOUND) {
				String source = ModelPropertyReader.requiredModelsSource(this.environment);
				if (source != null) {
					return new io.bedrockbinding.registry.BindingProblem(problem.modelId(), problem.severity(),
							problem.code(), problem.modelId() + " is listed in bedrock.binding.required-models ("
									+ source + ") but has no binding",
							problem.origin(), problem.suggestedTarget());
				}
			}
			if (problem.code() == io.bedrockbinding.registry.ProblemCode.INVALID_TARGET
					&& problem.suggestedTarget() == null && !problem.modelId().isEmpty()
					&& this.registry.region().isPresent()) {
				String suggestion = this.registry.catalog()
					.systemProfileFor(problem.modelId(), this.registry.region().get())
					.orElse(null);
				if (suggestion != null) {
					return new io.bedrockbinding.registry.BindingProblem(problem.modelId(), problem.severity(),
							problem.code(), problem.message(), problem.origin(), suggestion);
				}
			}
			return problem;
		}

	}

}
