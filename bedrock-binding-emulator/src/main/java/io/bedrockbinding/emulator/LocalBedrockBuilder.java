package io.bedrockbinding.emulator;

import java.time.Clock;
import java.util.Objects;
import java.util.regex.Pattern;

import io.bedrockbinding.catalog.ModelCatalog;

/**
 * Configures a {@link LocalBedrock}; reusable, each {@link #build()} makes a new
 * emulator.
 */
public final class LocalBedrockBuilder {

	private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");

	ModelCatalog catalog = ModelCatalog.builtIn();

	String accountId = LocalBedrock.DEFAULT_ACCOUNT_ID;

	String defaultRegion = LocalBedrock.DEFAULT_REGION;

	int port;

	int journalLimit = 100_000;

	Clock clock = Clock.systemUTC();

	LocalBedrockBuilder() {
	}

	/**
	 * The models and geographies to emulate; default {@link ModelCatalog#builtIn()}.
	 * @param catalog the catalog to emulate
	 * @return this
	 */
	public LocalBedrockBuilder catalog(ModelCatalog catalog) {
		this.catalog = Objects.requireNonNull(catalog, "catalog");
		return this;
	}

	/**
	 * The 12-digit account of every caller; default
	 * {@value LocalBedrock#DEFAULT_ACCOUNT_ID}.
	 * @param accountId the account ID, 12 digits
	 * @return this
	 */
	public LocalBedrockBuilder accountId(String accountId) {
		if (!ACCOUNT_ID.matcher(Objects.requireNonNull(accountId, "accountId")).matches()) {
			throw new IllegalArgumentException("An account ID has exactly 12 digits, got '" + accountId + "'");
		}
		this.accountId = accountId;
		return this;
	}

	/**
	 * The region of bearer-token calls; default {@value LocalBedrock#DEFAULT_REGION}.
	 * @param defaultRegion the region of bearer-token calls
	 * @return this
	 */
	public LocalBedrockBuilder defaultRegion(String defaultRegion) {
		this.defaultRegion = LocalBedrock.requireRegion(defaultRegion);
		return this;
	}

	/**
	 * A fixed port; default 0, a free one.
	 * @param port the port, 0 for a free one
	 * @return this
	 */
	public LocalBedrockBuilder port(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
		}
		this.port = port;
		return this;
	}

	/**
	 * How many journal entries are kept (the oldest go first); default 100,000.
	 * @param journalLimit the most entries kept
	 * @return this
	 */
	public LocalBedrockBuilder journalLimit(int journalLimit) {
		if (journalLimit < 1) {
			throw new IllegalArgumentException("journalLimit must be positive, got " + journalLimit);
		}
		this.journalLimit = journalLimit;
		return this;
	}

	/**
	 * The clock that decides whether a model of the catalog is legacy or past its end of
	 * life (refused); default {@link Clock#systemUTC()}.
	 * @param clock the clock
	 * @return this
	 */
	public LocalBedrockBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
		return this;
	}

	/**
	 * A new, not yet started emulator.
	 * @return the emulator; {@link LocalBedrock#start()} starts it
	 */
	public LocalBedrock build() {
		return LocalBedrock.of(this);
	}

}
