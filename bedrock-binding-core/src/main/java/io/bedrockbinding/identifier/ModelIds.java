package io.bedrockbinding.identifier;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The syntax of Bedrock model IDs and system profile IDs (REFERENCE.md, "Identifiers").
 * Checked with hand-written scanners rather than regular expressions: every line of an
 * inference file goes through them, and they allocate nothing.
 */
public final class ModelIds {

	/** Longest model ID the Bedrock API accepts in a path. */
	static final int MAX_LENGTH = 2048;

	private ModelIds() {
	}

	/**
	 * Whether {@code text} is {@code provider.name[-version]} with zero, one or two
	 * {@code :} suffixes: provider {@code [a-z0-9][a-z0-9-]*}, name
	 * {@code [A-Za-z0-9][A-Za-z0-9._-]*}, suffixes {@code :[A-Za-z0-9._-]+}.
	 * @param text the text to check
	 * @return whether it is a model ID
	 */
	public static boolean isModelId(String text) {
		return text.length() <= MAX_LENGTH && isModelId(text, 0, text.length());
	}

	private static boolean isModelId(String text, int from, int to) {
		int i = from;
		if (i >= to || !isLowerOrDigit(text.charAt(i))) {
			return false;
		}
		for (i++; i < to && text.charAt(i) != '.'; i++) {
			char c = text.charAt(i);
			if (!isLowerOrDigit(c) && c != '-') {
				return false;
			}
		}
		if (i >= to || ++i >= to || !isLetterOrDigit(text.charAt(i))) {
			return false;
		}
		int suffixes = 0;
		boolean segmentEmpty = false;
		for (i++; i < to; i++) {
			char c = text.charAt(i);
			if (c == ':') {
				if (segmentEmpty || ++suffixes > 2) {
					return false;
				}
				segmentEmpty = true;
			}
			else if (isLetterOrDigit(c) || c == '.' || c == '_' || c == '-') {
				segmentEmpty = false;
			}
			else {
				return false;
			}
		}
		return !segmentEmpty;
	}

	/**
	 * {@code [a-z]{2,6}(-[a-z]+)?}: us, eu, apac, us-gov, global, ...
	 * @param text the text to check
	 * @param to the most characters to keep
	 * @return whether it is a geo prefix
	 */
	private static boolean isGeoPrefix(String text, int to) {
		int i = 0;
		while (i < to && isLower(text.charAt(i))) {
			i++;
		}
		if (i < 2 || i > 6) {
			return false;
		}
		if (i == to) {
			return true;
		}
		if (text.charAt(i) != '-' || i + 1 == to) {
			return false;
		}
		for (i++; i < to; i++) {
			if (!isLower(text.charAt(i))) {
				return false;
			}
		}
		return true;
	}

	private static boolean isLower(char c) {
		return c >= 'a' && c <= 'z';
	}

	private static boolean isLowerOrDigit(char c) {
		return isLower(c) || (c >= '0' && c <= '9');
	}

	private static boolean isLetterOrDigit(char c) {
		return isLowerOrDigit(c) || (c >= 'A' && c <= 'Z');
	}

	/**
	 * Checks a model ID (a binding's key).
	 * @param text the text to check
	 * @return the model ID, when valid
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
		if (!isModelId(text, 0, text.length())) {
			String lowerCase = lowerCased(text);
			throw new InvalidTargetException(abbreviate(text), (lowerCase != null) ? lowerCaseAdvice(lowerCase)
					: "model ID must look like provider.name[-version][:N] (e.g. amazon.nova-pro-v1:0)");
		}
		if (isSystemProfileId(text)) {
			throw new InvalidTargetException(text,
					"'" + text.substring(0, text.indexOf('.'))
							+ "' is a geo profile prefix: the key must be the model ID ("
							+ text.substring(text.indexOf('.') + 1) + "), the profile belongs on the right of '='");
		}
		return text;
	}

	/**
	 * The model ID that {@code text}, written with upper-case letters, means: its lower
	 * case form, where that is a model ID ({@code Amazon.Nova-Pro-v1:0} means
	 * {@code amazon.nova-pro-v1:0}). The one rule for mixed-case model IDs: a refused one
	 * is told it by {@link #requireModelId}, and the registry's validation tells one that
	 * has the shape of a model ID (upper case in the name) when the catalog knows it.
	 * @param text the text to check
	 * @return the lower-case model ID, or {@code null} when {@code text} has no upper
	 * case letter or its lower-case form is no model ID (or a system profile ID)
	 */
	public static @Nullable String lowerCased(String text) {
		String lowerCase = lowerCasedTarget(text);
		return (lowerCase != null && !isSystemProfileId(lowerCase)) ? lowerCase : null;
	}

