package io.bedrockbinding.ai.chat;

import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeJson;
import io.bedrockbinding.pipe.PipeSchemas;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.Tool;
import software.amazon.awssdk.services.bedrockruntime.model.ToolInputSchema;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolSpecification;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.util.CollectionUtils;
import org.springframework.util.StringUtils;

/**
 * One Spring AI prompt as a pipe call: the pipe of the options' model with their
 * settings, the system messages, the tool definitions and the output schema, and the
 * prompt's other messages as Converse messages (consecutive messages of one role merged,
 * as Converse wants the roles to alternate).
 *
 * @param pipe the configured pipe
 * @param messages the conversation to send
 */
record PipeCall(BedrockPipe pipe, List<Message> messages) {

	/** The property that sets the default model, for the message of a prompt without. */
	static final String MODEL_PROPERTY = "bedrock.binding.chat.options.model";

	static PipeCall of(Prompt prompt, BedrockBindingChatOptions options, BedrockPipeFactory pipes,
			ToolCallingManager tools) {
		String model = options.getModel();
		if (!StringUtils.hasText(model)) {
			throw new IllegalArgumentException("No model for the chat call: set " + MODEL_PROPERTY
					+ " or the model of the request's ChatOptions (ChatOptions.builder().model(\"amazon.nova-pro-v1:0\"))");
		}
		List<SystemContentBlock> system = new ArrayList<>();
		List<Message> messages = new ArrayList<>();
		for (org.springframework.ai.chat.messages.Message message : prompt.getInstructions()) {
			switch (message.getMessageType()) {
				case SYSTEM -> system.add(SystemContentBlock.fromText(text(message)));
				case USER -> add(messages, ConversationRole.USER, user((UserMessage) message));
				case ASSISTANT -> add(messages, ConversationRole.ASSISTANT, assistant((AssistantMessage) message));
				case TOOL -> add(messages, ConversationRole.USER, toolResults((ToolResponseMessage) message));
			}
		}
		List<Tool> definitions = tools.resolveToolDefinitions(options).stream().map(PipeCall::tool).toList();
		BedrockPipe pipe = pipes.pipe(model).with((builder) -> {
			if (!system.isEmpty()) {
				builder.system(system);
			}
			if (options.getTemperature() != null) {
				builder.temperature(options.getTemperature());
			}
			if (options.getTopP() != null) {
				builder.topP(options.getTopP());
			}
			if (options.getMaxTokens() != null) {
				builder.maxTokens(options.getMaxTokens());
			}
			if (!CollectionUtils.isEmpty(options.getStopSequences())) {
				builder.stopSequences(options.getStopSequences());
			}
			if (!definitions.isEmpty()) {
				builder.tools(definitions);
			}
			if (options.getOutputSchema() != null) {
				builder.outputConfig(PipeSchemas.outputConfig("response", options.getOutputSchema()));
			}
		});
		return new PipeCall(pipe, messages);
	}

	private static List<ContentBlock> user(UserMessage message) {
		List<ContentBlock> blocks = new ArrayList<>();
		if (StringUtils.hasLength(message.getText())) {
			blocks.add(ContentBlock.fromText(message.getText()));
		}
		for (Media media : message.getMedia()) {
			blocks.add(MediaBlocks.of(media));
		}
		return blocks;
	}

	private static List<ContentBlock> assistant(AssistantMessage message) {
		List<ContentBlock> blocks = new ArrayList<>();
		if (StringUtils.hasLength(message.getText())) {
			blocks.add(ContentBlock.fromText(message.getText()));
		}
		for (AssistantMessage.ToolCall call : message.getToolCalls()) {
			blocks.add(ContentBlock.fromToolUse(ToolUseBlock.builder()
				.toolUseId(call.id())
				.name(call.name())
				.input(PipeJson.fromJson(StringUtils.hasText(call.arguments()) ? call.arguments() : "{}"))
				.build()));
		}
		return blocks;
	}

	private static List<ContentBlock> toolResults(ToolResponseMessage message) {
		return message.getResponses()
			.stream()
			.map((response) -> ContentBlock.fromToolResult(ToolResultBlock.builder()
				.toolUseId(response.id())
				.content(ToolResultContentBlock.fromText(response.responseData()))
				.build()))
			.toList();
	}

	private static Tool tool(ToolDefinition definition) {
		return Tool.fromToolSpec(ToolSpecification.builder()
			.name(definition.name())
			.description(definition.description())
			.inputSchema(ToolInputSchema.fromJson(PipeJson.fromJson(definition.inputSchema())))
			.build());
	}

	/** Adds blocks to the last message when it has the same role, else as a new one. */
	private static void add(List<Message> messages, ConversationRole role, List<ContentBlock> blocks) {
		if (blocks.isEmpty()) {
			return;
		}
		int last = messages.size() - 1;
		if (last >= 0 && messages.get(last).role() == role) {
			List<ContentBlock> merged = new ArrayList<>(messages.get(last).content());
			merged.addAll(blocks);
			messages.set(last, Message.builder().role(role).content(merged).build());
		}
		else {
			messages.add(Message.builder().role(role).content(blocks).build());
		}
	}

	private static String text(org.springframework.ai.chat.messages.Message message) {
		String text = message.getText();
		return (text != null) ? text : "";
	}

}
