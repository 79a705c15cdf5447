package io.bedrockbinding.pipe;

import java.util.concurrent.CancellationException;

import io.bedrockbinding.client.ClientsClosedException;
import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Names the failures of a call that its caller's side caused: a cancel (of the future, or
 * an interrupt of the thread waiting), a stream callback that threw, a factory closed
 * before or while the call ran. None is a failure of Bedrock's or of the way to it.
 */
final class CallerErrors {

	private CallerErrors() {
	}

	/**
	 * Names {@code failure} when the caller's side caused it.
	 * @param failure the unwrapped failure of the call
	 * @param modelId the model ID the caller asked for
	 * @param target the target of the call, if it was resolved
	 * @param region the region of the call, if it was resolved
	 * @param closing whether the factory's clients are closing or closed
	 * @return the named failure, or {@code null} when it is none of these
	 */
	static @Nullable BedrockPipeException translate(Throwable failure, String modelId, @Nullable String target,
			@Nullable String region, boolean closing) {
		if (failure instanceof CancellationException) {
			return cancelled(modelId, target, region, "The caller cancelled the call", failure);
		}
		if (failure instanceof AbortedException && Thread.currentThread().isInterrupted()) {
			// the SDK's answer to an interrupt of the thread that waits for a sync call:
			// the caller's cancel, as a cancelled future is
			return cancelled(modelId, target, region,
					"The caller's thread was interrupted: the call was aborted (the thread stays interrupted)",
					failure);
		}
		if (failure instanceof StreamCallbackException callback) {
			return new BedrockPipeException(FailureReason.OTHER, modelId, target, region, null, null,
					callback.getMessage(),
					"fix " + callback.callback() + ", or catch what it throws: it runs on an SDK thread for each "
							+ ("onText".equals(callback.callback()) ? "piece of text" : "event")
							+ ", and what it throws ends the call (its request aborted, no other target tried)",
					callback.getCause());
		}
		if (failure instanceof ClientsClosedException) {
			return new BedrockPipeException(FailureReason.OTHER, modelId, target, region, null, null,
					"The pipe's factory is closed, and with it its Bedrock clients: no call can be sent",
					"make calls only while the BedrockPipeFactory (or the application context that owns it) is open",
					failure);
		}
		if (closing && (failure instanceof SdkClientException || failure instanceof IllegalStateException)) {
			// a socket closed under the call, a connection pool shut down (the HTTP
			// client's IllegalStateException): the close is what to name, not the way it
			// reached the call
			return new BedrockPipeException(FailureReason.OTHER, modelId, target, region, null, null,
					"The pipe's factory was closed while the call ran, and with it its Bedrock clients: the call "
							+ "was cut off (" + failure + ")",
					"close the BedrockPipeFactory (or the application context that owns it) only after its calls "
							+ "ended",
					failure);
		}
		return null;
	}

	private static BedrockPipeException cancelled(String modelId, @Nullable String target, @Nullable String region,
			String problem, Throwable failure) {
		return new BedrockPipeException(FailureReason.CANCELLED, modelId, target, region, null, null, problem,
				"nothing to fix: the caller stopped waiting for the reply", failure);
	}

}
