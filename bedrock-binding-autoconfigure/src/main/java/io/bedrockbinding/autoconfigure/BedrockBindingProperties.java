package io.bedrockbinding.autoconfigure;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.client.RegionalClients;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.NestedConfigurationProperty;

/**
 * Configuration properties of bedrock-binding.
 */
@ConfigurationProperties("bedrock.binding")
public class BedrockBindingProperties {

	/**
	 * Whether to enable bedrock-binding.
	 */
	private boolean enabled = true;

	/**
	 * AWS region that pipes call and that profiles are derived for. Default: the SDK's
	 * region chain (AWS_REGION, aws.region, the AWS profile file).
	 */
	private @Nullable String region;

	/**
	 * AWS account ID that fills '{account}' in targets: 12 digits, or 'auto' to ask STS
	 * GetCallerIdentity on first need.
	 */
	private @Nullable String accountId;

	/**
	 * Endpoint override for the Bedrock clients, e.g. http://127.0.0.1:PORT of
	 * LocalBedrock.
	 */
	private @Nullable URI endpoint;

	/**
	 * Bedrock API key (bearer token) to call bedrock-runtime with instead of SigV4
	 * credentials. The SDK also reads AWS_BEARER_TOKEN_BEDROCK by itself.
	 */
	private @Nullable String apiKey;

	/**
	 * Model bindings: model ID to target (empty: direct, a profile ID such as
	 * us.amazon.nova-pro-v1:0, or a Bedrock ARN). Write keys in brackets,
	 * "[amazon.nova-pro-v1:0]"; merged per key across the active Spring profiles.
	 */
	private Map<String, String> models = new LinkedHashMap<>();

	/**
	 * Model bindings as one YAML (or JSON) map of model ID to target, for stores whose
	 * keys cannot hold a model ID (a Parameter Store parameter, an AppConfig profile).
	 */
	private @Nullable String modelsYaml;

	/**
	 * Model IDs that must have a binding; start-up fails if one has none.
	 */
	private List<String> requiredModels = new ArrayList<>();

	/**
	 * Whether a model that needs an inference profile in the region is bound to the
	 * region's geo profile (us., eu., apac., ...) when nothing else binds it.
	 */
	private boolean deriveProfiles = true;

	/**
	 * Whether a direct call's chain ends with the region's geo profile, tried after an
	 * on-demand refusal ("on-demand throughput isn't supported") or another
	 * failover-worthy failure; logged once per model.
	 */
	private boolean onDemandFallback = false;

	private final InferenceFile inferenceFile = new InferenceFile();

	private final Discovery discovery = new Discovery();

	private final Validation validation = new Validation();

	private final Runtime runtime = new Runtime();

	@NestedConfigurationProperty
	private final BedrockBindingTimeouts timeouts = new BedrockBindingTimeouts();

	private final ClientPool clientPool = new ClientPool();

	@NestedConfigurationProperty
	private final BedrockBindingRefresh refresh = new BedrockBindingRefresh();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getRegion() {
		return this.region;
	}

	public void setRegion(@Nullable String region) {
		this.region = region;
	}

	public @Nullable String getAccountId() {
		return this.accountId;
	}

	public void setAccountId(@Nullable String accountId) {
		this.accountId = accountId;
	}

	public @Nullable URI getEndpoint() {
		return this.endpoint;
	}

	public void setEndpoint(@Nullable URI endpoint) {
		this.endpoint = endpoint;
	}

	public @Nullable String getApiKey() {
		return this.apiKey;
	}

	public void setApiKey(@Nullable String apiKey) {
		this.apiKey = apiKey;
	}

	/**
	 * The map as Spring's relaxed binding sees it, where an unbracketed key has lost its
	 * {@code :}. The registry does not use it: it reads the raw property names, with
	 * their origins, so that every spelling binds the model meant
	 * ({@code ModelPropertyReader}).
	 * @return the bound map, for tools and metadata
	 */
	public Map<String, String> getModels() {
		return this.models;
	}

	public void setModels(Map<String, String> models) {
		this.models = models;
	}

	public @Nullable String getModelsYaml() {
		return this.modelsYaml;
	}

	public void setModelsYaml(@Nullable String modelsYaml) {
		this.modelsYaml = modelsYaml;
	}

	public List<String> getRequiredModels() {
		return this.requiredModels;
	}

	public void setRequiredModels(List<String> requiredModels) {
		this.requiredModels = requiredModels;
	}

	public boolean isDeriveProfiles() {
		return this.deriveProfiles;
	}

