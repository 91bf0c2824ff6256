/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package dev.tlssession.benchmarks;

import java.util.Arrays;
import java.util.List;

/**
 * Order statistics over per-round values: the median and the spread (min–max) that the
 * report shows.
 */
final class Stats {

	private Stats() {
	}

	static double median(List<Double> values) {
		return percentile(values, 50);
	}

	static double min(List<Double> values) {
		return values.stream()
			.mapToDouble(Double::doubleValue)
			.filter((v) -> !Double.isNaN(v))
			.min()
			.orElse(Double.NaN);
	}

	static double max(List<Double> values) {
		return values.stream()
			.mapToDouble(Double::doubleValue)
			.filter((v) -> !Double.isNaN(v))
			.max()
			.orElse(Double.NaN);
	}

	static double percentile(List<Double> values, double p) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).filter((v) -> !Double.isNaN(v)).toArray();
		return percentile(sorted, sorted.length, p);
	}

	/**
	 * Percentile of the first {@code n} values (nearest rank on the sorted copy,
	 * interpolated between neighbours).
	 */
	static double percentile(double[] values, int n, double p) {
		if (n == 0) {
			return Double.NaN;
		}
		double[] sorted = Arrays.copyOf(values, n);
		Arrays.sort(sorted);
		double rank = p / 100.0 * (n - 1);
		int low = (int) Math.floor(rank);
		int high = Math.min(n - 1, low + 1);
		return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
	}

	static double percentile(long[] values, int n, double p) {
		double[] d = new double[n];
		for (int i = 0; i < n; i++) {
			d[i] = values[i];
		}
		return percentile(d, n, p);
	}

}
