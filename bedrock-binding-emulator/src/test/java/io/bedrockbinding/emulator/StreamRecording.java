package io.bedrockbinding.emulator;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput.EventType;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamRequest;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/** The events (or the error) of one ConverseStream call through the real async client. */
final class StreamRecording {

	final List<ConverseStreamOutput> events = new CopyOnWriteArrayList<>();

	final AtomicReference<Throwable> error = new AtomicReference<>();

	static StreamRecording of(BedrockRuntimeAsyncClient client, ConverseStreamRequest request) {
		StreamRecording recording = new StreamRecording();
		ConverseStreamResponseHandler handler = ConverseStreamResponseHandler.builder()
			.subscriber(recording.events::add)
			.onError((error) -> recording.error.compareAndSet(null, unwrap(error)))
			.build();
		CompletableFuture<Void> done = client.converseStream(request, handler);
		try {
			done.get(10, TimeUnit.SECONDS);
		}
		catch (Exception ex) {
			recording.error.compareAndSet(null, unwrap(ex));
		}
		return recording;
	}

	private static Throwable unwrap(Throwable error) {
		Throwable unwrapped = error;
		while ((unwrapped instanceof CompletionException || unwrapped instanceof ExecutionException)
				&& unwrapped.getCause() != null) {
			unwrapped = unwrapped.getCause();
		}
		return unwrapped;
	}

	List<EventType> types() {
		return this.events.stream().map(ConverseStreamOutput::sdkEventType).toList();
	}

	List<ContentBlockDeltaEvent> deltas(int index) {
		return this.events.stream()
			.filter(ContentBlockDeltaEvent.class::isInstance)
			.map(ContentBlockDeltaEvent.class::cast)
			.filter((delta) -> delta.contentBlockIndex() == index)
			.toList();
	}

	String text(int index) {
		return deltas(index).stream()
			.map((delta) -> delta.delta().text())
			.filter((text) -> text != null)
			.collect(Collectors.joining());
	}

	ContentBlockStartEvent start() {
		return of(ContentBlockStartEvent.class);
	}

	String stopReason() {
		return of(MessageStopEvent.class).stopReasonAsString();
	}

	ConverseStreamMetadataEvent metadata() {
		return of(ConverseStreamMetadataEvent.class);
	}

	<T> T of(Class<T> type) {
		return this.events.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
	}

}
