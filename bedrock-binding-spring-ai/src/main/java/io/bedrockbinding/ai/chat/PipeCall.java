package io.bedrockbinding.ai.chat;

import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.identifier.InvalidTargetException;
import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.PipeJson;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolResultContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.ToolResponseMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.content.Media;
import org.springframework.util.StringUtils;

/**
 * One Spring AI prompt as a pipe call: the pipe of the options' model with their
 * settings, the system messages, the tool definitions and the output schema
 * ({@link ChatPipes}), and the prompt's other messages as Converse messages (consecutive
 * messages of one role merged, as Converse wants the roles to alternate).
 *
 * @param pipe the configured pipe
 * @param messages the conversation to send
 */
record PipeCall(BedrockPipe pipe, List<Message> messages) {

	/** The property that sets the default model, for the message of a prompt without. */
	static final String MODEL_PROPERTY = "bedrock.binding.chat.options.model";

	static PipeCall of(Prompt prompt, BedrockBindingChatOptions options, ChatPipes pipes) {
		String model = options.getModel();
		if (!StringUtils.hasText(model)) {
			throw new IllegalArgumentException("No model for the chat call: set " + MODEL_PROPERTY
					+ " or the model of the request's ChatOptions (ChatOptions.builder().model(\"amazon.nova-pro-v1:0\"))");
		}
		List<org.springframework.ai.chat.messages.Message> instructions = prompt.getInstructions();
		List<String> system = new ArrayList<>(1);
		List<Message> messages = new ArrayList<>(instructions.size());
		for (org.springframework.ai.chat.messages.Message message : instructions) {
			switch (message.getMessageType()) {
				case SYSTEM -> system.add(text(message));
				case USER -> add(messages, ConversationRole.USER, user((UserMessage) message));
				case ASSISTANT -> add(messages, ConversationRole.ASSISTANT, assistant((AssistantMessage) message));
				case TOOL -> add(messages, ConversationRole.USER, toolResults((ToolResponseMessage) message));
			}
		}
		if (messages.isEmpty()) {
			// Converse needs a message besides the system prompt
			throw new IllegalArgumentException(
					"The chat call has no user message" + (system.isEmpty() ? "" : ", only a system prompt")
							+ ": add one (ChatClient: .user(\"...\"); a Prompt: new UserMessage(\"...\"))");
		}
		try {
			// checked where the pipe is made: a kept pipe's model is a model ID
			return new PipeCall(pipes.pipe(model, system, options), messages);
		}
		catch (InvalidTargetException ex) {
			// a profile ID or ARN where the model ID belongs: the binding names those
			throw new IllegalArgumentException("The chat call's model '" + model + "' is not a model ID: " + ex.reason()
					+ ". Name the model ID (in " + MODEL_PROPERTY
					+ " or the request's ChatOptions) and bind it to the profile or ARN (bedrock.binding.models, "
					+ "or inference.txt)", ex);
		}
	}

	private static List<ContentBlock> user(UserMessage message) {
		if (message.getMedia().isEmpty()) {
			return StringUtils.hasLength(message.getText()) ? List.of(ContentBlock.fromText(message.getText()))
					: List.of();
		}
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
