package io.bedrockbinding.pipe;

import java.time.Clock;
import java.time.Duration;

import io.bedrockbinding.InvalidSettingException;

/**
 * How a factory's pipes fail over along a binding's targets.
 *
 * @param cooldown how long a target that keeps throttling is skipped before a call probes
 * it again
 * @param cooldownAfter how many throttled calls in a row (each after the SDK's retries)
 * start a cooldown, at least 1
 * @param sdkMaxAttempts the most attempts the SDK makes on a target that is not the last
 * of its chain (fewer than the client's own, so that the chain is reached quickly); the
 * last target keeps the client's retries; 0 keeps the client's everywhere
 * @param clock the clock cooldowns are timed with
 */
public record FailoverSettings(Duration cooldown, int cooldownAfter, int sdkMaxAttempts, Clock clock) {

	/**
	 * 30 s cooldown after 2 throttled calls in a row; the client's own SDK retries on
	 * every target (fewer attempts are sent with a request plugin, which costs the SDK
	 * about a fifth of a loopback call: see benchmarks/README.md).
	 */
	public static final FailoverSettings DEFAULT = new FailoverSettings(Duration.ofSeconds(30), 2, 0,
			Clock.systemUTC());

	public FailoverSettings {
		if (sdkMaxAttempts < 0) {
			throw new InvalidSettingException("sdkMaxAttempts", "must be 0 or more, got " + sdkMaxAttempts);
		}
		new Cooldowns(cooldown, cooldownAfter, clock);
	}

	/**
	 * These settings with another clock (tests time cooldowns without sleeping).
	 * @param clock the clock
	 * @return the settings
	 */
	public FailoverSettings withClock(Clock clock) {
		return new FailoverSettings(this.cooldown, this.cooldownAfter, this.sdkMaxAttempts, clock);
	}

}
