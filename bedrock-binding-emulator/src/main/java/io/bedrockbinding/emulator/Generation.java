package io.bedrockbinding.emulator;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * The deterministic "model output" of a call: a reply that names the model and target and
 * echoes the prompt, cut by a stop sequence or by the token limit the way a model stops.
 * Token counts use the common four-characters-a-token estimate, so they grow with the
 * text.
 *
 * @param text the reply
 * @param stopReason {@code end_turn}, {@code max_tokens} or {@code stop_sequence}
 * @param stopSequence the stop sequence that cut the reply, if one did
 * @param inputTokens the tokens of the prompt
 * @param outputTokens the tokens of the reply
 */
record Generation(String text, String stopReason, @Nullable String stopSequence, int inputTokens, int outputTokens) {

	static final String END_TURN = "end_turn";

	static final String MAX_TOKENS = "max_tokens";

	static final String STOP_SEQUENCE = "stop_sequence";

	private static final int CHARACTERS_PER_TOKEN = 4;

	/**
	 * Generates the reply of {@code label} (model and target) to {@code prompt}.
	 * @param inputTokens the tokens of everything the caller sent
	 * @param maxTokens the caller's output limit, if any
	 * @param stopSequences the caller's stop sequences
	 */
	static Generation reply(String label, String prompt, int inputTokens, @Nullable Integer maxTokens,
			List<String> stopSequences) {
		return of("[" + label + "] You said: " + prompt, inputTokens, maxTokens, stopSequences);
	}

	/**
	 * The model "writes" {@code text}, cut by a stop sequence or the token limit.
	 * @param text the whole text the model would write
	 * @param inputTokens the tokens of everything the caller sent
	 * @param maxTokens the caller's output limit, if any
	 * @param stopSequences the caller's stop sequences
	 * @return the generation
	 */
	static Generation of(String text, int inputTokens, @Nullable Integer maxTokens, List<String> stopSequences) {
		String stopReason = END_TURN;
		String stopSequence = null;
		int cut = text.length();
		for (String candidate : stopSequences) {
			int index = candidate.isEmpty() ? -1 : text.indexOf(candidate);
			if (index >= 0 && index < cut) {
				cut = index;
				stopSequence = candidate;
				stopReason = STOP_SEQUENCE;
			}
		}
		text = text.substring(0, cut);
		if (maxTokens != null && tokens(text) > maxTokens) {
			int end = maxTokens * CHARACTERS_PER_TOKEN;
			if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
				end--;
			}
			text = text.substring(0, end);
			stopReason = MAX_TOKENS;
			stopSequence = null;
		}
		return new Generation(text, stopReason, stopSequence, Math.max(1, inputTokens), tokens(text));
	}

	/** The token estimate of {@code text}. */
	static int tokens(String text) {
		return (text.length() + CHARACTERS_PER_TOKEN - 1) / CHARACTERS_PER_TOKEN;
	}

	int totalTokens() {
		return this.inputTokens + this.outputTokens;
	}

	/**
	 * Splits the reply into the text deltas of a stream: several for every reply of more
	 * than a few characters.
	 */
	List<String> deltas() {
		return split(this.text);
	}

	/**
	 * Splits a text into stream deltas, never inside a surrogate pair.
	 * @param text the text
	 * @return its deltas, one (empty) for an empty text
	 */
	static List<String> split(String text) {
		int size = Math.max(1, Math.min(16, text.length() / 4));
		java.util.ArrayList<String> deltas = new java.util.ArrayList<>();
		int start = 0;
		while (start < text.length()) {
			int end = Math.min(text.length(), start + size);
			if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
				end++;
			}
			deltas.add(text.substring(start, end));
			start = end;
		}
		if (deltas.isEmpty()) {
			deltas.add("");
		}
		return deltas;
	}

}
