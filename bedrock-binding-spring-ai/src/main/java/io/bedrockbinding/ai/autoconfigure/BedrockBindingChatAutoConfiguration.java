package io.bedrockbinding.ai.autoconfigure;

import io.bedrockbinding.ai.chat.BedrockBindingChatModel;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.chat.model.ChatModel;
import org.springframework.ai.chat.observation.ChatModelObservationConvention;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the bedrock-binding Spring AI {@link ChatModel}: on unless
 * {@code spring.ai.model.chat} names another provider. Spring AI's {@code ChatClient}
 * auto-configuration builds its {@code ChatClient.Builder} on it.
 */
@AutoConfiguration(after = { BedrockBindingAutoConfiguration.class, ToolCallingAutoConfiguration.class },
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(ChatModel.class)
@ConditionalOnBean(BedrockPipeFactory.class)
@ConditionalOnProperty(name = SpringAIModelProperties.CHAT_MODEL, havingValue = BedrockBindingModels.NAME,
		matchIfMissing = true)
@EnableConfigurationProperties(BedrockBindingChatProperties.class)
public final class BedrockBindingChatAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BedrockBindingChatModel bedrockBindingChatModel(BedrockPipeFactory pipes, BedrockBindingChatProperties properties,
			ObjectProvider<ToolCallingManager> toolCallingManager,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<ChatModelObservationConvention> observationConvention) {
		ObservationRegistry registry = observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP);
		BedrockBindingChatModel model = new BedrockBindingChatModel(pipes,
				properties.toChatOptions(pipes.registry().catalog()), toolCallingManager
					.getIfUnique(() -> ToolCallingManager.builder().observationRegistry(registry).build()),
				registry);
		observationConvention.ifAvailable(model::setObservationConvention);
		return model;
	}

}
