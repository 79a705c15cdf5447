package io.bedrockbinding.autoconfigure;

/**
 * Live refresh of the property bindings by Spring Cloud (Config Server, Parameter Store,
 * AppConfig, or any other source that triggers a refresh).
 */
public class BedrockBindingRefresh {

	/**
	 * Whether a Spring Cloud refresh (EnvironmentChangeEvent) that changes
	 * bedrock.binding.* puts the new models, region, account ID and required models in
	 * force. Needs spring-cloud-context on the classpath.
	 */
	private boolean enabled = true;

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

}
