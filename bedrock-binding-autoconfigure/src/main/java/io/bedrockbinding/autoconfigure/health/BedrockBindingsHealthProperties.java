package io.bedrockbinding.autoconfigure.health;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the {@code bedrockBindings} health contributor.
 */
@ConfigurationProperties("management.health.bedrockbindings")
public class BedrockBindingsHealthProperties {

	/**
	 * Whether any binding error makes the health DOWN. By default only a required model
	 * (bedrock.binding.required-models) that is unbound or in error does; every other
	 * error shows in the details with status UP.
	 */
	private boolean anyErrorIsDown = false;

	public boolean isAnyErrorIsDown() {
		return this.anyErrorIsDown;
	}

	public void setAnyErrorIsDown(boolean anyErrorIsDown) {
		this.anyErrorIsDown = anyErrorIsDown;
	}

}
