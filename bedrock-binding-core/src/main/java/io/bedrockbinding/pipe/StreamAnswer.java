package io.bedrockbinding.pipe;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseMetrics;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseTrace;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ReasoningContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ToolUseBlockStart;

/**
 * The events of one ConverseStream answer assembled into the {@link ConverseResponse}
 * Converse would have given: text deltas into text blocks, tool-use input deltas into a
 * tool use's JSON input, reasoning deltas (text, signature, redacted content) into a
 * reasoning block, and the stop reason, usage, metrics, trace, additional fields,
 * performance configuration and service tier of the closing events. Not thread-safe:
 * {@link StreamCall} guards it.
 */
final class StreamAnswer {

	private final Map<Integer, Block> blocks = new TreeMap<>();

	private ConversationRole role = ConversationRole.ASSISTANT;

	private boolean sawMessage;

	private String stopReason = "end_turn";

	private @Nullable Document additionalFields;

	private ConverseResponse.@Nullable Builder metadata;

	void accept(ConverseStreamOutput event) {
		if (event instanceof ContentBlockDeltaEvent deltaEvent && deltaEvent.delta() != null) {
			block(deltaEvent.contentBlockIndex()).add(deltaEvent.delta());
		}
		else if (event instanceof ContentBlockStartEvent start && start.start() != null) {
			block(start.contentBlockIndex()).toolUse = start.start().toolUse();
		}
		else if (event instanceof MessageStartEvent start) {
			this.sawMessage = true;
			if (start.role() != null) {
				this.role = start.role();
			}
		}
		else if (event instanceof MessageStopEvent stop) {
			this.sawMessage = true;
			this.stopReason = stop.stopReasonAsString();
			this.additionalFields = stop.additionalModelResponseFields();
		}
		else if (event instanceof ConverseStreamMetadataEvent data) {
			this.metadata = ConverseResponse.builder()
				.usage(data.usage())
				.metrics((data.metrics() != null)
						? ConverseMetrics.builder().latencyMs(data.metrics().latencyMs()).build() : null)
				.trace((data.trace() != null) ? ConverseTrace.builder()
					.guardrail(data.trace().guardrail())
					.promptRouter(data.trace().promptRouter())
					.build() : null)
				.performanceConfig(data.performanceConfig())
				.serviceTier(data.serviceTier());
		}
	}

	/**
	 * Whether the stream had a message at all: a stream without one is no answer.
	 * @return whether a message started or stopped
	 */
	boolean sawMessage() {
		return this.sawMessage;
	}

	/**
	 * The answer as Converse would have given it.
	 * @return the response
	 * @throws MalformedToolInput when a tool use's input deltas do not join into JSON
	 */
	ConverseResponse response() {
		List<ContentBlock> content = new ArrayList<>(this.blocks.size());
		boolean cutOff = "max_tokens".equals(this.stopReason);
		this.blocks.values().forEach((block) -> content.add(block.content(cutOff)));
		ConverseResponse.Builder response = (this.metadata != null) ? this.metadata.build().toBuilder()
				: ConverseResponse.builder();
		return response.output((output) -> output.message(Message.builder().role(this.role).content(content).build()))
			.stopReason(this.stopReason)
			.additionalModelResponseFields(this.additionalFields)
			.build();
	}

	private Block block(@Nullable Integer index) {
		return this.blocks.computeIfAbsent((index != null) ? index : 0, (key) -> new Block());
	}

	/** One content block, as its deltas arrive. */
	private static final class Block {

		private final StringBuilder text = new StringBuilder();

		private @Nullable ToolUseBlockStart toolUse;

		private @Nullable StringBuilder toolInput;

		private @Nullable StringBuilder reasoning;

		private @Nullable String signature;

		private @Nullable SdkBytes redacted;

		void add(ContentBlockDelta delta) {
			if (delta.text() != null) {
				this.text.append(delta.text());
			}
			if (delta.toolUse() != null && delta.toolUse().input() != null) {
				if (this.toolInput == null) {
					this.toolInput = new StringBuilder();
				}
				this.toolInput.append(delta.toolUse().input());
			}
			ReasoningContentBlockDelta reasoningDelta = delta.reasoningContent();
			if (reasoningDelta != null) {
				if (this.reasoning == null) {
					this.reasoning = new StringBuilder();
				}
				if (reasoningDelta.text() != null) {
					this.reasoning.append(reasoningDelta.text());
				}
				if (reasoningDelta.signature() != null) {
					this.signature = reasoningDelta.signature();
				}
				if (reasoningDelta.redactedContent() != null) {
					this.redacted = reasoningDelta.redactedContent();
				}
			}
		}

		ContentBlock content(boolean cutOff) {
			if (this.toolUse != null) {
				String input = (this.toolInput != null) ? this.toolInput.toString().strip() : "";
				return ContentBlock.fromToolUse(ToolUseBlock.builder()
					.toolUseId(this.toolUse.toolUseId())
					.name(this.toolUse.name())
					.input(input.isEmpty() ? Document.mapBuilder().build() : toolInput(input, cutOff))
					.build());
			}
			if (this.redacted != null) {
				return ContentBlock.fromReasoningContent(ReasoningContentBlock.fromRedactedContent(this.redacted));
			}
			if (this.reasoning != null) {
				String reasoningText = this.reasoning.toString();
				return ContentBlock.fromReasoningContent(ReasoningContentBlock
					.fromReasoningText((reasoned) -> reasoned.text(reasoningText).signature(this.signature)));
			}
			return ContentBlock.fromText(this.text.toString());
		}

		private Document toolInput(String input, boolean cutOff) {
			try {
				return PipeJson.fromJson(input);
			}
			catch (IllegalArgumentException ex) {
				String use = "tool use " + this.toolUse.toolUseId() + " (" + this.toolUse.name() + ")";
				throw new MalformedToolInput(cutOff
						? "the answer stopped at max_tokens inside " + use + ", whose input is cut short: "
								+ ex.getMessage()
						: "the input of " + use + " that its deltas joined into is not JSON: " + ex.getMessage(),
						cutOff, ex);
			}
		}

	}

	/**
	 * A stream's tool-use input deltas that do not join into JSON: the answer cannot be
	 * read.
	 */
	static final class MalformedToolInput extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final boolean cutOff;

		MalformedToolInput(String message, boolean cutOff, Throwable cause) {
			super(message, cause);
			this.cutOff = cutOff;
		}

		/**
		 * Whether the answer stopped at max_tokens: the tool use was cut off, not sent
		 * broken.
		 * @return whether the token limit cut it
		 */
		boolean cutOff() {
			return this.cutOff;
		}

	}

}
