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
import java.util.Locale;
import java.util.function.Predicate;

import dev.tlssession.benchmarks.Results.Spread;

/**
 * The report's targets: what each workload must reach, measured against the ceiling or
 * the goal the issue set, with the reason from the same run's numbers when it is missed.
 */
final class Targets {

	private final Results results;

	private final List<Profiler.Profile> profiles;

	private final List<CacheWorkload.Result> cache;

	private final List<Target> targets = new ArrayList<>();

	Targets(Results results, List<Profiler.Profile> profiles, List<CacheWorkload.Result> cache) {
		this.results = results;
		this.profiles = profiles;
		this.cache = cache;
	}

	/**
	 * Every target, evaluated.
	 * @return the targets in the report's order
	 */
	List<Target> list() {
		for (String cell : this.results.cells("churn")) {
			if (!this.results.has("churn", cell, "starter-openssl") || !this.results.has("churn", cell, "raw-netty")) {
				continue;
			}
			Spread rate = this.results.ratio("churn", cell, "starter-openssl", "raw-netty", Sample::rate);
			add("Churn " + Text.cellTitle(cell) + ": (d) ÷ (f) req/s", "≥ 0.98×", rate, rate.median() >= 0.98,
					Analysis.rateVsCeilingMissed(this.results, this.profiles, cell));
			Spread cpu = this.results.ratio("churn", cell, "starter-openssl", "raw-netty",
					Sample::clientCpuMicrosPerOp);
			add("Churn " + Text.cellTitle(cell) + ": (d) ÷ (f) client CPU per request", "≤ 1.02×", cpu,
					cpu.median() <= 1.02, Analysis.cpuVsCeilingMissed(this.results, this.profiles, cell));
		}
		resumedTarget("(d) sequential, worst cell", "churn", "starter-openssl", (cell) -> cell.endsWith("/1"), 0.99);
		for (int concurrency : ChurnWorkload.CONCURRENT) {
			resumedTarget("(d) " + concurrency + "-way TLS 1.3, defaults", "churn", "starter-openssl",
					(cell) -> cell.endsWith("TLSv1.3/" + concurrency), 0.995);
		}
		List<String> churnWorkloads = new ArrayList<>(List.of("churn"));
		if (this.results.otherJava() != null) {
			churnWorkloads.add("churn-java" + this.results.otherJava());
		}
		for (String workload : churnWorkloads) {
			String java = workload.equals("churn") ? Text.javaFeature() : this.results.otherJava();
			resumedTarget("(e) sequential TLS 1.3, Java " + java, workload, "starter-jdk",
					(cell) -> cell.endsWith("TLSv1.3/1"), 0.99);
			resumedTarget("(e) 8-way TLS 1.3, Java " + java, workload, "starter-jdk",
					(cell) -> cell.endsWith("TLSv1.3/8"), 0.95);
			for (String cell : this.results.cells(workload)) {
				if (cell.contains("TLSv1.3") && this.results.has(workload, cell, "boot-jdk")
						&& this.results.has(workload, cell, "starter-jdk")) {
					long[] e = this.results.resumed(workload, cell, "starter-jdk");
					long[] g = this.results.resumed(workload, cell, "boot-jdk");
					double fe = fraction(e);
					double fg = fraction(g);
					boolean met = fe >= fg - 0.005;
					this.targets.add(new Target(
							"(e) resumes at least what plain Boot on the JDK (fj) does, " + Text.label(cell) + ", Java "
									+ java,
							"(e) ≥ (fj)", Text.pct(fe) + " vs " + Text.pct(fg),
							this.results.measured(workload, cell, "starter-jdk").size(), met,
							met ? "" : Analysis.jdkResumedMissed(this.results, workload, cell)));
				}
			}
		}
		for (Protocol protocol : List.of(Protocol.TLS12, Protocol.TLS13)) {
			for (String kind : List.of("resumed", "full")) {
				String cell = "netty/ec/" + protocol.jsse + "/1";
				Spread r = this.results.ratio("handshake", cell, "starter-openssl " + kind, "raw-openssl " + kind,
						Sample::clientCpuMicrosPerOp);
				add("Handshake " + protocol.label + " " + kind + ": starter ÷ raw client CPU per handshake", "≤ 1.05×",
						r, r.median() <= 1.05, Analysis.handshakeCpuMissed(this.results, this.profiles, cell, kind));
			}
		}
		for (String cell : this.results.cells("keepalive")) {
			Spread r = this.results.ratio("keepalive", cell, "starter-openssl", "raw-netty", Sample::rate);
			add("Keep-alive " + Text.label(cell) + ": (d) ÷ (f) req/s", "≥ 0.99×", r, r.median() >= 0.99,
					Analysis.keepAliveMissed(this.results, cell));
		}
		for (Profiler.Profile p : this.profiles) {
			if (!p.starterConfig()) {
				continue;
			}
			boolean met = p.starterShare() <= 2.0;
			this.targets.add(new Target("Profile: the starter's share of client CPU samples, " + p.config(), "≤ 2 %",
					String.format(Locale.ROOT, "%.2f %% of %,d samples", p.starterShare(), p.samples()), 0, met,
					met ? "" : Analysis.profileMissed(p)));
		}
		for (CacheWorkload.Result c : this.cache) {
			if (c.sessions() == 100_000 || this.cache.size() == 1) {
				boolean latencyMet = c.p50Nanos() <= 2000;
				this.targets.add(
						new Target("Cache lookup+store median, " + c.sessions() + " sessions, 2 threads", "≤ 2 µs",
								String.format(Locale.ROOT, "%.2f µs (p99 %.2f µs)", c.p50Nanos() / 1000,
										c.p99Nanos() / 1000),
								0, latencyMet, latencyMet ? "" : "see the cache section"));
				boolean heapMet = c.heapBytesPerSession() <= 1024;
				this.targets.add(new Target("Heap per session (Java side), " + c.sessions() + " sessions", "≤ 1 KiB",
						String.format(Locale.ROOT, "%.0f B", c.heapBytesPerSession()), 0, heapMet,
						heapMet ? "" : Analysis.heapMissed(c)));
			}
		}
		return this.targets;
	}

