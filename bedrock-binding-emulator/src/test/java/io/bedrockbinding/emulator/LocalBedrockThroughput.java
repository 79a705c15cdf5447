package io.bedrockbinding.emulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;

/**
 * Measures how many Converse calls per second {@link LocalBedrock} answers, with a
 * same-run baseline: a bare JDK HTTP server that answers every request with one fixed
 * Converse reply. Client threads share one sync SDK client (Apache 5, keep-alive) per
 * server, in the same JVM, so both figures include the SDK's own cost on the same cores;
 * the ratio shows what the emulator adds. Rounds alternate between the two servers. Not a
 * unit test; run it from the project root with <pre>
 * ./mvnw -B -q -pl bedrock-binding-emulator test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * cd bedrock-binding-emulator
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) io.bedrockbinding.emulator.LocalBedrockThroughput \
 *     [threads=8] [warm-up calls=40000] [measured calls=20000] [rounds=3]
 * </pre>
 */
public final class LocalBedrockThroughput {

	private static final String FIXED_REPLY = "{\"output\":{\"message\":{\"role\":\"assistant\",\"content\":[{\"text\":"
			+ "\"[anthropic.claude-3-haiku-20240307-v1:0] You said: How fast can you answer?\"}]}},"
			+ "\"stopReason\":\"end_turn\",\"usage\":{\"inputTokens\":6,\"outputTokens\":19,\"totalTokens\":25},"
			+ "\"metrics\":{\"latencyMs\":0}}";

	private LocalBedrockThroughput() {
	}

	public static void main(String[] args) throws Exception {
		int threads = (args.length > 0) ? Integer.parseInt(args[0]) : 8;
		int warmUp = (args.length > 1) ? Integer.parseInt(args[1]) : 40_000;
		int measured = (args.length > 2) ? Integer.parseInt(args[2]) : 20_000;
		int rounds = (args.length > 3) ? Integer.parseInt(args[3]) : 3;
		// LocalBedrock sets sun.net.httpserver.nodelay when it loads; the stub must not
		// start the JDK server first.
		LocalBedrock bedrock = LocalBedrock.builder().journalLimit(1000).build().start();
		HttpServer stub = stub();
		try (bedrock;
				BedrockRuntimeClient emulated = LocalBedrockClients.of(bedrock).runtime("us-east-1");
				BedrockRuntimeClient baseline = LocalBedrockClients.of(bedrock)
					.runtimeBuilder("us-east-1")
					.endpointOverride(URI.create("http://127.0.0.1:" + stub.getAddress().getPort()))
					.region(Region.US_EAST_1)
					.build()) {
			ConverseRequest request = ConverseTests.request("anthropic.claude-3-haiku-20240307-v1:0",
					"How fast can you answer?");
			ExecutorService pool = Executors.newFixedThreadPool(threads);
			try {
				report("warm-up LocalBedrock", warmUp, threads, run(pool, threads, warmUp, emulated, request));
				report("warm-up stub", warmUp, threads, run(pool, threads, warmUp, baseline, request));
				double emulatedTotal = 0;
				double baselineTotal = 0;
				for (int round = 1; round <= rounds; round++) {
					double emulatedSeconds = run(pool, threads, measured, emulated, request);
					double baselineSeconds = run(pool, threads, measured, baseline, request);
					report("round " + round + " LocalBedrock", measured, threads, emulatedSeconds);
					report("round " + round + " stub        ", measured, threads, baselineSeconds);
					emulatedTotal += emulatedSeconds;
					baselineTotal += baselineSeconds;
				}
				System.out.printf(
						"LocalBedrock %,.0f calls/s, bare stub %,.0f calls/s: the emulator takes %.2fx the stub's time%n",
						rounds * measured / emulatedTotal, rounds * measured / baselineTotal,
						emulatedTotal / baselineTotal);
			}
			finally {
				pool.shutdownNow();
			}
		}
		finally {
			stub.stop(0);
		}
	}

	/**
	 * The baseline: the same JDK server and executor kind, no parsing, one fixed reply.
	 */
	private static HttpServer stub() throws IOException {
		byte[] reply = FIXED_REPLY.getBytes(StandardCharsets.UTF_8);
		HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
		server.createContext("/", (exchange) -> {
			try (exchange; InputStream in = exchange.getRequestBody()) {
				in.readAllBytes();
				exchange.getResponseHeaders().set("Content-Type", "application/json");
				exchange.sendResponseHeaders(200, reply.length);
				try (OutputStream out = exchange.getResponseBody()) {
					out.write(reply);
				}
			}
		});
		server.setExecutor(Executors.newCachedThreadPool((task) -> {
			Thread thread = new Thread(task, "stub");
			thread.setDaemon(true);
			return thread;
		}));
		server.start();
		return server;
	}

	private static void report(String what, int calls, int threads, double seconds) {
		System.out.printf("%s: %,d calls from %d threads in %.2f s = %,.0f calls/s%n", what, calls, threads, seconds,
				calls / seconds);
	}

	private static double run(ExecutorService pool, int threads, int calls, BedrockRuntimeClient client,
			ConverseRequest request) throws Exception {
		AtomicInteger remaining = new AtomicInteger(calls);
		List<Future<?>> workers = new ArrayList<>();
		long start = System.nanoTime();
		for (int i = 0; i < threads; i++) {
			workers.add(pool.submit(() -> {
				while (remaining.getAndDecrement() > 0) {
					client.converse(request);
				}
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		return (System.nanoTime() - start) / 1e9;
	}

}
