package io.bedrockbinding.it;

import java.io.IOException;
import java.lang.reflect.Field;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.BedrockRuntimeClients;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeTimeouts;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.client.config.SdkClientConfiguration;
import software.amazon.awssdk.core.client.config.SdkClientOption;
import software.amazon.awssdk.http.SdkHttpConfigurationOption;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.utils.AttributeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * The timeouts of model calls: defaults that let a long generation finish, and every
 * timeout reported as TIMEOUT with the setting that changes it.
 */
class PipeTimeoutTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension();

	private final List<AutoCloseable> closeables = new ArrayList<>();

	/**
	 * How long the emulator stays silent before it answers, against timeouts of 500 ms
	 * (so that a loaded machine cannot trip the warm-up call): three times the timeout,
	 * so that the timeout fires well before the answer. Each of these tests waits for the
	 * silence to end (the emulator journals the call only then), so it is no longer than
	 * that: 2.5 s made them 15 s of the class.
	 */
	private static final Duration SILENCE = Duration.ofMillis(1500);

	@AfterEach
	void close() throws Exception {
		for (AutoCloseable closeable : this.closeables) {
			closeable.close();
		}
	}

	@Test
	void theDefaultsLetAnAnswerOfAnHourThrough() {
		// AWS recommends a read timeout of at least 3,600 s for large models
		// (REFERENCE.md): a 45 s answer must succeed with room to spare.
		PipeTimeouts defaults = PipeTimeouts.defaults();
		assertThat(defaults.read()).isGreaterThanOrEqualTo(Duration.ofSeconds(3600));
		assertThat(defaults.apiCall()).isGreaterThanOrEqualTo(defaults.read());
		assertThat(defaults.connect()).isLessThanOrEqualTo(Duration.ofSeconds(10));
		assertThat(defaults.streamFirstEvent()).isGreaterThan(Duration.ofSeconds(45));
		assertThat(defaults.streamIdle()).isGreaterThan(Duration.ofSeconds(45));
		BedrockRuntimeClients clients = Fixture.defaultClients(bedrock.get(), 1).build();
		this.closeables.add(clients);
		assertThat(clients.timeouts()).isEqualTo(defaults);

		// What the SDK clients were built with, read back from their configuration.
		BedrockRuntimeClient sync = clients.sync("us-east-1");
		BedrockRuntimeAsyncClient async = clients.async("us-east-1");
		assertThat(sync.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
			.contains(defaults.apiCall());
		assertThat(async.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
			.contains(defaults.apiCall());
		AttributeMap syncHttp = httpOptions(sync, SdkClientOption.SYNC_HTTP_CLIENT);
		assertThat(syncHttp.get(SdkHttpConfigurationOption.READ_TIMEOUT)).isEqualTo(defaults.read());
		assertThat(syncHttp.get(SdkHttpConfigurationOption.CONNECTION_TIMEOUT)).isEqualTo(defaults.connect());
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aReadTimeoutNamesItsProperty(CallPath path) {
		BedrockPipe pipe = pipe(PipeTimeouts.defaults().withRead(Duration.ofMillis(500)));
		path.call(pipe, "warm up");
		bedrock.faults().latency(SILENCE);

		// Without the timeout this call would succeed after 1.5 s: failing with TIMEOUT
		// is the proof.
		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class, () -> path.call(pipe, "hi"));

		assertThat(failure).isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
		assertThat(failure.getMessage()).contains("PT0.5S");
		assertThat(failure.fix()).contains("PipeTimeouts.read (BedrockRuntimeClients.Builder.timeouts)");
		await().atMost(Duration.ofSeconds(10)).until(() -> bedrock.get().journal(path.api()).size() == 2);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void anApiCallTimeoutNamesItsProperty(CallPath path) {
		BedrockPipe pipe = pipe(PipeTimeouts.defaults().withApiCall(Duration.ofMillis(500)));
		path.call(pipe, "warm up");
		bedrock.faults().latency(SILENCE);

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class, () -> path.call(pipe, "hi"));

		assertThat(failure).isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
		assertThat(failure.getMessage()).contains("PT0.5S");
		assertThat(failure.fix()).contains("PipeTimeouts.apiCall", "withTimeout");
		await().atMost(Duration.ofSeconds(10)).until(() -> bedrock.get().journal(path.api()).size() == 2);
	}

	@ParameterizedTest
	@EnumSource(CallPath.class)
	void aConnectTimeoutNamesItsProperty(CallPath path) throws IOException {
		URI endpoint = unansweredEndpoint();
		// A short read timeout only so that a connect that did complete fails soon, as a
		// read timeout, instead of waiting an hour.
		PipeTimeouts timeouts = PipeTimeouts.defaults()
			.withConnect(Duration.ofMillis(300))
			.withRead(Duration.ofSeconds(5));
		BedrockPipeFactory factory = BedrockPipeFactory
			.builder(Fixture.registry("us-east-1"),
					Fixture.defaultClients(bedrock.get(), 1).endpoint(endpoint).timeouts(timeouts).build())
			.build();
		this.closeables.add(factory);

		BedrockPipeException failure = catchThrowableOfType(BedrockPipeException.class,
				() -> path.call(factory.pipe(Fixture.LLAMA), "hi"));

		assertThat(failure).isNotNull();
		assertThat(failure.reason()).isEqualTo(FailureReason.TIMEOUT);
		assertThat(failure.getMessage()).contains("Connecting to Bedrock in us-east-1 timed out after PT0.3S");
		assertThat(failure.fix()).contains("PipeTimeouts.connect");
		assertThat(bedrock.journal()).isEmpty();
	}

	@Test
	void invalidTimeoutsAreRefusedByName() {
		assertThat(catchThrowableOfType(IllegalArgumentException.class,
				() -> PipeTimeouts.defaults().withRead(Duration.ZERO)))
			.hasMessageContaining("read");
	}

	private BedrockPipe pipe(PipeTimeouts timeouts) {
		// Core's own HTTP clients, so that the timeouts reach them.
		BedrockPipeFactory factory = BedrockPipeFactory
			.builder(Fixture.registry("us-east-1"), Fixture.defaultClients(bedrock.get(), 1).timeouts(timeouts).build())
			.build();
		this.closeables.add(factory);
		return factory.pipe(Fixture.LLAMA);
	}

	/**
	 * A loopback endpoint whose connects never complete: a server that accepts nothing,
	 * with its accept queue filled by raw connections, so the kernel drops further SYNs
	 * (Linux does; elsewhere the test is skipped) and a connect waits until it times out.
	 * @return the endpoint
	 * @throws IOException if the server cannot be opened
	 */
	private URI unansweredEndpoint() throws IOException {
		InetAddress loopback = InetAddress.getLoopbackAddress();
		ServerSocket server = new ServerSocket(0, 1, loopback);
		this.closeables.add(server);
		boolean full = false;
		for (int i = 0; i < 16 && !full; i++) {
			Socket socket = new Socket();
			this.closeables.add(socket);
			try {
				socket.connect(new InetSocketAddress(loopback, server.getLocalPort()), 300);
			}
			catch (SocketTimeoutException ex) {
				full = true;
			}
		}
		assumeThat(full).as("a full accept queue makes connects time out (Linux)").isTrue();
		return URI.create("http://127.0.0.1:" + server.getLocalPort());
	}

	/** The options the SDK built a client's HTTP client with. */
	private static AttributeMap httpOptions(Object sdkClient, SdkClientOption<?> option) {
		try {
			Field field = sdkClient.getClass().getDeclaredField("clientConfiguration");
			field.setAccessible(true);
			Object http = ((SdkClientConfiguration) field.get(sdkClient)).option(option);
			return (AttributeMap) find(http, AttributeMap.class);
		}
		catch (ReflectiveOperationException ex) {
			throw new AssertionError("Cannot read the SDK client's configuration", ex);
		}
	}

	/** The first field of {@code type} in {@code object} or in the object it wraps. */
	private static Object find(Object object, Class<?> type) throws IllegalAccessException {
		for (Class<?> current = object.getClass(); current != Object.class; current = current.getSuperclass()) {
			for (Field field : current.getDeclaredFields()) {
				field.setAccessible(true);
				Object value = field.get(object);
				if (type.isInstance(value)) {
					return value;
				}
			}
		}
		for (Field field : object.getClass().getDeclaredFields()) {
			Object value = field.get(object);
			if (value != null && value.getClass().getName().startsWith("software.amazon.awssdk.http")) {
				return find(value, type);
			}
		}
		throw new AssertionError("No " + type.getSimpleName() + " in " + object);
	}

}
