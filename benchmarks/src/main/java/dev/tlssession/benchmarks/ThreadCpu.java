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

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.util.function.Predicate;

/**
 * CPU time of a group of threads, chosen by name, from
 * {@link com.sun.management.ThreadMXBean}: the client's event loops and the driver, or
 * the server's event loop, measured apart although they share one process.
 */
final class ThreadCpu {

	private static final com.sun.management.ThreadMXBean THREADS = (com.sun.management.ThreadMXBean) ManagementFactory
		.getThreadMXBean();

	/**
	 * Client side: Reactor Netty's global event loops, the handshake client loop and the
	 * driver thread.
	 */
	static final Predicate<String> CLIENT = (name) -> name.startsWith("reactor-http-")
			|| name.startsWith("bench-client") || name.equals("main");

	/**
	 * Server side: the benchmark servers' own event loops (the test kit's upstreams name
	 * theirs tls-upstream).
	 */
	static final Predicate<String> SERVER = (name) -> name.startsWith("bench-server")
			|| name.startsWith("tls-upstream-");

	private ThreadCpu() {
	}

	/**
	 * The CPU time used so far by the threads of two groups, in one pass over the
	 * threads.
	 * @param first the first group's names
	 * @param second the second group's names
	 * @return nanoseconds of each group
	 */
	static long[] nanos(Predicate<String> first, Predicate<String> second) {
		long[] ids = THREADS.getAllThreadIds();
		ThreadInfo[] infos = THREADS.getThreadInfo(ids);
		long[] cpu = THREADS.getThreadCpuTime(ids);
		long[] total = new long[2];
		for (int i = 0; i < ids.length; i++) {
			if (infos[i] != null && cpu[i] > 0) {
				String name = infos[i].getThreadName();
				if (first.test(name)) {
					total[0] += cpu[i];
				}
				else if (second.test(name)) {
					total[1] += cpu[i];
				}
			}
		}
		return total;
	}

	/**
	 * The CPU time used so far by every live thread whose name matches.
	 * @param filter the thread names
	 * @return nanoseconds
	 */
	static long nanos(Predicate<String> filter) {
		long[] ids = THREADS.getAllThreadIds();
		ThreadInfo[] infos = THREADS.getThreadInfo(ids);
		long[] cpu = THREADS.getThreadCpuTime(ids);
		long total = 0;
		for (int i = 0; i < ids.length; i++) {
			if (infos[i] != null && cpu[i] > 0 && filter.test(infos[i].getThreadName())) {
				total += cpu[i];
			}
		}
		return total;
	}

	/**
	 * The CPU time of the whole process so far (every thread, GC and JIT included).
	 * @return nanoseconds
	 */
	static long processNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

}
