package io.bedrockbinding.ai.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeJson;
import io.bedrockbinding.pipe.PipeOptions;
import io.bedrockbinding.pipe.PipeOptionsBuilder;
import io.bedrockbinding.pipe.PipeSchemas;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;

import org.springframework.ai.model.tool.DefaultToolCallingManager;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.util.CollectionUtils;

/**
 * The pipes of one chat model: the pipe of a call's model and settings (system prompt,
 * sampling, max tokens, stop sequences, tools, output schema, model fields). A pipe holds
 * no binding (it resolves the binding on every call), so the pipe of the same settings
 * can serve every call that has them. The last few pipes without tools are kept and found
 * by comparing settings ({@code equals}, no hashing, so a long system prompt is compared
 * only with prompts of its length): a {@code ChatClient} sends the same system prompt and
 * options on every call, and then a call builds no options and no pipe. Calls with tools
 * build their pipe each time (a tool definition's equality is its implementation's).
 */
final class ChatPipes {

	/** How many pipes are kept, a power of two. */
	private static final int SIZE = 8;

	private final BedrockPipeFactory factory;

	private final ToolCallingManager tools;

	private final AtomicReferenceArray<Kept> kept = new AtomicReferenceArray<>(SIZE);

	private final AtomicInteger next = new AtomicInteger();

	ChatPipes(BedrockPipeFactory factory, ToolCallingManager tools) {
		this.factory = factory;
		this.tools = tools;
	}

	/**
	 * The pipe of a call.
	 * @param model the model ID
	 * @param system the texts of the call's system messages, in order
	 * @param options the call's options
	 * @return the pipe
	 */
	BedrockPipe pipe(String model, List<String> system, BedrockBindingChatOptions options) {
		List<ToolDefinition> definitions = definitions(options);
		if (definitions.isEmpty()) {
			for (int i = 0; i < SIZE; i++) {
				Kept entry = this.kept.get(i);
				if (entry != null && entry.settings().matches(model, system, options)) {
					return entry.pipe();
				}
			}
		}
		List<String> stop = options.getStopSequences();
		Settings settings = new Settings(model, List.copyOf(system), options.getTemperature(), options.getTopP(),
				options.getMaxTokens(), CollectionUtils.isEmpty(stop) ? List.of() : List.copyOf(stop),
				options.getOutputSchema(), options.getModelFields());
		BedrockPipe pipe = build(settings, definitions);
		if (definitions.isEmpty()) {
			// a race only replaces another entry or builds a pipe twice
			this.kept.set(this.next.getAndIncrement() & (SIZE - 1), new Kept(settings, pipe));
		}
		return pipe;
	}

	/**
	 * The definitions of the options' tools. Spring AI's own manager (not a subclass,
	 * which may find tools elsewhere) makes them from the options' tool callbacks:
	 * without any, there are none to ask it for.
	 * @param options the call's options
	 * @return the definitions, empty without tools
	 */
	private List<ToolDefinition> definitions(BedrockBindingChatOptions options) {
		if (this.tools.getClass() == DefaultToolCallingManager.class
				&& CollectionUtils.isEmpty(options.getToolCallbacks())) {
			return List.of();
		}
		return this.tools.resolveToolDefinitions(options);
	}

	private BedrockPipe build(Settings settings, List<ToolDefinition> definitions) {
		PipeOptionsBuilder builder = PipeOptions.builder();
		if (!settings.system().isEmpty()) {
			List<SystemContentBlock> blocks = new ArrayList<>(settings.system().size());
			settings.system().forEach((text) -> blocks.add(SystemContentBlock.fromText(text)));
			builder.system(blocks);
		}
		if (settings.temperature() != null) {
			builder.temperature(settings.temperature());
		}
		if (settings.topP() != null) {
			builder.topP(settings.topP());
		}
		if (settings.maxTokens() != null) {
			builder.maxTokens(settings.maxTokens());
		}
		if (!settings.stopSequences().isEmpty()) {
			builder.stopSequences(settings.stopSequences());
		}
		if (!definitions.isEmpty()) {
			builder.tools(definitions.stream().map(ChatPipes::tool).toList());
		}
		if (settings.outputSchema() != null) {
			builder.outputConfig(PipeSchemas.outputConfig("response", settings.outputSchema()));
		}
		if (!settings.modelFields().isEmpty()) {
			builder.modelFields(settings.modelFields());
		}
		return this.factory.pipe(settings.model(), builder.build());
	}

	private static Tool tool(ToolDefinition definition) {
		return Tool.fromToolSpec(ToolSpecification.builder()
			.name(definition.name())
			.description(definition.description())
			.inputSchema(ToolInputSchema.fromJson(PipeJson.fromJson(definition.inputSchema())))
			.build());
	}

	/** What makes the pipe of a call without tools. */
	private record Settings(String model, List<String> system, @Nullable Double temperature, @Nullable Double topP,
			@Nullable Integer maxTokens, List<String> stopSequences, @Nullable String outputSchema,
			Map<String, Object> modelFields) {

		/**
		 * Whether a call has these settings, compared field by field without copying the
		 * call's options first.
		 * @param model the call's model ID
		 * @param system the texts of its system messages
		 * @param options its options
		 * @return whether the pipe of these settings is the call's
		 */
		boolean matches(String model, List<String> system, BedrockBindingChatOptions options) {
			List<String> stop = options.getStopSequences();
			return this.model.equals(model) && this.system.equals(system)
					&& Objects.equals(this.temperature, options.getTemperature())
					&& Objects.equals(this.topP, options.getTopP())
					&& Objects.equals(this.maxTokens, options.getMaxTokens())
					&& (CollectionUtils.isEmpty(stop) ? this.stopSequences.isEmpty() : this.stopSequences.equals(stop))
					&& Objects.equals(this.outputSchema, options.getOutputSchema())
					&& this.modelFields.equals(options.getModelFields());
		}

	}

	private record Kept(Settings settings, BedrockPipe pipe) {

	}

}
