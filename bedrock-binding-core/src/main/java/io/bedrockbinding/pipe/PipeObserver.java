package io.bedrockbinding.pipe;

import io.bedrockbinding.identifier.TargetKind;

/**
 * Watches pipe calls, e.g. to record metrics. Called on the calling thread (or the SDK's
 * completion thread for async calls): keep it cheap.
 */
public interface PipeObserver {

	/** Observes nothing. */
	PipeObserver NONE = (modelId, kind, region) -> Call.NONE;

	/**
	 * A call is about to be sent.
	 * @param modelId the model ID the caller asked for
	 * @param targetKind the kind of target the call goes to
	 * @param region the region the call goes to
	 * @return what observes this call's outcome
	 */
	Call start(String modelId, TargetKind targetKind, String region);

	/** One observed call. */
	interface Call {

		/** Observes nothing. */
		Call NONE = new Call() {
		};

		default void succeeded(PipeResult result) {
		}

		default void failed(BedrockPipeException failure) {
		}

	}

}
