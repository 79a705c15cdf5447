package io.bedrockbinding;

import java.util.Locale;

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
 * @param timeout how to raise a timeout: {@code {option}} stands for the
 * {@code PipeTimeouts} component ({@code apiCall}), {@code {property}} for the same name
 * in kebab case ({@code api-call})
 * @param models the property of the map of bindings a fix may show as YAML, or empty when
 * there is none (plain Java binds in code or in inference.txt)
 */
public record SettingHints(String region, String accountId, String endpoint, String onDemandFallback,
		String requiredModels, String maxRuntimeBindings, String timeout, String models) {

	private static final String PLAIN_TIMEOUT = "PipeTimeouts.{option} (BedrockRuntimeClients.Builder.timeouts)";

	private static final SettingHints PLAIN = new SettingHints(
			"AWS_REGION or the region of BindingRegistry.builder(...) / BedrockPipeFactory.Builder",
			"the account ID (AccountResolver.of(...))", "the endpoint override (ClientSettings.endpoint)",
			"BedrockPipeFactory.Builder.onDemandFallback(true)", "BindingRegistryBuilder.requiredModels",
			"BindingRegistryBuilder.maxRuntimeBindings", PLAIN_TIMEOUT, "");

	/**
	 * Hints with the plain timeout words and no property of bindings.
	 * @param region how to set the region calls are sent to
	 * @param accountId how to set the AWS account ID
	 * @param endpoint how to set the endpoint override
	 * @param onDemandFallback how to switch on the on-demand fallback
	 * @param requiredModels where the models that must be bound are listed
	 * @param maxRuntimeBindings how to raise the cap on runtime bindings
	 */
	public SettingHints(String region, String accountId, String endpoint, String onDemandFallback,
			String requiredModels, String maxRuntimeBindings) {
		this(region, accountId, endpoint, onDemandFallback, requiredModels, maxRuntimeBindings, PLAIN_TIMEOUT, "");
	}

	/**
	 * Hints in plain-Java words: environment variables of the SDK and builder methods.
	 * @return the default hints
	 */
	public static SettingHints plain() {
		return PLAIN;
	}

	/**
	 * How to raise one timeout.
	 * @param option the {@code PipeTimeouts} component, such as {@code streamIdle}
	 * @return the {@link #timeout()} hint filled in for it
	 */
	public String timeout(String option) {
		String property = option.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
		return this.timeout.replace("{option}", option).replace("{property}", property);
	}

}
