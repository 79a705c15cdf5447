package io.bedrockbinding.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where Bedrock is and how to sign in to it. By default from
 * {@code bedrock.binding.endpoint}/{@code bedrock.binding.region} and the SDK chains; an
 * emulator such as LocalBedrock contributes its own bean.
 */
public interface BedrockConnectionDetails extends ConnectionDetails {

	/**
	 * An endpoint override.
	 * @return the endpoint, or null for AWS's own endpoints
	 */
	@Nullable URI endpoint();

	/**
	 * The region.
	 * @return the region ID, or null to use the configured one or the SDK chain
	 */
	default @Nullable String region() {
		return null;
	}

	/**
	 * Credentials.
	 * @return the credentials, or null for an {@link AwsCredentialsProvider} bean or the
	 * SDK default chain
	 */
	default @Nullable AwsCredentialsProvider credentialsProvider() {
		return null;
	}

}
