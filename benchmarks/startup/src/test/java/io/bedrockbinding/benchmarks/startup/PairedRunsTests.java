package io.bedrockbinding.benchmarks.startup;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The report of paired runs: the confidence interval of each per-pair median, and the
 * verdict on a goal.
 */
class PairedRunsTests {

	@Test
	void differenceGoalIsMissedWhenEveryPairIsOverIt() {
		PairedRuns runs = new PairedRuns("with", "without").goalDifference("start", 40);
		for (int pair = 0; pair < 20; pair++) {
			runs.add("start", 1000 + 100 + pair, 1000);
		}

		assertThat(runs.report())
			.contains("per-pair difference: median +109.5 ms (95.9% confidence +105.0 .. +114.0 ms)")
			.contains("goal per-pair difference <= +40.0 ms (median): missed");
	}

	@Test
	void differenceGoalVerdictFollowsWhereTheIntervalLies() {
		PairedRuns runs = new PairedRuns("with", "without").goalDifference("start", 40);
		for (int pair = 0; pair < 20; pair++) {
			runs.add("start", 1000 + 10 * pair, 1000);
		}

		assertThat(runs.report()).contains("(95.9% confidence +50.0 .. +140.0 ms)")
			.contains("goal per-pair difference <= +40.0 ms (median): missed");
		runs.goalDifference("start", 100);
		assertThat(runs.report()).contains("goal per-pair difference <= +100.0 ms (median): undecided");
	}

	@Test
	void ratioGoalIsMetWhenTheWholeIntervalIsUnderIt() {
		PairedRuns runs = new PairedRuns("list", "--version").goalRatio("wall", 1.3);
		for (int pair = 0; pair < 10; pair++) {
			runs.add("wall", 400 + 10 * pair, 400);
		}

		assertThat(runs.report()).contains("goal per-pair ratio <= 1.30x (median): met");
	}

	@Test
	void fewPairsAreUndecidedAndMetricsWithoutAGoalHaveNoVerdict() {
		PairedRuns runs = new PairedRuns("with", "without").goalDifference("start", 40);
		for (int pair = 0; pair < 5; pair++) {
			runs.add("start", 1000, 1000);
			runs.add("cpu", 1000, 1000);
		}

		assertThat(runs.report()).contains("median +0.0 ms (too few pairs for a confidence interval)")
			.contains("goal per-pair difference <= +40.0 ms (median): undecided: too few pairs")
			.containsOnlyOnce("goal");
	}

}
