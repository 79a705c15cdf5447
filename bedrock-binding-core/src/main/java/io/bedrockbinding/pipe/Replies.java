package io.bedrockbinding.pipe;

import java.util.ArrayList;
import java.util.List;

import io.bedrockbinding.SettingHints;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseResponse;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/** Reads Converse answers into {@link PipeResult}s. */
final class Replies {

	private Replies() {
	}

	/**
	 * The result of a Converse answer.
	 * @param response the SDK's response
	 * @param modelId the model ID the caller asked for
	 * @param route the route the call took
	 * @param sent the messages the request sent
	 * @param fallback whether the call was the on-demand fallback
	 * @param hints the words of the layer that configured the pipe, for the fix
	 * @return the result
	 * @throws BedrockPipeException when the answer has no output: a {@code 200} with
	 * {@code {}} is no reply, however successful its status
	 */
	static PipeResult result(ConverseResponse response, String modelId, Route route, List<Message> sent,
			boolean fallback, SettingHints hints) {
		String requestId = response.responseMetadata().requestId();
		if (response.output() == null || response.output().message() == null) {
			throw TransportErrors.noOutput(modelId, route, requestId, hints);
		}
		return result(response, requestId, modelId, route, sent, fallback);
	}

	/**
	 * The result of an answer that has a message.
	 * @param response the answer
	 * @param requestId the request ID AWS gave
	 * @param modelId the model ID the caller asked for
	 * @param route the route the call took
	 * @param sent the messages the request sent
	 * @param fallback whether the call was the on-demand fallback
	 * @return the result
	 */
	static PipeResult result(ConverseResponse response, @Nullable String requestId, String modelId, Route route,
			List<Message> sent, boolean fallback) {
		List<Message> conversation = new ArrayList<>(sent.size() + 1);
		conversation.addAll(sent);
		conversation.add(response.output().message());
		return new PipeResult(response, conversation, modelId, route.target().value(), route.target().kind(),
				route.region(), requestId, fallback, 0);
	}

	/**
	 * {@code result}, counting the tool rounds that led to it.
	 * @param result the last model call's result
	 * @param toolRounds the rounds
	 * @return the result
	 */
	static PipeResult afterRounds(PipeResult result, int toolRounds) {
		return new PipeResult(result.response(), result.conversation(), result.modelId(), result.invokedTarget(),
				result.targetKind(), result.region(), result.requestId(), result.fallback(), toolRounds,
				result.targetsTried());
	}

}
