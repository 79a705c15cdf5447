package io.bedrockbinding.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * Where a model is in Bedrock's lifecycle: {@code ACTIVE}, or {@code LEGACY} with the
 * dates AWS announced (legacy, public extended access, end of life; ISO dates, UTC) and,
 * where AWS names one, the recommended successor. Bedrock's {@code ListFoundationModels}
 * reports the same in {@code modelLifecycle}.
 *
 * @param status the status Bedrock reports
 * @param legacy the date the model became (or becomes) legacy, if known
 * @param publicExtendedAccess the date public extended access starts, if known
 * @param endOfLife the date from which Bedrock refuses calls to the model, if known
 * @param successor the model ID AWS recommends instead, if it names one
 */
public record Lifecycle(Status status, @Nullable LocalDate legacy, @Nullable LocalDate publicExtendedAccess,
		@Nullable LocalDate endOfLife, @Nullable String successor) {

	/** An active model with no announced dates: what an entry without lifecycle means. */
	public static final Lifecycle ACTIVE = new Lifecycle(Status.ACTIVE, null, null, null, null);

	public Lifecycle {
		Objects.requireNonNull(status, "status");
	}

	/**
	 * The day in UTC by {@code clock}, the calendar of the catalog's dates.
	 * @param clock the clock
	 * @return today in UTC
	 */
	public static LocalDate today(Clock clock) {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * Whether the model is legacy on {@code today}: its status says so, or its legacy
	 * date has come.
	 * @param today the day to judge
	 * @return whether it is legacy
	 */
	public boolean isLegacy(LocalDate today) {
		return this.status == Status.LEGACY || (this.legacy != null && !today.isBefore(this.legacy));
	}

	/**
	 * Whether the model is past its end of life on {@code today}: Bedrock refuses calls
	 * from that date.
	 * @param today the day to judge
	 * @return whether its end-of-life date has come
	 */
	public boolean isEndOfLife(LocalDate today) {
		return this.endOfLife != null && !today.isBefore(this.endOfLife);
	}

	/**
	 * Whether this is plain {@link #ACTIVE}: nothing worth writing.
	 * @return whether the catalog needs no {@code lifecycle} for it
	 */
	public boolean isDefault() {
		return ACTIVE.equals(this);
	}

	/**
	 * This lifecycle with another status, keeping the dates and the successor.
	 * @param status the new status
	 * @return the lifecycle with that status
	 */
	public Lifecycle withStatus(Status status) {
		return new Lifecycle(status, this.legacy, this.publicExtendedAccess, this.endOfLife, this.successor);
	}

	/** The statuses of {@code modelLifecycle.status}. */
	public enum Status {

		/** Offered and supported. */
		ACTIVE,

		/** Still callable until its end of life; move to the successor. */
		LEGACY

	}

}
