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
import java.util.Locale;

/**
 * A small grouped bar chart with min–max whiskers, written as SVG by hand (no chart
 * library).
 */
final class Svg {

	private static final String[] COLOURS = { "#8c8c8c", "#c7a05a", "#e07b39", "#b0413e", "#2f7ed8", "#6aa84f",
			"#444444", "#17becf", "#9467bd" };

	private Svg() {
	}

	static String chart(String title, String yLabel, List<Group> groups) {
		int barWidth = 34;
		int gap = 10;
		int groupGap = 50;
		int left = 70;
		int top = 50;
		int height = 300;
		int bars = groups.get(0).bars().size();
		int groupWidth = bars * (barWidth + gap);
		int width = left + groups.size() * (groupWidth + groupGap) + 230;
		double max = groups.stream()
			.flatMap((g) -> g.bars().stream())
			.mapToDouble((b) -> Double.isNaN(b.max()) ? b.median() : b.max())
			.filter((v) -> !Double.isNaN(v))
			.max()
			.orElse(1);
		double scale = niceCeiling(max);
		StringBuilder svg = new StringBuilder();
		svg.append(String.format(Locale.ROOT,
				"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\" font-size=\"12\">%n",
				width, top + height + 70));
		svg.append(String.format(Locale.ROOT, "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width,
				top + height + 70));
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"24\" font-size=\"15\" font-weight=\"bold\">%s</text>%n", left, escape(title)));
		for (int i = 0; i <= 5; i++) {
			double value = scale * i / 5;
			double y = top + height - height * i / 5.0;
			svg.append(String.format(Locale.ROOT,
					"<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#dddddd\"/>%n", left, y,
					left + groups.size() * (groupWidth + groupGap), y));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>%n",
					left - 6, y + 4, value));
		}
		svg.append(String.format(Locale.ROOT,
				"<text x=\"16\" y=\"%d\" transform=\"rotate(-90 16 %d)\" text-anchor=\"middle\">%s</text>%n",
				top + height / 2, top + height / 2, escape(yLabel)));
		for (int g = 0; g < groups.size(); g++) {
			Group group = groups.get(g);
			int x0 = left + 20 + g * (groupWidth + groupGap);
			for (int b = 0; b < group.bars().size(); b++) {
				Bar bar = group.bars().get(b);
				if (Double.isNaN(bar.median())) {
					continue;
				}
				int x = x0 + b * (barWidth + gap);
				double h = height * bar.median() / scale;
				svg.append(String.format(Locale.ROOT,
						"<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s: %.0f</title></rect>%n",
						x, top + height - h, barWidth, h, COLOURS[b % COLOURS.length], escape(bar.label()),
						bar.median()));
				if (!Double.isNaN(bar.min()) && !Double.isNaN(bar.max())) {
					double yMin = top + height - height * bar.min() / scale;
					double yMax = top + height - height * bar.max() / scale;
					int cx = x + barWidth / 2;
					svg.append(String.format(Locale.ROOT,
							"<path d=\"M%d %.1f V%.1f M%d %.1f H%d M%d %.1f H%d\" stroke=\"black\" fill=\"none\"/>%n",
							cx, yMin, yMax, cx - 5, yMin, cx + 5, cx - 5, yMax, cx + 5));
				}
				svg.append(String.format(Locale.ROOT,
						"<text x=\"%d\" y=\"%.1f\" text-anchor=\"middle\" font-size=\"10\">%.0f</text>%n",
						x + barWidth / 2,
						top + height - h - 4
								- (Double.isNaN(bar.max()) ? 0 : height * (bar.max() - bar.median()) / scale),
						bar.median()));
			}
			svg.append(String.format(Locale.ROOT,
					"<text x=\"%d\" y=\"%d\" text-anchor=\"middle\" font-weight=\"bold\">%s</text>%n",
					x0 + groupWidth / 2, top + height + 22, escape(group.label())));
		}
		int legendX = left + groups.size() * (groupWidth + groupGap) + 10;
		List<Bar> legend = groups.get(0).bars();
		for (int b = 0; b < legend.size(); b++) {
			int y = top + 10 + b * 20;
			svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"14\" height=\"14\" fill=\"%s\"/>%n",
					legendX, y, COLOURS[b % COLOURS.length]));
			svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>%n", legendX + 20, y + 11,
					escape(legend.get(b).label())));
		}
		svg.append(String.format(Locale.ROOT,
				"<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#555555\">bars: median of rounds; whiskers: min–max</text>%n",
				left, top + height + 50));
		svg.append("</svg>\n");
		return svg.toString();
	}

	private static double niceCeiling(double value) {
		double magnitude = Math.pow(10, Math.floor(Math.log10(value)));
		for (double step : new double[] { 1, 2, 2.5, 5, 10 }) {
			if (step * magnitude >= value) {
				return step * magnitude;
			}
		}
		return 10 * magnitude;
	}

	private static String escape(String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
	}

	/** One bar: its label, median and spread. */
	record Bar(String label, double median, double min, double max) {
	}

	/** One group of bars under an x-axis label. */
	record Group(String label, List<Bar> bars) {
	}

}
