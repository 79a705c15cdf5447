package io.bedrockbinding.autoconfigure.client;

import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.interceptor.BindingInterceptor;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;

/**
 * {@link BedrockRuntimeClient} and {@link BedrockRuntimeAsyncClient} beans for the
 * configured region, for code that calls Bedrock through an SDK client rather than a
 * {@code BedrockPipe} (LangChain4j's {@code BedrockChatModel}, say). They are built by
 * the pipe's {@link BedrockRuntimeClients} (endpoint, credentials, API key, the
 * {@code bedrock.binding.timeouts.*} values, customizers), and carry a
 * {@link BindingInterceptor}, so their requests reach the bound targets too
 * ({@code bedrock.binding.interceptor.enabled=false} leaves it out). An application's own
 * client beans are left alone. The clients and the interceptor are lazy: built when first
 * injected or looked up.
 */
@AutoConfiguration(after = BedrockBindingAutoConfiguration.class)
@ConditionalOnClass({ BedrockRuntimeClient.class, BindingRegistry.class })
@ConditionalOnBean({ BindingRegistry.class, BedrockRuntimeClients.class })
@EnableConfigurationProperties(BedrockInterceptorProperties.class)
public final class BedrockRuntimeClientsAutoConfiguration {

	// Lazy, as the clients that carry it: nothing else needs it at start-up, and making
	// it loads the SDK's interceptor classes.
	@Bean
	@Lazy
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "bedrock.binding.interceptor.enabled", matchIfMissing = true)
	BindingInterceptor bedrockBindingInterceptor(BindingRegistry registry, ObjectProvider<AccountResolver> accounts,
			ObjectProvider<BedrockPipeFactory> pipes) {
		AccountResolver resolver = accounts.getIfAvailable(AccountResolver::none);
		BedrockPipeFactory factory = pipes.getIfAvailable();
		// the SDK clients share the pipes' cooldowns: a target that throttles one is
		// skipped by both
		return (factory != null) ? BindingInterceptor.of(registry, resolver, factory.cooldowns())
				: BindingInterceptor.of(registry, resolver);
	}

	// Lazy, as are all SDK clients here: building one loads about 2,000 classes (the
	// HTTP client, TLS), which an application that never injects it should not pay at
	// start-up.
	@Bean(destroyMethod = "close")
	@Lazy
	@ConditionalOnMissingBean
	BedrockRuntimeClient bedrockRuntimeClient(BedrockRuntimeClients clients,
			ObjectProvider<BindingInterceptor> interceptor, BedrockInterceptorProperties properties) {
		return clients.newSync(null, (builder) -> intercepted(builder, interceptor(interceptor, properties)));
	}

	@Bean(destroyMethod = "close")
	@Lazy
	@ConditionalOnMissingBean
	BedrockRuntimeAsyncClient bedrockRuntimeAsyncClient(BedrockRuntimeClients clients,
			ObjectProvider<BindingInterceptor> interceptor, BedrockInterceptorProperties properties) {
		return clients.newAsync(null, (builder) -> intercepted(builder, interceptor(interceptor, properties)));
	}

	/**
	 * The interceptor the clients carry: none when switched off, even if the application
	 * has a {@link BindingInterceptor} bean of its own (for its own clients).
	 * @param interceptor the interceptor bean, if any
	 * @param properties the interceptor settings
	 * @return the interceptor, or null
	 */
	private static @Nullable BindingInterceptor interceptor(ObjectProvider<BindingInterceptor> interceptor,
			BedrockInterceptorProperties properties) {
		return properties.isEnabled() ? interceptor.getIfAvailable() : null;
	}

	/**
	 * Adds the interceptor after the customizers: a customizer that sets a whole new
	 * override configuration must not drop it.
	 * @param <B> the builder type
	 * @param builder a customized client builder
	 * @param interceptor the interceptor, or null when it is switched off
	 */
	private static <B extends AwsClientBuilder<B, ?>> void intercepted(B builder,
			@Nullable BindingInterceptor interceptor) {
		if (interceptor != null) {
			SdkClientBuilder<B, ?> sdk = builder;
			sdk.overrideConfiguration(
					sdk.overrideConfiguration().toBuilder().addExecutionInterceptor(interceptor).build());
		}
	}

}
