package io.bedrockbinding.autoconfigure.endpoint;

import java.util.HashSet;
import java.util.Set;

import io.bedrockbinding.actuate.endpoint.BedrockBindingsEndpoint;

import org.springframework.boot.actuate.endpoint.Show;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration properties of the {@link BedrockBindingsEndpoint}. Its access is Boot's
 * own {@code management.endpoint.bedrockbindings.access}.
 */
@ConfigurationProperties("management.endpoint.bedrockbindings")
public class BedrockBindingsEndpointProperties {

	/**
	 * When to show account IDs (the accountId field and the account inside ARNs) instead
	 * of masking them.
	 */
	private Show showValues = Show.NEVER;

	/**
	 * Roles used to determine whether a user is authorized to see account IDs. When
	 * empty, all authenticated users are authorized.
	 */
	private final Set<String> roles = new HashSet<>();

	public Show getShowValues() {
		return this.showValues;
	}

	public void setShowValues(Show showValues) {
		this.showValues = showValues;
	}

	public Set<String> getRoles() {
		return this.roles;
	}

}
