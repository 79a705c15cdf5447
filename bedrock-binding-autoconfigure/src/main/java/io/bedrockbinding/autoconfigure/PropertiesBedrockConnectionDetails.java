package io.bedrockbinding.autoconfigure;

import java.net.URI;

import org.jspecify.annotations.Nullable;

/** {@link BedrockConnectionDetails} from {@code bedrock.binding.*}. */
class PropertiesBedrockConnectionDetails implements BedrockConnectionDetails {

	private final BedrockBindingProperties properties;

	PropertiesBedrockConnectionDetails(BedrockBindingProperties properties) {
		this.properties = properties;
	}

	@Override
	public @Nullable URI endpoint() {
		return this.properties.getEndpoint();
	}

	@Override
	public @Nullable String region() {
		return this.properties.getRegion();
	}

}
