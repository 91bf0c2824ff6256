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

import java.util.Locale;

/**
 * One measured round of one configuration: a raw CSV row.
 *
 * @param workload churn, keepalive, handshake, s_time, cache, heap, startup
 * @param cell what was held fixed (server, certificate, protocol, concurrency)
 * @param config the configuration
 * @param round the round (0 = warm-up, not reported)
 * @param operations requests or handshakes completed
 * @param errors failed operations
 * @param seconds wall time of the round
 * @param p50Micros median latency
 * @param p99Micros 99th percentile latency
 * @param clientCpuNanos CPU of the client threads (event loops and driver)
 * @param processCpuNanos CPU of the whole JVM minus the server threads (adds GC, JIT,
 * other JVM threads)
 * @param serverCpuNanos CPU of the server (its threads, or its process)
 * @param resumed handshakes the server saw resumed
 * @param full handshakes the server saw full
 * @param otherPercent share of the machine used by other processes during the round
 * @param stealPercent hypervisor steal during the round
 * @param latencies the round's latencies in nanoseconds (not in the CSV; pooled over
 * rounds for the report)
 */
record Sample(String workload, String cell, String config, int round, long operations, long errors, double seconds,
		double p50Micros, double p99Micros, long clientCpuNanos, long processCpuNanos, long serverCpuNanos,
		long resumed, long full, double otherPercent, double stealPercent, long[] latencies) {

	static final String CSV_HEADER = "workload,cell,config,round,operations,errors,seconds,ops_per_s,p50_us,p99_us,"
			+ "client_cpu_us_per_op,process_cpu_us_per_op,server_cpu_us_per_op,server_resumed,server_full,"
			+ "resumed_fraction,other_pct,steal_pct,run";

	/**
	 * Sums the slices of one configuration in one round into one sample.
	 * @param slices the slices, in order
	 * @return the round's sample
	 */
	static Sample merge(java.util.List<Sample> slices) {
		Sample first = slices.get(0);
		if (slices.size() == 1) {
			return first;
		}
		long operations = 0;
		long errors = 0;
		double seconds = 0;
		long client = 0;
		long process = 0;
		long server = 0;
		long resumed = 0;
		long full = 0;
		double other = 0;
		double steal = 0;
		int latencyCount = 0;
		for (Sample slice : slices) {
			operations += slice.operations;
			errors += slice.errors;
			seconds += slice.seconds;
			client += slice.clientCpuNanos;
			process += slice.processCpuNanos;
			server += slice.serverCpuNanos;
			resumed += slice.resumed;
			full += slice.full;
			other += (Double.isNaN(slice.otherPercent) ? 0 : slice.otherPercent) * slice.seconds;
			steal += (Double.isNaN(slice.stealPercent) ? 0 : slice.stealPercent) * slice.seconds;
			latencyCount += slice.latencies.length;
		}
		long[] latencies = new long[latencyCount];
		int i = 0;
		for (Sample slice : slices) {
			System.arraycopy(slice.latencies, 0, latencies, i, slice.latencies.length);
			i += slice.latencies.length;
		}
		return new Sample(first.workload, first.cell, first.config, first.round, operations, errors, seconds,
				Stats.percentile(latencies, latencyCount, 50) / 1000.0,
				Stats.percentile(latencies, latencyCount, 99) / 1000.0, client, process, server, resumed, full,
				other / seconds, steal / seconds, latencies);
	}

	/**
	 * A count that is not a timed operation, such as the sessions a cache keeps for an
	 * upstream.
	 * @param workload what was counted
	 * @param cell where
	 * @param config for which configuration
	 * @param round the round it belongs to
	 * @param count the count
	 * @return the sample
	 */
	static Sample count(String workload, String cell, String config, int round, long count) {
		return new Sample(workload, cell, config, round, count, 0, Double.NaN, Double.NaN, Double.NaN, 0, 0, 0, 0, 0,
				Double.NaN, Double.NaN, new long[0]);
	}

	/**
	 * A sample read back from a {@code results.csv} row (no latencies: the pooled
	 * percentiles of such samples are not known), under another workload name.
	 * @param line the row
	 * @param workload the workload to file it under
	 * @return the sample
	 */
	static Sample parse(String line, String workload) {
		String[] f = line.split(",", -1);
		long operations = Long.parseLong(f[4]);
		double rate = number(f[7]);
		// the rate column is the exact one; seconds are rounded in the CSV
		double seconds = (operations > 0 && rate > 0) ? operations / rate : number(f[6]);
		return new Sample(workload, f[1], f[2], Integer.parseInt(f[3]), operations, Long.parseLong(f[5]), seconds,
				number(f[8]), number(f[9]), nanos(f[10], operations), nanos(f[11], operations),
				nanos(f[12], operations), Long.parseLong(f[13]), Long.parseLong(f[14]), number(f[16]), number(f[17]),
				new long[0]);
	}

	private static double number(String field) {
		return field.isEmpty() ? Double.NaN : Double.parseDouble(field);
	}

	private static long nanos(String microsPerOp, long operations) {
		return microsPerOp.isEmpty() ? 0 : Math.round(Double.parseDouble(microsPerOp) * 1000 * operations);
	}

	/**
	 * The same sample with the server's counts replaced (nginx: counted from its log
	 * after the cell).
	 */
	Sample withHandshakes(long resumed, long full) {
		return new Sample(this.workload, this.cell, this.config, this.round, this.operations, this.errors, this.seconds,
				this.p50Micros, this.p99Micros, this.clientCpuNanos, this.processCpuNanos, this.serverCpuNanos, resumed,
				full, this.otherPercent, this.stealPercent, this.latencies);
	}

	double rate() {
		return this.operations / this.seconds;
	}

	double clientCpuMicrosPerOp() {
		return (this.operations == 0) ? Double.NaN : this.clientCpuNanos / 1000.0 / this.operations;
	}

	double processCpuMicrosPerOp() {
		return (this.operations == 0) ? Double.NaN : this.processCpuNanos / 1000.0 / this.operations;
	}

	double serverCpuMicrosPerOp() {
		return (this.operations == 0) ? Double.NaN : this.serverCpuNanos / 1000.0 / this.operations;
	}

	double resumedFraction() {
		long total = this.resumed + this.full;
		return (total == 0) ? Double.NaN : (double) this.resumed / total;
	}

	String csv() {
		return String.join(",", this.workload, this.cell, this.config, Integer.toString(this.round),
				Long.toString(this.operations), Long.toString(this.errors),
				String.format(Locale.ROOT, "%.6f", this.seconds), f(rate()), f(this.p50Micros), f(this.p99Micros),
				f(clientCpuMicrosPerOp()), f(processCpuMicrosPerOp()), f(serverCpuMicrosPerOp()),
				Long.toString(this.resumed), Long.toString(this.full), f(resumedFraction()), f(this.otherPercent),
				f(this.stealPercent), Integer.toString(Alternation.runOf(this.round)));
	}

	private static String f(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
	}

}
