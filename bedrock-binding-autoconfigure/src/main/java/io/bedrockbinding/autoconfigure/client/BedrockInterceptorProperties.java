package io.bedrockbinding.autoconfigure.client;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the binding interceptor on the {@code BedrockRuntimeClient} and
 * {@code BedrockRuntimeAsyncClient} beans.
 */
@ConfigurationProperties("bedrock.binding.interceptor")
public class BedrockInterceptorProperties {

	/**
	 * Whether the auto-configured BedrockRuntimeClient and BedrockRuntimeAsyncClient
	 * beans replace the model ID of each request with its bound target (the region's
	 * inference profile, an ARN, ...). Off, they send model IDs as given.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
