package io.bedrockbinding.actuate.endpoint;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountMaskTests {

	@Test
	void masksAccountOfEveryArnKind() {
		assertThat(AccountMask.ACCOUNTS
			.text("arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0"))
			.isEqualTo("arn:aws:bedrock:us-east-1:******:inference-profile/us.amazon.nova-pro-v1:0");
		assertThat(AccountMask.ACCOUNTS
			.text("arn:aws-us-gov:bedrock:us-gov-west-1:111122223333:application-inference-profile/abc"))
			.isEqualTo("arn:aws-us-gov:bedrock:us-gov-west-1:******:application-inference-profile/abc");
		assertThat(AccountMask.ACCOUNTS
			.text("arn:aws:bedrock:us-east-1:111122223333:custom-model/amazon.titan-text-express-v1/abcdefghijkl"))
			.isEqualTo("arn:aws:bedrock:us-east-1:******:custom-model/amazon.titan-text-express-v1/abcdefghijkl");
	}

	@Test
	void leavesTwelveDigitResourceIdsAndModelVersionsAlone() {
		String provisioned = "arn:aws:bedrock:us-east-1:111122223333:provisioned-model/123456789012";
		assertThat(AccountMask.ACCOUNTS.text(provisioned))
			.isEqualTo("arn:aws:bedrock:us-east-1:******:provisioned-model/123456789012");
		assertThat(AccountMask.ACCOUNTS.text("acme.model-123456789012-v1:0")).isEqualTo("acme.model-123456789012-v1:0");
		assertThat(AccountMask.ACCOUNTS.text("amazon.nova-lite-v1:0")).isEqualTo("amazon.nova-lite-v1:0");
		assertThat(AccountMask.ACCOUNTS.text("1234567890123")).isEqualTo("1234567890123");
	}

	@Test
	void masksAccountsInMessages() {
		assertThat(AccountMask.ACCOUNTS
			.text("bound to an ARN of account 444455556666 (application.yml) while the account is 111122223333"))
			.isEqualTo("bound to an ARN of account ****** (application.yml) while the account is ******");
		assertThat(AccountMask.ACCOUNTS.text("account must be 12 digits, got '111122223333'"))
			.isEqualTo("account must be 12 digits, got '******'");
	}

	@Test
	void leavesTemplatesAlone() {
		assertThat(
				AccountMask.ACCOUNTS.text("arn:aws:bedrock:{region}:{account}:inference-profile/us.deepseek.r1-v1:0"))
			.isEqualTo("arn:aws:bedrock:{region}:{account}:inference-profile/us.deepseek.r1-v1:0");
	}

	@Test
	void accountFieldIsReplacedWhole() {
		assertThat(AccountMask.ACCOUNTS.account("111122223333")).isEqualTo("******");
		assertThat(AccountMask.ACCOUNTS.account(null)).isNull();
		assertThat(AccountMask.NONE.account("111122223333")).isEqualTo("111122223333");
	}

	@Test
	void noneShowsEverything() {
		String arn = "arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.amazon.nova-pro-v1:0";
		assertThat(AccountMask.NONE.text(arn)).isEqualTo(arn);
		assertThat(AccountMask.of(true)).isSameAs(AccountMask.NONE);
		assertThat(AccountMask.of(false)).isSameAs(AccountMask.ACCOUNTS);
	}

}
