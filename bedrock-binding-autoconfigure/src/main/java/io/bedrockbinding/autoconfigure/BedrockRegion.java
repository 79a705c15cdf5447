package io.bedrockbinding.autoconfigure;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProvider;
import software.amazon.awssdk.regions.providers.AwsRegionProviderChain;
import software.amazon.awssdk.regions.providers.SystemSettingsRegionProvider;

/**
 * The region pipes call: {@code bedrock.binding.region}, then the connection details,
 * then an {@link AwsRegionProvider} bean, then the SDK chain without the EC2 instance
 * metadata service (a network call, which start-up must not make).
 */
final class BedrockRegion {

	private BedrockRegion() {
	}

	static @Nullable String resolve(BedrockBindingProperties properties, BedrockConnectionDetails connection,
			@Nullable AwsRegionProvider regionProvider) {
		if (properties.getRegion() != null) {
			return properties.getRegion();
		}
		if (connection.region() != null) {
			return connection.region();
		}
		AwsRegionProvider provider = (regionProvider != null) ? regionProvider
				: new AwsRegionProviderChain(new SystemSettingsRegionProvider(), new AwsProfileRegionProvider());
		try {
			return provider.getRegion().id();
		}
		catch (SdkClientException ex) {
			return null;
		}
	}

}
