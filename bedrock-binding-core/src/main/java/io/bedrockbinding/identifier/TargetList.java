package io.bedrockbinding.identifier;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one rule for a binding's ordered list of targets (its failover chain): the text
 * form is the targets separated by commas ({@code us.x, global.x}), which no model ID,
 * profile ID or ARN can contain. Each element is parsed as a single target is
 * ({@link BindingTarget#parse(String, String)}); a problem names the element's position.
 */
public final class TargetList {

	/** What separates the targets of a chain in its text form. */
	public static final char SEPARATOR = ',';

	/** The most targets one binding may list: a chain is a short ordered preference. */
	public static final int MAX_TARGETS = 8;

	private TargetList() {
	}

	/**
	 * Parses the target text of {@code modelId}: one target ({@code ""} for direct) or
	 * several separated by commas.
	 * @param modelId the model ID
	 * @param text the target text
	 * @return the targets, first tried first; never empty
	 * @throws InvalidTargetException naming the element that is wrong and its position
	 */
	public static List<BindingTarget> parse(String modelId, String text) {
		if (text.indexOf(SEPARATOR) < 0) {
			return List.of(BindingTarget.parse(modelId, text));
		}
		String[] parts = text.split(String.valueOf(SEPARATOR), -1);
		if (parts.length > MAX_TARGETS) {
			throw new InvalidTargetException(ModelIds.abbreviate(text),
					"a binding lists " + parts.length + " targets, at most " + MAX_TARGETS + " are allowed");
		}
		List<BindingTarget> targets = new ArrayList<>(parts.length);
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < parts.length; i++) {
			String part = parts[i].strip();
			String position = "target " + (i + 1) + " of " + parts.length;
			if (part.isEmpty()) {
				throw new InvalidTargetException(text, position
						+ " is empty: separate the targets with single commas, and name the model ID itself for a direct call");
			}
			BindingTarget target;
			try {
				target = BindingTarget.parse(part);
			}
			catch (InvalidTargetException ex) {
				throw new InvalidTargetException(ex.input(), position + ": " + ex.reason());
			}
			if (!seen.add(target.value())) {
				throw new InvalidTargetException(text, position + " (" + part + ") is listed twice: delete one");
			}
			targets.add(target);
		}
		return List.copyOf(targets);
	}

	/**
	 * The text form of {@code targets}, which {@link #parse(String, String)} reads back
	 * as the same list.
	 * @param targets the targets, first tried first
	 * @return the values separated by {@code ", "}
	 */
	public static String format(List<BindingTarget> targets) {
		if (targets.size() == 1) {
			return targets.get(0).value();
		}
		StringBuilder text = new StringBuilder();
		for (BindingTarget target : targets) {
			if (!text.isEmpty()) {
				text.append(SEPARATOR).append(' ');
			}
			text.append(target.value());
		}
		return text.toString();
	}

}
