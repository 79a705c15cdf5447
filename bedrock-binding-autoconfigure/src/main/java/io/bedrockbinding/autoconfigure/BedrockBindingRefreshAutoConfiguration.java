package io.bedrockbinding.autoconfigure;

import io.bedrockbinding.registry.BindingRegistry;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.cloud.context.environment.EnvironmentChangeEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Auto-configuration of the live refresh of property bindings, when spring-cloud-context
 * is on the classpath: a {@link BindingPropertiesRefresher} that listens for Spring
 * Cloud's {@link EnvironmentChangeEvent}. {@code bedrock.binding.refresh.enabled=false}
 * switches it off.
 */
@AutoConfiguration(after = BedrockBindingAutoConfiguration.class)
@ConditionalOnClass({ BindingRegistry.class, EnvironmentChangeEvent.class })
@ConditionalOnBean(BindingRegistry.class)
@ConditionalOnBooleanProperty(name = "bedrock.binding.refresh.enabled", matchIfMissing = true)
public final class BedrockBindingRefreshAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BindingPropertiesRefresher bedrockBindingPropertiesRefresher(BindingRegistry registry,
			ConfigurableEnvironment environment, BedrockConnectionDetails connection,
			ObjectProvider<AwsRegionProvider> regionProvider) {
		return new BindingPropertiesRefresher(registry, environment, connection, regionProvider);
	}

}
