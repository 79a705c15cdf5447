package io.bedrockbinding.autoconfigure.local;

import java.io.UncheckedIOException;
import java.net.URI;

import io.bedrockbinding.account.ConfiguredAccountId;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.autoconfigure.BedrockBindingProperties;
import io.bedrockbinding.autoconfigure.BedrockConnectionDetails;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.emulator.LocalBedrockBuilder;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Starts a LocalBedrock (on the application's {@link ModelCatalog}) with the application
 * context and contributes the {@link BedrockConnectionDetails} that send every Bedrock
 * call to it.
 */
@AutoConfiguration(before = BedrockBindingAutoConfiguration.class)
@ConditionalOnClass(LocalBedrock.class)
@ConditionalOnBooleanProperty(name = "bedrock.binding.enabled", matchIfMissing = true)
@ConditionalOnBooleanProperty("bedrock.binding.local-bedrock.enabled")
@EnableConfigurationProperties({ LocalBedrockProperties.class, BedrockBindingProperties.class })
public final class LocalBedrockAutoConfiguration {

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	LocalBedrock localBedrock(LocalBedrockProperties properties, BedrockBindingProperties binding,
			ObjectProvider<ModelCatalog> catalog) {
		String own = ConfiguredAccountId.parse(properties.getAccountId(), "bedrock.binding.local-bedrock.account-id")
			.accountId();
		String configured = ConfiguredAccountId.parse(binding.getAccountId(), "bedrock.binding.account-id").accountId();
		String account = (own != null) ? own : (configured != null) ? configured : LocalBedrock.DEFAULT_ACCOUNT_ID;
		LocalBedrockBuilder builder = LocalBedrock.builder()
			.catalog(catalog.getIfAvailable(ModelCatalog::builtIn))
			.accountId(account);
		if (binding.getRegion() != null) {
			builder.defaultRegion(binding.getRegion());
		}
		if (properties.getPort() != 0) {
			try {
				builder.port(properties.getPort());
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException("bedrock.binding.local-bedrock.port: " + ex.getMessage()
						+ "; set it to a free port, or to 0 to pick one", ex);
			}
		}
		LocalBedrock localBedrock = builder.build();
		properties.getQuotas().forEach((target, quota) -> {
			String property = "bedrock.binding.local-bedrock.quotas[" + target + "]";
			try {
				if (quota.getRequestsPerMinute() != null) {
					localBedrock.faults().quotas().requestsPerMinute(target, quota.getRequestsPerMinute());
				}
				if (quota.getTokensPerMinute() != null) {
					localBedrock.faults().quotas().tokensPerMinute(target, quota.getTokensPerMinute());
				}
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(property + ": " + ex.getMessage(), ex);
			}
		});
		try {
			return localBedrock.start();
		}
		catch (UncheckedIOException ex) {
			throw new IllegalStateException(
					ex.getMessage() + " (bedrock.binding.local-bedrock.port=" + properties.getPort()
							+ "): set bedrock.binding.local-bedrock.port to a free port, or to 0 to pick one",
					ex);
		}
	}

	@Bean
	@ConditionalOnMissingBean(BedrockConnectionDetails.class)
	BedrockConnectionDetails localBedrockConnectionDetails(LocalBedrock localBedrock) {
		return new LocalBedrockConnectionDetails(localBedrock);
	}

	/** The emulator's endpoint and fake credentials. */
	static final class LocalBedrockConnectionDetails implements BedrockConnectionDetails {

		private static final AwsCredentialsProvider FAKE = StaticCredentialsProvider
			.create(AwsBasicCredentials.create("local-bedrock", "local-bedrock"));

		private final LocalBedrock localBedrock;

		LocalBedrockConnectionDetails(LocalBedrock localBedrock) {
			this.localBedrock = localBedrock;
		}

		@Override
		public URI endpoint() {
			return this.localBedrock.endpoint();
		}

		@Override
		public @Nullable String region() {
			return this.localBedrock.defaultRegion();
		}

		@Override
		public AwsCredentialsProvider credentialsProvider() {
			return FAKE;
		}

	}

}
