package io.bedrockbinding.emulator;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import tools.jackson.databind.JsonNode;

/**
 * The control plane's CreateGuardrail ({@code POST /guardrails}): a guardrail whose word
 * policy ({@code wordPolicyConfig.wordsConfig[].text}) and messaging become a
 * {@link LocalGuardrail} at version {@code DRAFT}, answered with {@code guardrailId},
 * {@code guardrailArn}, {@code version} and {@code createdAt} as the SDK's
 * {@code CreateGuardrailResponse} reads them. Other policies are accepted and ignored.
 */
final class GuardrailsApi {

	private static final AtomicLong IDS = new AtomicLong();

	private final Guardrails guardrails;

	private final String account;

	GuardrailsApi(Guardrails guardrails, String account) {
		this.guardrails = guardrails;
		this.account = account;
	}

	Answer create(Call call) {
		JsonNode body = Json.object(call.body(), "The request body is not a JSON object.");
		for (String required : new String[] { "name", "blockedInputMessaging", "blockedOutputsMessaging" }) {
			if (Json.text(body, required) == null) {
				throw BedrockError.validation("1 validation error detected: Value null at '" + required
						+ "' failed to satisfy constraint: Member must not be null");
			}
		}
		String id = String.format("localgr%05d", IDS.incrementAndGet());
		LocalGuardrail guardrail = this.guardrails.define(id, "DRAFT")
			.blockedInputMessaging(Json.text(body, "blockedInputMessaging"))
			.blockedOutputsMessaging(Json.text(body, "blockedOutputsMessaging"));
		for (JsonNode word : Json.elements(body.path("wordPolicyConfig"), "wordsConfig")) {
			String text = Json.text(word, "text");
			if (text != null && !text.isBlank()) {
				guardrail.blocking(text);
			}
		}
		return Answers.json(Json.newObject()
			.put("guardrailId", id)
			.put("guardrailArn", "arn:aws:bedrock:" + call.region() + ":" + this.account + ":guardrail/" + id)
			.put("version", "DRAFT")
			.put("createdAt", Instant.now().toString()));
	}

}