	public void setDeriveProfiles(boolean deriveProfiles) {
		this.deriveProfiles = deriveProfiles;
	}

	public boolean isOnDemandFallback() {
		return this.onDemandFallback;
	}

	public void setOnDemandFallback(boolean onDemandFallback) {
		this.onDemandFallback = onDemandFallback;
	}

	public InferenceFile getInferenceFile() {
		return this.inferenceFile;
	}

	public Discovery getDiscovery() {
		return this.discovery;
	}

	public Runtime getRuntime() {
		return this.runtime;
	}

	public BedrockBindingTimeouts getTimeouts() {
		return this.timeouts;
	}

	public Validation getValidation() {
		return this.validation;
	}

	public ClientPool getClientPool() {
		return this.clientPool;
	}

	public BedrockBindingRefresh getRefresh() {
		return this.refresh;
	}

	/**
	 * The inference file ({@code model=target} lines).
	 */
	public static class InferenceFile {

		/**
		 * Whether to read bindings from the inference file.
		 */
		private boolean enabled = true;

		/**
		 * Location of the inference file; a leading '~' is the home folder.
		 */
		private Path location = io.bedrockbinding.file.InferenceFile.defaultLocation();

		/**
		 * Whether to create the file, listing every catalog model commented out, when it
		 * is missing.
		 */
		private boolean createIfMissing = false;

		/**
		 * Whether to reload the file when it changes.
		 */
		private boolean watch = true;

		/**
		 * How long the file must stay unchanged before a change is reloaded.
		 */
		private Duration watchDelay = Duration.ofMillis(200);

		/**
		 * Whether an error in the file fails start-up (otherwise it is logged, and the
		 * bad lines are ignored).
		 */
		private boolean strict = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public Path getLocation() {
			return this.location;
		}

		public void setLocation(Path location) {
			this.location = io.bedrockbinding.file.InferenceFile.expandHome(location);
		}

		public boolean isCreateIfMissing() {
			return this.createIfMissing;
		}

		public void setCreateIfMissing(boolean createIfMissing) {
			this.createIfMissing = createIfMissing;
		}

		public boolean isWatch() {
			return this.watch;
		}

		public void setWatch(boolean watch) {
			this.watch = watch;
		}

		public Duration getWatchDelay() {
			return this.watchDelay;
		}

		public void setWatchDelay(Duration watchDelay) {
			this.watchDelay = watchDelay;
		}

		public boolean isStrict() {
			return this.strict;
		}

		public void setStrict(boolean strict) {
			this.strict = strict;
		}

	}

	/**
	 * Profile discovery from the account's Bedrock control plane.
	 */
	public static class Discovery {

		/**
		 * Whether to create the ProfileDiscovery bean (needs the bedrock SDK module).
		 */
		private boolean enabled = false;

		/**
		 * Whether to run discovery at start-up and use its suggestions as the discovered
		 * layer (a network call at start-up).
		 */
		private boolean onStartup = false;

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public boolean isOnStartup() {
			return this.onStartup;
		}

		public void setOnStartup(boolean onStartup) {
			this.onStartup = onStartup;
		}

	}

	/**
	 * Start-up validation of the bindings.
	 */
	public static class Validation {

		/**
		 * Whether binding errors (a required model unbound, an invalid target, a model
		 * that needs a profile bound direct) fail start-up; otherwise they are logged as
		 * warnings.
		 */
		private boolean failFast = true;

		public boolean isFailFast() {
			return this.failFast;
		}

		public void setFailFast(boolean failFast) {
			this.failFast = failFast;
		}

	}

	/**
	 * Runtime binds (API, actuator, CLI).
	 */
	public static class Runtime {

		/**
		 * Most models that may be bound at runtime; a bind beyond it is refused.
		 */
		private int maxBindings = io.bedrockbinding.registry.BindingRegistry.DEFAULT_MAX_RUNTIME_BINDINGS;

		public int getMaxBindings() {
			return this.maxBindings;
		}

		public void setMaxBindings(int maxBindings) {
			this.maxBindings = maxBindings;
		}

	}

	/**
	 * The SDK clients, one per region a call is sent to.
	 */
	public static class ClientPool {

		/**
		 * Maximum number of regions that have a Bedrock client at once (sync and async
		 * counted apart). Beyond, the least recently used region's client is closed once
		 * its calls end; each client has its own connections and threads.
		 */
		private int maxRegions = RegionalClients.DEFAULT_MAX_CLIENTS;

		public int getMaxRegions() {
			return this.maxRegions;
		}

		public void setMaxRegions(int maxRegions) {
			this.maxRegions = maxRegions;
		}

	}

}
