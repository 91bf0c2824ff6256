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

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * The samples of a run, and the per-round statistics the report is made of. Every
 * comparison is a ratio of two configurations in the same round (they ran back to back),
 * summarized by the median and min–max over rounds.
 */
final class Results {

	private final List<Sample> samples;

	Results(List<Sample> samples) {
		this.samples = List.copyOf(samples);
	}

	/**
	 * The Java version of the child run's sections, or {@code null} when there was none.
	 */
	String otherJava() {
		for (Sample sample : this.samples) {
			if (sample.workload().startsWith("churn-java")) {
				return sample.workload().substring("churn-java".length());
			}
		}
		return null;
	}

	List<Sample> all() {
		return this.samples;
	}

	List<Sample> measured(String workload, String cell, String config) {
		List<Sample> found = new ArrayList<>();
		for (Sample sample : this.samples) {
			if (!Alternation.warmUp(sample.round()) && sample.workload().equals(workload) && sample.cell().equals(cell)
					&& sample.config().equals(config)) {
				found.add(sample);
			}
		}
		return found;
	}

	/**
	 * The measured samples of a configuration, in run order.
	 */
	List<Sample> samples(String workload, String cell, String config) {
		return measured(workload, cell, config);
	}

	boolean has(String workload, String cell, String config) {
		return !measured(workload, cell, config).isEmpty();
	}

	Spread spread(String workload, String cell, String config, ToDoubleFunction<Sample> metric) {
		List<Double> values = new ArrayList<>();
		for (Sample sample : measured(workload, cell, config)) {
			values.add(metric.applyAsDouble(sample));
		}
		return Spread.of(values);
	}

	/**
	 * A latency percentile over every measured operation of all rounds.
	 * @return microseconds
	 */
	double pooledLatencyMicros(String workload, String cell, String config, double percentile) {
		List<Sample> found = measured(workload, cell, config);
		int n = found.stream().mapToInt((s) -> s.latencies().length).sum();
		long[] all = new long[n];
		int i = 0;
		for (Sample sample : found) {
			System.arraycopy(sample.latencies(), 0, all, i, sample.latencies().length);
			i += sample.latencies().length;
		}
		return Stats.percentile(all, n, percentile) / 1000.0;
	}

	/**
	 * The per-round ratio metric(a) / metric(b).
	 */
	Spread ratio(String workload, String cell, String a, String b, ToDoubleFunction<Sample> metric) {
		Map<Integer, Sample> byRound = new HashMap<>();
		for (Sample sample : measured(workload, cell, b)) {
			byRound.put(sample.round(), sample);
		}
		List<Double> ratios = new ArrayList<>();
		for (Sample sample : measured(workload, cell, a)) {
			Sample other = byRound.get(sample.round());
			if (other != null) {
				ratios.add(metric.applyAsDouble(sample) / metric.applyAsDouble(other));
			}
		}
		return Spread.of(ratios);
	}

	/**
	 * Server-confirmed resumed handshakes over all measured rounds.
	 * @return resumed and total
	 */
	long[] resumed(String workload, String cell, String config) {
		long resumed = 0;
		long total = 0;
		for (Sample sample : measured(workload, cell, config)) {
			resumed += sample.resumed();
			total += sample.resumed() + sample.full();
		}
		return new long[] { resumed, total };
	}

	long errors(String workload, String cell, String config) {
		return measured(workload, cell, config).stream().mapToLong(Sample::errors).sum();
	}

	List<String> cells(String workload) {
		List<String> cells = new ArrayList<>();
		for (Sample sample : this.samples) {
			if (sample.workload().equals(workload) && !Alternation.warmUp(sample.round())
					&& !cells.contains(sample.cell())) {
				cells.add(sample.cell());
			}
		}
		return cells;
	}

	List<String> configs(String workload, String cell) {
		List<String> configs = new ArrayList<>();
		for (Sample sample : this.samples) {
			if (sample.workload().equals(workload) && sample.cell().equals(cell) && !Alternation.warmUp(sample.round())
					&& !configs.contains(sample.config())) {
				configs.add(sample.config());
			}
		}
		return configs;
	}

	Spread other() {
		List<Double> values = new ArrayList<>();
		for (Sample sample : this.samples) {
			if (!Double.isNaN(sample.otherPercent())) {
				values.add(sample.otherPercent());
			}
		}
		return Spread.of(values);
	}

	/**
	 * The load of other processes during the rounds of one run.
	 * @param run the run, from 0
	 */
	Spread other(int run) {
		List<Double> values = new ArrayList<>();
		for (Sample sample : this.samples) {
			if (!Double.isNaN(sample.otherPercent()) && Alternation.runOf(sample.round()) == run
					&& !sample.workload().contains("-java")) {
				values.add(sample.otherPercent());
			}
		}
		return Spread.of(values);
	}

	double otherPercentile(double percentile) {
		List<Double> values = new ArrayList<>();
		for (Sample sample : this.samples) {
			if (!Double.isNaN(sample.otherPercent())) {
				values.add(sample.otherPercent());
			}
		}
		return Stats.percentile(values, percentile);
	}

	Spread steal() {
		List<Double> values = new ArrayList<>();
		for (Sample sample : this.samples) {
			if (!Double.isNaN(sample.stealPercent())) {
				values.add(sample.stealPercent());
			}
		}
		return Spread.of(values);
	}

	/** A median with its spread. */
	record Spread(double median, double min, double max, int n) {

		static Spread of(List<Double> values) {
			return new Spread(Stats.median(values), Stats.min(values), Stats.max(values), values.size());
		}

		boolean present() {
			return this.n > 0 && !Double.isNaN(this.median);
		}

	}

}
