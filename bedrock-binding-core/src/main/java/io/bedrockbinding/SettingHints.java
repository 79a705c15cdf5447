package io.bedrockbinding;

/**
 * How the user sets what a message asks for, in the words of the layer that configured
 * the object: core's messages say "set {region}" and the layer fills in the name. The
 * {@linkplain #plain() plain} hints speak of the SDK and the builders; a framework layer
 * (the Spring Boot starter) gives its own property names instead.
 *
 * @param region how to set the region calls are sent to
 * @param accountId how to set the AWS account ID that fills {@code {account}}
 * @param endpoint how to set the endpoint override
 * @param onDemandFallback how to switch on the retry of an on-demand refusal with the
 * region's geo profile
 * @param requiredModels where the models that must be bound are listed
 * @param maxRuntimeBindings how to raise the cap on runtime bindings
 */
public record SettingHints(String region, String accountId, String endpoint, String onDemandFallback,
		String requiredModels, String maxRuntimeBindings) {

	private static final SettingHints PLAIN = new SettingHints(
			"AWS_REGION or the region of BindingRegistry.builder(...) / BedrockPipeFactory.Builder",
			"the account ID (AccountResolver.of(...))", "the endpoint override (ClientSettings.endpoint)",
			"BedrockPipeFactory.Builder.onDemandFallback(true)", "BindingRegistryBuilder.requiredModels",
			"BindingRegistryBuilder.maxRuntimeBindings");

	/**
	 * Hints in plain-Java words: environment variables of the SDK and builder methods.
	 * @return the default hints
	 */
	public static SettingHints plain() {
		return PLAIN;
	}

}
