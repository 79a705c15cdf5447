package io.bedrockbinding.pipe;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.catalog.ModelCatalog;
import io.bedrockbinding.registry.BindingRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A {@code null} given to the pipe's public API is refused at once with a message that
 * names the parameter, never a bare NullPointerException from deep inside.
 */
class PipeNullArgumentsTests {

	private final BedrockPipeFactory factory = BedrockPipeFactory
		.builder(BindingRegistry.builder(ModelCatalog.builtIn()).region("us-east-1").build(),
				BedrockRuntimeClients.builder().build())
		.build();

	private final BedrockPipe pipe = this.factory.pipe("amazon.nova-pro-v1:0");

	@AfterEach
	void close() {
		this.factory.close();
	}

	@Test
	void theFactoryNamesTheNullParameter() {
		BindingRegistry registry = this.factory.registry();
		BedrockRuntimeClients clients = BedrockRuntimeClients.builder().build();
		assertRefused(() -> this.factory.pipe(null), "modelId is null");
		assertRefused(() -> this.factory.pipe("amazon.nova-pro-v1:0", null),
				"options is null: give PipeOptions.DEFAULTS for none");
		assertRefused(() -> this.factory.embeddings(null), "modelId is null");
		assertRefused(() -> BedrockPipeFactory.builder(null, clients), "registry is null");
		assertRefused(() -> BedrockPipeFactory.builder(registry, null), "clients is null");
		assertRefused(() -> BedrockPipeFactory.builder(registry, clients).failover(null),
				"failover is null: leave it unset for FailoverSettings.DEFAULT");
		assertRefused(() -> BedrockPipeFactory.builder(registry, clients).observer(null),
				"observer is null: leave it unset for none");
	}

	@Test
	void thePipeNamesTheNullParameter() {
		assertRefused(() -> this.pipe.with((PipeOptions) null), "options is null: give PipeOptions.DEFAULTS for none");
		assertRefused(() -> this.pipe.with((java.util.function.Consumer<PipeOptionsBuilder>) null), "change is null");
		assertRefused(() -> this.pipe.withModelFields(null), "modelFields is null: give an empty map for none");
		assertRefused(() -> this.pipe.withMessages(null), "messages is null: give an empty list for none");
		assertRefused(() -> this.pipe.withStopSequences(null), "stopSequences is null: give an empty list for none");
		assertRefused(() -> this.pipe.withTool(null), "tool is null");
		assertRefused(() -> this.pipe.execute((String) null), "the prompt (a user message's text) is null");
		assertRefused(() -> this.pipe.execute((List<Message>) null), "messages is null");
		assertRefused(() -> this.pipe.execute("hi", null), "type (the record to read the answer into) is null");
		assertRefused(() -> this.pipe.executeAsync((List<Message>) null), "messages is null");
		assertRefused(() -> this.pipe.streamText(null, (text) -> {
		}), "messages is null");
		assertRefused(() -> this.pipe.stream("hi", null), "onText (the callback that gets each piece of text) is null");
		assertRefused(() -> this.pipe.streamText(null, (text) -> {
		}, (thought) -> {
		}), "messages is null");
		assertRefused(() -> this.pipe.streamText(List.of(), (text) -> {
		}, null), "onReasoning (the callback that gets each piece of reasoning) is null");
	}

	@Test
	void optionsAndSettingsNameTheNullParameter() {
		List<Message> withNull = new ArrayList<>();
		withNull.add(Content.user("hi"));
		withNull.add(null);
		assertRefused(() -> PipeOptions.DEFAULTS.with(null), "change is null");
		assertRefused(() -> PipeOptions.builder().messages(withNull), "messages holds null at index 1");
		assertRefused(() -> PipeOptions.builder().tools(null), "tools is null: give an empty list for none");
		assertRefused(() -> PipeOptions.builder().requestMetadata(null),
				"requestMetadata is null: give an empty map for none");
		assertRefused(() -> new FailoverSettings(null, 2, 0, Clock.systemUTC()), "cooldown is null");
		assertRefused(() -> new FailoverSettings(Duration.ofSeconds(1), 2, 0, null), "clock is null");
		assertRefused(() -> FailoverSettings.DEFAULT.withClock(null), "clock is null");
		assertRefused(() -> PipeTool.of("weather", "The weather", (Class<Object>) null, (input) -> ""),
				"input (the record the model's input is read into) is null");
		assertRefused(() -> this.factory.embeddings("amazon.titan-embed-text-v2:0").embed((List<String>) null),
				"texts is null");
		assertThat(PipeOptions.builder().modelFields(Map.of()).build().additionalModelRequestFields()).isNull();
	}

	private static void assertRefused(Executable call, String message) {
		assertThatThrownBy(call::execute).isInstanceOfAny(NullPointerException.class, IllegalArgumentException.class)
			.hasMessage(message);
	}

}
