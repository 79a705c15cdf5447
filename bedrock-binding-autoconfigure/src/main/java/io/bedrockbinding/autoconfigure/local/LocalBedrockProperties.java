package io.bedrockbinding.autoconfigure.local;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

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
	 * bedrock.binding.account-id when it is 12 digits, else 111122223333 ('auto' and
	 * blank mean the default too: the emulator asks no STS).
	 */
	private @Nullable String accountId;

	/**
	 * Per-target quotas, keyed by the target as calls name it (bracketed to keep its ':',
	 * e.g. "[us.amazon.nova-pro-v1:0]"): a call beyond one is refused with Bedrock's
	 * ThrottlingException, to rehearse failover.
	 */
	private Map<String, Quota> quotas = new LinkedHashMap<>();

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

	public @Nullable String getAccountId() {
		return this.accountId;
	}

	public void setAccountId(@Nullable String accountId) {
		this.accountId = accountId;
	}

	public Map<String, Quota> getQuotas() {
		return this.quotas;
	}

	public void setQuotas(Map<String, Quota> quotas) {
		this.quotas = quotas;
	}

	/**
	 * The quotas of one target.
	 */
	public static class Quota {

		/**
		 * Most calls of the target in any minute.
		 */
		private @Nullable Integer requestsPerMinute;

		/**
		 * Most input tokens of the target's calls in any minute.
		 */
		private @Nullable Integer tokensPerMinute;

		public @Nullable Integer getRequestsPerMinute() {
			return this.requestsPerMinute;
		}

		public void setRequestsPerMinute(@Nullable Integer requestsPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
		}

		public @Nullable Integer getTokensPerMinute() {
			return this.tokensPerMinute;
		}

		public void setTokensPerMinute(@Nullable Integer tokensPerMinute) {
			this.tokensPerMinute = tokensPerMinute;
		}

	}

}
