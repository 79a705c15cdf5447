package io.bedrockbinding.autoconfigure.client;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.bedrockbinding.autoconfigure.BedrockBindingAutoConfiguration;
import io.bedrockbinding.autoconfigure.BedrockRuntimeClientCustomizer;
import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.emulator.JournalEntry;
import io.bedrockbinding.emulator.LocalBedrockClients;
import io.bedrockbinding.emulator.LocalBedrockExtension;
import io.bedrockbinding.interceptor.BindingInterceptor;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@link BedrockRuntimeClient} and {@link BedrockRuntimeAsyncClient} beans, checked
 * with real calls against LocalBedrock: they carry the binding interceptor (unless it is
 * switched off), the pipe's settings and customizers, and yield to the application's own
 * beans.
 */
class BedrockRuntimeClientsAutoConfigurationTests {

	private static final String NOVA_PRO = "amazon.nova-pro-v1:0";

	private static final ConverseRequest HI = ConverseRequest.builder()
		.modelId(NOVA_PRO)
		.messages(Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText("hi")).build())
		.build();

	@RegisterExtension
	static LocalBedrockExtension bedrock = new LocalBedrockExtension();

	private ApplicationContextRunner runner() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(BedrockBindingAutoConfiguration.class,
					BedrockRuntimeClientsAutoConfiguration.class))
			.withPropertyValues("bedrock.binding.region=us-east-2", "bedrock.binding.inference-file.enabled=false",
					"bedrock.binding.endpoint=" + bedrock.endpoint())
			.withBean(AwsCredentialsProvider.class, LocalBedrockClients::credentials);
	}

	@Test
	void clientBeansSendTheBoundTarget() {
		runner().run((context) -> {
			assertThat(context).hasSingleBean(BindingInterceptor.class);
			context.getBean(BedrockRuntimeClient.class).converse(HI);
			context.getBean(BedrockRuntimeAsyncClient.class).converse(HI).join();

			assertThat(bedrock.get().journal("Converse")).extracting(JournalEntry::modelId, JournalEntry::region)
				.containsOnly(org.assertj.core.groups.Tuple.tuple("us.amazon.nova-pro-v1:0", "us-east-2"))
				.hasSize(2);
		});
	}

	@Test
	void clientBeansCarryTheConfiguredTimeoutsAndStillReachTheBoundTarget() {
		runner().withPropertyValues("bedrock.binding.timeouts.api-call=42s").run((context) -> {
			BedrockRuntimeClient sync = context.getBean(BedrockRuntimeClient.class);
			BedrockRuntimeAsyncClient async = context.getBean(BedrockRuntimeAsyncClient.class);
			assertThat(sync.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
				.contains(Duration.ofSeconds(42));
			assertThat(async.serviceClientConfiguration().overrideConfiguration().apiCallTimeout())
				.contains(Duration.ofSeconds(42));
			sync.converse(HI);
			async.converse(HI).join();

			assertThat(bedrock.get().journal("Converse")).extracting(JournalEntry::modelId)
				.containsExactly("us.amazon.nova-pro-v1:0", "us.amazon.nova-pro-v1:0");
		});
	}

	@Test
	void theInterceptorIsMadeWithTheFirstClientNotAtStartUp() {
		runner().run((context) -> {
			assertThat(context.getBeanFactory().containsSingleton("bedrockBindingInterceptor")).isFalse();
			context.getBean(BedrockRuntimeClient.class).converse(HI);
			assertThat(context.getBeanFactory().containsSingleton("bedrockBindingInterceptor")).isTrue();
			assertThat(bedrock.get().journal("Converse")).extracting(JournalEntry::modelId)
				.containsExactly("us.amazon.nova-pro-v1:0");
		});
	}

	@Test
	void interceptorCanBeSwitchedOff() {
		runner().withPropertyValues("bedrock.binding.interceptor.enabled=false").run((context) -> {
			assertThat(context).doesNotHaveBean(BindingInterceptor.class).hasSingleBean(BedrockRuntimeClient.class);
			assertThatExceptionOfType(ValidationException.class)
				.isThrownBy(() -> context.getBean(BedrockRuntimeClient.class).converse(HI))
				.withMessageContaining("on-demand throughput");
			assertThat(bedrock.get().journal("Converse")).extracting(JournalEntry::modelId).containsExactly(NOVA_PRO);
		});
	}

	@Test
	void switchedOffTheClientBeansLeaveOutAnInterceptorBeanOfTheApplication() {
		runner().withPropertyValues("bedrock.binding.interceptor.enabled=false")
			.withBean("ownInterceptor", BindingInterceptor.class,
					() -> BindingInterceptor
						.of(BindingRegistry.builder(ModelCatalog.builtIn()).region("us-east-2").build()))
			.run((context) -> {
				assertThat(context).hasSingleBean(BindingInterceptor.class);
				assertThatExceptionOfType(ValidationException.class)
					.isThrownBy(() -> context.getBean(BedrockRuntimeClient.class).converse(HI))
					.withMessageContaining("on-demand throughput");
				assertThat(bedrock.get().journal("Converse")).extracting(JournalEntry::modelId)
					.containsExactly(NOVA_PRO);
			});
	}

	@Test
	void theInterceptorSurvivesACustomizerThatReplacesTheOverrideConfiguration() {
		List<String> seen = new CopyOnWriteArrayList<>();
		ExecutionInterceptor recorder = new ExecutionInterceptor() {

			@Override
			public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
				seen.add(context.httpRequest().encodedPath());
			}

		};
		runner()
			.withBean(BedrockRuntimeClientCustomizer.class,
					() -> (builder) -> builder.overrideConfiguration(
							ClientOverrideConfiguration.builder().addExecutionInterceptor(recorder).build()))
			.run((context) -> {
				context.getBean(BedrockRuntimeClient.class).converse(HI);

				assertThat(seen).containsExactly("/model/us.amazon.nova-pro-v1%3A0/converse");
				assertThat(bedrock.get().journal("Converse")).extracting(JournalEntry::modelId)
					.containsExactly("us.amazon.nova-pro-v1:0");
			});
	}

	@Test
	void theApplicationsOwnClientIsLeftAlone() {
		try (BedrockRuntimeClient own = LocalBedrockClients.of(bedrock.get()).runtime("us-east-2")) {
			runner().withBean("ownClient", BedrockRuntimeClient.class, () -> own).run((context) -> {
				assertThat(context.getBean(BedrockRuntimeClient.class)).isSameAs(own);
				assertThat(context).hasSingleBean(BedrockRuntimeAsyncClient.class);
			});
		}
	}

	@Test
	void noClientBeansWhenTheBindingIsOff() {
		runner().withPropertyValues("bedrock.binding.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(BedrockRuntimeClient.class)
				.doesNotHaveBean(BedrockRuntimeAsyncClient.class)
				.doesNotHaveBean(BindingInterceptor.class));
	}

}
