package io.bedrockbinding.emulator;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import io.bedrockbinding.catalog.ModelInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * InvokeModel's native bodies: the request and reply shapes of each model family
 * (Anthropic messages, Amazon Nova, Amazon Titan text and embeddings, Meta Llama, Cohere
 * embeddings). Other providers are answered in the shape their request body resembles.
 */
final class NativeBodies {

	static final String MALFORMED = "Malformed input request, please reformat your input and try again.";

	private static final AtomicLong MESSAGE_IDS = new AtomicLong();

	private NativeBodies() {
	}

	/**
	 * The reply of {@code target} to a native request body.
	 * @param target what the call resolved to
	 * @param body the request body
	 * @return the native reply
	 * @throws BedrockError for a body the model family does not accept
	 */
	static Reply answer(ResolvedTarget target, byte[] body) {
		JsonNode request = Json.object(body, MALFORMED);
		ModelInfo model = target.model();
		if (!model.outputModalities().contains("TEXT")) {
			if (EmbeddingBodies.answers(model)) {
				return EmbeddingBodies.answer(model, request);
			}
			throw BedrockError.validation("LocalBedrock does not emulate " + model.outputModalities() + " output; "
					+ model.modelId() + " cannot be invoked here.");
		}
		String modelId = model.modelId();
		if (model.provider().equals("anthropic") || request.has("anthropic_version")) {
			return anthropic(target, request);
		}
		if (modelId.startsWith("amazon.nova")) {
			return nova(target, request);
		}
		if (modelId.startsWith("amazon.titan")) {
			return titanText(target, request);
		}
		if (model.provider().equals("meta")) {
			return llama(target, request);
		}
		if (request.has("messages")) {
			return nova(target, request);
		}
		if (request.has("inputText")) {
			return titanText(target, request);
		}
		if (request.has("prompt")) {
			return llama(target, request);
		}
		throw BedrockError.validation(MALFORMED);
	}

	private static Reply anthropic(ResolvedTarget target, JsonNode request) {
		require(request, "anthropic_version");
		require(request, "max_tokens");
		List<JsonNode> messages = Json.elements(request, "messages");
		if (messages.isEmpty()) {
			throw BedrockError.validation("Malformed input request: #: required key [messages] not found, "
					+ "please reformat your input and try again.");
		}
		int characters = anthropicText(request.path("system")).length();
		String prompt = "";
		for (JsonNode message : messages) {
			String text = anthropicText(message.path("content"));
			characters += text.length();
			if ("user".equals(Json.text(message, "role"))) {
				prompt = text;
			}
		}
		Generation generation = Generation.reply(target.label(), prompt, (characters + 3) / 4,
				Json.limit(request, "max_tokens"), Json.texts(request, "stop_sequences"));
		ObjectNode reply = Json.newObject();
		reply.put("id", "msg_bdrk_" + String.format("%024x", MESSAGE_IDS.incrementAndGet()));
		reply.put("type", "message");
		reply.put("role", "assistant");
		reply.put("model", target.model().modelId());
		reply.putArray("content").addObject().put("type", "text").put("text", generation.text());
		reply.put("stop_reason", generation.stopReason());
		if (generation.stopSequence() != null) {
			reply.put("stop_sequence", generation.stopSequence());
		}
		else {
			reply.putNull("stop_sequence");
		}
		reply.putObject("usage")
			.put("input_tokens", generation.inputTokens())
			.put("output_tokens", generation.outputTokens());
		return new Reply(reply, generation.inputTokens(), generation.outputTokens());
	}

	/**
	 * Anthropic content: a string, or blocks of which the text ones count.
	 * @param content the content node
	 * @return its text
	 */
	private static String anthropicText(JsonNode content) {
		if (content.isString()) {
			return content.stringValue();
		}
		StringBuilder text = new StringBuilder();
		if (content.isArray()) {
			for (JsonNode block : content) {
				String part = Json.text(block, "text");
				if (part != null) {
					text.append(part);
				}
			}
		}
		return text.toString();
	}

