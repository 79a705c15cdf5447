package io.bedrockbinding.emulator;

import java.io.IOException;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** Lifecycle, configuration and the raw wire format of {@link LocalBedrock}. */
class LocalBedrockTests {

	@RegisterExtension
	static final LocalBedrockExtension bedrock = new LocalBedrockExtension(
			LocalBedrock.builder().catalog(TestCatalog.create()).defaultRegion("eu-west-1"));

	private static HttpClient http;

	@BeforeAll
	static void createHttpClient() {
		http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
	}

	@AfterAll
	static void forgetHttpClient() {
		http = null;
	}

	@Test
	void startsOnLoopbackOnAFreePortAndStops() {
		LocalBedrock local = LocalBedrock.builder().catalog(TestCatalog.create()).build();
		assertThatIllegalStateException().isThrownBy(local::port);
		assertThat(local.start()).isSameAs(local);
		int port = local.port();

		assertThat(port).isPositive();
		assertThat(local.endpoint()).isEqualTo(URI.create("http://127.0.0.1:" + port));
		assertThat(local.isRunning()).isTrue();
		assertThat(local.toString()).contains(local.endpoint().toString());
		assertThatIllegalStateException().isThrownBy(local::start);

		local.stop();
		local.close();

		assertThat(local.isRunning()).isFalse();
		assertThatIllegalStateException().isThrownBy(local::start).withMessageContaining("closed");
		assertThatExceptionOfType(ConnectException.class)
			.isThrownBy(() -> http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
					HttpResponse.BodyHandlers.discarding()));
	}

	@Test
	void bindsAFixedPort() throws IOException {
		int free;
		try (ServerSocket socket = new ServerSocket(0)) {
			free = socket.getLocalPort();
		}
		try (LocalBedrock local = LocalBedrock.builder().catalog(TestCatalog.create()).port(free).build().start()) {
			assertThat(local.port()).isEqualTo(free);
		}
	}

	@Test
	void builderRejectsBadSettings() {
		LocalBedrockBuilder builder = LocalBedrock.builder();
		assertThatIllegalArgumentException().isThrownBy(() -> builder.accountId("12345"))
			.withMessageContaining("12 digits");
		assertThatIllegalArgumentException().isThrownBy(() -> builder.defaultRegion("US East"));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.port(70000));
		assertThatIllegalArgumentException().isThrownBy(() -> builder.journalLimit(0));
	}

	@Test
	void errorsCarryTheErrorTypeHeaderAndAJsonMessage() throws Exception {
		HttpResponse<String> response = post("/model/" + "acme.unknown-v1%3A0" + "/converse",
				"{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.headers().firstValue("x-amzn-ErrorType"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("ValidationException:"));
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
		assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
		assertThat(response.body()).isEqualTo("{\"message\":\"The provided model identifier is invalid.\"}");
	}

	@Test
	void unsignedCallsGetTheDefaultRegionAndTheRawPathIsDecoded() throws Exception {
		HttpResponse<String> response = post("/model/" + "eu.amazon.nova-pro-v1%3A0" + "/converse",
				"{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}]}");

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(bedrock.journal()).singleElement().satisfies((entry) -> {
			assertThat(entry.region()).isEqualTo("eu-west-1");
			assertThat(entry.modelId()).isEqualTo("eu." + TestCatalog.NOVA_PRO);
		});
	}

	@Test
	void unknownOperationsAreNotFound() throws Exception {
		HttpResponse<String> response = post("/model/" + TestCatalog.LLAMA + "/invoke-async", "{}");
		HttpResponse<String> other = http.send(HttpRequest.newBuilder(bedrock.endpoint().resolve("/nothing")).build(),
				HttpResponse.BodyHandlers.ofString());

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("/invoke-async");
		assertThat(other.statusCode()).isEqualTo(404);
		assertThat(other.headers().firstValue("x-amzn-ErrorType"))
			.hasValueSatisfying((type) -> assertThat(type).startsWith("UnknownOperationException"));
		assertThat(bedrock.journal()).extracting(JournalEntry::api).containsExactly(Router.UNKNOWN, Router.UNKNOWN);
	}

	@Test
	void maxTokensThatIsNoIntegerIsAValidationErrorNotAServerError() throws Exception {
		for (String maxTokens : new String[] { "1.5", "99999999999" }) {
			HttpResponse<String> response = post("/model/" + TestCatalog.HAIKU + "/converse",
					"{\"messages\":[{\"role\":\"user\",\"content\":[{\"text\":\"hi\"}]}],"
							+ "\"inferenceConfig\":{\"maxTokens\":" + maxTokens + "}}");

			assertThat(response.statusCode()).isEqualTo(400);
			assertThat(response.headers().firstValue("x-amzn-ErrorType"))
				.hasValueSatisfying((type) -> assertThat(type).startsWith("ValidationException:"));
			assertThat(response.body()).contains("maxTokens must be a 32-bit integer, got " + maxTokens);
		}
	}

	@Test
	void journalKeepsTheLatestEntriesUpToItsLimit() {
		try (LocalBedrock local = LocalBedrock.builder().catalog(TestCatalog.create()).journalLimit(3).build().start();
				BedrockRuntimeClient client = LocalBedrockClients.of(local)
					.runtimeBuilder("us-east-1")
					.overrideConfiguration(TestRetries.none())
					.build()) {
			for (int i = 0; i < 5; i++) {
				client.converse(ConverseTests.request(TestCatalog.HAIKU, "call " + i));
			}

			assertThat(local.journal()).hasSize(3)
				.extracting(JournalEntry::body)
				.allSatisfy((body) -> assertThat(body).doesNotContain("call 0", "call 1"));
			assertThat(local.journal("Converse")).hasSize(3);
			assertThat(local.journal("InvokeModel")).isEmpty();
		}
	}

	@Test
	void applicationProfilesAreValidated() {
		LocalBedrock local = bedrock.get();
		String arn = local.createApplicationProfile("dup", TestCatalog.HAIKU);

		assertThat(arn).startsWith("arn:aws:bedrock:eu-west-1:111122223333:application-inference-profile/");
		assertThatIllegalArgumentException().isThrownBy(() -> local.createApplicationProfile("dup", TestCatalog.HAIKU))
			.withMessageContaining("already exists");
		assertThatIllegalArgumentException().isThrownBy(() -> local.createApplicationProfile("x", "acme.none-v1:0"));
		assertThatIllegalArgumentException()
			.isThrownBy(() -> local.createApplicationProfile("y", "eu." + TestCatalog.NOVA_PRO, "us-east-1"))
			.withMessageContaining("does not serve");
		assertThat(local.createApplicationProfile("dup", TestCatalog.HAIKU, "us-east-1")).contains(":us-east-1:");
	}

	@Test
	void applicationProfileIdsRepeatAfterReset() {
		String first = bedrock.createApplicationProfile("same", TestCatalog.HAIKU, "us-east-1");
		bedrock.get().reset();

		assertThat(bedrock.createApplicationProfile("same", TestCatalog.HAIKU, "us-east-1")).isEqualTo(first);
	}

	@Test
	void accountsFromAnotherPartitionGetTheirPartition() {
		assertThat(Arns.foundationModel("cn-north-1", TestCatalog.HAIKU)).startsWith("arn:aws-cn:bedrock:cn-north-1::");
		assertThat(Arns.foundationModel("us-gov-west-1", TestCatalog.HAIKU)).startsWith("arn:aws-us-gov:");
		assertThat(Arns.foundationModel("us-east-1", TestCatalog.HAIKU)).startsWith("arn:aws:");
	}

	private static HttpResponse<String> post(String rawPath, String body) throws Exception {
		return http.send(HttpRequest.newBuilder(URI.create(bedrock.endpoint() + rawPath))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
