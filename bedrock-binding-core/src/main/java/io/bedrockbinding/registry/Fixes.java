package io.bedrockbinding.registry;

import io.bedrockbinding.SettingHints;

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
	 * The YAML of one entry of the map property {@code models}, with the bracketed key
	 * that keeps the {@code :} of the model ID (unbracketed, Spring's relaxed binding
	 * would drop it).
	 * @param models the dotted name of the map property, such as {@code app.models}
	 * @param modelId the model ID
	 * @param target the target to bind it to
	 * @return the YAML
	 */
	public static String yaml(String models, String modelId, String target) {
		StringBuilder yaml = new StringBuilder();
		String indent = "";
		for (String part : models.split("\\.")) {
			yaml.append(indent).append(part).append(":\n");
			indent += "  ";
		}
		return yaml.append(indent).append("\"[").append(modelId).append("]\": ").append(target).toString();
	}

	/**
	 * The fixes, as one text for messages: the inference.txt line, and the YAML when the
	 * hints name a property of bindings.
	 * @param modelId the model ID
	 * @param target the target to bind it to
	 * @param hints the words of the layer that configured the object
	 * @return the text
	 */
	public static String bindingLines(String modelId, String target, SettingHints hints) {
		String line = "add to inference.txt:\n    " + fileLine(modelId, target);
		if (hints.models().isEmpty()) {
			return line;
		}
		return line + "\nor to application.yml:\n" + yaml(hints.models(), modelId, target).indent(4).stripTrailing();
	}

}
