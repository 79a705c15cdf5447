package io.bedrockbinding.benchmarks.startup;

import java.util.Arrays;
import java.util.Optional;

import org.apache.commons.statistics.distribution.BinomialDistribution;

/**
 * A confidence interval of the median of a sample that assumes nothing of its
 * distribution: between the order statistics {@code x(j+1)} and {@code x(n-j)}, where
 * {@code j} is the largest count with {@code P(B <= j) <= 2.5%} for {@code B ~
 * Binomial(n, 1/2)}, the number of values under the true median. Its confidence, {@code
 * 1 - 2 P(B <= j)}, is 95% or a little more (the binomial is discrete). It needs 6 values
 * at least.
 *
 * @param low the lower bound
 * @param high the upper bound
 * @param confidence the probability that the interval holds the true median
 */
record MedianInterval(double low, double high, double confidence) {

	private static final double TAIL = 0.025;

	/**
	 * The interval of a sample's median.
	 * @param values the sample, in any order
	 * @return the interval, or empty with fewer than 6 values
	 */
	static Optional<MedianInterval> of(double[] values) {
		int n = values.length;
		BinomialDistribution under = BinomialDistribution.of(n, 0.5);
		int j = -1;
		while (j + 1 < n && under.cumulativeProbability(j + 1) <= TAIL) {
			j++;
		}
		if (j < 0) {
			return Optional.empty();
		}
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return Optional.of(new MedianInterval(sorted[j], sorted[n - 1 - j], 1 - 2 * under.cumulativeProbability(j)));
	}

	/**
	 * Where the interval lies against a goal the median must not exceed.
	 * @param atMost the goal
	 * @return met when all of the interval is at or under it, missed when all of it is
	 * over, else undecided
	 */
	Verdict against(double atMost) {
		if (this.high <= atMost) {
			return Verdict.MET;
		}
		return (this.low > atMost) ? Verdict.MISSED : Verdict.UNDECIDED;
	}

	enum Verdict {

		MET, MISSED, UNDECIDED

	}

}
