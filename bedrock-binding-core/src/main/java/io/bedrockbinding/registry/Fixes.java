package io.bedrockbinding.registry;

import io.bedrockbinding.SettingHints;
import org.jspecify.annotations.Nullable;

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
		return bindingLines(modelId, target, hints, null);
	}

	/**
	 * {@link #bindingLines(String, String, SettingHints)} for a model whose binding in
	 * force came from {@code inForce}: one of the properties outranks inference.txt, so a
	 * line there would change nothing, and the fix is the property source's YAML.
	 * @param modelId the model ID
	 * @param target the target to bind it to
	 * @param hints the words of the layer that configured the object
	 * @param inForce where the model's binding in force came from, or {@code null} when
	 * it has none (or it is not known)
	 * @return the text
	 */
	public static String bindingLines(String modelId, String target, SettingHints hints, @Nullable Origin inForce) {
		if (inForce != null && inForce.kind() == OriginKind.PROPERTIES) {
			String where = "change it in " + inForce.source() + " (the properties outrank inference.txt)";
			return hints.models().isEmpty() ? where + " to " + target
					: where + ":\n" + yaml(hints.models(), modelId, target).indent(4).stripTrailing();
		}
		String line = "add to inference.txt:\n    " + fileLine(modelId, target);
		if (hints.models().isEmpty()) {
			return line;
		}
		return line + "\nor to application.yml:\n" + yaml(hints.models(), modelId, target).indent(4).stripTrailing();
	}

}
