package io.bedrockbinding.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * Per-target quotas of requests and tokens per minute, as Bedrock enforces them per
 * account, region and model: a runtime call (Converse, ConverseStream, InvokeModel)
 * beyond a quota of the target it names is refused with Bedrock's
 * {@code ThrottlingException} (429), so that failover can be rehearsed locally. A quota
 * counts the calls it admitted over the last minute of its clock (a sliding window); a
 * refused call counts for nothing. Tokens are the request's input tokens as LocalBedrock
 * counts them. Thread-safe; the clock is injectable, so tests move time instead of
 * sleeping.
 *
 * <pre>{@code
 * bedrock.faults().quotas().requestsPerMinute("us.amazon.nova-pro-v1:0", 60);
 * }</pre>
 */
public final class Quotas {

	private static final Duration WINDOW = Duration.ofMinutes(1);

	// Bedrock's messages for the two quotas, as AWS's knowledge-center article on
	// throttling quotes them:
	// https://repost.aws/knowledge-center/bedrock-throttling-error
	static final String TOO_MANY_REQUESTS = "Too many requests, please wait before trying again.";

	static final String TOO_MANY_TOKENS = "Too many tokens, please wait before trying again.";

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private volatile Clock clock = Clock.systemUTC();

	Quotas() {
	}

	/**
	 * Limits the calls of {@code target} to {@code requestsPerMinute} a minute.
	 * @param target the model ID, profile ID or ARN as calls name it
	 * @param requestsPerMinute the most calls in any minute, at least 1
	 * @return these quotas
	 */
	public Quotas requestsPerMinute(String target, int requestsPerMinute) {
		return set(target, requestsPerMinute, null);
	}

	/**
	 * Limits the input tokens of {@code target}'s calls to {@code tokensPerMinute} a
	 * minute.
	 * @param target the model ID, profile ID or ARN as calls name it
	 * @param tokensPerMinute the most tokens in any minute, at least 1
	 * @return these quotas
	 */
	public Quotas tokensPerMinute(String target, int tokensPerMinute) {
		return set(target, null, tokensPerMinute);
	}

	/**
	 * Times the windows with {@code clock}.
	 * @param clock the clock
	 * @return these quotas
	 */
	public Quotas clock(Clock clock) {
		this.clock = clock;
		return this;
	}

	/**
	 * Removes every quota.
	 * @return these quotas
	 */
	public Quotas clear() {
		this.windows.clear();
		return this;
	}

	/**
	 * Whether any quota is set.
	 * @return whether calls are counted at all
	 */
	boolean isEmpty() {
		return this.windows.isEmpty();
	}

	/**
	 * Admits a call of {@code target} or refuses it as Bedrock does.
	 * @param target the target the call names
	 * @param tokens supplies the call's input tokens (asked only when a token quota is
	 * set)
	 * @throws BedrockError a {@code ThrottlingException} when a quota is used up
	 */
	void admit(@Nullable String target, java.util.function.IntSupplier tokens) {
		Window window = (target != null) ? this.windows.get(target) : null;
		if (window != null) {
			window.admit(this.clock.instant(), (window.tokensPerMinute != null) ? tokens.getAsInt() : 0);
		}
	}

	/**
	 * The input tokens of a call, as LocalBedrock counts them for its usage; a body it
	 * cannot read counts none (the call then fails on its own).
	 * @param call the call
	 * @return the tokens
	 */
	static int tokensOf(Call call) {
		try {
			return call.api().startsWith("Converse") ? ConverseInput.parse(call.body()).inputTokens()
					: Math.max(1, call.body().length / 4);
		}
		catch (RuntimeException ex) {
			return 0;
		}
	}

	private Quotas set(String target, @Nullable Integer requests, @Nullable Integer tokens) {
		for (Integer limit : new Integer[] { requests, tokens }) {
			if (limit != null && limit < 1) {
				throw new IllegalArgumentException("A quota of " + target + " must be at least 1, got " + limit);
			}
		}
		this.windows.compute(target,
				(key, current) -> new Window(
						(requests != null) ? requests : (current != null) ? current.requestsPerMinute : null,
						(tokens != null) ? tokens : (current != null) ? current.tokensPerMinute : null));
		return this;
	}

	/** The calls one target admitted in the last minute. */
	private static final class Window {

		private final @Nullable Integer requestsPerMinute;

		private final @Nullable Integer tokensPerMinute;

		private final Deque<Instant> times = new ArrayDeque<>();

		private final Deque<Integer> tokens = new ArrayDeque<>();

		private long tokenSum;

		Window(@Nullable Integer requestsPerMinute, @Nullable Integer tokensPerMinute) {
			this.requestsPerMinute = requestsPerMinute;
			this.tokensPerMinute = tokensPerMinute;
		}

		synchronized void admit(Instant now, int callTokens) {
			Instant start = now.minus(WINDOW);
			while (!this.times.isEmpty() && !this.times.peekFirst().isAfter(start)) {
				this.times.removeFirst();
				this.tokenSum -= this.tokens.removeFirst();
			}
			if (this.requestsPerMinute != null && this.times.size() >= this.requestsPerMinute) {
				throw new BedrockError("ThrottlingException", 429, TOO_MANY_REQUESTS);
			}
			if (this.tokensPerMinute != null && this.tokenSum + callTokens > this.tokensPerMinute) {
				throw new BedrockError("ThrottlingException", 429, TOO_MANY_TOKENS);
			}
			this.times.addLast(now);
			this.tokens.addLast(callTokens);
			this.tokenSum += callTokens;
		}

	}

}