	private static Reply nova(ResolvedTarget target, JsonNode request) {
		List<JsonNode> messages = Json.elements(request, "messages");
		if (messages.isEmpty()) {
			throw BedrockError.validation(MALFORMED);
		}
		int characters = 0;
		for (JsonNode block : Json.elements(request, "system")) {
			characters += textOrEmpty(block).length();
		}
		String prompt = "";
		for (JsonNode message : messages) {
			StringBuilder text = new StringBuilder();
			for (JsonNode block : Json.elements(message, "content")) {
				text.append(textOrEmpty(block));
			}
			characters += text.length();
			if ("user".equals(Json.text(message, "role"))) {
				prompt = text.toString();
			}
		}
		JsonNode config = request.path("inferenceConfig");
		Integer maxTokens = Json.limit(config, "max_new_tokens");
		if (maxTokens == null) {
			maxTokens = Json.limit(config, "maxTokens");
		}
		Generation generation = Generation.reply(target.label(), prompt, (characters + 3) / 4, maxTokens,
				Json.texts(config, "stopSequences"));
		ObjectNode reply = Json.newObject();
		ObjectNode message = reply.putObject("output").putObject("message");
		message.put("role", "assistant");
		message.putArray("content").addObject().put("text", generation.text());
		reply.put("stopReason", generation.stopReason());
		reply.putObject("usage")
			.put("inputTokens", generation.inputTokens())
			.put("outputTokens", generation.outputTokens())
			.put("totalTokens", generation.totalTokens());
		return new Reply(reply, generation.inputTokens(), generation.outputTokens());
	}

	private static Reply titanText(ResolvedTarget target, JsonNode request) {
		String prompt = require(request, "inputText").stringValue();
		JsonNode config = request.path("textGenerationConfig");
		Generation generation = Generation.reply(target.label(), prompt, Generation.tokens(prompt),
				Json.limit(config, "maxTokenCount"), Json.texts(config, "stopSequences"));
		ObjectNode reply = Json.newObject();
		reply.put("inputTextTokenCount", generation.inputTokens());
		reply.putArray("results")
			.addObject()
			.put("tokenCount", generation.outputTokens())
			.put("outputText", generation.text())
			.put("completionReason", switch (generation.stopReason()) {
				case Generation.MAX_TOKENS -> "LENGTH";
				case Generation.STOP_SEQUENCE -> "STOP_CRITERIA_MET";
				default -> "FINISH";
			});
		return new Reply(reply, generation.inputTokens(), generation.outputTokens());
	}

	private static Reply llama(ResolvedTarget target, JsonNode request) {
		String prompt = require(request, "prompt").stringValue();
		Generation generation = Generation.reply(target.label(), prompt, Generation.tokens(prompt),
				Json.limit(request, "max_gen_len"), List.of());
		ObjectNode reply = Json.newObject();
		reply.put("generation", generation.text());
		reply.put("prompt_token_count", generation.inputTokens());
		reply.put("generation_token_count", generation.outputTokens());
		reply.put("stop_reason", generation.stopReason().equals(Generation.MAX_TOKENS) ? "length" : "stop");
		return new Reply(reply, generation.inputTokens(), generation.outputTokens());
	}

	private static String textOrEmpty(JsonNode block) {
		String text = Json.text(block, "text");
		return (text != null) ? text : "";
	}

	/**
	 * Bedrock's wording for a missing required key of a native body.
	 * @param request the body
	 * @param key the required key
	 * @return its value
	 */
	private static JsonNode require(JsonNode request, String key) {
		JsonNode value = request.get(key);
		if (value == null || value.isNull() || (key.equals("max_tokens") && !value.isNumber())
				|| ((key.equals("inputText") || key.equals("prompt")) && !value.isString())) {
			throw BedrockError.validation("Malformed input request: #: required key [" + key
					+ "] not found, please reformat your input and try again.");
		}
		return value;
	}

	/**
	 * A native reply and its token counts (for the {@code X-Amzn-Bedrock-*} headers).
	 *
	 * @param body the JSON reply
	 * @param inputTokens the prompt's tokens
	 * @param outputTokens the reply's tokens
	 */
	record Reply(JsonNode body, int inputTokens, int outputTokens) {
	}

}
