package io.bedrockbinding.ai.autoconfigure;

import io.bedrockbinding.ai.embedding.BedrockBindingEmbeddingModel;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.pipe.BedrockEmbeddings;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.ai.embedding.EmbeddingModel;
import org.springframework.ai.embedding.EmbeddingOptions;
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
		EmbeddingOptions defaults = properties.toEmbeddingOptions();
		requireEmbeddingModel(pipes, defaults.getModel(), defaults.getDimensions());
		BedrockBindingEmbeddingModel model = new BedrockBindingEmbeddingModel(pipes, defaults,
				observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP));
		observationConvention.ifAvailable(model::setObservationConvention);
		return model;
	}

	/**
	 * Refuses a default model that {@code BedrockEmbeddings} cannot call (a chat model,
	 * say), or default dimensions it does not offer, at start-up, naming the property,
	 * rather than at the first call. Nothing is sent.
	 * @param pipes the pipe factory
	 * @param model the default model, or {@code null} when none is set
	 * @param dimensions the default dimensions, or {@code null} when none are set
	 */
	private static void requireEmbeddingModel(BedrockPipeFactory pipes, @Nullable String model,
			@Nullable Integer dimensions) {
		String prefix = BedrockBindingEmbeddingProperties.PREFIX + ".options.";
		if (model == null) {
			if (dimensions != null) {
				throw new IllegalArgumentException(prefix + "dimensions is set without " + prefix
						+ "model: set the model whose vector size it is");
			}
			return;
		}
		BedrockEmbeddings embeddings;
		try {
			embeddings = pipes.embeddings(model);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalArgumentException(
					prefix + "model must be a text embedding model, got '" + model + "': " + ex.getMessage());
		}
		if (dimensions != null) {
			try {
				embeddings.withDimensions(dimensions);
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						prefix + "dimensions=" + dimensions + " does not fit " + prefix + "model: " + ex.getMessage());
			}
		}
	}

}
