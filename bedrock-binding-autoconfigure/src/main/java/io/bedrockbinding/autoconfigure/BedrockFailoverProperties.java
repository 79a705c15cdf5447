package io.bedrockbinding.autoconfigure;

import java.time.Clock;
import java.time.Duration;

import io.bedrockbinding.InvalidSettingException;
import io.bedrockbinding.pipe.FailoverSettings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How pipes fail over along a binding's list of targets. The defaults are those of
 * {@link FailoverSettings#DEFAULT}, written as literals so that the configuration
 * metadata shows them.
 */
@ConfigurationProperties("bedrock.binding.failover")
public class BedrockFailoverProperties {

	/**
	 * How long a target that keeps throttling is skipped by calls before one probes it
	 * again.
	 */
	private Duration cooldown = Duration.ofSeconds(30);

	/**
	 * How many throttled calls in a row (each after the SDK's own retries) put a target
	 * in cooldown.
	 */
	private int cooldownAfter = 2;

	/**
	 * Most attempts the SDK makes on a target that is not the last of its chain, so that
	 * the next target is reached quickly; the last target keeps the client's retries. 0
	 * keeps the client's retries on every target. Never raises the client's own number; a
	 * limit costs the SDK some work on each such request.
	 */
	private int sdkMaxAttempts = 0;

	public Duration getCooldown() {
		return this.cooldown;
	}

	public void setCooldown(Duration cooldown) {
		this.cooldown = cooldown;
	}

	public int getCooldownAfter() {
		return this.cooldownAfter;
	}

	public void setCooldownAfter(int cooldownAfter) {
		this.cooldownAfter = cooldownAfter;
	}

	public int getSdkMaxAttempts() {
		return this.sdkMaxAttempts;
	}

	public void setSdkMaxAttempts(int sdkMaxAttempts) {
		this.sdkMaxAttempts = sdkMaxAttempts;
	}

	/**
	 * The pipe factory's settings.
	 * @return the settings, timed with the system clock
	 * @throws IllegalArgumentException naming the property that is out of range
	 */
	FailoverSettings toSettings() {
		try {
			return new FailoverSettings(this.cooldown, this.cooldownAfter, this.sdkMaxAttempts, Clock.systemUTC());
		}
		catch (InvalidSettingException ex) {
			String property = switch (ex.setting()) {
				case "cooldown" -> "cooldown";
				case "cooldownAfter" -> "cooldown-after";
				case "sdkMaxAttempts" -> "sdk-max-attempts";
				default -> null;
			};
			throw new IllegalArgumentException((property != null) ? ex.reasonOf("bedrock.binding.failover." + property)
					: "Invalid bedrock.binding.failover settings: " + ex.getMessage(), ex);
		}
	}

}
