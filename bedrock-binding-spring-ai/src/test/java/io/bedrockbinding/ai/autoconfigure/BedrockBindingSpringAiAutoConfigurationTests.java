package io.bedrockbinding.ai.autoconfigure;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.ai.chat.BedrockBindingChatModel;
import io.bedrockbinding.ai.chat.BedrockBindingChatOptions;
import io.bedrockbinding.ai.embedding.BedrockBindingEmbeddingModel;
import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.ai.chat.client.ChatClient;
import org.springframework.ai.embedding.EmbeddingOptions;
import org.springframework.ai.model.chat.client.autoconfigure.ChatClientAutoConfiguration;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.model.tool.autoconfigure.ToolCallingAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class BedrockBindingSpringAiAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class,
				ToolCallingAutoConfiguration.class, ChatClientAutoConfiguration.class,
				BedrockBindingChatAutoConfiguration.class, BedrockBindingEmbeddingAutoConfiguration.class))
		.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false");

	@Test
	void chatAndEmbeddingModelsWithSpringAisChatClientBuilderOnTop() {
		this.runner.withPropertyValues("bedrock.binding.chat.options.model=amazon.nova-pro-v1:0",
				"bedrock.binding.chat.options.temperature=0.2", "bedrock.binding.chat.options.max-tokens=100",
				"bedrock.binding.chat.options.top-p=0.9", "bedrock.binding.embedding.options.model=cohere.embed-v4:0")
			.run((context) -> {
				assertThat(context).hasSingleBean(BedrockBindingChatModel.class)
					.hasSingleBean(BedrockBindingEmbeddingModel.class)
					.hasSingleBean(ChatClient.Builder.class);
				BedrockBindingChatOptions options = context.getBean(BedrockBindingChatModel.class).getDefaultOptions();
				assertThat(options.getModel()).isEqualTo("amazon.nova-pro-v1:0");
				assertThat(options.getTemperature()).isEqualTo(0.2);
				assertThat(options.getMaxTokens()).isEqualTo(100);
				assertThat(options.getTopP()).isEqualTo(0.9);
			});
	}

	@Test
	void modelFieldsOfThePropertiesNestByTheirDotsAndSpellNumbersAndBooleansAsSuch() {
		this.runner
			.withPropertyValues("bedrock.binding.chat.options.model-fields.thinking.type=enabled",
					"bedrock.binding.chat.options.model-fields.thinking.budget_tokens=1024",
					"bedrock.binding.chat.options.model-fields.temperature_scale=0.5",
					"bedrock.binding.chat.options.model-fields.stream_flag=true")
			.run((context) -> assertThat(
					context.getBean(BedrockBindingChatModel.class).getDefaultOptions().getModelFields())
				.isEqualTo(Map.of("thinking", Map.of("type", "enabled", "budget_tokens", 1024L), "temperature_scale",
						new BigDecimal("0.5"), "stream_flag", true)));
	}

	@Test
	void aListOfTheModelFieldsPropertiesIsSentAsAList() {
		// Boot binds a YAML list, or [0] and [1], into a map with the keys 0 and 1
		this.runner
			.withPropertyValues("bedrock.binding.chat.options.model-fields.anthropic_beta[0]=first-beta",
					"bedrock.binding.chat.options.model-fields.anthropic_beta[1]=second-beta",
					"bedrock.binding.chat.options.model-fields.ranks.0=zero",
					"bedrock.binding.chat.options.model-fields.ranks.2=two")
			.run((context) -> assertThat(
					context.getBean(BedrockBindingChatModel.class).getDefaultOptions().getModelFields())
				.isEqualTo(Map.of("anthropic_beta", List.of("first-beta", "second-beta"), "ranks",
						Map.of("0", "zero", "2", "two"))));
	}

	@Test
	void selectedBySpringAisModelProperties() {
		this.runner
			.withPropertyValues("spring.ai.model.chat=bedrock-binding", "spring.ai.model.embedding=bedrock-binding")
			.run((context) -> assertThat(context).hasSingleBean(BedrockBindingChatModel.class)
				.hasSingleBean(BedrockBindingEmbeddingModel.class));
	}

	@Test
	void backsOffWhenSpringAisModelPropertiesNameAnotherProvider() {
		this.runner.withPropertyValues("spring.ai.model.chat=openai", "spring.ai.model.embedding=none")
			.run((context) -> assertThat(context).doesNotHaveBean(BedrockBindingChatModel.class)
				.doesNotHaveBean(BedrockBindingEmbeddingModel.class));
	}

	@Test
	void backsOffWithoutThePipeFactory() {
		this.runner.withPropertyValues("bedrock.binding.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BedrockPipeFactory.class)
				.doesNotHaveBean(BedrockBindingChatModel.class)
				.doesNotHaveBean(BedrockBindingEmbeddingModel.class));
	}

	@Test
	void backsOffForTheApplicationsOwnModels() {
		this.runner.withUserConfiguration(OwnModels.class).run((context) -> {
			assertThat(context).hasSingleBean(BedrockBindingChatModel.class)
				.hasSingleBean(BedrockBindingEmbeddingModel.class);
			assertThat(context).hasBean("myChatModel").hasBean("myEmbeddingModel");
		});
	}

	@Test
	void temperatureOutOfRangeFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("bedrock.binding.chat.options.temperature=1.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("bedrock.binding.chat.options.temperature must be between 0 and 1, got 1.5"));
	}

	@Test
	void chatModelThatIsNoModelIdFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("bedrock.binding.chat.options.model=us.amazon.nova-pro-v1:0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("bedrock.binding.chat.options.model must be a Bedrock model ID")
				.hasMessageContaining("got 'us.amazon.nova-pro-v1:0'")
				.hasMessageContaining("the key must be the model ID (amazon.nova-pro-v1:0)"));
	}

	@Test
	void chatModelThatIsAnEmbeddingModelFailsStartUpNamingBothProperties() {
		// It started, and the first chat call failed with Bedrock's "This action doesn't
		// support the model that you provided" and no property named.
		this.runner.withPropertyValues("bedrock.binding.chat.options.model=amazon.titan-embed-text-v2:0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("bedrock.binding.chat.options.model must be a model that answers in text, such as "
						+ "amazon.nova-pro-v1:0, got 'amazon.titan-embed-text-v2:0', whose output the catalog "
						+ "lists as [EMBEDDING]; an embedding model belongs in bedrock.binding.embedding.options.model"));
	}

	@Test
	void chatModelThatMakesImagesFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("bedrock.binding.chat.options.model=amazon.nova-canvas-v1:0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("bedrock.binding.chat.options.model must be a model that answers in text")
				.hasMessageEndingWith("got 'amazon.nova-canvas-v1:0', whose output the catalog lists as [IMAGE]"));
	}

	@Test
	void chatModelTheCatalogDoesNotKnowStartsAsAnyModelId() {
		this.runner.withPropertyValues("bedrock.binding.chat.options.model=example.new-model-v1:0")
			.run((context) -> assertThat(context).hasNotFailed()
				.getBean(BedrockBindingChatModel.class)
				.extracting((model) -> model.getDefaultOptions().getModel())
				.isEqualTo("example.new-model-v1:0"));
	}

	@Test
	void embeddingModelThatIsNoModelIdFailsStartUpNamingTheProperty() {
		this.runner.withPropertyValues("bedrock.binding.embedding.options.model=titan embeddings")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith(
						"bedrock.binding.embedding.options.model must be a Bedrock model ID such as amazon.titan-embed-text-v2:0"));
	}

	@Test
	void embeddingModelThatIsNoEmbeddingModelFailsStartUpNamingTheProperty() {
		// It started, and the first embedding call failed without naming the property.
		this.runner.withPropertyValues("bedrock.binding.embedding.options.model=amazon.nova-pro-v1:0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageStartingWith("bedrock.binding.embedding.options.model must be a text embedding model")
				.hasMessageContaining("got 'amazon.nova-pro-v1:0'")
				.hasMessageContaining("cohere.embed-v4:0"));
	}

	@Test
	void embeddingDimensionsTheModelDoesNotOfferFailStartUpNamingTheProperty() {
		this.runner
			.withPropertyValues("bedrock.binding.embedding.options.model=amazon.titan-embed-text-v2:0",
					"bedrock.binding.embedding.options.dimensions=300")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("bedrock.binding.embedding.options.dimensions=300 does not fit "
						+ "bedrock.binding.embedding.options.model: amazon.titan-embed-text-v2:0 offers 256, 512, "
						+ "1024 dimensions, not 300"));
	}

	@Test
	void embeddingDimensionsWithoutAModelFailStartUpNamingBothProperties() {
		this.runner.withPropertyValues("bedrock.binding.embedding.options.dimensions=512")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessage("bedrock.binding.embedding.options.dimensions is set without "
						+ "bedrock.binding.embedding.options.model: set the model whose vector size it is"));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnModels {

		@Bean
		BedrockBindingChatModel myChatModel(BedrockPipeFactory pipes) {
			return new BedrockBindingChatModel(pipes, BedrockBindingChatOptions.builder().build(),
					ToolCallingManager.builder().build(), ObservationRegistry.NOOP);
		}

		@Bean
		BedrockBindingEmbeddingModel myEmbeddingModel(BedrockPipeFactory pipes) {
			return new BedrockBindingEmbeddingModel(pipes, EmbeddingOptions.builder().build(),
					ObservationRegistry.NOOP);
		}

	}

}
