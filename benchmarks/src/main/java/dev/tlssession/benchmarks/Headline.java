package dev.tlssession.benchmarks;

import java.util.ArrayList;
import java.util.List;

import dev.tlssession.benchmarks.Results.Spread;

/**
 * The chart of the headline table: sequential churn requests per second per configuration, TLS 1.2 and TLS 1.3.
 */
final class Headline {

	private Headline() {
	}

	static String svg(Results results) {
		List<Svg.Group> groups = new ArrayList<>();
		for (String cell : List.of(Report.SEQ_12, Report.SEQ_13)) {
			List<Svg.Bar> bars = new ArrayList<>();
			for (String config : Report.LETTERS.keySet()) {
				Spread s = results.spread("churn", cell, config, Sample::rate);
				bars.add(new Svg.Bar(Report.LETTERS.get(config) + " " + config, s.median(), s.min(), s.max()));
			}
			groups.add(new Svg.Group(Report.label(cell), bars));
		}
		return Svg.chart("Connection churn, sequential, ECDSA P-256 (Netty/BoringSSL server)", "requests per second",
				groups);
	}

}
