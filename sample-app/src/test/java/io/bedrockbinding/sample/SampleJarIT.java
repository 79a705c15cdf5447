package io.bedrockbinding.sample;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the repackaged jar with {@code java -jar}, as a user does, on LocalBedrock (the
 * default profile), and makes a chat call. Runs in {@code verify} (Failsafe), after
 * {@code package} built the jar.
 */
class SampleJarIT {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	@TempDir
	Path folder;

	@Test
	void javaDashJarStartsTheAppAndItAnswersAChat() throws Exception {
		Path jar = Path.of(System.getProperty("sample-app.jar"));
		assertThat(jar).as("the repackaged jar (built by package)").isRegularFile();
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		Process app = new ProcessBuilder(java, "-Dsun.net.httpserver.nodelay=true", "-jar", jar.toString(),
				"--server.port=0", "--bedrock.binding.inference-file.watch=false")
			.directory(this.folder.toFile())
			.redirectErrorStream(true)
			.start();
		List<String> output = new ArrayList<>();
		try {
			int port = awaitPort(app, output);

			HttpResponse<String> chat = HttpClient.newHttpClient()
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/chat"))
					.header("Content-Type", "application/json")
					.POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"amazon.nova-pro-v1:0\",\"prompt\":\"hi\"}"))
					.timeout(Duration.ofSeconds(30))
					.build(), HttpResponse.BodyHandlers.ofString());

			assertThat(chat.statusCode()).as(chat.body()).isEqualTo(200);
			assertThat(chat.body()).contains("\"invokedTarget\":\"us.amazon.nova-pro-v1:0\"");
		}
		finally {
			app.destroy();
			assertThat(app.waitFor(30, TimeUnit.SECONDS)).as("the app stopped").isTrue();
		}
	}

	/**
	 * Drains the app's output on a thread of its own (so the app never blocks on a full
	 * pipe) and answers the port once Tomcat names it.
	 */
	private static int awaitPort(Process app, List<String> output) throws Exception {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(app.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					synchronized (output) {
						output.add(line);
					}
					Matcher matcher = PORT.matcher(line);
					if (matcher.find()) {
						port.complete(Integer.valueOf(matcher.group(1)));
					}
				}
			}
			catch (IOException ex) {
				port.completeExceptionally(ex);
			}
			synchronized (output) {
				port.completeExceptionally(new IllegalStateException("The app ended before it started: " + output));
			}
		}, "sample-app-output");
		reader.setDaemon(true);
		reader.start();
		return port.get(120, TimeUnit.SECONDS);
	}

}
