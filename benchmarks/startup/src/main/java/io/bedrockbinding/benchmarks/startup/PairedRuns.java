package io.bedrockbinding.benchmarks.startup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Figures of paired runs: per metric, one value of the measured side and one of the
 * baseline per pair. Reports the medians of each side, the median of the per-pair
 * differences and the distribution of the per-pair ratios (the pairs alternate which side
 * runs first, so the load of the machine hits both sides alike), each per-pair median
 * with its {@link MedianInterval 95% confidence interval}. A metric can have a goal, an
 * upper bound on the per-pair median of the difference or of the ratio: the report says
 * it is met only when the whole interval is inside it, missed when the whole interval is
 * outside, and undecided otherwise.
 */
final class PairedRuns {

	private final String measured;

	private final String baseline;

	private final Map<String, List<double[]>> metrics = new LinkedHashMap<>();

	private final Map<String, Goal> goals = new LinkedHashMap<>();

	PairedRuns(String measured, String baseline) {
		this.measured = measured;
		this.baseline = baseline;
	}

	void add(String metric, double measured, double baseline) {
		this.metrics.computeIfAbsent(metric, (key) -> new ArrayList<>()).add(new double[] { measured, baseline });
	}

	/**
	 * Sets a metric's goal: the per-pair difference, measured minus baseline, is at most
	 * {@code millis} (median).
	 * @param metric the metric
	 * @param millis the largest difference the goal allows
	 * @return these runs
	 */
	PairedRuns goalDifference(String metric, double millis) {
		this.goals.put(metric, new Goal(false, millis));
		return this;
	}

	/**
	 * Sets a metric's goal: the per-pair ratio, measured over baseline, is at most
	 * {@code ratio} (median).
	 * @param metric the metric
	 * @param ratio the largest ratio the goal allows
	 * @return these runs
	 */
	PairedRuns goalRatio(String metric, double ratio) {
		this.goals.put(metric, new Goal(true, ratio));
		return this;
	}

	/**
	 * The report, a few lines per metric.
	 * @return the report
	 */
	String report() {
		StringBuilder report = new StringBuilder();
		this.metrics.forEach((metric, pairs) -> {
			double[] a = pairs.stream().mapToDouble((pair) -> pair[0]).toArray();
			double[] b = pairs.stream().mapToDouble((pair) -> pair[1]).toArray();
			double[] differences = pairs.stream().mapToDouble((pair) -> pair[0] - pair[1]).toArray();
			double[] ratios = pairs.stream().mapToDouble((pair) -> pair[0] / pair[1]).toArray();
			report.append(String.format(Locale.ROOT,
					"%s, %d pairs: %s median %.1f ms, %s median %.1f ms (difference of medians %+.1f ms, "
							+ "ratio of medians %.3fx)%n",
					metric, pairs.size(), this.measured, median(a), this.baseline, median(b), median(a) - median(b),
					median(a) / median(b)));
			Optional<MedianInterval> differenceInterval = MedianInterval.of(differences);
			Optional<MedianInterval> ratioInterval = MedianInterval.of(ratios);
			report.append(String.format(Locale.ROOT,
					"  per-pair difference: median %+.1f ms%s, middle half %+.1f .. %+.1f ms, range %+.1f .. %+.1f ms%n",
					median(differences), describe(differenceInterval, "%+.1f", " ms"), percentile(differences, 0.25),
					percentile(differences, 0.75), percentile(differences, 0), percentile(differences, 1)));
			report.append(String.format(Locale.ROOT,
					"  per-pair ratio: median %.3fx%s, middle half %.3f .. %.3fx, range %.3f .. %.3fx%n",
					median(ratios), describe(ratioInterval, "%.3f", "x"), percentile(ratios, 0.25),
					percentile(ratios, 0.75), percentile(ratios, 0), percentile(ratios, 1)));
			Goal goal = this.goals.get(metric);
			if (goal != null) {
				report.append(goal.verdict(goal.ratio() ? ratioInterval : differenceInterval)).append('\n');
			}
		});
		return report.toString();
	}

	private static String describe(Optional<MedianInterval> interval, String format, String unit) {
		return interval
			.map((it) -> String.format(Locale.ROOT, " (%.1f%% confidence " + format + " .. " + format + unit + ")",
					100 * it.confidence(), it.low(), it.high()))
			.orElse(" (too few pairs for a confidence interval)");
	}

	static double median(double[] values) {
		return percentile(values, 0.5);
	}

	/**
	 * A percentile with linear interpolation between the closest ranks.
	 * @param values the values, in any order
	 * @param p from 0 (the lowest) to 1 (the highest)
	 * @return the percentile
	 */
	static double percentile(double[] values, double p) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		double rank = p * (sorted.length - 1);
		int low = (int) Math.floor(rank);
		int high = (int) Math.ceil(rank);
		return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
	}

	/**
	 * An upper bound on a metric's per-pair median.
	 *
	 * @param ratio whether it bounds the ratio, else the difference
	 * @param atMost the bound
	 */
	private record Goal(boolean ratio, double atMost) {

		String verdict(Optional<MedianInterval> interval) {
			String goal = this.ratio ? String.format(Locale.ROOT, "per-pair ratio <= %.2fx", this.atMost)
					: String.format(Locale.ROOT, "per-pair difference <= %+.1f ms", this.atMost);
			String verdict = interval.map((it) -> switch (it.against(this.atMost)) {
				case MET -> "met: all of the confidence interval of the median is within it";
				case MISSED -> "missed: all of the confidence interval of the median is beyond it";
				case UNDECIDED -> "undecided: the confidence interval of the median holds values on both sides of it";
			}).orElse("undecided: too few pairs for a confidence interval (6 at least)");
			return "  goal " + goal + " (median): " + verdict;
		}

	}

}
