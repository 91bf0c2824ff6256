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
 * The run's time budget: once spent, workloads run only their minimum number of rounds,
 * so that a busy machine lengthens the run by little.
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
