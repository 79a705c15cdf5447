package io.bedrockbinding.pipe;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import io.bedrockbinding.InvalidSettingException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;

/**
 * Which targets of a factory are cooling down: a target that was throttled {@code after}
 * times in a row (each after the SDK's own retries) is skipped by every chain for
 * {@code duration}, then probed again by the next call; one success ends it. Thread-safe:
 * each target's state is replaced atomically in a concurrent map, so a read on the call
 * path takes no lock.
 */
public final class Cooldowns {

	private final Duration duration;

	private final int after;

	private final Clock clock;

	private final ConcurrentHashMap<Key, State> states = new ConcurrentHashMap<>();

	/**
	 * Cooldowns of one factory.
	 * @param duration how long a target is skipped
	 * @param after how many throttled calls in a row start a cooldown, at least 1
	 * @param clock the clock cooldowns are timed with
	 */
	public Cooldowns(Duration duration, int after, Clock clock) {
		Objects.requireNonNull(duration, "cooldown is null");
		Objects.requireNonNull(clock, "clock is null");
		if (duration.isNegative()) {
			throw new InvalidSettingException("cooldown", "must be zero or more, got " + duration);
		}
		if (after < 1) {
			throw new InvalidSettingException("cooldownAfter", "must be 1 or more, got " + after);
		}
		this.duration = duration;
		this.after = after;
		this.clock = clock;
	}

	/**
	 * Whether calls skip {@code target} in {@code region} now.
	 * @param target the target value
	 * @param region the region it is called in
	 * @return whether it is cooling down
	 */
	public boolean isCoolingDown(String target, String region) {
		State state = this.states.get(new Key(target, region));
		return state != null && state.until != null && this.clock.instant().isBefore(state.until);
	}

	/**
	 * Whether a request sent without a pipe (through a {@code BindingInterceptor}) was
	 * throttled, as a pipe tells it: Bedrock's ThrottlingException (also as a
	 * ConverseStream names it inside a stream, {@code throttlingException}),
	 * ServiceQuotaExceededException or ModelNotReadyException.
	 * @param failure what the request failed with
	 * @return whether to record it with {@link #throttled}
	 */
	public static boolean isThrottle(Throwable failure) {
		return failure instanceof AwsServiceException aws && aws.awsErrorDetails() != null
				&& PipeErrors.isThrottling(aws);
	}

	/**
	 * Records a throttled call of {@code target}.
	 * @param target the target value
	 * @param region the region it was called in
	 */
	public void throttled(String target, String region) {
		Instant now = this.clock.instant();
		this.states.compute(new Key(target, region), (key, state) -> {
			int throttles = ((state != null) ? state.throttles : 0) + 1;
			Instant until = (throttles >= this.after) ? now.plus(this.duration) : null;
			return new State(throttles, until, now);
		});
	}

	/**
	 * Records an answer of {@code target}: its cooldown, if any, ends.
	 * @param target the target value
	 * @param region the region it was called in
	 */
	public void succeeded(String target, String region) {
		if (!this.states.isEmpty()) {
			this.states.remove(new Key(target, region));
		}
	}

	/**
	 * The targets that are cooling down now, the soonest to end first.
	 * @return the cooldowns
	 */
	public List<Cooldown> active() {
		Instant now = this.clock.instant();
		List<Cooldown> active = new ArrayList<>();
		this.states.forEach((key, state) -> {
			if (state.until != null && now.isBefore(state.until)) {
				active.add(new Cooldown(key.target(), key.region(), state.until, state.throttles));
			}
		});
		active.sort(Comparator.comparing(Cooldown::until));
		return active;
	}

	/**
	 * How long a target is skipped.
	 * @return the duration
	 */
	public Duration duration() {
		return this.duration;
	}

	/**
	 * How many throttled calls in a row start a cooldown.
	 * @return the count
	 */
	public int after() {
		return this.after;
	}

	/**
	 * A target that calls skip until {@code until}.
	 *
	 * @param target the target value
	 * @param region the region it is called in
	 * @param until when the next call probes it again
	 * @param throttles the throttled calls in a row that led to it
	 */
	public record Cooldown(String target, String region, Instant until, int throttles) {
	}

	private record Key(String target, String region) {
	}

	private record State(int throttles, Instant until, Instant last) {
	}

}
