package io.bedrockbinding.pipe;

import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
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
	 * A sink of the text deltas and of the reasoning's text deltas, each to its own
	 * callback: both count as handed over, the rest (message start, signatures, stop,
	 * metadata) does not.
	 * @param onText gets each piece of text
	 * @param onReasoning gets each piece of the reasoning's text
	 * @return the sink
	 */
	static StreamSink textAndReasoning(Consumer<String> onText, Consumer<String> onReasoning) {
		Objects.requireNonNull(onText, "onText (the callback that gets each piece of text) is null");
		Objects.requireNonNull(onReasoning, "onReasoning (the callback that gets each piece of reasoning) is null");
		return new StreamSink() {

			/** The callback of the last piece, the one that threw if one did. */
			private String callback = "onText";

			@Override
			public boolean wants(ConverseStreamOutput event) {
				return event instanceof ContentBlockDeltaEvent delta && delta.delta() != null
						&& (delta.delta().text() != null || reasoningText(delta.delta()) != null);
			}

			@Override
			public void accept(ConverseStreamOutput event) {
				ContentBlockDelta delta = ((ContentBlockDeltaEvent) event).delta();
				if (delta.text() != null) {
					this.callback = "onText";
					onText.accept(delta.text());
				}
				else {
					this.callback = "onReasoning";
					onReasoning.accept(reasoningText(delta));
				}
			}

			@Override
			public String callback() {
				return this.callback;
			}

		};
	}

	/**
	 * The text of a reasoning delta.
	 * @param delta a delta
	 * @return its reasoning's text, or {@code null} when it has none (a signature, or no
	 * reasoning)
	 */
	private static @Nullable String reasoningText(ContentBlockDelta delta) {
		return (delta.reasoningContent() != null) ? delta.reasoningContent().text() : null;
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
