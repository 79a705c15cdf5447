package io.bedrockbinding.registry;

/** The exact lines a user adds to bind a model, in both places bindings live. */
public final class Fixes {

	private Fixes() {
	}

	/**
	 * {@code amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0}.
	 * @param modelId the model ID
	 * @param target the target to bind it to
	 * @return the line
	 */
	public static String fileLine(String modelId, String target) {
		return modelId + "=" + target;
	}

	/**
	 * The YAML, with the bracketed key that keeps the {@code :} of the model ID
	 * (unbracketed, Spring's relaxed binding would drop it).
	 * @param modelId the model ID
	 * @param target the target to bind it to
	 * @return the YAML
	 */
	public static String yaml(String modelId, String target) {
		return "bedrock:\n  binding:\n    models:\n      \"[" + modelId + "]\": " + target;
	}

	/**
	 * Both fixes, as one text for messages.
	 * @param modelId the model ID
	 * @param target the target to bind it to
	 * @return the text
	 */
	public static String bindingLines(String modelId, String target) {
		return "add to inference.txt:\n    " + fileLine(modelId, target) + "\nor to application.yml:\n"
				+ yaml(modelId, target).indent(4).stripTrailing();
	}

}
