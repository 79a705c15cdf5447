package io.bedrockbinding.identifier;

import java.util.function.Supplier;

import io.bedrockbinding.SettingHints;
import org.jspecify.annotations.Nullable;

/**
 * The values of the {@code {account}} and {@code {region}} templates. The account is a
 * supplier so that it can be looked up (STS) only when a target really needs it.
 *
 * @param account supplies the account ID, or {@code null} when it is not known
 * @param region the region, or {@code null} when it is not known
 * @param hints how the user sets a missing value, for the message of its failure
 */
public record TemplateValues(Supplier<@Nullable String> account, @Nullable String region, SettingHints hints) {

	/**
	 * Values whose failures speak in {@linkplain SettingHints#plain() plain} words.
	 * @param account supplies the account ID, or {@code null} when it is not known
	 * @param region the region, or {@code null} when it is not known
	 */
	public TemplateValues(Supplier<@Nullable String> account, @Nullable String region) {
		this(account, region, SettingHints.plain());
	}

	public static TemplateValues of(@Nullable String account, @Nullable String region) {
		return new TemplateValues(() -> account, region);
	}

	public static TemplateValues none() {
		return of(null, null);
	}

}
