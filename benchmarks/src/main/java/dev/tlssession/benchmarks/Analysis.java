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

import dev.tlssession.benchmarks.Results.Spread;

/**
 * The explanations the report gives for missed targets, built from the run's own numbers
 * (the per-round ratios, the load of other processes, the handshake workload and the JFR
 * profile), and the closing note.
 */
final class Analysis {

	private Analysis() {
	}

	/**
	 * (d) ÷ (f) in requests per second: equal CPU per request with a rate spread across 1
	 * means the machine's noise.
	 */
	static String rateVsCeilingMissed(Results results, List<Profiler.Profile> profiles, String cell) {
		Spread rate = results.ratio("churn", cell, "starter-openssl", "raw-netty", Sample::rate);
		Spread cpu = results.ratio("churn", cell, "starter-openssl", "raw-netty", Sample::clientCpuMicrosPerOp);
		StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
				"in the same rounds the client CPU per request (d) ÷ (f) is %s", Text.ratioShort(cpu)));
		if (rate.present() && rate.min() < 1 && rate.max() > 1) {
			why.append(String.format(Locale.ROOT,
					", and the per-round rate ratios straddle 1 (%.2f to %.2f over %d " + "rounds)", rate.min(),
					rate.max(), rate.n()));
		}
		Spread other = results.spread("churn", cell, "starter-openssl", Sample::otherPercent);
		why.append(String.format(Locale.ROOT,
				"; other processes used a median %.0f %% (max %.0f %%) of the machine " + "in these rounds",
				other.median(), other.max()));
		profileShare(profiles, "starter-openssl", why);
		return why.append('.').toString();
	}

	static String cpuVsCeilingMissed(Results results, List<Profiler.Profile> profiles, String cell) {
		Spread cpu = results.ratio("churn", cell, "starter-openssl", "raw-netty", Sample::clientCpuMicrosPerOp);
		Spread process = results.ratio("churn", cell, "starter-openssl", "raw-netty", Sample::processCpuMicrosPerOp);
		long[] d = results.resumed("churn", cell, "starter-openssl");
		long[] f = results.resumed("churn", cell, "raw-netty");
		StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
				"the per-round ratios range %.2f to %.2f over %d rounds (whole-process CPU %s); the server resumed "
						+ "%s of (d)'s handshakes and %s of (f)'s",
				cpu.min(), cpu.max(), cpu.n(), Text.ratioShort(process), Text.pct(fraction(d)), Text.pct(fraction(f))));
		profileShare(profiles, cell.endsWith("/8") ? "starter-openssl 8-way" : "starter-openssl", why);
		return why.append('.').toString();
	}

	static String handshakeCpuMissed(Results results, List<Profiler.Profile> profiles, String cell, String kind) {
		Spread rate = results.ratio("handshake", cell, "starter-openssl " + kind, "raw-openssl " + kind, Sample::rate);
		Spread cpu = results.ratio("handshake", cell, "starter-openssl " + kind, "raw-openssl " + kind,
				Sample::clientCpuMicrosPerOp);
		StringBuilder why = new StringBuilder(String.format(Locale.ROOT,
				"the starter's handshake rate is %s of raw Netty's in the same rounds, the CPU ratios range %.2f to "
						+ "%.2f over %d rounds",
				Text.ratioShort(rate), cpu.min(), cpu.max(), cpu.n()));
		for (Profiler.Profile p : profiles) {
			if (p.config().equals("handshake starter-openssl " + kind)) {
				why.append(String.format(Locale.ROOT,
						"; in the JFR profile of this handshake loop (TLS 1.3), %.2f %% of the client thread's %,d "
								+ "samples are in the starter's own code, led by %s",
						p.starterShare(), p.samples(), topStarter(p)));
			}
		}
		return why.append('.').toString();
	}

	static String profileMissed(Profiler.Profile p) {
		return String.format(Locale.ROOT, "the starter's own frames in these %,d samples: %s", p.samples(),
				topStarter(p));
	}

	private static String topStarter(Profiler.Profile p) {
		List<String> names = p.topStarter()
			.stream()
			.limit(3)
			.map((e) -> String.format(Locale.ROOT, "`%s` (%.2f %%)", e.getKey(),
					100.0 * e.getValue() / Math.max(1, p.samples())))
			.toList();
		return names.isEmpty() ? "nothing" : String.join(", ", names);
	}

	private static void profileShare(List<Profiler.Profile> profiles, String config, StringBuilder why) {
		for (Profiler.Profile p : profiles) {
			if (p.config().equals(config)) {
				why.append(String.format(Locale.ROOT,
						"; in the JFR profile of (d) in this workload, %.2f %% of %,d client samples are in the "
								+ "starter's own code",
						p.starterShare(), p.samples()));
			}
		}
	}

	static String resumedMissed(Results results, String workload, String cell, String config) {
		long[] r = results.resumed(workload, cell, config);
		if (config.equals("starter-openssl")) {
			long[] four = results.resumed(workload, cell, "starter-openssl-4");
			return String.format(Locale.ROOT,
					"TLS 1.3 tickets are single-use: connections that open before the "
							+ "tickets of earlier ones arrive find none; (d) resumed %d of %d%s",
					r[0], r[1], (four[1] > 0) ? String.format(Locale.ROOT, " (with the old fixed depth of 4, (d4): %s)",
							Text.pct(fraction(four))) : "");
		}
		long[] one = results.resumed(workload, cell, "starter-jdk-1");
		long[] boot = results.resumed(workload, cell, "boot-jdk");
		return String.format(Locale.ROOT, "(e) resumed %d of %d; in the same rounds one lane per upstream (e1) "
				+ "resumed %s and plain Boot on the JDK (fj) %s: connections to one upstream that open before the "
				+ "earlier ones' tickets arrive find no ticket in any lane", r[0], r[1], Text.pct(fraction(one)),
				Text.pct(fraction(boot)));
	}

	static String jdkResumedMissed(Results results, String workload, String cell) {
		return resumedMissed(results, workload, cell, "starter-jdk");
	}

	static String keepAliveMissed(Results results, String cell) {
		Spread cpu = results.ratio("keepalive", cell, "starter-openssl", "raw-netty", Sample::clientCpuMicrosPerOp);
		return String.format(Locale.ROOT,
				"client CPU per request (d) ÷ (f) is %s; over pooled connections the starter does no per-request work "
						+ "(no handshake, no lookup), so a rate difference with equal CPU is the machine's noise",
				Text.ratioShort(cpu));
	}

	static String heapMissed(CacheWorkload.Result result) {
		return String.format(Locale.ROOT, "%.0f B per session measured", result.heapBytesPerSession());
	}

	private static double fraction(long[] r) {
		return (r[1] == 0) ? Double.NaN : (double) r[0] / r[1];
	}

	/**
	 * The closing note: before and after for the three items, measured side by
	 * side in this run.
	 */
	static String closing(Results results, List<Target> targets, List<Profiler.Profile> profiles, String otherJava) {
		StringBuilder note = new StringBuilder();
		note.append("Before and after, measured side by side in the same rounds (the \"before\" configurations keep "
				+ "the old behaviour: (e1) one lane per upstream, (d4) a fixed depth of 4):\n\n");
		note.append("1. **The jdk provider under concurrency** (server-confirmed resumed, TLS 1.3):\n");
		for (String workload : List.of("churn", "churn-java" + otherJava)) {
			String java = workload.equals("churn") ? Text.javaFeature() : otherJava;
			if (java == null) {
				continue;
			}
			for (String cell : results.cells(workload)) {
				if (!cell.contains("TLSv1.3") || !results.has(workload, cell, "starter-jdk-1")) {
					continue;
				}
				long[] before = results.resumed(workload, cell, "starter-jdk-1");
				long[] after = results.resumed(workload, cell, "starter-jdk");
				long[] boot = results.resumed(workload, cell, "boot-jdk");
				Spread cpu = results.ratio(workload, cell, "starter-jdk", "starter-jdk-1",
						Sample::clientCpuMicrosPerOp);
				Spread vsBoot = results.ratio(workload, cell, "starter-jdk", "boot-jdk", Sample::clientCpuMicrosPerOp);
				note.append(String.format(Locale.ROOT,
						"   - Java %s, %s: %s before (e1) → %s after (e); plain Boot on the JDK (fj) %s. Client CPU per "
								+ "request (e) ÷ (e1) %s, (e) ÷ (fj) %s.%n",
						java, Text.label(cell), Text.pct(fraction(before)), Text.pct(fraction(after)),
						Text.pct(fraction(boot)), Text.ratioShort(cpu), Text.ratioShort(vsBoot)));
			}
		}
		note.append(
				"2. **Single-use tickets under bursts** (openssl, server-confirmed resumed, and what the cache kept "
						+ "for the upstream):\n");
		for (String cell : results.cells("churn")) {
			if (!cell.contains("TLSv1.3") || !results.has("churn", cell, "starter-openssl-4")) {
				continue;
			}
			long[] before = results.resumed("churn", cell, "starter-openssl-4");
			long[] after = results.resumed("churn", cell, "starter-openssl");
			note.append(String.format(Locale.ROOT,
					"   - %s: %s with the fixed depth of 4 (d4, kept %s) → %s with the "
							+ "default, depth following demand (d, kept %s).%n",
					Text.label(cell), Text.pct(fraction(before)), held(results, "held", cell, "starter-openssl-4"),
					Text.pct(fraction(after)), held(results, "held", cell, "starter-openssl")));
		}
		note.append("   - Sequential (%s): (d) kept %s sessions for the upstream.%n".formatted(
				Text.label(Configurations.SEQ_13), held(results, "held", Configurations.SEQ_13, "starter-openssl")));
		note.append("3. **Key exchange** (TLS 1.3, client CPU per handshake, x25519 ÷ default in the same rounds):\n");
		for (String workload : List.of("handshake", "handshake-java" + otherJava)) {
			String java = workload.equals("handshake") ? Text.javaFeature() : otherJava;
			if (java == null) {
				continue;
			}
			for (String provider : List.of("openssl", "jdk")) {
				Spread full = results.ratio(workload, "netty/ec/TLSv1.3/1", "starter-" + provider + "-x25519 full",
						"starter-" + provider + " full", Sample::clientCpuMicrosPerOp);
				Spread resumed = results.ratio(workload, "netty/ec/TLSv1.3/1",
						"starter-" + provider + "-x25519 resumed", "starter-" + provider + " resumed",
						Sample::clientCpuMicrosPerOp);
				if (full.present()) {
					note.append(String.format(Locale.ROOT, "   - %s on Java %s: full %s, resumed %s.%n", provider, java,
							Text.ratioShort(full), Text.ratioShort(resumed)));
				}
			}
		}
		Spread churnX = results.ratio("churn", Configurations.SEQ_13, "starter-openssl-x25519", "starter-openssl",
				Sample::rate);
		Spread churnXCpu = results.ratio("churn", Configurations.SEQ_13, "starter-openssl-x25519", "starter-openssl",
				Sample::clientCpuMicrosPerOp);
		if (churnX.present()) {
			note.append(String.format(Locale.ROOT,
					"   - Sequential TLS 1.3 churn with HTTP, (dx) ÷ (d): %s req/s, %s " + "client CPU per request.%n",
					Text.ratioShort(churnX), Text.ratioShort(churnXCpu)));
		}
		note.append('\n');
		for (Profiler.Profile p : profiles) {
			if (p.starterConfig()) {
				note.append(String.format(Locale.ROOT,
						"- JFR, %s: %.2f %% of %,d client samples in the starter's own " + "code.%n",
						Text.profileLabel(p.config()), p.starterShare(), p.samples()));
			}
		}
		note.append('\n');
		List<Target> missed = targets.stream().filter((t) -> !t.met()).toList();
		if (missed.isEmpty()) {
			note.append("Every target was met in this run.\n\n");
			return note.toString();
		}
		note.append("Missed in this run: ");
		note.append(String.join("; ", missed.stream().map(Target::name).toList()));
		note.append(". Each is explained from the measurements under the targets table.\n\n");
		return note.toString();
	}

	private static String held(Results results, String workload, String cell, String config) {
		List<Sample> held = results.samples(workload, cell, config);
		return held.isEmpty() ? "–" : Long.toString(held.get(held.size() - 1).operations());
	}

}
