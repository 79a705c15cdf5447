package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.core.async.SdkPublisher;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponse;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamResponseHandler;
import software.amazon.awssdk.services.bedrockruntime.model.Message;

/**
 * One ConverseStream call of a pipe, across the SDK's attempts: assembles the events into
 * a {@link PipeResult} ({@link StreamAnswer}), hands them to the caller's
 * {@link StreamSink} in order, and bounds the silences of the stream. The SDK retries a
 * broken stream from its start; an attempt that starts before anything reached the caller
 * replaces the earlier one unseen, one that starts after ends the call with a
 * {@link StreamInterruptedException}: the caller must never get an event twice. What the
 * caller's callback throws ends the call ({@link StreamCallbackException}).
 */
final class StreamCall implements ConverseStreamResponseHandler {

	private final StreamSink sink;

	private final PipeTimeouts timeouts;

	private final StreamClock clock;

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	// Guards everything below: the SDK's threads and the clock's thread both touch it.
	private final Object lock = new Object();

	private StreamAnswer answer = new StreamAnswer();

	private int pieces;

	private int attempts;

	private @Nullable String requestId;

	private @Nullable Throwable lastAttemptFailure;

	private long lastEvent;

	private boolean started;

	private @Nullable Subscription subscription;

	private @Nullable ScheduledFuture<?> timer;

	private @Nullable CompletableFuture<Void> sdkCall;

	// Whether the call's outcome is decided: set under the lock by the one thread that
	// then completes done (outside it, so that no caller's continuation runs under the
	// lock). Every check of "is the call over" reads it, not done: an event or an end
	// that comes after a timeout was decided finds it set, although done may not be
	// complete yet.
	private boolean over;

	StreamCall(StreamSink sink, PipeTimeouts timeouts, StreamClock clock) {
		this.sink = sink;
		this.timeouts = timeouts;
		this.clock = clock;
	}

	/**
	 * Sends the request, unless the call is over already (the caller cancelled it since
	 * its attempt started): then nothing reaches Bedrock.
	 * @param converseStream calls the SDK
	 * @return what the SDK returned, or a failed future if nothing was sent
	 */
	CompletableFuture<Void> send(Supplier<CompletableFuture<Void>> converseStream) {
		synchronized (this.lock) {
			if (this.over) {
				return CompletableFuture.failedFuture(new CancellationException("The call ended before it was sent"));
			}
		}
		return converseStream.get();
	}

	/**
	 * Watches the SDK's future of this call; stops it at once if the call ended while the
	 * SDK started it.
	 * @param sdkCall what {@code converseStream} returned
	 * @return a future that completes when the stream ended, or fails with the SDK's
	 * failure, a {@link StreamInterruptedException} or a {@link StreamTimeoutException}
	 */
	CompletableFuture<Void> watch(CompletableFuture<Void> sdkCall) {
		boolean ended;
		synchronized (this.lock) {
			ended = this.over;
			if (!ended) {
				this.sdkCall = sdkCall;
				this.lastEvent = System.nanoTime();
				this.clock.started(this);
				schedule(this.timeouts.streamFirstEvent().toNanos());
			}
		}
		if (ended) {
			sdkCall.cancel(false);
		}
		else {
			sdkCall.whenComplete((ignored, failure) -> finish(failure));
		}
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
					this.answer = new StreamAnswer();
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
				boolean ended;
				synchronized (StreamCall.this.lock) {
					ended = StreamCall.this.over;
					StreamCall.this.subscription = subscription;
				}
				if (ended) {
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
		boolean handOver;
		int handedOver;
		synchronized (this.lock) {
			if (this.over) {
				return;
			}
			this.started = true;
			this.lastEvent = System.nanoTime();
			this.answer.accept(event);
			handOver = this.sink.wants(event);
			if (handOver) {
				this.pieces++;
			}
			handedOver = this.pieces;
		}
		// The SDK hands the events over one at a time: the caller gets them in order.
		if (handOver) {
			try {
				this.sink.accept(event);
			}
			catch (RuntimeException ex) {
				// The caller's own failure ends the call as it is; thrown on, it would
				// break the SDK's event stream and come back as a failed HTTP request.
				fail(new StreamCallbackException(this.sink.callback(), handedOver, ex));
			}
		}
	}

	/** Runs on the clock's thread when a bound may have passed. */
	private void check() {
		StreamTimeoutException timeout;
		Ending ending;
		synchronized (this.lock) {
			if (this.over) {
				return;
			}
			Duration bound = this.started ? this.timeouts.streamIdle() : this.timeouts.streamFirstEvent();
			long silent = System.nanoTime() - this.lastEvent;
			if (silent < bound.toNanos()) {
				schedule(bound.toNanos() - silent);
				return;
			}
			// Decided here, under the lock that events take: none reaches the caller
			// from now on, and an end of the stream from now on is too late.
			timeout = new StreamTimeoutException(this.started, bound);
			ending = decide();
		}
		end(ending, timeout, true);
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
	 * @param failure why the call ends, e.g. the caller's cancel
	 */
	void fail(Throwable failure) {
		end(decideNow(), failure, true);
	}

	/**
	 * Ends the call as the SDK's future did.
	 * @param failure its failure, or {@code null} if the stream ended
	 */
	private void finish(@Nullable Throwable failure) {
		end(decideNow(), failure, false);
	}

	private @Nullable Ending decideNow() {
		synchronized (this.lock) {
			return decide();
		}
	}

	/**
	 * Decides that the call is over, once; called under the lock.
	 * @return what there is to stop, or {@code null} if the call was over already
	 */
	private @Nullable Ending decide() {
		if (this.over) {
			return null;
		}
		this.over = true;
		Ending ending = new Ending(this.timer, this.subscription, this.sdkCall);
		this.timer = null;
		return ending;
	}

	/**
	 * Carries out a decided end, outside the lock: stops the check (and the stream), then
	 * completes the call.
	 * @param ending what {@link #decide()} returned
	 * @param failure why the call ends, or {@code null} if the stream ended
	 * @param stop whether to stop the SDK's stream
	 */
	private void end(@Nullable Ending ending, @Nullable Throwable failure, boolean stop) {
		if (ending == null) {
			return;
		}
		this.clock.ended(this);
		ScheduledFuture<?> pending = ending.timer();
		Subscription stream = ending.subscription();
		CompletableFuture<Void> call = ending.sdkCall();
		if (pending != null) {
			pending.cancel(false);
		}
		if (stop && stream != null) {
			stream.cancel();
		}
		if (stop && call != null) {
			call.cancel(false);
		}
		if (failure != null) {
			this.done.completeExceptionally(failure);
		}
		else {
			this.done.complete(null);
		}
	}

	/**
	 * Whether anything reached the caller (then no other target may be tried).
	 * @return whether the caller got an event or text
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
			return this.answer.sawMessage();
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
	 * @param sent the messages the request sent
	 * @param fallback whether the call was the on-demand fallback
	 * @return the result
	 */
	PipeResult result(String modelId, Route route, List<Message> sent, boolean fallback) {
		synchronized (this.lock) {
			return Replies.result(this.answer.response(), this.requestId, modelId, route, sent, fallback);
		}
	}

	/**
	 * What a decided end stops.
	 *
	 * @param timer the pending check
	 * @param subscription the stream's subscription
	 * @param sdkCall the SDK's future
	 */
	private record Ending(@Nullable ScheduledFuture<?> timer, @Nullable Subscription subscription,
			@Nullable CompletableFuture<Void> sdkCall) {
	}

}
