package io.bedrockbinding.autoconfigure.endpoint;

import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint;
import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpointWebExtension;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.registry.BindingRegistry;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.autoconfigure.endpoint.expose.EndpointExposure;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@link BedrockBindingsEndpoint}, when the actuator is on the
 * classpath and the endpoint is available (exposed and not switched off).
 */
@AutoConfiguration(after = BedrockBindingAutoConfiguration.class)
@ConditionalOnClass({ BindingRegistry.class, Endpoint.class, ConditionalOnAvailableEndpoint.class })
@ConditionalOnAvailableEndpoint(BedrockBindingsEndpoint.class)
@EnableConfigurationProperties(BedrockBindingsEndpointProperties.class)
public final class BedrockBindingsEndpointAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(BindingRegistry.class)
	BedrockBindingsEndpoint bedrockBindingsEndpoint(BindingRegistry registry,
			BedrockBindingsEndpointProperties properties, ObjectProvider<AccountResolver> accounts,
			ObjectProvider<BedrockPipeFactory> pipes) {
		// the account resolver and the pipe factory are lazy beans: asked for on the
		// first request, not made for the endpoint at start-up
		return new BedrockBindingsEndpoint(registry, properties.getShowValues(),
				() -> accounts.getIfAvailable(AccountResolver::none), () -> {
					BedrockPipeFactory factory = pipes.getIfAvailable();
					return (factory != null) ? factory.cooldowns() : null;
				});
	}

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBean(BedrockBindingsEndpoint.class)
	@ConditionalOnAvailableEndpoint(exposure = EndpointExposure.WEB)
	BedrockBindingsEndpointWebExtension bedrockBindingsEndpointWebExtension(BedrockBindingsEndpoint endpoint,
			BedrockBindingsEndpointProperties properties) {
		return new BedrockBindingsEndpointWebExtension(endpoint, properties.getShowValues(), properties.getRoles());
	}

}
