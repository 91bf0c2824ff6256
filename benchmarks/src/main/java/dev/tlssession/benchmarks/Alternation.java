package dev.tlssession.benchmarks;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Runs configurations round by round, alternating: a warm-up round of each first (round 0, kept in the CSV, left
 * out of the report), then each measured round runs every configuration once, in an order rotated every round so
 * that no configuration always follows the same one.
 */
final class Alternation {

	private static final int MINIMUM_ROUNDS = 3;

	private Alternation() {
	}

	static <C> List<Sample> run(List<C> configs, int rounds, Budget budget, BiFunction<C, Integer, Sample> round) {
		List<Sample> samples = new ArrayList<>();
		for (C config : configs) {
			samples.add(round.apply(config, 0));
		}
		for (int r = 1; r <= rounds && budget.allows(r, Math.min(rounds, MINIMUM_ROUNDS)); r++) {
			List<C> order = new ArrayList<>(configs);
			Collections.rotate(order, r);
			for (C config : order) {
				samples.add(round.apply(config, r));
			}
		}
		return samples;
	}

}
