package io.bedrockbinding.pipe;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Delayed;
import java.util.concurrent.FutureTask;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;
import software.amazon.awssdk.services.bedrockruntime.model.ContentBlockDelta;
import software.amazon.awssdk.services.bedrockruntime.model.ConverseStreamOutput;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The silences of one stream, checked by a clock the test runs: a timeout, once decided,
 * is what the caller gets, and nothing of the stream reaches it after.
 */
class StreamCallTests {

	@Test
	void textThatArrivesWhileATimeoutEndsTheCallNeverReachesTheCaller() {
		ManualClock clock = new ManualClock();
		List<String> text = new CopyOnWriteArrayList<>();
		StreamCall call = new StreamCall(StreamSink.text(text::add),
				PipeTimeouts.defaults().withStreamFirstEvent(Duration.ofNanos(1)), clock);
		CompletableFuture<Void> sdkCall = new CompletableFuture<>();
		CompletableFuture<Void> done = call.watch(sdkCall);
		Subscriber<? super ConverseStreamOutput> stream = subscribe(call);
		// The check decides on the timeout; while the call ends (and cancels the check),
		// the stream's first text arrives on an SDK thread.
		clock.onCancel(() -> stream.onNext(ConverseStreamOutput.contentBlockDeltaBuilder()
			.contentBlockIndex(0)
			.delta(ContentBlockDelta.fromText("late"))
			.build()));

		clock.runCheck();

		assertThatExceptionOfType(CompletionException.class).isThrownBy(done::join)
			.withCauseInstanceOf(StreamTimeoutException.class);
		assertThat(text).isEmpty();
		// Nothing reached the caller: another target may still be tried.
		assertThat(call.sawText()).isFalse();
		assertThat(sdkCall).isCancelled();
	}

	@Test
	void aCallCancelledWhileItsSdkCallStartsStopsThatCallAtOnce() {
		ManualClock clock = new ManualClock();
		StreamCall call = new StreamCall(StreamSink.text((text) -> {
		}), PipeTimeouts.defaults(), clock);
		// The caller's cancel lands while converseStream runs: before the call has the
		// SDK's future to stop.
		call.fail(new CancellationException("The caller cancelled the stream"));
		CompletableFuture<Void> sdkCall = new CompletableFuture<>();

		CompletableFuture<Void> done = call.watch(sdkCall);

		assertThatExceptionOfType(CancellationException.class).isThrownBy(done::join);
		// The request just sent is aborted, not left to stream until the subscription
		// comes, and no check of its silences is left scheduled.
		assertThat(sdkCall).isCancelled();
		assertThat(clock.hasCheck()).isFalse();
	}

	private static Subscriber<? super ConverseStreamOutput> subscribe(StreamCall call) {
		AtomicReference<Subscriber<? super ConverseStreamOutput>> subscriber = new AtomicReference<>();
		call.onEventStream(subscriber::set);
		subscriber.get().onSubscribe(new Subscription() {

			@Override
			public void request(long n) {
			}

			@Override
			public void cancel() {
			}

		});
		return subscriber.get();
	}

	/**
	 * A clock whose check the test runs, and whose cancel of a check first runs what the
	 * test asked for at that moment.
	 */
	private static final class ManualClock extends StreamClock {

		private @Nullable Runnable check;

		private Runnable onCancel = () -> {
		};

		@Override
		synchronized ScheduledFuture<?> schedule(Runnable check, long delay, TimeUnit unit) {
			this.check = check;
			return new Pending(check);
		}

		void onCancel(Runnable action) {
			this.onCancel = action;
		}

		boolean hasCheck() {
			return this.check != null;
		}

		void runCheck() {
			Runnable current = this.check;
			assertThat(current).as("a scheduled check").isNotNull();
			this.check = null;
			current.run();
		}

		private final class Pending extends FutureTask<Void> implements ScheduledFuture<Void> {

			Pending(Runnable check) {
				super(check, null);
			}

			@Override
			public boolean cancel(boolean mayInterruptIfRunning) {
				Runnable action = ManualClock.this.onCancel;
				ManualClock.this.onCancel = () -> {
				};
				action.run();
				return super.cancel(mayInterruptIfRunning);
			}

			@Override
			public long getDelay(TimeUnit unit) {
				return 0;
			}

			@Override
			public int compareTo(Delayed other) {
				return 0;
			}

		}

	}

}
