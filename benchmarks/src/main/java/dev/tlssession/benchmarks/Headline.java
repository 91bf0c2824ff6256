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
import java.util.List;

import dev.tlssession.benchmarks.Results.Spread;

/**
 * The chart of the headline table: sequential churn requests per second per
 * configuration, TLS 1.2 and TLS 1.3.
 */
final class Headline {

	private Headline() {
	}

	/**
	 * Draws the chart again from a run's {@code results.csv} (for example after a change
	 * to the chart itself), without running anything.
	 * @param directory the folder with {@code results.csv}; {@code headline.svg} is
	 * written next to it
	 * @throws java.io.IOException if the files cannot be read or written
	 */
	static void redraw(java.nio.file.Path directory) throws java.io.IOException {
		List<Sample> samples = new ArrayList<>();
		List<String> lines = java.nio.file.Files.readAllLines(directory.resolve("results.csv"));
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",", -1);
			if (!f[0].equals("churn")) {
				continue;
			}
			long operations = Long.parseLong(f[4]);
			// the rate column is the exact one; seconds are rounded in the CSV
			double seconds = operations / Double.parseDouble(f[7]);
			samples.add(new Sample(f[0], f[1], f[2], Integer.parseInt(f[3]), operations, Long.parseLong(f[5]), seconds,
					Double.NaN, Double.NaN, 0, 0, 0, 0, 0, Double.NaN, Double.NaN, new long[0]));
		}
		java.nio.file.Files.writeString(directory.resolve("headline.svg"), svg(new Results(samples)));
	}

	static String svg(Results results) {
		List<Svg.Group> groups = new ArrayList<>();
		List<String> configs = Configurations.HEADLINE.stream()
			.filter((config) -> results.has("churn", Configurations.SEQ_12, config)
					|| results.has("churn", Configurations.SEQ_13, config))
			.toList();
		for (String cell : List.of(Configurations.SEQ_12, Configurations.SEQ_13)) {
			List<Svg.Bar> bars = new ArrayList<>();
			for (String config : configs) {
				Spread s = results.spread("churn", cell, config, Sample::rate);
				bars.add(new Svg.Bar(Configurations.LETTERS.get(config) + " " + config, s.median(), s.min(), s.max()));
			}
			groups.add(new Svg.Group(Text.label(cell), bars));
		}
		return Svg.chart("Connection churn, sequential, ECDSA P-256 (Netty/BoringSSL server)", "requests per second",
				groups);
	}

}
