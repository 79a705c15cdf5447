package io.bedrockbinding.ai.autoconfigure;

import io.bedrockbinding.ai.embedding.BedrockBindingEmbeddingModel;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.micrometer.observation.ObservationRegistry;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.observation.EmbeddingModelObservationConvention;
import org.springframework.ai.model.SpringAIModelProperties;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configuration of the bedrock-binding Spring AI {@link EmbeddingModel}: on unless
 * {@code spring.ai.model.embedding} names another provider.
 */
@AutoConfiguration(after = BedrockBindingAutoConfiguration.class,
		afterName = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration")
@ConditionalOnClass(EmbeddingModel.class)
@ConditionalOnBean(BedrockPipeFactory.class)
@ConditionalOnProperty(name = SpringAIModelProperties.EMBEDDING_MODEL, havingValue = BedrockBindingModels.NAME,
		matchIfMissing = true)
@EnableConfigurationProperties(BedrockBindingEmbeddingProperties.class)
public final class BedrockBindingEmbeddingAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	BedrockBindingEmbeddingModel bedrockBindingEmbeddingModel(BedrockPipeFactory pipes,
			BedrockBindingEmbeddingProperties properties, ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<EmbeddingModelObservationConvention> observationConvention) {
		BedrockBindingEmbeddingModel model = new BedrockBindingEmbeddingModel(pipes, properties.toEmbeddingOptions(),
				observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		observationConvention.ifAvailable(model::setObservationConvention);
		return model;
	}

}
