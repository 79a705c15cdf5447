package io.bedrockbinding.actuate.endpoint;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.bedrockbinding.pipe.Cooldowns;

/**
 * The pipe factory's failover state in the {@code bedrockbindings} document.
 *
 * @param cooldown how long a target that keeps throttling is skipped
 * @param cooldownAfter how many throttled calls in a row start a cooldown
 * @param cooldowns the targets calls skip now, the soonest to end first
 */
public record FailoverDescriptor(Duration cooldown, int cooldownAfter, List<CooldownDescriptor> cooldowns) {

	static FailoverDescriptor of(Cooldowns cooldowns, AccountMask mask) {
		return new FailoverDescriptor(cooldowns.duration(), cooldowns.after(),
				cooldowns.active()
					.stream()
					.map((cooldown) -> new CooldownDescriptor(mask.text(cooldown.target()), cooldown.region(),
							cooldown.until(), cooldown.throttles()))
					.toList());
	}

	/**
	 * A target that calls skip for now.
	 *
	 * @param target the target (account IDs masked unless values are shown)
	 * @param region the region it is called in
	 * @param until when the next call probes it again
	 * @param throttles the throttled calls in a row that led to it
	 */
	public record CooldownDescriptor(String target, String region, Instant until, int throttles) {
	}

}
