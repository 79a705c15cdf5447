package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDeltaEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamMetadataEvent;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStartEvent;
import software.amazon.awssdk.services.bedrockruntime.model.MessageStopEvent;

/**
 * One ConverseStream call of a pipe, across the SDK's attempts: gathers the events into a
 * {@link PipeResult}, hands text to the caller, and bounds the silences of the stream.
 * The SDK retries a broken stream from its start; an attempt that starts before any text
 * reached the caller replaces the earlier one unseen, one that starts after ends the call
 * with a {@link StreamInterruptedException}: the caller must never get text twice.
 */
final class StreamCall implements ConverseStreamResponseHandler {

	private final Consumer<String> onText;

	private final PipeTimeouts timeouts;

	private final StreamClock clock;

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	// Guards everything below: the SDK's threads and the clock's thread both touch it.
	private final Object lock = new Object();

	private final StringBuilder text = new StringBuilder();

	private int pieces;

	private int attempts;

	private boolean sawOutput;

	private String stopReason = "end_turn";

	private TokenUsage usage = TokenUsage.NONE;

	private Duration latency = Duration.ZERO;

	private @Nullable String requestId;

	private @Nullable Throwable lastAttemptFailure;

	private long lastEvent;

	private boolean started;

	private @Nullable Subscription subscription;

	private @Nullable ScheduledFuture<?> timer;

	private @Nullable CompletableFuture<Void> sdkCall;

	StreamCall(Consumer<String> onText, PipeTimeouts timeouts, StreamClock clock) {
		this.onText = onText;
		this.timeouts = timeouts;
		this.clock = clock;
	}

	/**
	 * Watches the SDK's future of this call.
	 * @param sdkCall what {@code converseStream} returned
	 * @return a future that completes when the stream ended, or fails with the SDK's
	 * failure, a {@link StreamInterruptedException} or a {@link StreamTimeoutException}
	 */
	CompletableFuture<Void> watch(CompletableFuture<Void> sdkCall) {
		synchronized (this.lock) {
			this.sdkCall = sdkCall;
			this.lastEvent = System.nanoTime();
			schedule(this.timeouts.streamFirstEvent().toNanos());
		}
		sdkCall.whenComplete((ignored, failure) -> finish(failure));
		return this.done;
	}

	@Override
	public void responseReceived(ConverseStreamResponse response) {
		StreamInterruptedException interrupted = null;
		synchronized (this.lock) {
			this.attempts++;
			if (this.attempts > 1) {
				if (this.pieces > 0) {
					interrupted = new StreamInterruptedException(this.pieces, this.lastAttemptFailure);
				}
				else {
					// Nothing reached the caller: the new attempt starts the reply
					// afresh.
					this.text.setLength(0);
					this.sawOutput = false;
					this.stopReason = "end_turn";
					this.usage = TokenUsage.NONE;
					this.latency = Duration.ZERO;
					this.started = false;
					this.lastEvent = System.nanoTime();
				}
			}
			this.requestId = response.responseMetadata().requestId();
		}
		if (interrupted != null) {
			fail(interrupted);
		}
	}

	@Override
	public void onEventStream(SdkPublisher<ConverseStreamOutput> publisher) {
		publisher.subscribe(new Subscriber<ConverseStreamOutput>() {

			@Override
			public void onSubscribe(Subscription subscription) {
				boolean over;
				synchronized (StreamCall.this.lock) {
					over = StreamCall.this.done.isDone();
					StreamCall.this.subscription = subscription;
				}
				if (over) {
					subscription.cancel();
				}
				else {
					subscription.request(Long.MAX_VALUE);
				}
			}

			@Override
			public void onNext(ConverseStreamOutput event) {
				event(event);
			}

			@Override
			public void onError(Throwable failure) {
				// The SDK's future fails with it too (or retries).
			}

			@Override
			public void onComplete() {
			}

		});
	}

	@Override
	public void exceptionOccurred(Throwable failure) {
		synchronized (this.lock) {
			this.lastAttemptFailure = failure;
		}
	}

	@Override
	public void complete() {
	}

