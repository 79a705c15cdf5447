package io.bedrockbinding.target;

import java.util.regex.Pattern;

/** The syntax of Bedrock model IDs and system profile IDs (REFERENCE.md, "Identifiers"). */
public final class ModelIds {

	/** {@code provider.name[-version]} with zero, one or two {@code :} suffixes. */
	private static final Pattern MODEL_ID = Pattern
		.compile("[a-z0-9][a-z0-9-]*\\.[A-Za-z0-9][A-Za-z0-9._-]*(:[A-Za-z0-9._-]+){0,2}");

	/** A geo prefix: {@code us}, {@code eu}, {@code apac}, {@code us-gov}, {@code global}, ... */
	private static final Pattern GEO_PREFIX = Pattern.compile("[a-z]{2,6}(-[a-z]+)?");

	/** Longest model ID the Bedrock API accepts in a path. */
	static final int MAX_LENGTH = 2048;

	private ModelIds() {
	}

	public static boolean isModelId(String text) {
		return text.length() <= MAX_LENGTH && MODEL_ID.matcher(text).matches();
	}

	/**
	 * Checks a model ID (a binding's key).
	 * @throws InvalidTargetException naming what is wrong
	 */
	public static String requireModelId(String text) {
		if (text.isEmpty()) {
			throw new InvalidTargetException(text, "model ID is empty");
		}
		if (text.length() > MAX_LENGTH) {
			throw new InvalidTargetException(abbreviate(text),
					"model ID is " + text.length() + " characters long, at most " + MAX_LENGTH + " are allowed");
		}
		if (!MODEL_ID.matcher(text).matches()) {
			throw new InvalidTargetException(abbreviate(text),
					"model ID must look like provider.name[-version][:N] (e.g. amazon.nova-pro-v1:0)");
		}
		if (isSystemProfileId(text)) {
			throw new InvalidTargetException(text, "'" + text.substring(0, text.indexOf('.'))
					+ "' is a geo profile prefix: the key must be the model ID (" + text.substring(text.indexOf('.') + 1)
					+ "), the profile belongs on the right of '='");
		}
		return text;
	}

	/**
	 * Whether {@code text} has the shape of a system profile ID: a geo prefix followed by a
	 * model ID. {@code amazon.nova-pro-v1:0} is not one, since {@code nova-pro-v1:0} is no
	 * model ID; {@code us.amazon.nova-pro-v1:0} is. Neither is {@code zai.glm-4.7}: a
	 * provider name has no '-', so {@code glm-4.7} is a model name with a version, not a
	 * model ID.
	 */
	public static boolean isSystemProfileId(String text) {
		int dot = text.indexOf('.');
		if (dot <= 0 || !GEO_PREFIX.matcher(text.substring(0, dot)).matches()) {
			return false;
		}
		String modelId = text.substring(dot + 1);
		int providerEnd = modelId.indexOf('.');
		return isModelId(modelId) && modelId.lastIndexOf('-', providerEnd) < 0;
	}

	/** Cuts very long inputs (a 1 MB line) down to something an error message can show. */
	static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
	}

}
