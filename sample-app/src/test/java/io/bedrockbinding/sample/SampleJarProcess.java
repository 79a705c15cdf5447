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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The repackaged sample jar run with {@code java [options] -jar}, as a user runs it, on a
 * free port, its output drained on a thread of its own (so the app never blocks on a full
 * pipe). The jar is the one {@code package} built (Failsafe passes its path).
 */
final class SampleJarProcess implements AutoCloseable {

	private static final Pattern PORT = Pattern.compile("Tomcat started on port (\\d+)");

	private final Process app;

	private final List<String> output = new ArrayList<>();

	private final int port;

	private SampleJarProcess(Path folder, List<String> javaOptions) throws Exception {
		Path jar = Path.of(System.getProperty("sample-app.jar"));
		assertThat(jar).as("the repackaged jar (built by package)").isRegularFile();
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.add("-Dsun.net.httpserver.nodelay=true");
		command.addAll(javaOptions);
		command
			.addAll(List.of("-jar", jar.toString(), "--server.port=0", "--bedrock.binding.inference-file.watch=false"));
		this.app = new ProcessBuilder(command).directory(folder.toFile()).redirectErrorStream(true).start();
		try {
			this.port = awaitPort();
		}
		catch (Exception ex) {
			close();
			throw ex;
		}
	}

	/**
	 * Starts the jar and waits until Tomcat names its port.
	 * @param folder the working directory
	 * @param javaOptions options for the JVM, before {@code -jar}
	 * @return the running app
	 */
	static SampleJarProcess start(Path folder, String... javaOptions) throws Exception {
		return new SampleJarProcess(folder, List.of(javaOptions));
	}

	/**
	 * What the app wrote so far, stdout and stderr.
	 * @return the lines
	 */
	List<String> output() {
		synchronized (this.output) {
			return List.copyOf(this.output);
		}
	}

	HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
		return HttpClient.newHttpClient()
			.send(request(path).header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(json))
				.build(), HttpResponse.BodyHandlers.ofString());
	}

	HttpResponse<String> get(String path) throws IOException, InterruptedException {
		return HttpClient.newHttpClient().send(request(path).build(), HttpResponse.BodyHandlers.ofString());
	}

	private HttpRequest.Builder request(String path) {
		return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30));
	}

	@Override
	public void close() throws InterruptedException {
		this.app.destroy();
		assertThat(this.app.waitFor(30, TimeUnit.SECONDS)).as("the app stopped").isTrue();
	}

	private int awaitPort() throws Exception {
		CompletableFuture<Integer> port = new CompletableFuture<>();
		Thread reader = new Thread(() -> {
			try (BufferedReader lines = new BufferedReader(
					new InputStreamReader(this.app.getInputStream(), StandardCharsets.UTF_8))) {
				String line;
				while ((line = lines.readLine()) != null) {
					synchronized (this.output) {
						this.output.add(line);
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
			port.completeExceptionally(new IllegalStateException("The app ended before it started: " + output()));
		}, "sample-app-output");
		reader.setDaemon(true);
		reader.start();
		return port.get(120, TimeUnit.SECONDS);
	}

}
