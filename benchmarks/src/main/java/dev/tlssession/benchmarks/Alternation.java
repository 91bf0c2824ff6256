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
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Runs configurations alternating, finely: a warm-up slice of each first (round 0, kept
 * in the CSV, left out of the report), then measured rounds; each round is a number of
 * short slices, and each slice runs every configuration once (A B C A B C ...), in an
 * order rotated every round. A configuration's slices in a round are summed into that
 * round's sample. Two configurations are thus measured within milliseconds of each other,
 * so bursts of foreign load or hypervisor steal hit both alike, and per-round ratios
 * compare like with like.
 */
final class Alternation {

	private static final int MINIMUM_ROUNDS = 3;

	/**
	 * Rounds are numbered per run: run {@code k}'s warm-up is round {@code k * 100}, its
	 * rounds follow.
	 */
	private static final int ROUNDS_PER_RUN = 100;

	/**
	 * The run under way, from 0: its rounds are told apart from the other runs' when they
	 * are pooled.
	 */
	private static volatile int run;

	private Alternation() {
	}

	/**
	 * Starts the numbering of a run's rounds.
	 * @param index the run, from 0
	 */
	static void startRun(int index) {
		run = index;
	}

	/**
	 * The warm-up round of the run under way.
	 * @return its number
	 */
	static int warmUpRound() {
		return run * ROUNDS_PER_RUN;
	}

	/**
	 * Whether a round is a warm-up (not reported).
	 * @param round the round
	 * @return {@code true} for a run's round 0
	 */
	static boolean warmUp(int round) {
		return round % ROUNDS_PER_RUN == 0;
	}

	/**
	 * The run a round belongs to.
	 * @param round the round
	 * @return the run, from 0
	 */
	static int runOf(int round) {
		return round / ROUNDS_PER_RUN;
	}

	/**
	 * Runs the configurations.
	 * @param configs the configurations
	 * @param rounds measured rounds
	 * @param slices slices per round
	 * @param budget the run's budget (rounds beyond the minimum are skipped once it is
	 * spent)
	 * @param slice runs one slice of a configuration in a round (the run's warm-up round
	 * first) and measures it
	 * @return one sample per configuration and round
	 */
	static <C> List<Sample> run(List<C> configs, int rounds, int slices, Budget budget,
			BiFunction<C, Integer, Sample> slice) {
		List<Sample> samples = new ArrayList<>();
		int base = warmUpRound();
		for (C config : configs) {
			samples.add(slice.apply(config, base));
		}
		for (int r = 1; r <= rounds && budget.allows(r, Math.min(rounds, MINIMUM_ROUNDS)); r++) {
			List<C> order = new ArrayList<>(configs);
			Collections.rotate(order, r);
			Map<C, List<Sample>> parts = new LinkedHashMap<>();
			int round = base + r;
			for (int s = 0; s < slices; s++) {
				for (C config : order) {
					parts.computeIfAbsent(config, (c) -> new ArrayList<>()).add(slice.apply(config, round));
				}
			}
			parts.values().forEach((list) -> samples.add(Sample.merge(list)));
		}
		return samples;
	}

}
