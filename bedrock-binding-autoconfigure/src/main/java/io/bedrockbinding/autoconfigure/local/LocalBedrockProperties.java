package io.bedrockbinding.autoconfigure.local;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the in-process LocalBedrock.
 */
@ConfigurationProperties("bedrock.binding.local-bedrock")
public class LocalBedrockProperties {

	/**
	 * Whether to start an in-process LocalBedrock (a Bedrock emulator on 127.0.0.1) and
	 * send every Bedrock call to it, with fake credentials. For local runs and tests.
	 */
	private boolean enabled = false;

	/**
	 * Port of the emulator; 0 picks a free one.
	 */
	private int port = 0;

	/**
	 * Account ID the emulator plays (STS GetCallerIdentity, ARNs it accepts). Default:
	 * bedrock.binding.account-id when it is 12 digits, else 111122223333.
	 */
	private String accountId = "";

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public String getAccountId() {
		return this.accountId;
	}

	public void setAccountId(String accountId) {
		this.accountId = accountId;
	}

}
