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
import java.util.Locale;

import dev.tlssession.benchmarks.Results.Spread;

/**
 * How the report writes cells, rates, ratios and spreads.
 */
final class Text {

	private Text() {
	}

	static String javaFeature() {
		return Integer.toString(Runtime.version().feature());
	}

	static String profileLabel(String config) {
		String id = config.split(" ")[0];
		String letter = Configurations.LETTERS.get(id);
		return (letter != null) ? "churn " + letter + " " + config : config;
	}

	static String label(String cell) {
		String[] parts = cell.split("/");
		return parts[2].replace("TLSv", "TLS ") + ("1".equals(parts[3]) ? " sequential" : " " + parts[3] + "-way");
	}

	static String cellTitle(String cell) {
		String[] parts = cell.split("/");
		return parts[0] + ", " + ("ec".equals(parts[1]) ? "ECDSA P-256" : "RSA-2048") + ", " + label(cell);
	}

	static String rate(Spread s) {
		return s.present() ? spreadText(s, "%.0f") : "–";
	}

	static String ratio(Spread s) {
		return String.format(Locale.ROOT, "%.2f× [%.2f–%.2f]", s.median(), s.min(), s.max());
	}

	static String ratioShort(Spread s) {
		return s.present() ? ratio(s) : "–";
	}

	static String spreadText(Spread s, String format) {
		return String.format(Locale.ROOT, format + " [" + format + "–" + format + "]", s.median(), s.min(), s.max());
	}

	static String num(double value) {
		return Double.isNaN(value) ? "–" : String.format(Locale.ROOT, "%.0f", value);
	}

	static String ms(double micros) {
		return Double.isNaN(micros) ? "–" : String.format(Locale.ROOT, "%.2f", micros / 1000);
	}

	static String duration(Duration duration) {
		return (duration.toMillis() % 60_000 == 0) ? (duration.toMinutes() + " min") : (duration.toMillis() + " ms");
	}

	static String pct(double fraction) {
		return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
	}

	static String trim(double value) {
		return (value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

}