	private void event(ConverseStreamOutput event) {
		String delta = null;
		synchronized (this.lock) {
			if (this.done.isDone()) {
				return;
			}
			this.started = true;
			this.lastEvent = System.nanoTime();
			if (event instanceof ContentBlockDeltaEvent deltaEvent) {
				delta = (deltaEvent.delta() != null) ? deltaEvent.delta().text() : null;
				if (delta != null) {
					this.text.append(delta);
					this.pieces++;
				}
			}
			else if (event instanceof MessageStartEvent) {
				this.sawOutput = true;
			}
			else if (event instanceof MessageStopEvent stop) {
				this.sawOutput = true;
				this.stopReason = stop.stopReasonAsString();
			}
			else if (event instanceof ConverseStreamMetadataEvent metadata) {
				this.usage = Replies.usage(metadata.usage());
				if (metadata.metrics() != null && metadata.metrics().latencyMs() != null) {
					this.latency = Duration.ofMillis(metadata.metrics().latencyMs());
				}
			}
		}
		if (delta != null) {
			this.onText.accept(delta);
		}
	}

	/** Runs on the clock's thread when a bound may have passed. */
	private void check() {
		StreamTimeoutException timeout = null;
		synchronized (this.lock) {
			if (this.done.isDone()) {
				return;
			}
			Duration bound = this.started ? this.timeouts.streamIdle() : this.timeouts.streamFirstEvent();
			long silent = System.nanoTime() - this.lastEvent;
			if (silent >= bound.toNanos()) {
				timeout = new StreamTimeoutException(this.started, bound);
			}
			else {
				schedule(bound.toNanos() - silent);
			}
		}
		if (timeout != null) {
			fail(timeout);
		}
	}

	/**
	 * Checks again after {@code delayNanos}, or sooner: no later than the idle bound, so
	 * that a stream that starts meanwhile is held to it.
	 * @param delayNanos the time left until the bound in force passes
	 */
	private void schedule(long delayNanos) {
		long delay = Math.min(delayNanos, this.timeouts.streamIdle().toNanos());
		this.timer = this.clock.schedule(this::check, delay, TimeUnit.NANOSECONDS);
	}

	/**
	 * Ends the call with {@code failure}, and stops the SDK's stream.
	 * @param failure why the call ends
	 */
	private void fail(Throwable failure) {
		Subscription current;
		CompletableFuture<Void> call;
		synchronized (this.lock) {
			current = this.subscription;
			call = this.sdkCall;
		}
		finish(failure);
		if (current != null) {
			current.cancel();
		}
		if (call != null) {
			call.cancel(false);
		}
	}

	private void finish(@Nullable Throwable failure) {
		ScheduledFuture<?> pending;
		synchronized (this.lock) {
			pending = this.timer;
			this.timer = null;
		}
		if (pending != null) {
			pending.cancel(false);
		}
		if (failure != null) {
			this.done.completeExceptionally(failure);
		}
		else {
			this.done.complete(null);
		}
	}

	/**
	 * Whether any text reached the caller (then no other target may be tried).
	 * @return whether the caller got text
	 */
	boolean sawText() {
		synchronized (this.lock) {
			return this.pieces > 0;
		}
	}

	/**
	 * Whether the stream had a message at all: a stream without one is no answer.
	 * @return whether a message started or stopped
	 */
	boolean sawOutput() {
		synchronized (this.lock) {
			return this.sawOutput;
		}
	}

	/**
	 * The request ID of the last attempt's answer.
	 * @return the request ID, or {@code null} before an answer
	 */
	@Nullable String requestId() {
		synchronized (this.lock) {
			return this.requestId;
		}
	}

	/**
	 * The result of the stream, once it ended.
	 * @param modelId the model ID the caller asked for
	 * @param route the route the call took
	 * @param fallback whether the call was the on-demand fallback
	 * @return the result
	 */
	PipeResult result(String modelId, Route route, boolean fallback) {
		synchronized (this.lock) {
			return new PipeResult(this.text.toString(), this.stopReason, this.usage, this.latency, modelId,
					route.target().value(), route.target().kind(), route.region(), this.requestId, fallback);
		}
	}

}
