package io.bedrockbinding.ai.chat;

import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.pipe.BedrockPipe;
import io.bedrockbinding.pipe.BedrockPipeFactory;
import io.bedrockbinding.pipe.PipeMessage;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.MessageType;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.ToolCallingManager;
import org.springframework.ai.tool.definition.ToolDefinition;
import org.springframework.util.CollectionUtils;
import org.springframework.util.StringUtils;

/**
 * One Spring AI prompt as a pipe call: the pipe of the options' model, with their
 * settings, the system messages as its system prompt and the earlier turns as its
 * history, and the last user message as the prompt.
 *
 * @param pipe the configured pipe
 * @param prompt the text of the last user message
 */
record PipeCall(BedrockPipe pipe, String prompt) {

	/** The property that sets the default model, for the message of a prompt without. */
	static final String MODEL_PROPERTY = "bedrock.binding.chat.options.model";

	static PipeCall of(Prompt prompt, BedrockBindingChatOptions options, BedrockPipeFactory pipes,
			ToolCallingManager tools) {
		String model = options.getModel();
		if (!StringUtils.hasText(model)) {
			throw new IllegalArgumentException("No model for the chat call: set " + MODEL_PROPERTY
					+ " or the model of the request's ChatOptions (ChatOptions.builder().model(\"amazon.nova-pro-v1:0\"))");
		}
		List<ToolDefinition> definitions = tools.resolveToolDefinitions(options);
		if (!definitions.isEmpty()) {
			throw new UnsupportedOperationException(
					"Tool calling needs the pipe's tool support, which this build lacks");
		}
		BedrockPipe pipe = settings(pipes.pipe(model), options);
		List<String> system = new ArrayList<>();
		List<PipeMessage> turns = new ArrayList<>();
		for (Message message : prompt.getInstructions()) {
			MessageType type = message.getMessageType();
			if (type == MessageType.SYSTEM) {
				system.add(message.getText());
			}
			else if (type == MessageType.USER) {
				UserMessage user = (UserMessage) message;
				if (!CollectionUtils.isEmpty(user.getMedia())) {
					throw new UnsupportedOperationException(
							"Media in a user message needs the pipe's content blocks, which this build lacks");
				}
				turns.add(PipeMessage.user(text(message)));
			}
			else if (type == MessageType.ASSISTANT && !((AssistantMessage) message).hasToolCalls()) {
				turns.add(PipeMessage.assistant(text(message)));
			}
			else {
				throw new UnsupportedOperationException(
						type + " messages need the pipe's tool support, which this build lacks");
			}
		}
		if (turns.isEmpty() || turns.get(turns.size() - 1).role() != PipeMessage.Role.USER) {
			throw new IllegalArgumentException("A chat prompt must end with a user message");
		}
		PipeMessage last = turns.remove(turns.size() - 1);
		if (!system.isEmpty()) {
			pipe = pipe.withSystemPrompt(String.join("\n\n", system));
		}
		if (!turns.isEmpty()) {
			pipe = pipe.withMessages(turns);
		}
		return new PipeCall(pipe, last.text());
	}

	private static BedrockPipe settings(BedrockPipe pipe, BedrockBindingChatOptions options) {
		if (options.getTemperature() != null) {
			pipe = pipe.withTemperature(options.getTemperature());
		}
		if (options.getTopP() != null) {
			pipe = pipe.withTopP(options.getTopP());
		}
		if (options.getMaxTokens() != null) {
			pipe = pipe.withMaxTokens(options.getMaxTokens());
		}
		if (!CollectionUtils.isEmpty(options.getStopSequences())) {
			pipe = pipe.withStopSequences(options.getStopSequences());
		}
		return pipe;
	}

	private static String text(Message message) {
		String text = message.getText();
		return (text != null) ? text : "";
	}

}
