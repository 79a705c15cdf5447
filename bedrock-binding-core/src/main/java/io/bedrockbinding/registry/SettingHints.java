package io.bedrockbinding.registry;

/**
 * How the application sets what the registry's messages refer to, in its own words: core
 * names no framework's property, so a Spring application passes
 * {@code bedrock.binding.region} and the like, and a plain Java one the builder methods
 * ({@link #builderMethods()}).
 *
 * @param region how to set the region calls go to
 * @param requiredModels where the required models are listed
 * @param maxRuntimeBindings how to raise the cap on runtime bindings
 * @param onDemandFallback how to switch the retry of on-demand refusals on or off
 */
public record SettingHints(String region, String requiredModels, String maxRuntimeBindings, String onDemandFallback) {

	/**
	 * The words for an application that builds the registry and the pipe factory itself.
	 * @return the hints that name the builder methods
	 */
	public static SettingHints builderMethods() {
		return new SettingHints("the region of BindingRegistry.Builder or BedrockPipeFactory.Builder (or AWS_REGION)",
				"BindingRegistry.Builder.requiredModels", "BindingRegistry.Builder.maxRuntimeBindings",
				"BedrockPipeFactory.Builder.onDemandFallback");
	}

}
