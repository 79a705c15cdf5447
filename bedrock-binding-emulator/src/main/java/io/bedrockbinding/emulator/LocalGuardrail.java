package io.bedrockbinding.emulator;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A guardrail of a {@link LocalBedrock}, made by
 * {@link LocalBedrock#guardrail(String, String)}: a Converse or ConverseStream call whose
 * {@code guardrailConfig} names it is assessed against its blocked words (whole words,
 * case-insensitive), as a Bedrock guardrail's word filter assesses them. An input that
 * contains one is answered with {@link #blockedInputMessaging(String) the blocked-input
 * text} and stop reason {@code guardrail_intervened} without reaching the model; an
 * answer that contains one is replaced by {@link #blockedOutputsMessaging(String) the
 * blocked-output text}. With {@code trace} enabled the response carries the word policy's
 * assessment. Thread-safe.
 *
 * <pre>{@code
 * bedrock.guardrail("gr1", "1").blocking("password");
 * }</pre>
 */
public final class LocalGuardrail {

	/**
	 * The blocked-message default of Bedrock's console, as a guardrail created there
	 * returns it (blocked_input_messaging of
	 * https://github.com/turbot/steampipe-plugin-aws/pull/2661).
	 */
	public static final String DEFAULT_BLOCKED_MESSAGING = "Sorry, the model cannot answer this question.";

	private static final Pattern ID = Pattern.compile("[a-z0-9]+");

	private static final Pattern VERSION = Pattern.compile("([1-9][0-9]{0,7})|(DRAFT)");

	private final String id;

	private final String version;

	private final List<String> words = new CopyOnWriteArrayList<>();

	private volatile String blockedInput = DEFAULT_BLOCKED_MESSAGING;

	private volatile String blockedOutputs = DEFAULT_BLOCKED_MESSAGING;

	LocalGuardrail(String id, String version) {
		// The patterns of GuardrailConfiguration:
		// https://docs.aws.amazon.com/bedrock/latest/APIReference/API_runtime_GuardrailConfiguration.html
		if (!ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
			throw new IllegalArgumentException("Not a guardrail ID: '" + id + "' (lower-case letters and digits)");
		}
		if (!VERSION.matcher(Objects.requireNonNull(version, "version")).matches()) {
			throw new IllegalArgumentException("Not a guardrail version: '" + version + "' (1, 2, ... or DRAFT)");
		}
		this.id = id;
		this.version = version;
	}

	/**
	 * Adds words the guardrail blocks.
	 * @param words the words
	 * @return this
	 */
	public LocalGuardrail blocking(String... words) {
		for (String word : words) {
			if (Objects.requireNonNull(word, "word").isBlank()) {
				throw new IllegalArgumentException("A blocked word must not be blank");
			}
			this.words.add(word);
		}
		return this;
	}

	/**
	 * Sets the text that replaces the answer when an input is blocked.
	 * @param text the text
	 * @return this
	 */
	public LocalGuardrail blockedInputMessaging(String text) {
		this.blockedInput = Objects.requireNonNull(text, "text");
		return this;
	}

	/**
	 * Sets the text that replaces an answer the guardrail blocks.
	 * @param text the text
	 * @return this
	 */
	public LocalGuardrail blockedOutputsMessaging(String text) {
		this.blockedOutputs = Objects.requireNonNull(text, "text");
		return this;
	}

	/**
	 * The guardrail's ID, as {@code guardrailConfig.guardrailIdentifier} names it.
	 * @return the ID
	 */
	public String id() {
		return this.id;
	}

	/**
	 * The version, as {@code guardrailConfig.guardrailVersion} names it.
	 * @return the version
	 */
	public String version() {
		return this.version;
	}

	/**
	 * The words it blocks.
	 * @return the words, in the order they were added
	 */
	public List<String> blockedWords() {
		return List.copyOf(this.words);
	}

	String blockedInput() {
		return this.blockedInput;
	}

	String blockedOutputs() {
		return this.blockedOutputs;
	}

	// The first blocked word in text, or null.
	@Nullable String match(String text) {
		String lower = text.toLowerCase(Locale.ROOT);
		for (String word : this.words) {
			String needle = word.toLowerCase(Locale.ROOT);
			int at = lower.indexOf(needle);
			while (at >= 0) {
				boolean before = at == 0 || !Character.isLetterOrDigit(lower.charAt(at - 1));
				int end = at + needle.length();
				boolean after = end == lower.length() || !Character.isLetterOrDigit(lower.charAt(end));
				if (before && after) {
					return word;
				}
				at = lower.indexOf(needle, at + 1);
			}
		}
		return null;
	}

	@Override
	public String toString() {
		return "LocalGuardrail[" + this.id + ":" + this.version + ", blocking " + this.words + "]";
	}

}
