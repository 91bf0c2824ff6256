package dev.tlssession.benchmarks;

import java.time.Duration;

/**
 * How long each workload runs: {@code --smoke} runs every workload for a few seconds (a quick check, numbers not
 * meaningful), the default is the full report in under ten minutes on two cores.
 *
 * @param name the plan's name
 * @param warmup the global warm-up per configuration
 * @param rounds measured rounds per configuration (alternating)
 * @param churnRound one churn round
 * @param keepAliveRounds measured rounds in the keep-alive workload
 * @param keepAliveRound one keep-alive round
 * @param handshakeRound one handshake-workload round
 * @param sTimeSeconds one {@code openssl s_time} run
 * @param sTimeRounds s_time rounds
 * @param jmhIterations JMH warm-up and measurement iterations
 * @param jmhIterationTime one JMH iteration
 * @param startupRounds start-up rounds per configuration
 * @param heapSizes session counts for the heap measurement and the JMH benchmark
 * @param profileSeconds JFR profile of (d) and (f), each
 * @param budget the time after which remaining rounds are cut to the minimum
 */
record Plan(String name, Duration warmup, int rounds, Duration churnRound, int keepAliveRounds, Duration keepAliveRound,
		Duration handshakeRound, int sTimeSeconds, int sTimeRounds, int jmhIterations, Duration jmhIterationTime,
		int startupRounds, String[] heapSizes, int profileSeconds, Duration budget) {

	static final int MAX_REQUESTS = 200_000;

	static Plan smoke() {
		return new Plan("smoke", Duration.ofMillis(150), 2, Duration.ofMillis(150), 2, Duration.ofMillis(150),
				Duration.ofMillis(150), 1, 1, 1, Duration.ofMillis(300), 1, new String[] { "1000" }, 1,
				Duration.ofMinutes(3));
	}

	static Plan standard() {
		return new Plan("standard", Duration.ofMillis(1500), 6, Duration.ofMillis(500), 16, Duration.ofMillis(300),
				Duration.ofMillis(400), 1, 2, 3, Duration.ofSeconds(1), 6, new String[] { "1000", "10000", "100000" },
				4, Duration.ofMinutes(9));
	}

	boolean smokeOnly() {
		return this.name.equals("smoke");
	}

}
