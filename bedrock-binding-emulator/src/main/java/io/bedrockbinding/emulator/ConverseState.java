package io.bedrockbinding.emulator;

/**
 * What Converse calls of one emulator share: its guardrails (and CreateGuardrail, which
 * makes them) and its prompt cache.
 */
final class ConverseState {

	private final Guardrails guardrails = new Guardrails();

	private final PromptCache cache = new PromptCache();

	private final GuardrailsApi guardrailsApi;

	ConverseState(String account) {
		this.guardrailsApi = new GuardrailsApi(this.guardrails, account);
	}

	GuardrailsApi guardrailsApi() {
		return this.guardrailsApi;
	}

	Guardrails guardrails() {
		return this.guardrails;
	}

	PromptCache cache() {
		return this.cache;
	}

	void clear() {
		this.guardrails.clear();
		this.cache.clear();
	}

}
