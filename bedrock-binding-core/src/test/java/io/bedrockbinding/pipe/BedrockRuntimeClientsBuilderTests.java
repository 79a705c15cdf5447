package io.bedrockbinding.pipe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/** The settings of {@link BedrockRuntimeClients.Builder} that it checks when given. */
class BedrockRuntimeClientsBuilderTests {

	@Test
	void aPoolOfNoRegionIsRefusedNamingTheSetting() {
		assertThatIllegalArgumentException().isThrownBy(() -> BedrockRuntimeClients.builder().maxRegions(0))
			.withMessage("maxRegions must be 1 or more, got 0");
	}

}
