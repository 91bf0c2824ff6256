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
 * @param processCpuNanos CPU of the whole JVM minus the server threads (adds GC, JIT, other JVM threads)
 * @param serverCpuNanos CPU of the server (its threads, or its process)
 * @param resumed handshakes the server saw resumed
 * @param full handshakes the server saw full
 * @param otherPercent share of the machine used by other processes during the round
 * @param stealPercent hypervisor steal during the round
 */
record Sample(String workload, String cell, String config, int round, long operations, long errors, double seconds,
		double p50Micros, double p99Micros, long clientCpuNanos, long processCpuNanos, long serverCpuNanos,
		long resumed, long full, double otherPercent, double stealPercent) {

	static final String CSV_HEADER = "workload,cell,config,round,operations,errors,seconds,ops_per_s,p50_us,p99_us,"
			+ "client_cpu_us_per_op,process_cpu_us_per_op,server_cpu_us_per_op,server_resumed,server_full,"
			+ "resumed_fraction,other_pct,steal_pct";

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
				Long.toString(this.operations), Long.toString(this.errors), f(this.seconds), f(rate()),
				f(this.p50Micros), f(this.p99Micros), f(clientCpuMicrosPerOp()), f(processCpuMicrosPerOp()),
				f(serverCpuMicrosPerOp()), Long.toString(this.resumed), Long.toString(this.full),
				f(resumedFraction()), f(this.otherPercent), f(this.stealPercent));
	}

	private static String f(double value) {
		return Double.isNaN(value) ? "" : String.format(Locale.ROOT, "%.3f", value);
	}

}
