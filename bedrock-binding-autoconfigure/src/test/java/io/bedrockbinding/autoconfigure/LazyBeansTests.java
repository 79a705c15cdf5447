package io.bedrockbinding.autoconfigure;

import java.util.List;

import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint;
import io.bedrockbinding.autoconfigure.endpoint.BedrockBindingsEndpointAutoConfiguration;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The beans start-up does not need (the clients, the account resolver, the pipe factory)
 * are made when first asked for, not at start-up, and their settings still fail start-up
 * when they are bad (the timeouts and failover settings: the tests of those properties,
 * which ask for no lazy bean).
 */
class LazyBeansTests {

	private static final List<String> LAZY = List.of("bedrockClientSettings", "bedrockRuntimeClients",
			"bedrockPipeFactory", "bedrockAccountResolver", "bedrockStsClientSupplier");

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
		.withBean(AwsCredentialsProvider.class, TestCredentials::test)
		.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false");

	@Test
	void startUpMakesTheRegistryButNotTheClientsTheAccountResolverOrThePipeFactory() {
		this.runner.run((context) -> {
			assertThat(context).hasNotFailed();
			ConfigurableListableBeanFactory beans = context.getBeanFactory();
			assertThat(beans.containsSingleton("bindingRegistry")).isTrue();
			assertThat(LAZY).allSatisfy((name) -> {
				assertThat(beans.containsBeanDefinition(name)).as(name).isTrue();
				assertThat(beans.containsSingleton(name)).as(name).isFalse();
			});
			context.getBean(BedrockPipeFactory.class);
			assertThat(LAZY).allSatisfy((name) -> assertThat(beans.containsSingleton(name)).as(name).isTrue());
		});
	}

	@Test
	void theEndpointAsksForTheFactoryOnItsFirstRequestNotAtStartUp() {
		this.runner.withConfiguration(AutoConfigurations.of(BedrockBindingsEndpointAutoConfiguration.class))
			.withPropertyValues("management.endpoints.web.exposure.include=bedrockbindings")
			.run((context) -> {
				ConfigurableListableBeanFactory beans = context.getBeanFactory();
				BedrockBindingsEndpoint endpoint = context.getBean(BedrockBindingsEndpoint.class);
				assertThat(beans.containsSingleton("bedrockPipeFactory")).isFalse();
				assertThat(endpoint.bindings(false).failover()).isNotNull();
				assertThat(beans.containsSingleton("bedrockPipeFactory")).isTrue();
			});
	}

	@Test
	void aBadClientPoolSizeStillFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("bedrock.binding.client-pool.max-regions=0")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("bedrock.binding.client-pool.max-regions must be 1 or more, got 0"));
	}

	@Test
	void aBadClientPoolSizeFailsStartUpNamingThePropertyWhenABeanInjectsThePipeFactory() {
		this.runner.withUserConfiguration(PipeFactoryUser.class)
			.withPropertyValues("bedrock.binding.client-pool.max-regions=0")
			.run((context) -> assertThat(context).getFailure()
				.hasStackTraceContaining("bedrock.binding.client-pool.max-regions must be 1 or more, got 0"));
	}

	/** An application bean that injects the pipe factory, as a controller does. */
	@Configuration(proxyBeanMethods = false)
	static class PipeFactoryUser {

		@Bean
		String pipeFactoryUser(BedrockPipeFactory pipes) {
			return pipes.toString();
		}

	}

}
