package io.bedrockbinding.autoconfigure;

import java.util.Optional;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.auth.token.credentials.SdkToken;
import software.amazon.awssdk.auth.token.credentials.SdkTokenProvider;

/** A Bedrock API key ({@code bedrock.binding.api-key}) as the SDK's token provider. */
final class ApiKeyTokenProvider implements SdkTokenProvider, SdkToken {

	private final String apiKey;

	private ApiKeyTokenProvider(String apiKey) {
		this.apiKey = apiKey;
	}

	static @Nullable SdkTokenProvider of(@Nullable String apiKey) {
		return (apiKey != null && !apiKey.isBlank()) ? new ApiKeyTokenProvider(apiKey.strip()) : null;
	}

	@Override
	public SdkToken resolveToken() {
		return this;
	}

	@Override
	public String token() {
		return this.apiKey;
	}

	@Override
	public Optional<java.time.Instant> expirationTime() {
		return Optional.empty();
	}

	@Override
	public String toString() {
		return "ApiKeyTokenProvider[******]";
	}

}
