package io.bedrockbinding.actuate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.IntSupplier;

import com.jayway.jsonpath.DocumentContext;
import com.jayway.jsonpath.JsonPath;
import org.jspecify.annotations.Nullable;

/**
 * Plain HTTP against the test application: the path goes on the wire exactly as given (no
 * template expansion, no encoding), which is what the selector tests need.
 */
public final class ActuatorClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final IntSupplier port;

	private final @Nullable String authorization;

	/**
	 * A client of the server on {@code port}.
	 * @param port the server's port
	 */
	public ActuatorClient(int port) {
		this(() -> port, null);
	}

	/**
	 * A client of the server on the port {@code port} supplies when a request is sent: a
	 * bean made before the server starts knows its port only then.
	 * @param port supplies the server's port
	 */
	public ActuatorClient(IntSupplier port) {
		this(port, null);
	}

	private ActuatorClient(IntSupplier port, @Nullable String authorization) {
		this.port = port;
		this.authorization = authorization;
	}

	/**
	 * The same client, signing in with HTTP basic.
	 * @param user the user name
	 * @param password the user's password
	 * @return a client that sends the credentials with every request
	 */
	public ActuatorClient as(String user, String password) {
		String token = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
		return new ActuatorClient(this.port, "Basic " + token);
	}

	public HttpResponse<String> get(String path) {
		return send(request(path).GET());
	}

	public HttpResponse<String> post(String path, String json) {
		return send(request(path).header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(json)));
	}

	public HttpResponse<String> delete(String path) {
		return send(request(path).DELETE());
	}

	/** GETs {@code path}, requires a 200 and parses the body. */
	public DocumentContext json(String path) {
		HttpResponse<String> response = get(path);
		if (response.statusCode() != 200) {
			throw new AssertionError("GET " + path + " answered " + response.statusCode() + ": " + response.body());
		}
		return JsonPath.parse(response.body());
	}

	private HttpRequest.Builder request(String path) {
		HttpRequest.Builder builder = HttpRequest
			.newBuilder(URI.create("http://localhost:" + this.port.getAsInt() + path));
		if (this.authorization != null) {
			builder.header("Authorization", this.authorization);
		}
		return builder;
	}

	private HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
