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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The share of the machine used by other processes while a round ran, from
 * {@code /proc/stat} (all CPU) minus this JVM's and the benchmark's external servers' own
 * ticks; and the hypervisor's steal. As in the handshake reference: rounds with a high
 * {@code other} have unreliable wall-clock rates.
 */
final class SystemLoad {

	private static final int CORES = Runtime.getRuntime().availableProcessors();

	private final long busy;

	private final long steal;

	private final long total;

	private final long own;

	private SystemLoad(long busy, long steal, long total, long own) {
		this.busy = busy;
		this.steal = steal;
		this.total = total;
		this.own = own;
	}

	/**
	 * Reads the counters now.
	 * @param externalPids benchmark processes (nginx, s_server) whose CPU is ours, not
	 * "other"
	 * @return the snapshot
	 */
	static SystemLoad now(List<Long> externalPids) {
		try {
			String cpu = Files.readAllLines(Path.of("/proc/stat")).get(0);
			String[] f = cpu.trim().split("\\s+");
			long user = Long.parseLong(f[1]);
			long nice = Long.parseLong(f[2]);
			long system = Long.parseLong(f[3]);
			long idle = Long.parseLong(f[4]);
			long iowait = Long.parseLong(f[5]);
			long irq = Long.parseLong(f[6]);
			long softirq = Long.parseLong(f[7]);
			long steal = (f.length > 8) ? Long.parseLong(f[8]) : 0;
			long total = user + nice + system + idle + iowait + irq + softirq + steal;
			long own = ticks(Path.of("/proc/self/stat"));
			for (long pid : externalPids) {
				own += ticks(Path.of("/proc/" + pid + "/stat"));
			}
			return new SystemLoad(user + nice + system + irq + softirq, steal, total, own);
		}
		catch (IOException | RuntimeException ex) {
			return new SystemLoad(0, 0, 0, 0);
		}
	}

	private static long ticks(Path stat) {
		try {
			String line = Files.readString(stat);
			String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
			return Long.parseLong(f[11]) + Long.parseLong(f[12]);
		}
		catch (IOException | RuntimeException ex) {
			return 0;
		}
	}

	/**
	 * CPU used by other processes between two snapshots, as a share of all cores (0–100
	 * %).
	 * @param later the later snapshot
	 * @return percent
	 */
	double otherPercent(SystemLoad later) {
		long elapsed = later.total - this.total;
		if (elapsed <= 0) {
			return Double.NaN;
		}
		long other = (later.busy - this.busy) - (later.own - this.own);
		return Math.max(0, 100.0 * other / elapsed);
	}

	double stealPercent(SystemLoad later) {
		long elapsed = later.total - this.total;
		return (elapsed <= 0) ? Double.NaN : 100.0 * (later.steal - this.steal) / elapsed;
	}

	static int cores() {
		return CORES;
	}

	static long processTicks(long pid) {
		return ticks(Path.of("/proc/" + pid + "/stat"));
	}

}
