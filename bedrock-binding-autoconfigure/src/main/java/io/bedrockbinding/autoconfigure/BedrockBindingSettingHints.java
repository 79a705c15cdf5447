package io.bedrockbinding.autoconfigure;

import io.bedrockbinding.SettingHints;

/**
 * The property names core's messages give as the fix when the starter configured the
 * object: core itself speaks of SDK settings and builder methods only.
 */
public final class BedrockBindingSettingHints {

	/** The {@code bedrock.binding.*} properties. */
	public static final SettingHints PROPERTIES = new SettingHints("bedrock.binding.region (or AWS_REGION)",
			"bedrock.binding.account-id", "bedrock.binding.endpoint", "bedrock.binding.on-demand-fallback=true",
			BedrockBindingSettingHints.REQUIRED_MODELS, "bedrock.binding.runtime.max-bindings",
			"bedrock.binding.timeouts.{property}", "bedrock.binding.models");

	/**
	 * The name of {@link BedrockBindingProperties#getRequiredModels()}, for the messages
	 * that name it and the lookup of the source that sets it.
	 */
	static final String REQUIRED_MODELS = "bedrock.binding.required-models";

	/** The name of the account-ID property, for the errors of its parser. */
	static final String ACCOUNT_ID = "bedrock.binding.account-id";

	private BedrockBindingSettingHints() {
	}

}
