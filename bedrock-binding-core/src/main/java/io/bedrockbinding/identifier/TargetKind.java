package io.bedrockbinding.identifier;

/** The kinds of {@link BindingTarget}; the names are part of the actuator document. */
public enum TargetKind {

	/** The plain model ID, called on demand. */
	DIRECT,

	/**
	 * A system-defined cross-region profile ID such as {@code us.amazon.nova-pro-v1:0}.
	 */
	SYSTEM_PROFILE,

	/** {@code arn:...:inference-profile/...}. */
	PROFILE_ARN,

	/** {@code arn:...:application-inference-profile/...}. */
	APPLICATION_PROFILE_ARN,

	/** {@code arn:...:provisioned-model/...}. */
	PROVISIONED_MODEL_ARN,

	/** {@code arn:...:custom-model/...}. */
	CUSTOM_MODEL_ARN,

	/** {@code arn:...:imported-model/...}. */
	IMPORTED_MODEL_ARN,

	/** {@code arn:...::foundation-model/...}. */
	FOUNDATION_MODEL_ARN,

	/**
	 * {@code arn:...:default-prompt-router/...} or {@code arn:...:prompt-router/...}:
	 * Bedrock's intelligent prompt routing, which Converse accepts as a model ID and
	 * which answers from one of the router's models. The resource types are the
	 * {@code default-prompt-router} and {@code prompt-router} of the Service
	 * Authorization Reference
	 * (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonbedrock.html).
	 */
	PROMPT_ROUTER_ARN;

	/**
	 * Whether targets of this kind are ARNs.
	 * @return whether targets of this kind are ARNs
	 */
	public boolean isArn() {
		return this != DIRECT && this != SYSTEM_PROFILE;
	}

}
