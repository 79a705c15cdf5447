package io.bedrockbinding.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A clock that a test moves by hand, for {@link LocalBedrockBuilder#quotaClock(Clock)}
 * and {@link LocalBedrockBuilder#clock(Clock)} (and the pipe's cooldowns): a quota window
 * or a cooldown then passes with {@link #advance(Duration)}, not with a sleep. Safe to
 * read from the emulator's threads while the test moves it.
 */
public final class MovableClock extends Clock {

	private volatile Instant now;

	/**
	 * A clock that stands at the given instant until moved.
	 * @param start the instant it reads first
	 */
	public MovableClock(Instant start) {
		this.now = Objects.requireNonNull(start, "start");
	}

	/**
	 * Moves the clock on.
	 * @param duration how far
	 */
	public void advance(Duration duration) {
		this.now = this.now.plus(duration);
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return this.now;
	}

}
