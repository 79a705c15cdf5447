package io.bedrockbinding.autoconfigure.client;

import io.bedrockbinding.account.AccountResolver;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.autoconfigure.BedrockRuntimeAsyncClientCustomizer;
import io.bedrockbinding.autoconfigure.BedrockRuntimeClientCustomizer;
import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.interceptor.BindingInterceptor;
import io.bedrockbinding.registry.BindingRegistry;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.core.client.builder.SdkClientBuilder;
import software.amazon.awssdk.http.Protocol;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClientBuilder;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * {@link BedrockRuntimeClient} and {@link BedrockRuntimeAsyncClient} beans for the
 * configured region, for code that calls Bedrock through an SDK client rather than a
 * {@code BedrockPipe} (LangChain4j's {@code BedrockChatModel}, say). They are built with
 * the pipe's client settings (endpoint, credentials, API key) and customizers, and carry
 * a {@link BindingInterceptor}, so their requests reach the bound targets too
 * ({@code bedrock.binding.interceptor.enabled=false} leaves it out). An application's own
 * client beans are left alone.
 */
@AutoConfiguration(after = BedrockBindingAutoConfiguration.class)
@ConditionalOnClass({ BedrockRuntimeClient.class, BindingRegistry.class })
@ConditionalOnBean({ BindingRegistry.class, ClientSettings.class })
@EnableConfigurationProperties(BedrockInterceptorProperties.class)
public final class BedrockRuntimeClientsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@ConditionalOnBooleanProperty(name = "bedrock.binding.interceptor.enabled", matchIfMissing = true)
	BindingInterceptor bedrockBindingInterceptor(BindingRegistry registry, ObjectProvider<AccountResolver> accounts) {
		return BindingInterceptor.of(registry, accounts.getIfAvailable(AccountResolver::none));
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	BedrockRuntimeClient bedrockRuntimeClient(ClientSettings settings, ObjectProvider<BindingInterceptor> interceptor,
			ObjectProvider<BedrockRuntimeClientCustomizer> customizers) {
		BedrockRuntimeClientBuilder builder = settings.applyTo(BedrockRuntimeClient.builder());
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return intercepted(builder, interceptor.getIfAvailable()).build();
	}

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	BedrockRuntimeAsyncClient bedrockRuntimeAsyncClient(ClientSettings settings,
			ObjectProvider<BindingInterceptor> interceptor,
			ObjectProvider<BedrockRuntimeAsyncClientCustomizer> customizers) {
		BedrockRuntimeAsyncClientBuilder builder = settings.applyTo(BedrockRuntimeAsyncClient.builder());
		if (settings.plainHttp()) {
			// Plain-HTTP endpoints (emulators) speak HTTP/1.1; the async default is
			// HTTP/2.
			builder.httpClientBuilder(NettyNioAsyncHttpClient.builder().protocol(Protocol.HTTP1_1));
		}
		customizers.orderedStream().forEach((customizer) -> customizer.customize(builder));
		return intercepted(builder, interceptor.getIfAvailable()).build();
	}

	/**
	 * Adds the interceptor after the customizers: a customizer that sets a whole new
	 * override configuration must not drop it.
	 * @param <B> the builder type
	 * @param builder a customized client builder
	 * @param interceptor the interceptor, or null when it is switched off
	 * @return {@code builder}
	 */
	private static <B extends AwsClientBuilder<B, ?>> B intercepted(B builder,
			@Nullable BindingInterceptor interceptor) {
		if (interceptor != null) {
			SdkClientBuilder<B, ?> sdk = builder;
			sdk.overrideConfiguration(
					sdk.overrideConfiguration().toBuilder().addExecutionInterceptor(interceptor).build());
		}
		return builder;
	}

}
