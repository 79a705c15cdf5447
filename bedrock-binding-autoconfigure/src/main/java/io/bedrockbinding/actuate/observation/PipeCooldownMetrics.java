package io.bedrockbinding.actuate.observation;

import java.util.function.Supplier;

import io.bedrockbinding.pipe.Cooldowns;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.jspecify.annotations.Nullable;

/**
 * The gauge {@value #NAME}: how many targets the pipe factory's calls skip now because
 * they keep throttling. Which targets they are is in the {@code bedrockbindings}
 * endpoint's document: a target (an ARN names the account) never becomes a tag.
 */
public class PipeCooldownMetrics implements MeterBinder {

	/** The gauge's name. */
	public static final String NAME = "bedrock.pipe.cooldowns";

	private final Supplier<@Nullable Cooldowns> cooldowns;

	/**
	 * A gauge of the cooldowns {@code cooldowns} supplies, read at each scrape.
	 * @param cooldowns supplies the pipe factory's cooldowns, or {@code null} while there
	 * is no factory
	 */
	public PipeCooldownMetrics(Supplier<@Nullable Cooldowns> cooldowns) {
		this.cooldowns = cooldowns;
	}

	@Override
	public void bindTo(MeterRegistry registry) {
		Gauge.builder(NAME, this, PipeCooldownMetrics::active)
			.description("Targets that pipe calls skip because they keep throttling")
			.baseUnit("targets")
			.register(registry);
	}

	private double active() {
		Cooldowns current = this.cooldowns.get();
		return (current != null) ? current.active().size() : 0;
	}

}
