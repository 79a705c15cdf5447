package io.bedrockbinding.client;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.auth.token.credentials.SdkToken;
import software.amazon.awssdk.auth.token.credentials.SdkTokenProvider;
import software.amazon.awssdk.core.retry.RetryMode;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.sts.StsClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The settings reach every kind of client: a loopback server records what each request
 * carried (the region a request is signed for is in its {@code Authorization} header).
 */
class ClientSettingsTests {

	private static final StaticCredentialsProvider CREDENTIALS = StaticCredentialsProvider
		.create(AwsBasicCredentials.create("AKIDSETTINGS", "secret"));

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	private HttpServer server;

	private ClientSettings settings;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.settings = ClientSettings.defaults()
			.withEndpoint(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()))
			.withCredentialsProvider(CREDENTIALS)
			.withRegion("eu-west-3");
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	@Test
	void runtimeClientGetsEndpointCredentialsAndRegion() {
		try (BedrockRuntimeClient client = this.settings.applyTo(BedrockRuntimeClient.builder())
			.overrideConfiguration((override) -> override.retryStrategy(RetryMode.STANDARD))
			.build()) {
			client.converse((request) -> request.modelId("amazon.nova-pro-v1:0"));
		}
		assertThat(this.authorizations).singleElement()
			.asString()
			.contains("Credential=AKIDSETTINGS/")
			.contains("/eu-west-3/bedrock/aws4_request");
	}

	@Test
	void controlPlaneAndStsClientsGetTheSameSettings() {
		try (BedrockClient bedrock = this.settings.applyTo(BedrockClient.builder()).build();
				StsClient sts = this.settings.withRegion("us-west-2").applyTo(StsClient.builder()).build()) {
			bedrock.listFoundationModels((request) -> {
			});
			try {
				sts.getCallerIdentity();
			}
			catch (RuntimeException ex) {
				// the stub answers JSON, which the query protocol cannot read: the
				// request
				// is what counts
			}
		}
		assertThat(this.authorizations).hasSize(2);
		assertThat(this.authorizations.get(0)).contains("Credential=AKIDSETTINGS/")
			.contains("/eu-west-3/bedrock/aws4_request");
		assertThat(this.authorizations.get(1)).contains("Credential=AKIDSETTINGS/")
			.contains("/us-west-2/sts/aws4_request");
	}

	@Test
	void apiKeyIsPreferredToSigV4OnRuntimeClients() {
		try (BedrockRuntimeClient client = this.settings.withTokenProvider(new FixedToken("bedrock-api-key"))
			.applyTo(BedrockRuntimeClient.builder())
			.build()) {
			client.converse((request) -> request.modelId("amazon.nova-pro-v1:0"));
		}
		assertThat(this.authorizations).containsExactly("Bearer bedrock-api-key");
	}

	@Test
	void unsetValuesLeaveTheBuilderAlone() {
		// No endpoint override, credentials or region: the builder keeps what it was
		// given.
		try (BedrockRuntimeClient client = ClientSettings.defaults()
			.applyTo(BedrockRuntimeClient.builder()
				.endpointOverride(this.settings.endpoint())
				.credentialsProvider(CREDENTIALS)
				.region(software.amazon.awssdk.regions.Region.AP_SOUTH_1))
			.build()) {
			client.converse((request) -> request.modelId("amazon.nova-pro-v1:0"));
		}
		assertThat(this.authorizations).singleElement().asString().contains("/ap-south-1/bedrock/aws4_request");
	}

	@Test
	void plainHttpIsTrueOnlyForHttpEndpoints() {
		assertThat(this.settings.plainHttp()).isTrue();
		assertThat(this.settings.withEndpoint(URI.create("https://bedrock.example")).plainHttp()).isFalse();
		assertThat(ClientSettings.defaults().plainHttp()).isFalse();
	}

	@Test
	void toStringShowsNoSecret() {
		ClientSettings withKey = this.settings.withTokenProvider(new FixedToken("bedrock-api-key"));
		assertThat(withKey.toString()).doesNotContain("bedrock-api-key")
			.doesNotContain("secret")
			.contains("tokenProvider=set")
			.contains("region=eu-west-3");
	}

	private void answer(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		this.authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
		byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

	private record FixedToken(String token) implements SdkTokenProvider, SdkToken {

		@Override
		public SdkToken resolveToken() {
			return this;
		}

		@Override
		public Optional<Instant> expirationTime() {
			return Optional.empty();
		}

	}

}
