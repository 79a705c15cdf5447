package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.document.Document;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlock;
import software.amazon.awssdk.services.bedrockruntime.model.ConversationRole;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.InferenceConfiguration;
import software.amazon.awssdk.services.bedrockruntime.model.Message;
import software.amazon.awssdk.services.bedrockruntime.model.SystemContentBlock;

/**
 * The Converse and ConverseStream requests of one pipe. The parts its settings fix are
 * built once per pipe, so that a call only builds what changes: the prompt and the
 * target.
 */
final class PipeRequests {

	private final @Nullable List<SystemContentBlock> system;

	private final @Nullable InferenceConfiguration inferenceConfig;

	private final @Nullable Document additionalFields;

	private final List<Message> history;

	private final @Nullable AwsRequestOverrideConfiguration override;

	PipeRequests(@Nullable String systemPrompt, @Nullable Float temperature, @Nullable Float topP,
			@Nullable Integer maxTokens, List<String> stopSequences, Map<String, Object> modelFields,
			List<PipeMessage> messages, @Nullable Duration timeout) {
		this.system = (systemPrompt != null) ? List.of(SystemContentBlock.fromText(systemPrompt)) : null;
		this.inferenceConfig = (temperature != null || topP != null || maxTokens != null || !stopSequences.isEmpty())
				? InferenceConfiguration.builder()
					.temperature(temperature)
					.topP(topP)
					.maxTokens(maxTokens)
					.stopSequences(stopSequences.isEmpty() ? null : stopSequences)
					.build()
				: null;
		this.additionalFields = modelFields.isEmpty() ? null : Documents.from(modelFields);
		this.history = messages.stream().map(PipeRequests::toMessage).toList();
		this.override = (timeout != null) ? AwsRequestOverrideConfiguration.builder().apiCallTimeout(timeout).build()
				: null;
	}

	/**
	 * The Converse request of one call.
	 * @param target the target to call (profile ID, ARN or model ID)
	 * @param prompt the user's prompt
	 * @return the request
	 */
	ConverseRequest converse(String target, String prompt) {
		return ConverseRequest.builder()
			.modelId(target)
			.messages(messages(prompt))
			.system(this.system)
			.inferenceConfig(this.inferenceConfig)
			.additionalModelRequestFields(this.additionalFields)
			.overrideConfiguration(this.override)
			.build();
	}

	/**
	 * The ConverseStream request of one call.
	 * @param target the target to call (profile ID, ARN or model ID)
	 * @param prompt the user's prompt
	 * @return the request
	 */
	ConverseStreamRequest converseStream(String target, String prompt) {
		return ConverseStreamRequest.builder()
			.modelId(target)
			.messages(messages(prompt))
			.system(this.system)
			.inferenceConfig(this.inferenceConfig)
			.additionalModelRequestFields(this.additionalFields)
			.overrideConfiguration(this.override)
			.build();
	}

	private List<Message> messages(String prompt) {
		Message user = Message.builder().role(ConversationRole.USER).content(ContentBlock.fromText(prompt)).build();
		if (this.history.isEmpty()) {
			return List.of(user);
		}
		List<Message> all = new ArrayList<>(this.history.size() + 1);
		all.addAll(this.history);
		all.add(user);
		return all;
	}

	private static Message toMessage(PipeMessage message) {
		return Message.builder()
			.role((message.role() == PipeMessage.Role.USER) ? ConversationRole.USER : ConversationRole.ASSISTANT)
			.content(ContentBlock.fromText(message.text()))
			.build();
	}

}
