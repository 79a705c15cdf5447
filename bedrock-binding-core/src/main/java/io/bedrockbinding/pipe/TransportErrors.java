package io.bedrockbinding.pipe;

import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Locale;

import io.bedrockbinding.SettingHints;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;

/**
 * Names the failures that are not Bedrock's errors but of the way to it: timeouts, a
 * connection closed under the answer, an answer that cannot be read, a stream the SDK
 * retried after text reached the caller. Each comes with the setting to change, as a
 * Spring property and as a {@link PipeTimeouts} or pipe option.
 */
final class TransportErrors {

	private TransportErrors() {
	}

	/**
	 * The failure of a {@code 200} answer without output: there is no reply, and the
	 * request ID lets AWS support find the call.
	 * @param modelId the model ID the caller asked for
	 * @param route the route the call took
	 * @param requestId the request ID AWS gave the answer
	 * @param hints the words of the layer that configured the pipe
	 * @return the failure
	 */
	static BedrockPipeException noOutput(String modelId, Route route, @Nullable String requestId, SettingHints hints) {
		return new BedrockPipeException(FailureReason.MALFORMED_RESPONSE, modelId, route.target().value(),
				route.region(), null, requestId,
				"Bedrock answered " + route.target().value() + " with no output (request " + requestId + ")",
				"retry the call; if it keeps happening, report the request ID to AWS support (or check what answers"
						+ " at " + hints.endpoint() + ")",
				null);
	}

	/**
	 * The failure of a {@code 200} answer whose body cannot be read (an InvokeModel body
	 * the SDK hands over unparsed): the request ID lets AWS support find the call.
	 * @param modelId the model ID the caller asked for
	 * @param route the route the call took
	 * @param requestId the request ID AWS gave the answer
	 * @param failure why the body could not be read
	 * @param hints the words of the layer that configured the pipe
	 * @return the failure
	 */
	static BedrockPipeException unreadable(String modelId, Route route, @Nullable String requestId, Throwable failure,
			SettingHints hints) {
		return new BedrockPipeException(FailureReason.MALFORMED_RESPONSE, modelId, route.target().value(),
				route.region(), null, requestId, "Bedrock's answer could not be read: " + failure.getMessage(),
				"check what answers at " + hints.endpoint() + " and any proxy between (it must speak the "
						+ "bedrock-runtime API); retry the call",
				failure);
	}

	/**
	 * The failure of a streamed answer that maxTokens cut off inside a tool use: the tool
	 * cannot run on half its input.
	 * @param modelId the model ID the caller asked for
	 * @param route the route the call took
	 * @param requestId the request ID AWS gave the answer
	 * @param failure what was cut off
	 * @return the failure
	 */
	static BedrockPipeException toolUseCutOff(String modelId, Route route, @Nullable String requestId,
			Throwable failure) {
		return new BedrockPipeException(FailureReason.MALFORMED_RESPONSE, modelId, route.target().value(),
				route.region(), null, requestId, "Bedrock's answer could not be read: " + failure.getMessage(),
				"raise maxTokens (withMaxTokens) so that the tool use fits in the answer", failure);
	}

