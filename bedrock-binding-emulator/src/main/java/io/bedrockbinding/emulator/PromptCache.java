package io.bedrockbinding.emulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.bedrockbinding.catalog.ModelInfo;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The prompt cache: the prefix of a request up to its last {@code cachePoint} (tools,
 * then system, then messages, the order in which Bedrock reads them) is written on its
 * first call and read on every later call of the same model with the same prefix. A
 * prefix shorter than 1,024 tokens is not cached (the per-checkpoint minimum of Claude
 * 3.7 Sonnet, https://docs.aws.amazon.com/bedrock/latest/userguide/prompt-caching.html,
 * applied to every model). Entries do not expire. Thread-safe.
 */
final class PromptCache {

	static final int MIN_TOKENS = 1024;

	/**
	 * Bedrock's refusal of cache points for a model without prompt caching, as quoted in
	 * https://github.com/posit-dev/positron/issues/12142.
	 */
	static final String UNSUPPORTED = "You invoked an unsupported model, or your request did not allow prompt "
			+ "caching. See the documentation for more information.";

	private final Set<String> prefixes = ConcurrentHashMap.newKeySet();

	/**
	 * The cache use of a request.
	 * @param root the request body
	 * @param messages its messages
	 * @param model the model that answers
	 * @return {@code [read, write]} tokens, or {@code null} when the request has no cache
	 * point
	 */
	int @Nullable [] use(JsonNode root, List<JsonNode> messages, ModelInfo model) {
		if (!hasCachePoint(root, messages)) {
			return null;
		}
		StringBuilder prefix = new StringBuilder();
		StringBuilder all = new StringBuilder();
		boolean found = false;
		int characters = 0;
		int cachedCharacters = 0;
		for (JsonNode tool : Json.elements(root.path("toolConfig"), "tools")) {
			if (tool.has("cachePoint")) {
				found = true;
				prefix.setLength(0);
				prefix.append(all);
				cachedCharacters = characters;
			}
			else {
				String json = tool.toString();
				all.append(json);
				characters += json.length();
			}
		}
		for (JsonNode block : Json.elements(root, "system")) {
			if (block.has("cachePoint")) {
				found = true;
				prefix.setLength(0);
				prefix.append(all);
				cachedCharacters = characters;
			}
			else {
				all.append(block.toString());
				characters += ConverseInput.blockText(block).length();
			}
		}
		for (JsonNode message : messages) {
			all.append('|').append(Json.text(message, "role")).append('|');
			for (JsonNode block : Json.elements(message, "content")) {
				if (block.has("cachePoint")) {
					found = true;
					prefix.setLength(0);
					prefix.append(all);
					cachedCharacters = characters;
				}
				else {
					all.append(block.toString());
					characters += ConverseInput.blockText(block).length();
				}
			}
		}
		if (!found) {
			return null;
		}
		if (!ModelFeatures.promptCaching(model)) {
			throw BedrockError.validation(UNSUPPORTED);
		}
		int tokens = (cachedCharacters + 3) / 4;
		if (tokens < MIN_TOKENS) {
			return new int[] { 0, 0 };
		}
		boolean added = this.prefixes.add(model.modelId() + "\n" + hash(prefix.toString()));
		return added ? new int[] { 0, tokens } : new int[] { tokens, 0 };
	}

	// The common case, no cache point, costs one pass over the blocks and nothing else.
	private static boolean hasCachePoint(JsonNode root, List<JsonNode> messages) {
		for (JsonNode tool : Json.elements(root.path("toolConfig"), "tools")) {
			if (tool.has("cachePoint")) {
				return true;
			}
		}
		for (JsonNode block : Json.elements(root, "system")) {
			if (block.has("cachePoint")) {
				return true;
			}
		}
		for (JsonNode message : messages) {
			for (JsonNode block : Json.elements(message, "content")) {
				if (block.has("cachePoint")) {
					return true;
				}
			}
		}
		return false;
	}

	void clear() {
		this.prefixes.clear();
	}

	private static String hash(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
