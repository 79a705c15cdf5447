package io.bedrockbinding.benchmarks.startup;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The confidence interval of a median, against values worked out by hand from the
 * binomial distribution.
 */
class MedianIntervalTests {

	@Test
	void twentyValuesGiveTheSixthAndFifteenthInAnyOrder() {
		// P(B <= 5) = 21700 / 2^20 = 0.0207 <= 2.5% < P(B <= 6) = 60460 / 2^20 = 0.0577
		MedianInterval interval = MedianInterval.of(shuffled(20)).orElseThrow();

		assertThat(interval.low()).isEqualTo(6);
		assertThat(interval.high()).isEqualTo(15);
		assertThat(interval.confidence()).isCloseTo(1 - 2 * 21700.0 / (1 << 20), within(1e-12));
	}

	@Test
	void sixValuesAreTheFewestAndSpanTheWholeSample() {
		// P(B <= 0) = 1 / 64 <= 2.5%; with 5 values it is 1 / 32 > 2.5%
		MedianInterval interval = MedianInterval.of(shuffled(6)).orElseThrow();

		assertThat(interval.low()).isEqualTo(1);
		assertThat(interval.high()).isEqualTo(6);
		assertThat(interval.confidence()).isCloseTo(1 - 2.0 / 64, within(1e-12));
		assertThat(MedianInterval.of(shuffled(5))).isEmpty();
	}

	@Test
	void verdictIsMetOnlyWhenTheWholeIntervalIsWithinTheGoal() {
		MedianInterval interval = new MedianInterval(-10, 30, 0.95);

		assertThat(interval.against(30)).isEqualTo(MedianInterval.Verdict.MET);
		assertThat(interval.against(29.9)).isEqualTo(MedianInterval.Verdict.UNDECIDED);
		assertThat(interval.against(-10)).isEqualTo(MedianInterval.Verdict.UNDECIDED);
		assertThat(interval.against(-10.1)).isEqualTo(MedianInterval.Verdict.MISSED);
	}

	private static double[] shuffled(int n) {
		List<Integer> values = new ArrayList<>(IntStream.rangeClosed(1, n).boxed().toList());
		Collections.shuffle(values, new Random(n));
		return values.stream().mapToDouble(Integer::doubleValue).toArray();
	}

}
