package io.bedrockbinding.identifier;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link TargetList}: the text form of a binding's failover chain.
 */
class TargetListTests {

	private static final String SONNET = "anthropic.claude-sonnet-4-5-20250929-v1:0";

	private static final String ARN = "arn:aws:bedrock:us-west-2:111122223333:inference-profile/us." + SONNET;

	@Test
	void oneTargetParsesAsASingleTargetDoes() {
		assertThat(TargetList.parse(SONNET, "us." + SONNET)).containsExactly(BindingTarget.parse("us." + SONNET));
		assertThat(TargetList.parse(SONNET, "")).containsExactly(new BindingTarget.Direct(SONNET));
	}

	@Test
	void commasSeparateTheTargetsInOrder() {
		List<BindingTarget> targets = TargetList.parse(SONNET, " us." + SONNET + " ,global." + SONNET + ",  " + ARN);

		assertThat(targets).extracting(BindingTarget::value).containsExactly("us." + SONNET, "global." + SONNET, ARN);
		assertThat(targets).extracting(BindingTarget::kind)
			.containsExactly(TargetKind.SYSTEM_PROFILE, TargetKind.SYSTEM_PROFILE, TargetKind.PROFILE_ARN);
	}

	@Test
	void theModelIdItselfIsADirectElement() {
		assertThat(TargetList.parse(SONNET, SONNET + ", us." + SONNET)).first()
			.isEqualTo(new BindingTarget.Direct(SONNET));
	}

	@Test
	void formatReadsBackAsTheSameList() {
		List<BindingTarget> targets = TargetList.parse(SONNET, "us." + SONNET + ",global." + SONNET + "," + ARN);

		String text = TargetList.format(targets);

		assertThat(text).isEqualTo("us." + SONNET + ", global." + SONNET + ", " + ARN);
		assertThat(TargetList.parse(SONNET, text)).isEqualTo(targets);
	}

	@Test
	void anInvalidElementIsNamedByPosition() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> TargetList.parse(SONNET,
					"us." + SONNET + ", arn:aws:bedrock:us-west-2:11112222333:inference-profile/us." + SONNET))
			.withMessageStartingWith("target 2 of 2: account must be 12 digits, got '11112222333'");
	}

	@ParameterizedTest
	@ValueSource(strings = { "us.x.y-v1:0,", ",us.x.y-v1:0", "us.x.y-v1:0,,global.x.y-v1:0" })
	void anEmptyElementIsAProblem(String text) {
		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> TargetList.parse("x.y-v1:0", text))
			.withMessageContaining(" is empty: separate the targets with single commas");
	}

	@Test
	void aTargetListedTwiceIsAProblem() {
		assertThatExceptionOfType(InvalidTargetException.class)
			.isThrownBy(() -> TargetList.parse(SONNET, "us." + SONNET + ", global." + SONNET + ", us." + SONNET))
			.withMessageContaining("target 3 of 3 (us." + SONNET + ") is listed twice");
	}

	@Test
	void tooManyTargetsIsAProblem() {
		String nine = String.join(",", java.util.Collections.nCopies(TargetList.MAX_TARGETS + 1, "us." + SONNET));

		assertThatExceptionOfType(InvalidTargetException.class).isThrownBy(() -> TargetList.parse(SONNET, nine))
			.withMessageContaining("lists 9 targets, at most 8");
	}

}
