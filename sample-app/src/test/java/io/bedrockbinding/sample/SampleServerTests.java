package io.bedrockbinding.sample;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample app's tests over its real HTTP server (a {@code RANDOM_PORT} test): requests
 * to the server, on top of the reset emulator.
 */
abstract class SampleServerTests extends LocalBedrockTests {

	/** Reads the JSON answers. */
	protected static final JsonMapper json = JsonMapper.builder().build();

	private final HttpClient http = HttpClient.newHttpClient();

	@LocalServerPort
	private int port;

	/**
	 * Posts a JSON body.
	 * @param path the path, such as {@code /api/chat}
	 * @param body the JSON body
	 * @return the answer, whatever its status
	 * @throws Exception if the request cannot be sent
	 */
	protected HttpResponse<String> post(String path, String body) throws Exception {
		return this.http.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * Posts a JSON body and reads the JSON of a {@code 200} answer.
	 * @param path the path, such as {@code /api/chat}
	 * @param body the JSON body
	 * @return the answer's JSON
	 * @throws Exception if the request cannot be sent
	 */
	protected JsonNode postJson(String path, String body) throws Exception {
		return ok(post(path, body));
	}

	/**
	 * Gets the JSON of a {@code 200} answer.
	 * @param path the path, such as {@code /actuator/bedrockbindings}
	 * @return the answer's JSON
	 * @throws Exception if the request cannot be sent
	 */
	protected JsonNode getJson(String path) throws Exception {
		return ok(
				this.http.send(HttpRequest.newBuilder(uri(path)).GET().build(), HttpResponse.BodyHandlers.ofString()));
	}

	private URI uri(String path) {
		return URI.create("http://127.0.0.1:" + this.port + path);
	}

	private static JsonNode ok(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return json.readTree(response.body());
	}

}
