package io.bedrockbinding.ai.autoconfigure;

/**
 * The name that selects bedrock-binding among Spring AI's model providers:
 * {@code spring.ai.model.chat=bedrock-binding},
 * {@code spring.ai.model.embedding=bedrock-binding}.
 */
public final class BedrockBindingModels {

	/** The provider name of bedrock-binding's models. */
	public static final String NAME = "bedrock-binding";

	private BedrockBindingModels() {
	}

}
