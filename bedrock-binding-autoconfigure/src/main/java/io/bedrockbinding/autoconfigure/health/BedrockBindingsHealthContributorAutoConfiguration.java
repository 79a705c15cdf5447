package io.bedrockbinding.autoconfigure.health;

import io.bedrockbinding.actuate.health.BedrockBindingsHealthIndicator;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.registry.BindingRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the {@code bedrockBindings} health contributor, when
 * spring-boot-health is on the classpath;
 * {@code management.health.bedrockbindings.enabled=false} switches it off, and
 * {@code management.health.bedrockbindings.any-error-is-down=true} makes any binding
 * error DOWN, not only those of required models.
 */
@AutoConfiguration(after = BedrockBindingAutoConfiguration.class)
@ConditionalOnClass({ BindingRegistry.class, HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(BindingRegistry.class)
@ConditionalOnEnabledHealthIndicator("bedrockbindings")
@EnableConfigurationProperties(BedrockBindingsHealthProperties.class)
public final class BedrockBindingsHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "bedrockBindingsHealthIndicator", "bedrockBindingsHealthContributor" })
	BedrockBindingsHealthIndicator bedrockBindingsHealthIndicator(BindingRegistry registry,
			BedrockBindingsHealthProperties properties) {
		// The policy follows the required models a refresh puts in force.
		return new BedrockBindingsHealthIndicator(registry, properties.isAnyErrorIsDown());
	}

}
