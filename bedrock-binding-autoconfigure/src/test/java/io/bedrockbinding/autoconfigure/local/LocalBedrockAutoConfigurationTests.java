package io.bedrockbinding.autoconfigure.local;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.autoconfigure.BedrockConnectionDetails;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrock;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeResult;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link LocalBedrockAutoConfiguration}:
 * {@code bedrock.binding.local-bedrock.enabled=true} runs the app against an in-process
 * emulator; one topic per nested class.
 */
class LocalBedrockAutoConfigurationTests {

	ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(LocalBedrockAutoConfiguration.class, BedrockBindingAutoConfiguration.class))
			.withPropertyValues("bedrock.binding.region=eu-west-1", "bedrock.binding.inference-file.enabled=false");
	}

	/**
	 * What the switch turns on: the emulator, its endpoint and account, and its stop with
	 * the context.
	 */
	@Nested
	class WhenEnabled {

		@Test
		void startsAnEmulatorAndSendsEveryCallToItWithItsOwnCredentials() {
			runner()
				.withPropertyValues("bedrock.binding.local-bedrock.enabled=true",
						"bedrock.binding.account-id=444455556666")
				.run((context) -> {
					LocalBedrock localBedrock = context.getBean(LocalBedrock.class);
					assertThat(localBedrock.isRunning()).isTrue();
					assertThat(localBedrock.accountId()).isEqualTo("444455556666");
					assertThat(context.getBean(BedrockConnectionDetails.class).endpoint())
						.isEqualTo(localBedrock.endpoint());

					PipeResult result = context.getBean(BedrockPipeFactory.class)
						.pipe("amazon.nova-pro-v1:0")
						.execute("hi");

					assertThat(result.invokedTarget()).isEqualTo("eu.amazon.nova-pro-v1:0");
					assertThat(localBedrock.journal("Converse")).singleElement()
						.extracting(JournalEntry::region)
						.isEqualTo("eu-west-1");
				});
		}

		@Test
		void theEmulatorServesTheModelsOfTheApplicationsCatalog() throws IOException {
			String widget = "{\"models\":[{\"id\":\"acme.widget-v1:0\",\"provider\":\"acme\",\"onDemand\":[\"eu-west-1\"]}]}";
			ModelCatalog catalog = ModelCatalog.read(new ByteArrayInputStream(widget.getBytes(StandardCharsets.UTF_8)));
			runner().withPropertyValues("bedrock.binding.local-bedrock.enabled=true")
				.withBean(ModelCatalog.class, () -> catalog)
				.run((context) -> {
					PipeResult result = context.getBean(BedrockPipeFactory.class)
						.pipe("acme.widget-v1:0")
						.execute("hi");

					assertThat(result.text()).startsWith("[acme.widget-v1:0] You said: hi");
				});
		}

		@Test
		void theEmulatorStopsWithTheContext() {
			LocalBedrock[] started = new LocalBedrock[1];
			runner().withPropertyValues("bedrock.binding.local-bedrock.enabled=true")
				.run((context) -> started[0] = context.getBean(LocalBedrock.class));

			assertThat(started[0].isRunning()).isFalse();
		}

		@Test
		void aMalformedAccountIdFailsStartUpNamingTheProperty() {
			runner()
				.withPropertyValues("bedrock.binding.local-bedrock.enabled=true",
						"bedrock.binding.local-bedrock.account-id=12345")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.rootCause()
					.hasMessageContaining("bedrock.binding.local-bedrock.account-id must be 12 digits or 'auto'"));
		}

		@Test
		void aPortInUseFailsStartUpNamingThePropertyAndTheFix() throws IOException {
			try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
				runner()
					.withPropertyValues("bedrock.binding.local-bedrock.enabled=true",
							"bedrock.binding.local-bedrock.port=" + taken.getLocalPort())
					.run((context) -> assertThat(context).hasFailed()
						.getFailure()
						.hasStackTraceContaining(
								"bedrock.binding.local-bedrock.port=" + taken.getLocalPort() + "): set "
										+ "bedrock.binding.local-bedrock.port to a free port, or to 0 to pick one"));
			}
		}

		@Test
		void aPortOutOfRangeFailsStartUpNamingThePropertyAndTheFix() {
			runner()
				.withPropertyValues("bedrock.binding.local-bedrock.enabled=true",
						"bedrock.binding.local-bedrock.port=70000")
				.run((context) -> assertThat(context).hasFailed()
					.getFailure()
					.hasStackTraceContaining("bedrock.binding.local-bedrock.port: port must be 0 to 65535, got 70000; "
							+ "set it to a free port, or to 0 to pick one"));
		}

	}

	/** When the emulator stays off. */
	@Nested
	class Conditions {

		@Test
		void offByDefault() {
			runner().run((context) -> assertThat(context).doesNotHaveBean(LocalBedrock.class)
				.getBean(BedrockConnectionDetails.class)
				.satisfies((connection) -> assertThat(connection.endpoint()).isNull()));
		}

		@Test
		void notWhenBedrockBindingIsDisabled() {
			runner().withPropertyValues("bedrock.binding.enabled=false", "bedrock.binding.local-bedrock.enabled=true")
				.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(LocalBedrock.class));
		}

		@Test
		void theApplicationsOwnConnectionDetailsWin() {
			BedrockConnectionDetails own = () -> URI.create("http://127.0.0.1:1");
			runner().withPropertyValues("bedrock.binding.local-bedrock.enabled=true")
				.withBean("ownConnectionDetails", BedrockConnectionDetails.class, () -> own)
				.run((context) -> assertThat(context).hasNotFailed()
					.getBean(BedrockConnectionDetails.class)
					.isSameAs(own));
		}

		@Test
		void notWithoutTheEmulatorOnTheClasspath() {
			runner().withPropertyValues("bedrock.binding.local-bedrock.enabled=true")
				.withClassLoader(new FilteredClassLoader(LocalBedrock.class))
				.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean("localBedrock"));
		}

	}

}
