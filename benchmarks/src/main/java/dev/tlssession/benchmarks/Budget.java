package dev.tlssession.benchmarks;

import java.time.Duration;

/**
 * The run's time budget: once spent, workloads run only their minimum number of rounds, so that a busy machine
 * lengthens the run by little.
 */
final class Budget {

	private final long start = System.nanoTime();

	private final Duration limit;

	Budget(Duration limit) {
		this.limit = limit;
	}

	boolean spent() {
		return System.nanoTime() - this.start > this.limit.toNanos();
	}

	Duration elapsed() {
		return Duration.ofNanos(System.nanoTime() - this.start);
	}

	/**
	 * Whether a round should run.
	 * @param round the round, from 1
	 * @param minimum the rounds that always run
	 * @return {@code true} to run it
	 */
	boolean allows(int round, int minimum) {
		return round <= minimum || !spent();
	}

}