	/**
	 * The target that {@code text}, written with upper-case letters, means: its lower
	 * case form, where that is a model ID or a system profile ID
	 * ({@code US.Amazon.Nova-Pro-v1:0} means {@code us.amazon.nova-pro-v1:0}).
	 * {@link #lowerCased}'s rule for a target: a refused one is told it by the target's
	 * parser, and the registry's validation tells one that has the shape of a model ID
	 * when the catalog knows its model.
	 * @param text the target text
	 * @return the lower-case model or profile ID, or {@code null} when {@code text} has
	 * no upper case letter or its lower-case form is neither
	 */
	public static @Nullable String lowerCasedTarget(String text) {
		if (text.length() > MAX_LENGTH || text.chars().noneMatch((c) -> c >= 'A' && c <= 'Z')) {
			return null;
		}
		String lowerCase = text.toLowerCase(Locale.ROOT);
		// a system profile ID has the shape of a model ID too
		return isModelId(lowerCase) ? lowerCase : null;
	}

	/**
	 * What a model or profile ID written with upper-case letters is told. AWS's API
	 * reference writes a foundation model's ID in lower case
	 * ({@code foundation-model/[a-z0-9-]{1,63}[.]{1}...}, the pattern of
	 * {@code PromptRouterTargetModel.modelArn},
	 * https://docs.aws.amazon.com/bedrock/latest/APIReference/API_PromptRouterTargetModel.html),
	 * and a system profile ID is a lower-case geography before one (REFERENCE.md).
	 * @param lowerCase the ID it means, from {@link #lowerCased} or
	 * {@link #lowerCasedTarget}
	 * @return the advice
	 */
	public static String lowerCaseAdvice(String lowerCase) {
		return "Bedrock " + (isSystemProfileId(lowerCase) ? "profile" : "model") + " IDs are lower case: use "
				+ lowerCase;
	}

	/**
	 * The model a lower-case target calls: a profile's model, or the model ID itself.
	 * @param lowerCase a model or profile ID, from {@link #lowerCasedTarget}
	 * @return the model ID
	 */
	public static String modelOf(String lowerCase) {
		return isSystemProfileId(lowerCase) ? lowerCase.substring(lowerCase.indexOf('.') + 1) : lowerCase;
	}

	/**
	 * Whether {@code text} has the shape of a system profile ID: a geo prefix followed by
	 * a model ID. {@code amazon.nova-pro-v1:0} is not one, since {@code nova-pro-v1:0} is
	 * no model ID; {@code us.amazon.nova-pro-v1:0} is. Neither is {@code zai.glm-4.7}: a
	 * provider name has no '-', so {@code glm-4.7} is a model name with a version, not a
	 * model ID.
	 * @param text the text to check
	 * @return whether it is a system profile ID
	 */
	public static boolean isSystemProfileId(String text) {
		int dot = text.indexOf('.');
		if (dot <= 0 || !isGeoPrefix(text, dot) || text.length() > MAX_LENGTH) {
			return false;
		}
		// Cheap checks first: a model ID after the prefix needs a dot, and a provider
		// without '-'.
		int providerEnd = text.indexOf('.', dot + 1);
		return providerEnd > 0 && text.lastIndexOf('-', providerEnd) < dot && isModelId(text, dot + 1, text.length());
	}

	/**
	 * Cuts very long inputs (a 1 MB line) down to something an error message can show.
	 * @param text the text to check
	 * @return the text, cut when longer than {@code to}
	 */
	static String abbreviate(String text) {
		return (text.length() <= 200) ? text : text.substring(0, 200) + "... (" + text.length() + " characters)";
	}

}
