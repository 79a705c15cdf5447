package io.bedrockbinding.autoconfigure;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.pipe.BedrockPipeException;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.FailureReason;
import io.bedrockbinding.pipe.PipeResult;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClientBuilder;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.Ordered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The SDK clients the auto-configuration builds, checked with real calls against
 * LocalBedrock: credentials, customizers, endpoint and the on-demand fallback.
 */
class ClientConfigurationTests {

	@RegisterExtension
	static LocalBedrockExtension bedrock = new LocalBedrockExtension();

	private final AuthorizationRecorder authorization = new AuthorizationRecorder();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class))
			.withPropertyValues("bedrock.binding.region=us-east-1", "bedrock.binding.inference-file.enabled=false",
					"bedrock.binding.endpoint=" + bedrock.endpoint())
			.withBean("recordingCustomizer", BedrockRuntimeClientCustomizer.class,
					() -> (builder) -> builder
						.overrideConfiguration((override) -> override.addExecutionInterceptor(this.authorization)))
			.withBean("recordingAsyncCustomizer", BedrockRuntimeAsyncClientCustomizer.class, () -> (builder) -> builder
				.overrideConfiguration((override) -> override.addExecutionInterceptor(this.authorization)));
	}

	@Test
	void credentialsProviderBeanSignsTheCalls() {
		runner().withBean(AwsCredentialsProvider.class, () -> TestCredentials.of("AKIDFROMBEAN")).run((context) -> {
			PipeResult result = context.getBean(BedrockPipeFactory.class)
				.pipe("amazon.titan-text-express-v1")
				.execute("Hi");
			assertThat(result.invokedTarget()).isEqualTo("amazon.titan-text-express-v1");
			assertThat(this.authorization.headers).singleElement().asString().contains("Credential=AKIDFROMBEAN/");
			assertThat(bedrock.journal()).extracting(JournalEntry::api).containsExactly("Converse");
		});
	}

	@Test
	void connectionDetailsCredentialsWinOverTheBean() {
		URI endpoint = bedrock.endpoint();
		runner().withBean(AwsCredentialsProvider.class, () -> TestCredentials.of("AKIDFROMBEAN"))
			.withBean(BedrockConnectionDetails.class, () -> new BedrockConnectionDetails() {

				@Override
				public URI endpoint() {
					return endpoint;
				}

				@Override
				public @Nullable AwsCredentialsProvider credentialsProvider() {
					return TestCredentials.of("AKIDFROMCONNECTION");
				}

			})
			.run((context) -> {
				context.getBean(BedrockPipeFactory.class).pipe("amazon.titan-text-express-v1").execute("Hi");
				assertThat(this.authorization.headers).singleElement()
					.asString()
					.contains("Credential=AKIDFROMCONNECTION/");
			});
	}

	@Test
	void apiKeyIsSentAsABearerToken() {
		runner().withBean(AwsCredentialsProvider.class, TestCredentials::test)
			.withPropertyValues("bedrock.binding.api-key=test-api-key")
			.run((context) -> {
				BedrockPipeFactory factory = context.getBean(BedrockPipeFactory.class);
				factory.pipe("amazon.titan-text-express-v1").execute("Hi");
				factory.pipe("amazon.titan-text-express-v1").executeAsync("Hi").get(30, TimeUnit.SECONDS);
				assertThat(this.authorization.headers).containsExactly("Bearer test-api-key", "Bearer test-api-key");
				// Bearer calls name no region: LocalBedrock journals them under its
				// default region.
				assertThat(bedrock.journal()).extracting(JournalEntry::status).containsExactly(200, 200);
			});
	}

	@Test
	void customizersAreAppliedToEachNewClientInOrder() {
		List<String> calls = new CopyOnWriteArrayList<>();
		AtomicInteger async = new AtomicInteger();
		runner().withBean(AwsCredentialsProvider.class, TestCredentials::test)
			.withBean("second", BedrockRuntimeClientCustomizer.class, () -> new OrderedCustomizer(2, "second", calls))
			.withBean("first", BedrockRuntimeClientCustomizer.class, () -> new OrderedCustomizer(1, "first", calls))
			.withBean("countingAsyncCustomizer", BedrockRuntimeAsyncClientCustomizer.class,
					() -> (builder) -> async.incrementAndGet())
			.run((context) -> {
				assertThat(calls).as("no client is built at start-up").isEmpty();
				BedrockPipeFactory factory = context.getBean(BedrockPipeFactory.class);
				factory.pipe("amazon.titan-text-express-v1").execute("Hi");
				factory.pipe("amazon.titan-text-express-v1").execute("Again");
				assertThat(calls).as("one client for the region, customized once").containsExactly("first", "second");
				factory.pipe("amazon.titan-text-express-v1").withRegion("eu-west-1").execute("Elsewhere");
				assertThat(calls).as("a client per region").containsExactly("first", "second", "first", "second");
				assertThat(async).hasValue(0);
				factory.pipe("amazon.titan-text-express-v1").executeAsync("Async").get(30, TimeUnit.SECONDS);
				assertThat(async).hasValue(1);
			});
	}

	@Test
	void onDemandFallbackRetriesWithTheGeoProfile() {
		// us-west-2 serves Nova Pro through a profile only; with derive-profiles off
		// nothing binds it.
		runner().withBean(AwsCredentialsProvider.class, TestCredentials::test)
			.withPropertyValues("bedrock.binding.region=us-west-2", "bedrock.binding.derive-profiles=false",
					"bedrock.binding.on-demand-fallback=true")
			.run((context) -> {
				PipeResult result = context.getBean(BedrockPipeFactory.class)
					.pipe("amazon.nova-pro-v1:0")
					.execute("Hi");
				assertThat(result.fallback()).isTrue();
				assertThat(result.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
				assertThat(bedrock.journal()).extracting(JournalEntry::modelId, JournalEntry::status)
					.containsExactly(tuple("amazon.nova-pro-v1:0", 400), tuple("us.amazon.nova-pro-v1:0", 200));
			});
	}

	@Test
	void withoutOnDemandFallbackTheRefusalIsThrownWithTheFix() {
		runner().withBean(AwsCredentialsProvider.class, TestCredentials::test)
			.withPropertyValues("bedrock.binding.region=us-west-2", "bedrock.binding.derive-profiles=false")
			.run((context) -> {
				assertThatExceptionOfType(BedrockPipeException.class)
					.isThrownBy(
							() -> context.getBean(BedrockPipeFactory.class).pipe("amazon.nova-pro-v1:0").execute("Hi"))
					.satisfies((ex) -> {
						assertThat(ex.reason()).isEqualTo(FailureReason.ON_DEMAND_NOT_SUPPORTED);
						assertThat(ex.fix()).contains("amazon.nova-pro-v1:0=us.amazon.nova-pro-v1:0")
							.contains("bedrock.binding.on-demand-fallback=true");
					});
				assertThat(bedrock.journal()).extracting(JournalEntry::modelId).containsExactly("amazon.nova-pro-v1:0");
			});
	}

	@Test
	void derivedProfileIsCalledWhenDeriveProfilesIsOn() {
		runner().withBean(AwsCredentialsProvider.class, TestCredentials::test)
			.withPropertyValues("bedrock.binding.region=us-west-2")
			.run((context) -> {
				PipeResult result = context.getBean(BedrockPipeFactory.class)
					.pipe("amazon.nova-pro-v1:0")
					.execute("Hi");
				assertThat(result.fallback()).isFalse();
				assertThat(result.invokedTarget()).isEqualTo("us.amazon.nova-pro-v1:0");
				assertThat(bedrock.journal()).extracting(JournalEntry::modelId)
					.containsExactly("us.amazon.nova-pro-v1:0");
			});
	}

	/** Records the Authorization header of every request a client sends. */
	static final class AuthorizationRecorder implements ExecutionInterceptor {

		final List<String> headers = new CopyOnWriteArrayList<>();

		@Override
		public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes executionAttributes) {
			context.httpRequest().firstMatchingHeader("Authorization").ifPresent(this.headers::add);
		}

	}

	/**
	 * Records its name when it customizes a builder; {@code order} decides who goes
	 * first.
	 */
	record OrderedCustomizer(int order, String name,
			List<String> calls) implements BedrockRuntimeClientCustomizer, Ordered {

		@Override
		public void customize(BedrockRuntimeClientBuilder builder) {
			this.calls.add(this.name);
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
