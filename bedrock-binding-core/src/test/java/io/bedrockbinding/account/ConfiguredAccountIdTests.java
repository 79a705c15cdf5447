package io.bedrockbinding.account;

import io.bedrockbinding.SettingHints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;
import software.amazon.awssdk.services.sts.StsClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ConfiguredAccountIdTests {

	@Test
	void twelveDigitsAreTheAccountWithoutSurroundingWhitespace() {
		ConfiguredAccountId parsed = ConfiguredAccountId.parse(" 111122223333\t");
		assertThat(parsed.accountId()).isEqualTo("111122223333");
		assertThat(parsed.known()).hasValue("111122223333");
		assertThat(parsed.auto()).isFalse();
	}

	@ParameterizedTest
	@NullSource
	@ValueSource(strings = { "", "  ", "auto", "AUTO", " Auto " })
	void autoBlankOrUnsetMeanAskSts(String value) {
		ConfiguredAccountId parsed = ConfiguredAccountId.parse(value);
		assertThat(parsed.auto()).isTrue();
		assertThat(parsed.known()).isEmpty();
	}

	@ParameterizedTest
	@ValueSource(strings = { "1234", "1111222233334", "11112222333a", "１１１１２２２２３３３３", "auto-detect" })
	void anythingElseIsAnErrorNamingTheSetting(String value) {
		assertThatIllegalArgumentException().isThrownBy(() -> ConfiguredAccountId.parse(value, "app.account-id"))
			.withMessage("app.account-id must be 12 digits or 'auto', got '" + value.strip() + "' ("
					+ value.strip().length() + " characters)");
	}

	@Test
	void withoutASettingNameTheErrorSpeaksOfTheAccountId() {
		assertThatIllegalArgumentException().isThrownBy(() -> ConfiguredAccountId.parse("12"))
			.withMessageStartingWith("the account ID must be 12 digits")
			.withMessageNotContaining("bedrock.binding");
	}

	@Test
	void everyEntryPointUsesTheOneParser() {
		assertThatIllegalArgumentException().isThrownBy(() -> new StaticAccountResolver("12"))
			.withMessageStartingWith("the account ID must be 12 digits");
		assertThatIllegalArgumentException().isThrownBy(() -> AccountResolver.of("12", this::noSts))
			.withMessageStartingWith("the account ID must be 12 digits");
		assertThat(AccountResolver.of(" 111122223333 ", this::noSts).knownAccountId()).hasValue("111122223333");
		assertThat(AccountResolver.of("auto", this::noSts)).isInstanceOf(CachingAccountResolver.class);
	}

	@Test
	void noneSaysHowToSetTheAccountInTheCallersWords() {
		SettingHints hints = new SettingHints("r", "app.account-id", "e", "f", "q", "m");
		assertThatExceptionOfType(AccountResolutionException.class).isThrownBy(AccountResolver.none(hints)::accountId)
			.withMessageContaining("set app.account-id to the 12-digit account");
		assertThatExceptionOfType(AccountResolutionException.class).isThrownBy(AccountResolver.none()::accountId)
			.withMessageContaining("AccountResolver.of(...)")
			.withMessageNotContaining("bedrock.binding");
	}

	private StsClient noSts() {
		throw new AssertionError("STS must not be asked");
	}

}
