package io.bedrockbinding.discovery;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.client.ClientSettings;
import io.bedrockbinding.client.RegionalClients;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.bedrock.BedrockClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Paginated listings against a loopback server that answers the same {@code nextToken}
 * again, as a proxy or an emulator can: the SDK's paginators would ask forever.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PagesTests {

	private final List<String> requests = new CopyOnWriteArrayList<>();

	/** The body of each listing, by path; a path not here answers an empty object. */
	private volatile Map<String, String> answers = Map.of();

	private HttpServer server;

	private RegionalClients<BedrockClient> clients;

	@BeforeEach
	void startServer() throws IOException {
		this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		this.server.createContext("/", this::answer);
		this.server.start();
		this.clients = ProfileDiscovery.controlPlaneClients(ClientSettings.defaults()
			.withEndpoint(URI.create("http://127.0.0.1:" + this.server.getAddress().getPort()))
			.withCredentialsProvider(
					StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDPAGES", "secret")))
			.withRegion("us-east-1"));
	}

	@AfterEach
	void stopServer() {
		this.clients.close();
		this.server.stop(0);
	}

	@Test
	void aRepeatedInferenceProfilesTokenEndsTheDiscoveryWithAnErrorNamingTheOperationAndTheToken() {
		this.answers = Map.of("/inference-profiles", "{\"inferenceProfileSummaries\":[],\"nextToken\":\"same\"}");

		assertThatExceptionOfType(SdkClientException.class).isThrownBy(() -> discovery().discover("us-east-1"))
			.withMessage("ListInferenceProfiles answered nextToken 'same' on page 2 as on page 1: the endpoint "
					+ "(a proxy or emulator; AWS does not) repeats its pages, so the listing stopped instead of "
					+ "asking for them forever");
		assertThat(this.requests).filteredOn((request) -> request.startsWith("/inference-profiles")).hasSize(2);
	}

	@Test
	void aRepeatedPromptRoutersTokenEndsTheDiscoveryToo() {
		this.answers = Map.of("/prompt-routers", "{\"promptRouterSummaries\":[],\"nextToken\":\"again\"}");

		assertThatExceptionOfType(SdkClientException.class).isThrownBy(() -> discovery().discover("us-east-1"))
			.withMessageStartingWith("ListPromptRouters answered nextToken 'again' on page 2 as on page 1: ");
	}

	@Test
	void aRepeatedCatalogRefreshListingEndsToo() {
		this.answers = Map.of("/inference-profiles", "{\"inferenceProfileSummaries\":[],\"nextToken\":\"same\"}");

		assertThatExceptionOfType(SdkClientException.class)
			.isThrownBy(() -> discovery().refreshCatalog(List.of("us-east-1")))
			.withMessageStartingWith("ListInferenceProfiles answered nextToken 'same' on page 2 as on page 1: ");
	}

	@Test
	void aTokenOfAnEarlierPageIsARepeatToo() {
		List<String> tokens = List.of("a", "b", "a");

		assertThatExceptionOfType(SdkClientException.class)
			.isThrownBy(() -> Pages.all("ListThings", (token) -> (token != null) ? tokens.indexOf(token) + 1 : 0,
					(page) -> tokens.get(page)))
			.withMessageStartingWith("ListThings answered nextToken 'a' on page 3 as on page 1: ");
	}

	@Test
	void aTokenWithControlCharactersIsEscapedInTheMessage() {
		assertThatExceptionOfType(SdkClientException.class)
			.isThrownBy(() -> Pages.all("ListThings", (token) -> 1, (page) -> "to\nken\u001b[2J"))
			.withMessageStartingWith("ListThings answered nextToken 'to\\u000aken\\u001b[2J' on page 2 as on page 1");
	}

	@Test
	void aListingThatNeverEndsStopsAtThePageCap() {
		int[] asked = { 0 };

		assertThatExceptionOfType(SdkClientException.class)
			.isThrownBy(() -> Pages.all("ListThings", (token) -> ++asked[0], (page) -> "token-" + page))
			.withMessage("ListThings answered " + Pages.MAX_PAGES + " pages without an end: the listing stopped "
					+ "(the endpoint, a proxy or emulator, keeps answering a nextToken)");
		assertThat(asked[0]).isEqualTo(Pages.MAX_PAGES);
	}

	@Test
	void aListingEndsAtAPageWithoutATokenOrWithAnEmptyOne() {
		List<String> tokens = List.of("a", "b", "");

		assertThat(Pages.all("ListThings", (token) -> (token != null) ? tokens.indexOf(token) + 1 : 0,
				(page) -> tokens.get(page)))
			.containsExactly(0, 1, 2);
		assertThat(Pages.all("ListThings", (token) -> 7, (page) -> null)).containsExactly(7);
	}

	private ProfileDiscovery discovery() {
		return new ProfileDiscovery(this.clients, ModelCatalog.builtIn());
	}

	private void answer(HttpExchange exchange) throws IOException {
		exchange.getRequestBody().readAllBytes();
		String path = exchange.getRequestURI().getPath();
		this.requests.add(path + "?" + exchange.getRequestURI().getRawQuery());
		byte[] body = this.answers.getOrDefault(path, "{}").getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().add("Content-Type", "application/json");
		exchange.sendResponseHeaders(200, body.length);
		exchange.getResponseBody().write(body);
		exchange.close();
	}

}
