package io.bedrockbinding.pipe;

import io.bedrockbinding.identifier.TargetKind;

/**
 * Watches pipe calls, e.g. to record metrics. Called on the calling thread (or the SDK's
 * completion thread for async calls): keep it cheap.
 */
public interface PipeObserver {

	PipeObserver NONE = (modelId, kind, region) -> Call.NONE;

	/** A call is about to be sent. */
	Call start(String modelId, TargetKind targetKind, String region);

	/** One observed call. */
	interface Call {

		Call NONE = new Call() {
		};

		default void succeeded(PipeResult result) {
		}

		default void failed(BedrockPipeException failure) {
		}

	}

}
