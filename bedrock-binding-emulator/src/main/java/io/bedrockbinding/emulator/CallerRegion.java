package io.bedrockbinding.emulator;

import org.jspecify.annotations.Nullable;

/**
 * The region a request was meant for. SigV4 names it in the credential scope of the
 * {@code Authorization} header
 * ({@code Credential=AKID/20250101/us-east-1/bedrock/aws4_request}), so one loopback
 * server can emulate every region. Bearer tokens (Bedrock API keys) name no region: those
 * calls get the emulator's default region.
 */
final class CallerRegion {

	private static final String CREDENTIAL = "Credential=";

	private CallerRegion() {
	}

	static String of(@Nullable String authorization, String defaultRegion) {
		if (authorization == null) {
			return defaultRegion;
		}
		int start = authorization.indexOf(CREDENTIAL);
		if (start < 0) {
			return defaultRegion;
		}
		start += CREDENTIAL.length();
		int end = authorization.indexOf(',', start);
		String scope = (end < 0) ? authorization.substring(start) : authorization.substring(start, end);
		// AKID/DATE/REGION/SERVICE/aws4_request; the key ID itself never contains '/'
		String[] parts = scope.trim().split("/");
		return (parts.length == 5 && !parts[2].isEmpty()) ? parts[2] : defaultRegion;
	}

}
