package io.bedrockbinding.pipe;

import java.util.Objects;
import java.util.function.Consumer;

import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;

/**
 * Where the events of a {@link StreamCall} go, in order, on an SDK thread.
 */
interface StreamSink {

	/**
	 * Whether the caller gets anything of {@code event} (then a retry of the stream fails
	 * the call rather than hand it over twice).
	 * @param event the event
	 * @return whether {@link #accept} hands something over
	 */
	boolean wants(ConverseStreamOutput event);

	/**
	 * Hands an event to the caller.
	 * @param event an event it {@link #wants}
	 */
	void accept(ConverseStreamOutput event);

	/**
	 * The caller's callback, as the pipe's methods name it (for the failure when it
	 * throws).
	 * @return {@code onText} or {@code onEvent}
	 */
	String callback();

	/**
	 * A sink of the text deltas.
	 * @param onText gets each piece of text
	 * @return the sink
	 */
	static StreamSink text(Consumer<String> onText) {
		Objects.requireNonNull(onText, "onText (the callback that gets each piece of text) is null");
		return new StreamSink() {

			@Override
			public boolean wants(ConverseStreamOutput event) {
				return event instanceof ContentBlockDeltaEvent delta && delta.delta() != null
						&& delta.delta().text() != null;
			}

			@Override
			public void accept(ConverseStreamOutput event) {
				onText.accept(((ContentBlockDeltaEvent) event).delta().text());
			}

			@Override
			public String callback() {
				return "onText";
			}

		};
	}

	/**
	 * A sink of every event.
	 * @param onEvent gets each event
	 * @return the sink
	 */
	static StreamSink events(Consumer<ConverseStreamOutput> onEvent) {
		Objects.requireNonNull(onEvent, "onEvent (the callback that gets each event) is null");
		return new StreamSink() {

			@Override
			public boolean wants(ConverseStreamOutput event) {
				return true;
			}

			@Override
			public void accept(ConverseStreamOutput event) {
				onEvent.accept(event);
			}

			@Override
			public String callback() {
				return "onEvent";
			}

		};
	}

}
