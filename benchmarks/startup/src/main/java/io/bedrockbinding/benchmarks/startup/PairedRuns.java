package io.bedrockbinding.benchmarks.startup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Figures of paired runs: per metric, one value of the measured side and one of the
 * baseline per pair. Reports the medians of each side, the median of the per-pair
 * differences and the distribution of the per-pair ratios (the pairs alternate which side
 * runs first, so the load of the machine hits both sides alike).
 */
final class PairedRuns {

	private final String measured;

	private final String baseline;

	private final Map<String, List<double[]>> metrics = new LinkedHashMap<>();

	PairedRuns(String measured, String baseline) {
		this.measured = measured;
		this.baseline = baseline;
	}

	void add(String metric, double measured, double baseline) {
		this.metrics.computeIfAbsent(metric, (key) -> new ArrayList<>()).add(new double[] { measured, baseline });
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
			report.append(String.format(Locale.ROOT,
					"  per-pair difference: median %+.1f ms, middle half %+.1f .. %+.1f ms, range %+.1f .. %+.1f ms%n",
					median(differences), percentile(differences, 0.25), percentile(differences, 0.75),
					percentile(differences, 0), percentile(differences, 1)));
			report.append(String.format(Locale.ROOT,
					"  per-pair ratio: median %.3fx, middle half %.3f .. %.3fx, range %.3f .. %.3fx%n", median(ratios),
					percentile(ratios, 0.25), percentile(ratios, 0.75), percentile(ratios, 0), percentile(ratios, 1)));
		});
		return report.toString();
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

}