	/**
	 * Names {@code failure} when it is a failure of the way to Bedrock.
	 * @param failure the unwrapped failure of the call
	 * @param modelId the model ID the caller asked for
	 * @param route the route of the call, if it was known
	 * @param timeouts the timeouts of the call's clients
	 * @param apiCallTimeout the API-call timeout in force (the pipe's, or else the
	 * factory's)
	 * @param pipeTimeout whether that is the pipe's own {@code withTimeout}
	 * @param hints the words of the layer that configured the pipe
	 * @return the named failure, or {@code null} when it is none of these
	 */
	static @Nullable BedrockPipeException translate(Throwable failure, String modelId, @Nullable Route route,
			PipeTimeouts timeouts, Duration apiCallTimeout, boolean pipeTimeout, SettingHints hints) {
		String target = (route != null) ? route.target().value() : null;
		String region = (route != null) ? route.region() : null;
		if (failure instanceof StreamInterruptedException interrupted) {
			return new BedrockPipeException(FailureReason.STREAM_INTERRUPTED, modelId, target, region, null, null,
					interrupted.getMessage() + "; the SDK retried the stream from its start, so the pipe ended the "
							+ "call rather than send that text again",
					"discard the partial reply and call again (the " + interrupted.pieces()
							+ " pieces received are an incomplete reply)",
					failure);
		}
		if (failure instanceof StreamTimeoutException timeout) {
			String option = timeout.started() ? "streamIdle" : "streamFirstEvent";
			return timeout(modelId, target, region, timeout.getMessage(), hints.timeout(option), failure);
		}
		if (failure instanceof ApiCallTimeoutException || failure instanceof ApiCallAttemptTimeoutException) {
			String fix = "raise " + hints.timeout("apiCall") + (pipeTimeout
					? " or rather the pipe's own withTimeout, which overrides it" : " or the pipe's withTimeout")
					+ ", or shorten the request (maxTokens)";
			return new BedrockPipeException(FailureReason.TIMEOUT, modelId, target, region, null, null,
					"The call timed out after " + apiCallTimeout + " (retries included)", fix, failure);
		}
		if (causedBy(failure, "ConnectTimeoutException") || hasMessage(failure, "connect timed out")) {
			return timeout(modelId, target, region,
					"Connecting to Bedrock in " + region + " timed out after " + timeouts.connect(),
					hints.timeout("connect"), failure);
		}
		if (failure instanceof SocketTimeoutException || causedBy(failure, "SocketTimeoutException")
				|| causedBy(failure, "ReadTimeoutException") || hasMessage(failure, "read timed out")) {
			return timeout(modelId, target, region,
					"Bedrock sent nothing for " + timeouts.read() + " (the read timeout of each attempt)",
					hints.timeout("read"), failure);
		}
		// A body cut short fails to unmarshall too: the closed connection is the cause to
		// name.
		if (causedBy(failure, "NoHttpResponseException") || causedBy(failure, "ConnectionClosedException")
				|| causedBy(failure, "PrematureChannelClosureException") || causedBy(failure, "ClosedChannelException")
				|| hasMessage(failure, "connection was closed") || hasMessage(failure, "failed to complete")
				|| hasMessage(failure, "premature end") || hasMessage(failure, "failed to respond")) {
			return new BedrockPipeException(FailureReason.CONNECTION_CLOSED, modelId, target, region, null, null,
					"The connection to Bedrock in " + region + " closed before the whole answer arrived: "
							+ failure.getMessage(),
					"retry the call (the SDK's retries were used up); if it keeps happening, check the network and"
							+ " any proxy between",
					failure);
		}
		if (causedBy(failure, "JsonParseException") || hasMessage(failure, "unable to unmarshall")
				|| hasMessage(failure, "checksum")) {
			return new BedrockPipeException(FailureReason.MALFORMED_RESPONSE, modelId, target, region, null, null,
					"Bedrock's answer could not be read: " + failure.getMessage(),
					"check what answers at " + hints.endpoint() + " and any proxy between (it must speak the "
							+ "bedrock-runtime API); retry the call",
					failure);
		}
		return null;
	}

	private static BedrockPipeException timeout(String modelId, @Nullable String target, @Nullable String region,
			String problem, String raise, Throwable failure) {
		return new BedrockPipeException(FailureReason.TIMEOUT, modelId, target, region, null, null, problem,
				"raise " + raise, failure);
	}

	private static boolean causedBy(Throwable thrown, String simpleName) {
		for (Throwable current = thrown; current != null; current = current.getCause()) {
			if (current.getClass().getSimpleName().equals(simpleName)) {
				return true;
			}
		}
		return false;
	}

	private static boolean hasMessage(Throwable thrown, String text) {
		for (Throwable current = thrown; current != null; current = current.getCause()) {
			String message = current.getMessage();
			if (message != null && message.toLowerCase(Locale.ROOT).contains(text)) {
				return true;
			}
			if (current.getCause() == current) {
				break;
			}
		}
		return false;
	}

}
