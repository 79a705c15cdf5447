package io.bedrockbinding.benchmarks.startup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The harness's description of its own options, printed at the top of every report.
 */
class StartupHarnessOptionsTests {

	@Test
	void variantIsNamedOnlyWhenTheStartUpHarnessRuns() {
		assertThat(StartupHarness.Options.parse(new String[] { "startup", "--variant", "plain", "--pairs", "7" }))
			.hasToString("harness startup, 7 pairs, variant plain, child JVM options []");
		assertThat(StartupHarness.Options.parse(new String[] { "all", "--pairs", "7" }))
			.hasToString("harness all, 7 pairs, variant both, child JVM options []");
		assertThat(StartupHarness.Options.parse(new String[] { "cli", "--pairs", "7", "--jvm-arg", "-Xint" }))
			.hasToString("harness cli, 7 pairs, child JVM options [-Xint]");
	}

}
