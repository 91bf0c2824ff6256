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

import java.time.Duration;

/**
 * How long each workload runs: {@code --smoke} runs every workload for a few seconds (a
 * quick check, numbers not meaningful), the default is the full report: three runs of the
 * comparisons and one of the rest.
 *
 * @param name the plan's name
 * @param warmup the global warm-up per configuration
 * @param warmupSlice the warm-up slice of each configuration in each cell (round 0)
 * @param rounds measured rounds per cell
 * @param slices slices per configuration in a round (sequential cells; 8-way cells run
 * half as many, twice as long)
 * @param slice one slice
 * @param keepAliveRounds measured rounds in the keep-alive workload
 * @param sTimeSeconds one {@code openssl s_time} run
 * @param sTimeRounds s_time rounds
 * @param jmhIterations JMH warm-up and measurement iterations
 * @param jmhIterationTime one JMH iteration
 * @param startupRounds start-up rounds per configuration
 * @param heapSizes session counts for the heap measurement and the JMH benchmark
 * @param profileSeconds each JFR profile
 * @param budget the time per run after which remaining rounds are cut to the minimum
 * @param runs how many times the churn, handshake and keep-alive workloads run back to
 * back, pooled in the report
 */
record Plan(String name, Duration warmup, Duration warmupSlice, int rounds, int slices, Duration slice,
		int keepAliveRounds, int sTimeSeconds, int sTimeRounds, int jmhIterations, Duration jmhIterationTime,
		int startupRounds, String[] heapSizes, int profileSeconds, Duration budget, int runs) {

	static final int MAX_REQUESTS = 200_000;

	static Plan smoke() {
		return new Plan("smoke", Duration.ofMillis(150), Duration.ofMillis(50), 2, 2, Duration.ofMillis(30), 2, 1, 1, 1,
				Duration.ofMillis(300), 1, new String[] { "1000" }, 1, Duration.ofMinutes(3), 1);
	}

	static Plan standard() {
		return new Plan("standard", Duration.ofMillis(1500), Duration.ofMillis(300), 8, 4, Duration.ofMillis(50), 16, 1,
				2, 3, Duration.ofSeconds(1), 10, new String[] { "1000", "10000", "100000" }, 25, Duration.ofMinutes(9),
				3);
	}

	/**
	 * The operation bound of one slice: far above what the slice can reach (100 per
	 * millisecond), so that time ends it, while the latency buffer stays small.
	 * @param duration the slice
	 * @return the bound
	 */
	static int maxOperations(Duration duration) {
		return (int) Math.min(MAX_REQUESTS, Math.max(1000, duration.toMillis() * 100));
	}

	boolean smokeOnly() {
		return this.name.equals("smoke");
	}

	/**
	 * Slices per round at a concurrency: 8-way slices are twice as long (requests in
	 * flight drain at each end).
	 */
	int slices(int concurrency) {
		return (concurrency == 1) ? this.slices : Math.max(1, this.slices / 2);
	}

	Duration slice(int concurrency, int round) {
		if (Alternation.warmUp(round)) {
			return this.warmupSlice;
		}
		return (concurrency == 1) ? this.slice : this.slice.multipliedBy(2);
	}

}
