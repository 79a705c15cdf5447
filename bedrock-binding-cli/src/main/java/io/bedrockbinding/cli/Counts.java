package io.bedrockbinding.cli;

/** Counts as the text output writes them: {@code 1 model}, {@code 2 models}. */
final class Counts {

	private Counts() {
	}

	/**
	 * The count and its noun, in the singular for exactly one.
	 * @param count how many
	 * @param noun the noun in the singular, e.g. {@code model}
	 * @return {@code 1 model}, {@code 0 models}, {@code 2 models}, ...
	 */
	static String of(long count, String noun) {
		return count + " " + noun + ((count == 1) ? "" : "s");
	}

}
