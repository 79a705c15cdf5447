package io.bedrockbinding.emulator;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * Fault injection of one {@link LocalBedrock}: failures of the next calls, added latency
 * and broken streams. Every HTTP request counts, so the SDK's retries consume injected
 * failures like real ones. Thread-safe; {@link LocalBedrock#reset()} clears it.
 */
public final class Faults {

	/**
	 * The bedrock-runtime operations that {@link #failNext(int, Fault)} and
	 * {@link #latency(Duration)} affect.
	 */
	public static final Set<String> RUNTIME_APIS = Set.of("Converse", "ConverseStream", "InvokeModel");

	private final Deque<Failure> failures = new ArrayDeque<>();

	private final Deque<StreamBreak> streamBreaks = new ArrayDeque<>();

	private final Deque<Broken> brokenAnswers = new ArrayDeque<>();

	private final Deque<StreamPause> streamPauses = new ArrayDeque<>();

	private int toolUseCuts;

	/** Whether anything is armed: lets the hot path skip the lock. */
	private volatile boolean armed;

	private volatile Duration latency = Duration.ZERO;

	private final Quotas quotas = new Quotas();

	Faults() {
	}

	/**
	 * Per-target quotas of requests and tokens per minute, refused with Bedrock's
	 * {@code ThrottlingException}.
	 * @return the quotas of this emulator
	 */
	public Quotas quotas() {
		return this.quotas;
	}

	/**
	 * Fails the next {@code n} bedrock-runtime requests (Converse, ConverseStream,
	 * InvokeModel) with {@code fault}. Calls queue up: after these {@code n}, the
	 * failures asked for by a later call follow.
	 * @param n how many requests fail
	 * @param fault the error they fail with
	 * @return this
	 */
	public Faults failNext(int n, Fault fault) {
		return add(n, fault, null);
	}

	/**
	 * Fails the next {@code n} requests of one operation, any API (for example
	 * {@code "ListInferenceProfiles"} or {@code "GetCallerIdentity"}), with
	 * {@code fault}.
	 * @param api the operation, e.g. {@code "Converse"}
	 * @param n how many requests fail
	 * @param fault the error they fail with
	 * @return this
	 */
	public Faults failNext(String api, int n, Fault fault) {
		return add(n, fault, Objects.requireNonNull(api, "api"));
	}

	/**
	 * Delays every bedrock-runtime answer by {@code latency} (zero turns it off). The
	 * delay is part of the reported {@code latencyMs}.
	 * @param latency the delay of every answer
	 * @return this
	 */
	public Faults latency(Duration latency) {
		if (latency.isNegative()) {
			throw new IllegalArgumentException("latency must not be negative, got " + latency);
		}
		this.latency = latency;
		return this;
	}

	/**
	 * The added latency of bedrock-runtime answers.
	 * @return the delay, zero when off
	 */
	public Duration latency() {
		return this.latency;
	}

	/**
	 * Breaks the next ConverseStream: it sends {@code afterDeltas} text deltas (at most
	 * as many as the reply has) and then a {@code modelStreamErrorException} event.
	 * @param afterDeltas the text deltas sent before the exception
	 * @return this
	 */
	public Faults breakNextStream(int afterDeltas) {
		return addBreak(afterDeltas, "modelStreamErrorException",
				"The stream was broken by LocalBedrock after " + afterDeltas + " deltas.");
	}

	/**
	 * Breaks the next ConverseStream with the exception event of {@code fault} after
	 * {@code afterDeltas} text deltas. Only faults that ConverseStream can send inside a
	 * stream are accepted ({@link Fault#streamExceptionType()}).
	 * @param afterDeltas the text deltas sent before the exception
	 * @param fault the error the stream ends with
	 * @return this
	 */
	public Faults breakNextStream(int afterDeltas, Fault fault) {
		String type = fault.streamExceptionType();
		if (type == null) {
			throw new IllegalArgumentException(fault + " cannot be sent inside a ConverseStream; use THROTTLING, "
					+ "SERVICE_UNAVAILABLE or INTERNAL_SERVER");
		}
		return addBreak(afterDeltas, type, fault.message());
	}

	/**
	 * Spoils the answers to the next {@code n} bedrock-runtime requests (Converse,
	 * ConverseStream, InvokeModel) as {@code broken} says. Like failures, they are
	 * consumed by the SDK's retries.
	 * @param n how many requests get a broken answer
	 * @param broken how the answer is broken
	 * @return this
	 */
	public synchronized Faults breakNext(int n, BrokenAnswer broken) {
		Objects.requireNonNull(broken, "broken");
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative, got " + n);
		}
		if (n > 0) {
			this.brokenAnswers.add(new Broken(broken, n));
			this.armed = true;
		}
		return this;
	}

	/**
	 * Makes the next ConverseStream fall silent for {@code pause} after
	 * {@code afterDeltas} text deltas (at most as many as the reply has), and then go on
	 * as usual.
	 * @param afterDeltas the text deltas sent before the pause
	 * @param pause how long the stream sends nothing
	 * @return this
	 */
	public synchronized Faults pauseNextStream(int afterDeltas, Duration pause) {
		if (afterDeltas < 0) {
			throw new IllegalArgumentException("afterDeltas must not be negative, got " + afterDeltas);
		}
		if (pause.isNegative()) {
			throw new IllegalArgumentException("pause must not be negative, got " + pause);
		}
		this.streamPauses.add(new StreamPause(afterDeltas, pause));
		this.armed = true;
		return this;
	}

	/**
	 * Cuts the tool use of the next ConverseStream that calls a tool, as when maxTokens
	 * runs out inside it: its input deltas stop one character short of the input JSON, so
	 * that they do not join into JSON, and the stop reason is {@code max_tokens} (Bedrock
	 * streams a tool use cut so: aaif-goose/goose issue 11838).
	 * @return this
	 */
	public synchronized Faults cutNextToolUse() {
		this.toolUseCuts++;
		this.armed = true;
		return this;
	}

	/**
	 * How many injected failures (not stream breaks) are still to come.
	 * @return the number of requests still to fail
	 */
	public synchronized int remaining() {
		int total = 0;
		for (Failure failure : this.failures) {
			total += failure.remaining;
		}
		return total;
	}

	/**
	 * Removes every armed failure, stream break, broken answer, pause and the added
	 * latency.
	 * @return this
	 */
	public synchronized Faults clear() {
		this.failures.clear();
		this.streamBreaks.clear();
		this.brokenAnswers.clear();
		this.streamPauses.clear();
		this.toolUseCuts = 0;
		this.latency = Duration.ZERO;
		this.armed = false;
		return this;
	}

	/**
	 * The fault the next request of {@code api} must fail with, consuming it.
	 * @param api the operation of the request
	 * @return the fault, or {@code null} for none
	 */
	@Nullable Fault take(String api) {
		if (!this.armed) {
			return null;
		}
		synchronized (this) {
			for (Iterator<Failure> iterator = this.failures.iterator(); iterator.hasNext();) {
				Failure failure = iterator.next();
				if (failure.matches(api)) {
					if (--failure.remaining == 0) {
						iterator.remove();
					}
					rearm();
					return failure.fault;
				}
			}
			return null;
		}
	}

	/**
	 * The break the next ConverseStream must suffer, consuming it.
	 * @return the break, or {@code null} for none
	 */
	@Nullable StreamBreak takeStreamBreak() {
		if (!this.armed) {
			return null;
		}
		synchronized (this) {
			StreamBreak streamBreak = this.streamBreaks.poll();
			rearm();
			return streamBreak;
		}
	}

	/**
	 * How the answer to the next request of {@code api} must be broken, consuming it.
	 * @param api the operation of the request
	 * @return the breakage, or {@code null} for none
	 */
	@Nullable BrokenAnswer takeBroken(String api) {
		if (!this.armed || !RUNTIME_APIS.contains(api)) {
			return null;
		}
		synchronized (this) {
			Broken broken = this.brokenAnswers.peek();
			if (broken == null) {
				return null;
			}
			if (--broken.remaining == 0) {
				this.brokenAnswers.poll();
			}
			rearm();
			return broken.kind;
		}
	}

	/**
	 * The pause the next ConverseStream must make, consuming it.
	 * @return the pause, or {@code null} for none
	 */
	@Nullable StreamPause takeStreamPause() {
		if (!this.armed) {
			return null;
		}
		synchronized (this) {
			StreamPause pause = this.streamPauses.poll();
			rearm();
			return pause;
		}
	}

	/**
	 * Whether the tool use of this ConverseStream must be cut
	 * ({@link #cutNextToolUse()}), consuming the cut when the answer has a tool use to
	 * cut.
	 * @param callsTool whether the stream's answer calls a tool
	 * @return whether to cut it
	 */
	boolean takeToolUseCut(boolean callsTool) {
		if (!this.armed || !callsTool) {
			return false;
		}
		synchronized (this) {
			boolean cut = this.toolUseCuts > 0;
			if (cut) {
				this.toolUseCuts--;
			}
			rearm();
			return cut;
		}
	}

	Duration latencyOf(String api) {
		return RUNTIME_APIS.contains(api) ? this.latency : Duration.ZERO;
	}

	private synchronized Faults add(int n, Fault fault, @Nullable String api) {
		Objects.requireNonNull(fault, "fault");
		if (n < 0) {
			throw new IllegalArgumentException("n must not be negative, got " + n);
		}
		if (n > 0) {
			this.failures.add(new Failure(fault, api, n));
			this.armed = true;
		}
		return this;
	}

	private synchronized Faults addBreak(int afterDeltas, String exceptionType, String message) {
		if (afterDeltas < 0) {
			throw new IllegalArgumentException("afterDeltas must not be negative, got " + afterDeltas);
		}
		this.streamBreaks.add(new StreamBreak(afterDeltas, exceptionType, message));
		this.armed = true;
		return this;
	}

	private void rearm() {
		this.armed = !this.failures.isEmpty() || !this.streamBreaks.isEmpty() || !this.brokenAnswers.isEmpty()
				|| !this.streamPauses.isEmpty() || this.toolUseCuts > 0;
	}

	/**
	 * A ConverseStream that ends with an exception event.
	 *
	 * @param afterDeltas the text deltas sent before the exception
	 * @param exceptionType the {@code :exception-type} header
	 * @param message the exception's message
	 */
	record StreamBreak(int afterDeltas, String exceptionType, String message) {
	}

	/**
	 * A ConverseStream that falls silent for a while.
	 *
	 * @param afterDeltas the text deltas sent before the pause
	 * @param pause how long nothing is sent
	 */
	record StreamPause(int afterDeltas, Duration pause) {
	}

	private static final class Broken {

		final BrokenAnswer kind;

		int remaining;

		Broken(BrokenAnswer kind, int remaining) {
			this.kind = kind;
			this.remaining = remaining;
		}

	}

	private static final class Failure {

		final Fault fault;

		final @Nullable String api;

		int remaining;

		Failure(Fault fault, @Nullable String api, int remaining) {
			this.fault = fault;
			this.api = api;
			this.remaining = remaining;
		}

		boolean matches(String call) {
			return (this.api != null) ? this.api.equals(call) : RUNTIME_APIS.contains(call);
		}

	}

}
