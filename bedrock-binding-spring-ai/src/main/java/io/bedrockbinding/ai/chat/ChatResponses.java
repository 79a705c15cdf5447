package io.bedrockbinding.ai.chat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.bedrockbinding.pipe.Content;
import io.bedrockbinding.pipe.PipeJson;
import io.bedrockbinding.pipe.PipeResult;
import io.bedrockbinding.pipe.TokenUsage;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;

import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.metadata.ChatGenerationMetadata;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.DefaultUsage;
import org.springframework.ai.chat.model.ChatResponse;
import org.springframework.ai.chat.model.Generation;

/** Pipe results as Spring AI chat responses. */
final class ChatResponses {

	private ChatResponses() {
	}

	/**
	 * The response of a whole call.
	 * @param result the pipe's result
	 * @return the response: one generation with the reply's text, tool calls and
	 * reasoning, its finish reason, usage and the binding's metadata
	 */
	static ChatResponse of(PipeResult result) {
		return response(true, result);
	}

	/**
	 * A piece of a streamed reply: text only.
	 * @param text the piece
	 * @return the response
	 */
	static ChatResponse chunk(String text) {
		return new ChatResponse(List.of(new Generation(AssistantMessage.builder().content(text).build())));
	}

	/**
	 * A piece of a streamed reply's reasoning: no text, the piece under
	 * {@link BedrockBindingMetadata#THOUGHTS} in the message's metadata.
	 * @param thought the piece of the reasoning's text
	 * @return the response
	 */
	static ChatResponse thought(String thought) {
		return new ChatResponse(List.of(new Generation(AssistantMessage.builder()
			.content("")
			.properties(Map.of(BedrockBindingMetadata.THOUGHTS, thought))
			.build())));
	}

	/**
	 * The last response of a stream: no text (the pieces carried it), but the tool calls,
	 * the whole reasoning (the pieces' joined, a line between two reasoning blocks), the
	 * finish reason, the usage and the binding's metadata.
	 * @param result the pipe's result of the stream
	 * @return the response
	 */
	static ChatResponse last(PipeResult result) {
		return response(false, result);
	}

	private static ChatResponse response(boolean withText, PipeResult result) {
		// a loop, not a stream: it runs once a call, with little of it in the caches
		List<ContentBlock> content = result.content();
		List<AssistantMessage.ToolCall> toolCalls = List.of();
		@Nullable StringBuilder thoughts = null;
		for (ContentBlock block : content) {
			if (block.toolUse() != null) {
				toolCalls = toolCalls.isEmpty() ? new ArrayList<>(2) : toolCalls;
				toolCalls.add(toolCall(block.toolUse()));
			}
			ReasoningContentBlock reasoning = block.reasoningContent();
			if (reasoning != null && reasoning.reasoningText() != null && reasoning.reasoningText().text() != null) {
				thoughts = (thoughts != null) ? thoughts.append('\n') : new StringBuilder();
				thoughts.append(reasoning.reasoningText().text());
			}
		}
		AssistantMessage message = AssistantMessage.builder()
			.content(withText ? text(content) : "")
			.properties((thoughts != null) ? Map.of(BedrockBindingMetadata.THOUGHTS, thoughts.toString()) : Map.of())
			.toolCalls(toolCalls)
			.build();
		ChatGenerationMetadata generation = ChatGenerationMetadata.builder().finishReason(result.stopReason()).build();
		return new ChatResponse(List.of(new Generation(message, generation)), metadata(result));
	}

	private static String text(List<ContentBlock> content) {
		// the common reply, one text block: its string as it is
		if (content.size() == 1 && content.get(0).text() != null) {
			return content.get(0).text();
		}
		return Content.text(content);
	}

	private static AssistantMessage.ToolCall toolCall(ToolUseBlock use) {
		return new AssistantMessage.ToolCall(use.toolUseId(), "function", use.name(), PipeJson.toJson(use.input()));
	}

	static ChatResponseMetadata metadata(PipeResult result) {
		TokenUsage usage = result.usage();
		ChatResponseMetadata.Builder builder = ChatResponseMetadata.builder()
			.model(result.modelId())
			.usage(new DefaultUsage(usage.inputTokens(), usage.outputTokens(), usage.totalTokens(), usage,
					(long) usage.cacheReadInputTokens(), (long) usage.cacheWriteInputTokens()))
			.keyValue(BedrockBindingMetadata.REQUESTED_MODEL, result.modelId())
			.keyValue(BedrockBindingMetadata.INVOKED_TARGET, result.invokedTarget())
			.keyValue(BedrockBindingMetadata.TARGET_KIND, result.targetKind().name())
			.keyValue(BedrockBindingMetadata.REGION, result.region())
			.keyValue(BedrockBindingMetadata.FALLBACK, result.fallback());
		if (result.requestId() != null) {
			builder.id(result.requestId());
		}
		return builder.build();
	}

}
