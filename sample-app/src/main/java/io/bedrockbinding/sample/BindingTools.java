package io.bedrockbinding.sample;

import io.bedrockbinding.identifier.ModelIds;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;

import org.springframework.ai.tool.annotation.Tool;
import org.springframework.ai.tool.annotation.ToolParam;
import org.springframework.stereotype.Component;

/** A tool the assistant's model may call: which target a model is bound to. */
@Component
class BindingTools {

	private final BindingRegistry registry;

	BindingTools(BindingRegistry registry) {
		this.registry = registry;
	}

	@Tool(description = "Tells which target (inference profile ID, ARN, or the model ID itself for a direct call) "
			+ "a Bedrock model ID is bound to in this application, and where that binding comes from")
	String bindingOf(@ToolParam(description = "a Bedrock model ID, such as amazon.nova-pro-v1:0") String modelId) {
		if (!ModelIds.isModelId(modelId)) {
			return modelId + " is not a Bedrock model ID";
		}
		Binding binding = this.registry.resolve(modelId);
		String target = binding.target().value();
		return modelId + " is bound to " + (target.isEmpty() ? "itself (a direct call)" : target) + " ("
				+ binding.target().kind() + ", from " + binding.origin().kind() + " " + binding.origin().source() + ")";
	}

}
