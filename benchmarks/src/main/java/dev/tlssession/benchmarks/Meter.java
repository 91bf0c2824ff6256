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

import java.util.List;
import java.util.function.Predicate;

/**
 * Brackets a round: wall time, client and process CPU, server CPU, the server's handshake
 * counts, and the load of other processes, read before and after.
 */
final class Meter {

	private final BenchServer server;

	private final Predicate<String> clientThreads;

	private final long start;

	private final long clientCpu;

	private final long processCpu;

	private final long serverCpu;

	private final BenchServer.Handshakes handshakes;

	private final SystemLoad load;

	private Meter(BenchServer server, Predicate<String> clientThreads) {
		this.server = server;
		this.clientThreads = clientThreads;
		this.handshakes = server.handshakes();
		this.load = SystemLoad.now(externalPids(server));
		long[] cpu = ThreadCpu.nanos(clientThreads, ThreadCpu.SERVER);
		this.serverCpu = (server.pid() > 0) ? SystemLoad.processTicks(server.pid()) * 10_000_000L : cpu[1];
		this.clientCpu = cpu[0];
		this.processCpu = ThreadCpu.processNanos();
		this.start = System.nanoTime();
	}

	static Meter start(BenchServer server, Predicate<String> clientThreads) {
		return new Meter(server, clientThreads);
	}

	private static List<Long> externalPids(BenchServer server) {
		return (server.pid() > 0) ? List.of(server.pid()) : List.of();
	}

	/**
	 * Ends the round.
	 * @param workload the workload
	 * @param cell the cell
	 * @param config the configuration
	 * @param round the round
	 * @param operations completed operations
	 * @param errors failed operations
	 * @param latencies per-operation latencies in nanoseconds (the first
	 * {@code operations} entries)
	 * @return the sample
	 */
	Sample stop(String workload, String cell, String config, int round, long operations, long errors,
			long[] latencies) {
		long end = System.nanoTime();
		long[] cpu = ThreadCpu.nanos(this.clientThreads, ThreadCpu.SERVER);
		long clientCpuNow = cpu[0];
		long processCpuNow = ThreadCpu.processNanos();
		long serverCpuNow = (this.server.pid() > 0) ? SystemLoad.processTicks(this.server.pid()) * 10_000_000L : cpu[1];
		SystemLoad loadNow = SystemLoad.now(externalPids(this.server));
		BenchServer.Handshakes seen = this.server.handshakes().minus(this.handshakes);
		int n = (int) Math.min(operations, latencies.length);
		long serverCpuDelta = serverCpuNow - this.serverCpu;
		long inProcessServer = (this.server.pid() > 0) ? 0 : serverCpuDelta;
		return new Sample(workload, cell, config, round, operations, errors, (end - this.start) / 1e9,
				Stats.percentile(latencies, n, 50) / 1000.0, Stats.percentile(latencies, n, 99) / 1000.0,
				clientCpuNow - this.clientCpu, (processCpuNow - this.processCpu) - inProcessServer, serverCpuDelta,
				seen.resumed(), seen.full(), this.load.otherPercent(loadNow), this.load.stealPercent(loadNow),
				java.util.Arrays.copyOf(latencies, n));
	}

}