	private void resumedTarget(String what, String workload, String config, Predicate<String> cells, double goal) {
		double worst = 1;
		String worstCell = "";
		int rounds = 0;
		boolean any = false;
		for (String cell : this.results.cells(workload)) {
			if (cells.test(cell) && this.results.has(workload, cell, config)) {
				any = true;
				long[] r = this.results.resumed(workload, cell, config);
				double fraction = fraction(r);
				if (!(fraction >= worst) || worstCell.isEmpty()) {
					worst = fraction;
					worstCell = cell + " (" + r[0] + "/" + r[1] + ")";
					rounds = this.results.measured(workload, cell, config).size();
				}
			}
		}
		if (!any) {
			return;
		}
		boolean met = worst >= goal;
		this.targets.add(new Target("Resumed (server-confirmed), " + what,
				String.format(Locale.ROOT, "≥ %s %%", Text.trim(goal * 100)), Text.pct(worst) + " " + worstCell, rounds,
				met, met ? "" : Analysis.resumedMissed(this.results, workload, worstCell.split(" ")[0], config)));
	}

	private void add(String name, String goal, Spread r, boolean met, String why) {
		this.targets.add(new Target(name, goal, r.present() ? Text.ratio(r) : "not measured", r.n(), r.present() && met,
				(r.present() && !met) ? why : (r.present() ? "" : "not measured in this run")));
	}

	private static double fraction(long[] resumedAndTotal) {
		return (resumedAndTotal[1] == 0) ? Double.NaN : (double) resumedAndTotal[0] / resumedAndTotal[1];
	}

}
