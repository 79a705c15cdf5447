package io.bedrockbinding.it.fleet;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.registry.Binding;
import io.bedrockbinding.registry.BindingRegistry;
import io.bedrockbinding.registry.OriginKind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cloud.config.server.EnableConfigServer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fleet on a real Spring Cloud Config Server (native backend in a temporary folder):
 * two client applications bind models from the server's YAML and .properties files; the
 * YAML is edited, each client's {@code /actuator/refresh} is called, and both call the
 * new target, while 8 threads calling pipes through the refresh see no error and every
 * call goes to the old or the new target.
 */
class ConfigServerRefreshTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final String NOVA_LITE = "amazon.nova-lite-v1:0";

	private static final String LLAMA = "meta.llama3-8b-instruct-v1:0";

	private static final String OLD_TARGET = "us.amazon.nova-pro-v1:0";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@TempDir
	Path repository;

	private final List<ConfigurableApplicationContext> contexts = new ArrayList<>();

	private final LocalBedrock bedrock = LocalBedrock.builder().build().start();

	@AfterEach
	void stop() {
		for (int i = this.contexts.size() - 1; i >= 0; i--) {
			this.contexts.get(i).close();
		}
		this.bedrock.close();
	}

	@Test
	void editedYamlReachesEveryClientOnRefreshWithoutAFailedOrMixedCall() throws Exception {
		String newTarget = this.bedrock.createApplicationProfile("fleet-nova-pro", NOVA_PRO, "us-east-1");
		String newTemplate = newTarget.replace(this.bedrock.accountId(), "{account}");
		writeYaml(OLD_TARGET);
		// A .properties line whose key holds a ':' (the parser splits there): the model
		// meant
		// still binds.
		Files.writeString(this.repository.resolve("application.properties"),
				"bedrock.binding.models[" + LLAMA + "]=\n");
		int serverPort = port(start(ConfigServerApplication.class, "spring.profiles.active=native",
				"spring.cloud.config.server.native.search-locations=file:" + this.repository + "/",
				"spring.cloud.config.enabled=false", "bedrock.binding.enabled=false"));
		ConfigurableApplicationContext first = startClient(serverPort);
		ConfigurableApplicationContext second = startClient(serverPort);

		for (ConfigurableApplicationContext client : List.of(first, second)) {
			BindingRegistry registry = client.getBean(BindingRegistry.class);
			Binding pro = registry.resolve(NOVA_PRO);
			assertThat(pro.target().value()).isEqualTo(OLD_TARGET);
			assertThat(pro.origin().kind()).isEqualTo(OriginKind.PROPERTIES);
			assertThat(pro.origin().source()).startsWith("configserver:").endsWith("application.yml");
			assertThat(registry.targetFor(NOVA_LITE).value()).as("unbracketed YAML key")
				.isEqualTo("us.amazon.nova-lite-v1:0");
			assertThat(registry.resolve(LLAMA).origin().source()).as(".properties key with a ':'")
				.startsWith("configserver:")
				.endsWith("application.properties");
		}

		List<BedrockPipe> pipes = List.of(pipe(first), pipe(second));
		AtomicBoolean refreshed = new AtomicBoolean();
		CountDownLatch calling = new CountDownLatch(8);
		ExecutorService callers = Executors.newFixedThreadPool(8);
		List<Future<List<String>>> calls = new ArrayList<>();
		try {
			for (int i = 0; i < 8; i++) {
				BedrockPipe pipe = pipes.get(i % 2);
				calls.add(callers.submit(() -> {
					List<String> targets = new ArrayList<>();
					// Bounded: calls go on through the refresh, then 5 more each.
					int after = 0;
					while (after < 5 && targets.size() < 5_000) {
						boolean done = refreshed.get();
						targets.add(pipe.execute("hello").invokedTarget());
						calling.countDown();
						after += done ? 1 : 0;
					}
					return targets;
				}));
			}
			assertThat(calling.await(30, TimeUnit.SECONDS)).isTrue();
			writeYaml(newTemplate);
			for (ConfigurableApplicationContext client : List.of(first, second)) {
				HttpResponse<String> response = post(client, "/actuator/refresh");
				assertThat(response.statusCode()).isEqualTo(200);
				assertThat(response.body()).contains("bedrock.binding.models[" + NOVA_PRO + "]");
			}
			refreshed.set(true);
			List<String> targets = new ArrayList<>();
			for (Future<List<String>> call : calls) {
				targets.addAll(call.get(60, TimeUnit.SECONDS));
			}
			assertThat(targets).allMatch((target) -> target.equals(OLD_TARGET) || target.equals(newTarget))
				.contains(OLD_TARGET, newTarget);
			assertThat(targets.subList(targets.size() - 5, targets.size())).containsOnly(newTarget);
		}
		finally {
			callers.shutdownNow();
		}

		List<JournalEntry> converse = this.bedrock.journal("Converse");
		assertThat(converse).isNotEmpty().allSatisfy((entry) -> {
			assertThat(entry.status()).isEqualTo(200);
			assertThat(entry.modelId()).isIn(OLD_TARGET, newTarget);
		});
		assertThat(converse).extracting(JournalEntry::modelId).contains(newTarget);
		for (ConfigurableApplicationContext client : List.of(first, second)) {
			assertThat(client.getBean(BindingRegistry.class).targetFor(NOVA_PRO).value()).isEqualTo(newTemplate);
			assertThat(pipe(client).execute("after").invokedTarget()).isEqualTo(newTarget);
			HttpResponse<String> shown = get(client, "/actuator/bedrockbindings/" + NOVA_PRO);
			assertThat(shown.body()).contains("application-inference-profile").contains("configserver:");
		}
	}

	private void writeYaml(String novaProTarget) throws IOException {
		Files.writeString(this.repository.resolve("application.yml"), """
				bedrock:
				  binding:
				    region: us-east-1
				    account-id: "%s"
				    models:
				      "[amazon.nova-pro-v1:0]": "%s"
				      amazon.nova-lite-v1:0: us.amazon.nova-lite-v1:0
				""".formatted(this.bedrock.accountId(), novaProTarget));
	}

	private ConfigurableApplicationContext startClient(int serverPort) {
		return start(FleetApplication.class, "spring.application.name=orders",
				"spring.config.import=configserver:http://127.0.0.1:" + serverPort, "spring.cloud.config.enabled=true",
				"spring.cloud.config.fail-fast=true",
				"management.endpoints.web.exposure.include=refresh,bedrockbindings",
				"management.endpoint.bedrockbindings.show-values=always",
				"bedrock.binding.endpoint=" + this.bedrock.endpoint(), "bedrock.binding.inference-file.enabled=false");
	}

	private ConfigurableApplicationContext start(Class<?> application, String... properties) {
		List<String> all = new ArrayList<>(List.of(properties));
		// Nothing from the class path's config files, loopback only, a random port.
		all.addAll(List.of("spring.config.name=fleet-test-none", "server.port=0", "server.address=127.0.0.1",
				"spring.main.banner-mode=off"));
		// Arguments, not default properties: the Config Server's jar switches the config
		// client off in every application of the class path unless told otherwise.
		ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
			.run(all.stream().map((property) -> "--" + property).toArray(String[]::new));
		this.contexts.add(context);
		return context;
	}

	private static BedrockPipe pipe(ConfigurableApplicationContext client) {
		return client.getBean(BedrockPipeFactory.class).pipe(NOVA_PRO).withMaxTokens(20);
	}

	private static int port(ConfigurableApplicationContext context) {
		return Integer.parseInt(context.getEnvironment().getRequiredProperty("local.server.port"));
	}

	private static HttpResponse<String> post(ConfigurableApplicationContext client, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(uri(client, path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.noBody())
			.timeout(Duration.ofSeconds(30))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private static HttpResponse<String> get(ConfigurableApplicationContext client, String path) throws Exception {
		return HTTP.send(HttpRequest.newBuilder(uri(client, path)).timeout(Duration.ofSeconds(30)).build(),
				HttpResponse.BodyHandlers.ofString());
	}

	private static URI uri(ConfigurableApplicationContext client, String path) {
		return URI.create("http://127.0.0.1:" + port(client) + path);
	}

	/** The Config Server. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	@EnableConfigServer
	static class ConfigServerApplication {

	}

	/** One instance of the fleet: the starter's auto-configuration, nothing else. */
	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class FleetApplication {

		@Bean
		AwsCredentialsProvider fleetCredentials() {
			return StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDFLEETTEST", "fleet-test-secret"));
		}

	}

}
