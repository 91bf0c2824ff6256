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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.tlssession.benchmarks.Results.Spread;

/**
 * Writes {@code report.md}: machine, method, the headline table, every target met or not
 * with its measured ratio, the tables of each workload, the profile, and a closing note.
 */
final class Report {

	static final String SEQ_12 = "netty/ec/TLSv1.2/1";

	static final String SEQ_13 = "netty/ec/TLSv1.3/1";

	static final Map<String, String> LETTERS = new LinkedHashMap<>();

	static {
		LETTERS.put("boot", "(a)");
		LETTERS.put("boot-bundle", "(b)");
		LETTERS.put("boot-bundle+starter", "(b+)");
		LETTERS.put("no-resumption", "(c)");
		LETTERS.put("starter-openssl", "(d)");
		LETTERS.put("starter-openssl-16", "(d16)");
		LETTERS.put("starter-jdk", "(e)");
		LETTERS.put("raw-netty", "(f)");
		LETTERS.put(GatewayWorkload.WITHOUT, "(g)");
		LETTERS.put(GatewayWorkload.WITH, "(g+)");
		LETTERS.put(GatewayWorkload.FLOOR, "(g0)");
	}

	private static final Map<String, String> DESCRIPTIONS = Map.of("boot",
			"plain Boot WebClient, no SSL bundle (Reactor Netty's default context)", "boot-bundle",
			"plain Boot, `fromBundle` WebClient built per request", "boot-bundle+starter",
			"the same per-request `fromBundle` code with the starter", "no-resumption",
			"starter, `reuse=false` (floor)", "starter-openssl", "starter, provider openssl", "starter-openssl-16",
			"(d) with `max-sessions-per-host=16` (8-way TLS 1.3 cells only)", "starter-jdk", "starter, provider jdk",
			"raw-netty", "raw Reactor Netty, one shared BoringSSL context (ceiling)");

	private final Results results;

	private final List<CacheWorkload.Result> cache;

	private final List<Profiler.Profile> profiles;

	private final Machine machine;

	private final Plan plan;

	private final String wallTime;

	private final List<String> notes;

	private final List<Target> targets = new ArrayList<>();

	Report(Results results, List<CacheWorkload.Result> cache, List<Profiler.Profile> profiles, Machine machine,
			Plan plan, String wallTime, List<String> notes) {
		this.results = results;
		this.cache = cache;
		this.profiles = profiles;
		this.machine = machine;
		this.plan = plan;
		this.wallTime = wallTime;
		this.notes = notes;
		evaluateTargets();
	}

	List<Target> targets() {
		return this.targets;
	}

	// ---------------------------------------------------------------- targets

	private void evaluateTargets() {
		for (String[] t : new String[][] { { SEQ_12, "3.0", "TLS 1.2" }, { SEQ_13, "1.4", "TLS 1.3" } }) {
			Spread r = this.results.ratio("churn", t[0], "starter-openssl", "no-resumption", Sample::rate);
			double goal = Double.parseDouble(t[1]);
			add("Churn " + t[2] + " sequential: (d) ÷ (c) req/s", "≥ " + t[1] + "×", r, r.median() >= goal,
					(r.median() >= goal) ? "" : Analysis.churnGainMissed(this.results, t[0], goal));
		}
		for (String cell : List.of(SEQ_12, SEQ_13)) {
			Spread r = this.results.ratio("churn", cell, "starter-openssl", "raw-netty", Sample::rate);
			add("Churn " + label(cell) + ": (d) ÷ (f) req/s", "≥ 0.97×", r, r.median() >= 0.97,
					(r.median() >= 0.97) ? "" : Analysis.starterVsRawMissed(this.results, this.profiles, cell));
		}
		for (Protocol protocol : List.of(Protocol.TLS12, Protocol.TLS13)) {
			for (String kind : List.of("resumed", "full")) {
				String cell = "netty/ec/" + protocol.jsse + "/1";
				Spread r = this.results.ratio("handshake", cell, "starter-openssl " + kind, "raw-openssl " + kind,
						Sample::clientCpuMicrosPerOp);
				add("Handshake " + protocol.label + " " + kind + ": starter ÷ raw client CPU per handshake", "≤ 1.05×",
						r, r.median() <= 1.05, (r.median() <= 1.05) ? ""
								: Analysis.handshakeCpuMissed(this.results, this.profiles, cell, kind));
			}
		}
		double worstSeq = 1;
		String worstSeqCell = "";
		for (String cell : this.results.cells("churn")) {
			if (cell.endsWith("/1") && this.results.has("churn", cell, "starter-openssl")) {
				long[] r = this.results.resumed("churn", cell, "starter-openssl");
				double fraction = (r[1] == 0) ? Double.NaN : (double) r[0] / r[1];
				if (!(fraction >= worstSeq)) {
					worstSeq = fraction;
					worstSeqCell = cell + " (" + r[0] + "/" + r[1] + ")";
				}
			}
		}
		this.targets.add(new Target("Resumed fraction (server-confirmed), (d) sequential, worst cell", "≥ 99 %",
				pct(worstSeq) + " " + worstSeqCell, worstSeq >= 0.99,
				(worstSeq >= 0.99) ? "" : Analysis.resumedMissed(this.results, worstSeqCell)));
		double worstConcurrent = 1;
		String worstConcurrentCell = "";
		for (String cell : this.results.cells("churn")) {
			if (cell.endsWith("TLSv1.3/8") && this.results.has("churn", cell, "starter-openssl")) {
				long[] r = this.results.resumed("churn", cell, "starter-openssl");
				double fraction = (r[1] == 0) ? Double.NaN : (double) r[0] / r[1];
				if (!(fraction >= worstConcurrent)) {
					worstConcurrent = fraction;
					worstConcurrentCell = cell + " (" + r[0] + "/" + r[1] + ")";
				}
			}
		}
		this.targets
			.add(new Target("Resumed fraction (server-confirmed), (d) 8-way TLS 1.3 single-use tickets, worst cell",
					"≥ 95 %", pct(worstConcurrent) + " " + worstConcurrentCell, worstConcurrent >= 0.95,
					(worstConcurrent >= 0.95) ? "" : Analysis.resumedMissed(this.results, worstConcurrentCell)));
		for (String cell : this.results.cells("keepalive")) {
			Spread r = this.results.ratio("keepalive", cell, "starter-openssl", "raw-netty", Sample::rate);
			add("Keep-alive " + label(cell) + ": (d) ÷ (f) req/s", "≥ 0.99×", r, r.median() >= 0.99,
					(r.median() >= 0.99) ? "" : Analysis.keepAliveMissed(this.results, cell));
		}
		for (CacheWorkload.Result c : this.cache) {
			if (c.sessions() == 100_000 || this.cache.size() == 1) {
				boolean latencyMet = c.p50Nanos() <= 2000;
				this.targets.add(new Target("Cache lookup+store median, " + c.sessions() + " sessions, 2 threads",
						"≤ 2 µs",
						String.format(Locale.ROOT, "%.2f µs (p99 %.2f µs)", c.p50Nanos() / 1000, c.p99Nanos() / 1000),
						latencyMet, latencyMet ? "" : "see the cache section"));
				boolean heapMet = c.heapBytesPerSession() <= 1024;
				this.targets.add(new Target("Heap per session (Java side), " + c.sessions() + " sessions", "≤ 1 KiB",
						String.format(Locale.ROOT, "%.0f B", c.heapBytesPerSession()), heapMet,
						heapMet ? "" : Analysis.heapMissed(c)));
			}
		}
	}

	private void add(String name, String goal, Spread r, boolean met, String why) {
		this.targets.add(new Target(name, goal, r.present() ? ratio(r) : "not measured", r.present() && met,
				r.present() ? why : "not measured in this run"));
	}

	// ---------------------------------------------------------------- markdown

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# TLS session benchmarks: what resumption buys, what the starter costs\n\n");
		md.append("Generated by `java -jar benchmarks/target/tls-session-benchmarks.jar` (plan `")
			.append(this.plan.name())
			.append("`) on ")
			.append(this.machine.date())
			.append("; the whole run took **")
			.append(this.wallTime)
			.append("**. Raw per-round rows: [`results.csv`](results.csv); chart: [`headline.svg`](headline.svg).\n\n");
		machine(md);
		headline(md);
		md.append("![headline](headline.svg)\n\n");
		targetsTable(md);
		method(md);
		churn(md);
		handshake(md);
		keepAlive(md);
		cacheSection(md);
		startup(md);
		gateway(md);
		profile(md);
		closing(md);
		return md.toString();
	}

	private void machine(StringBuilder md) {
		Spread other = this.results.other();
		Spread steal = this.results.steal();
		md.append("## Machine\n\n");
		md.append("| | |\n|---|---|\n");
		this.machine.facts().forEach((k, v) -> md.append("| ").append(k).append(" | ").append(v).append(" |\n"));
		md.append(String.format(Locale.ROOT,
				"| `other` load during rounds (CPU of other processes, share of all cores, from /proc/stat) | median %.0f %%, min–max %.0f–%.0f %% over %d rounds |%n",
				other.median(), other.min(), other.max(), other.n()));
		md.append(String.format(Locale.ROOT, "| hypervisor steal during rounds | median %.1f %%, max %.1f %% |%n%n",
				steal.median(), steal.max()));
		if (other.median() >= 30) {
			md.append("**The machine was busy during this run** (`other` ≥ 30 %): wall-clock rates are pessimistic "
					+ "and noisy; the ratios (same-round, alternating) and the CPU-per-operation figures are the robust "
					+ "numbers.\n\n");
		}
		for (String note : this.notes) {
			md.append("- ").append(note).append('\n');
		}
		if (!this.notes.isEmpty()) {
			md.append('\n');
		}
	}

	private void headline(StringBuilder md) {
		md.append("## Headline: connection churn, sequential, ECDSA P-256, Netty/BoringSSL server\n\n");
		md.append(headlineTable());
	}

	String headlineTable() {
		StringBuilder md = new StringBuilder();
		md.append("Every request on a new connection. req/s = median of rounds [min–max]; × floor = per-round ratio to "
				+ "(c); resumed = server-confirmed; CPU = client threads' CPU per request.\n\n");
		md.append(
				"| configuration | TLS 1.2 req/s | × floor | resumed | CPU µs/req | TLS 1.3 req/s | × floor | resumed | CPU µs/req |\n");
		md.append("|---|---|---|---|---|---|---|---|---|\n");
		for (String config : LETTERS.keySet()) {
			if (!this.results.has("churn", SEQ_12, config) && !this.results.has("churn", SEQ_13, config)) {
				continue;
			}
			md.append("| ").append(LETTERS.get(config)).append(' ').append(config);
			for (String cell : List.of(SEQ_12, SEQ_13)) {
				md.append(" | ").append(rate(this.results.spread("churn", cell, config, Sample::rate)));
				md.append(" | ")
					.append(ratioShort(this.results.ratio("churn", cell, config, "no-resumption", Sample::rate)));
				md.append(" | ").append(resumedText("churn", cell, config));
				md.append(" | ")
					.append(num(this.results.spread("churn", cell, config, Sample::clientCpuMicrosPerOp).median()));
			}
			md.append(" |\n");
		}
		md.append('\n');
		return md.toString();
	}

	private void targetsTable(StringBuilder md) {
		md.append("## Targets\n\n");
		md.append("| target | goal | measured (median [min–max] of per-round ratios) | met |\n|---|---|---|---|\n");
		for (Target t : this.targets) {
			md.append("| ")
				.append(t.name())
				.append(" | ")
				.append(t.goal())
				.append(" | ")
				.append(t.measured())
				.append(" | ")
				.append(t.met() ? "**met**" : "**not met**")
				.append(" |\n");
		}
		md.append('\n');
		List<Target> missed = this.targets.stream().filter((t) -> !t.met()).toList();
		if (!missed.isEmpty()) {
			md.append("### Why the missed targets were missed\n\n");
			for (Target t : missed) {
				md.append("- **")
					.append(t.name())
					.append("** (")
					.append(t.measured())
					.append("): ")
					.append(t.why())
					.append("\n");
			}
			md.append('\n');
		}
	}

	private void method(StringBuilder md) {
		md.append("## Method\n\n");
		md.append(
				"""
								- One JVM runs everything: the TLS servers on 127.0.0.1 (the starter's test kit: Reactor Netty on \
						BoringSSL, one event-loop thread of their own, TLS 1.2 with tickets; nginx and `openssl s_server` as \
						separate processes), the clients, and the report. Certificates are made at start-up by the test kit \
						(netty-pkitesting): an ECDSA P-256 and an RSA-2048 authority, each issuing a `localhost` server \
						certificate. Host names resolve through a hosts file to 127.0.0.1; nothing leaves the machine.
						- **Alternation.** A global warm-up of %2$s per configuration precedes everything. In each cell (server, \
								certificate, protocol, concurrency) every configuration then runs a warm-up slice of %3$s (round 0: in the \
								CSV, not in the report), then %1$d measured rounds. A round is %4$d slices of %5$s per configuration \
								(8-way cells: half as many, twice as long), interleaved A B C … A B C … in an order rotated every round, \
								and a configuration's slices are summed into its sample for the round. Configurations are thus measured \
								milliseconds apart, so bursts of foreign load or hypervisor steal hit all of them alike. Ratios are taken \
								round by round and reported as the median with the min–max over rounds.
								- Latency percentiles are over all measured requests of a configuration in a cell (every round pooled).
								- **Everything is bounded** by time (each slice) and by count (%6$d operations per slice); every request \
								has a 10 s timeout. A time budget of %7$s cuts later workloads to their minimum rounds if a busy machine \
								slows the run.
								- **CPU.** *Client CPU* is the thread CPU time (ThreadMXBean) of Reactor Netty's event loops, the handshake \
								client's loop and the driver thread, per operation. *Process CPU* is the whole JVM minus the server threads \
								(adds GC, JIT, and the JVM's other threads). Server CPU is the server threads', or the nginx process's (10 ms \
								ticks). `other` is the CPU used by all other processes on the machine during the round, from /proc/stat, as \
								a share of all cores; rounds with high `other` have unreliable wall-clock rates, while CPU per operation and \
								same-round ratios hold up better.
								- **Resumed fraction** is counted by the server: `SSL_session_reused` on the BoringSSL server engine, \
								`$ssl_session_reused` in nginx's access log.
								- **Churn** = the server closes the connection after each response (`Connection: close`), so every request \
								opens a new connection and does a TLS handshake; concurrency 1 (sequential) and 8 (8 requests in flight). \
								**Keep-alive** = the same requests over pooled connections.
								- The configurations:
								"""
					.formatted(this.plan.rounds(), duration(this.plan.warmup()), duration(this.plan.warmupSlice()),
							this.plan.slices(), duration(this.plan.slice()), Plan.MAX_REQUESTS,
							duration(this.plan.budget())));
		for (String config : LETTERS.keySet()) {
			md.append("  - ")
				.append(LETTERS.get(config))
				.append(" `")
				.append(config)
				.append("`: ")
				.append(DESCRIPTIONS.get(config))
				.append('\n');
		}
		md.append(
				"""
						  - (a), (b), (c), (d), (e) are real Spring Boot applications (`SpringApplicationBuilder`, full \
						auto-configuration, SSL bundle `bench` trusting both authorities); (a)/(b) run with \
						`tls.session.enabled=false`; (c) is the starter with `tls.session.caches.default.reuse=false` (nothing stored \
						or offered, every handshake full), so it pays the starter's bookkeeping too; (f) uses the same Boot \
						`WebClient.Builder` with a connector on `HttpClient.create().secure(spec -> spec.sslContext(shared))`. Every \
						client but (b)/(b+) is built once; the starter's meters are bound to the Boot meter registry.

						""");
	}

	private void churn(StringBuilder md) {
		md.append("## 1. Connection churn\n\n");
		for (String cell : this.results.cells("churn")) {
			md.append("### ").append(cellTitle(cell)).append("\n\n");
			md.append(
					"| configuration | req/s | × (c) | × (f) | p50 ms | p99 ms | client CPU µs/req | CPU × (f) | process CPU µs/req | server CPU µs/req | resumed (server) | errors | other % |\n");
			md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
			for (String config : this.results.configs("churn", cell)) {
				md.append("| ").append(LETTERS.getOrDefault(config, "")).append(' ').append(config);
				md.append(" | ").append(rate(this.results.spread("churn", cell, config, Sample::rate)));
				md.append(" | ")
					.append(this.results.has("churn", cell, "no-resumption")
							? ratioShort(this.results.ratio("churn", cell, config, "no-resumption", Sample::rate))
							: "");
				md.append(" | ")
					.append(this.results.has("churn", cell, "raw-netty")
							? ratioShort(this.results.ratio("churn", cell, config, "raw-netty", Sample::rate)) : "");
				md.append(" | ").append(ms(this.results.pooledLatencyMicros("churn", cell, config, 50)));
				md.append(" | ").append(ms(this.results.pooledLatencyMicros("churn", cell, config, 99)));
				md.append(" | ")
					.append(num(this.results.spread("churn", cell, config, Sample::clientCpuMicrosPerOp).median()));
				md.append(" | ")
					.append(this.results.has("churn", cell, "raw-netty") ? ratioShort(
							this.results.ratio("churn", cell, config, "raw-netty", Sample::clientCpuMicrosPerOp)) : "");
				md.append(" | ")
					.append(num(this.results.spread("churn", cell, config, Sample::processCpuMicrosPerOp).median()));
				md.append(" | ")
					.append(num(this.results.spread("churn", cell, config, Sample::serverCpuMicrosPerOp).median()));
				md.append(" | ").append(resumedText("churn", cell, config));
				md.append(" | ").append(this.results.errors("churn", cell, config));
				md.append(" | ").append(num(this.results.spread("churn", cell, config, Sample::otherPercent).median()));
				md.append(" |\n");
			}
			md.append('\n');
		}
	}

	private void handshake(StringBuilder md) {
		md.append("## 2. Handshake cost (no HTTP)\n\n");
		md.append("Sequential connect → handshake → 1-byte echo → close_notify on a one-thread Netty client against a "
				+ "BoringSSL echo server, ECDSA P-256. *full* uses a never-repeated session key (nothing to resume, new "
				+ "sessions still stored), *resumed* the server's port. Starter = `OpenSslTlsSessionCache` / "
				+ "`JdkTlsSessionCache` with default settings and the meter binder; raw = one shared Netty `SslContext`.\n\n");
		md.append(
				"| TLS | provider | configuration | handshakes/s | hs p50 ms | client CPU µs/hs | × raw CPU | resumed ÷ full rate | resumed ÷ full CPU | resumed (server) |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|\n");
		for (String cell : this.results.cells("handshake")) {
			for (String provider : List.of("openssl", "openssl-x25519", "jdk")) {
				for (String who : List.of("starter", "raw")) {
					for (String kind : List.of("full", "resumed")) {
						String config = who + "-" + provider + " " + kind;
						if (!this.results.has("handshake", cell, config)) {
							continue;
						}
						md.append("| ")
							.append(cell.split("/")[2])
							.append(" | ")
							.append(provider.replace("-x25519", ""))
							.append(" | ")
							.append(config);
						md.append(" | ").append(rate(this.results.spread("handshake", cell, config, Sample::rate)));
						md.append(" | ").append(ms(this.results.pooledLatencyMicros("handshake", cell, config, 50)));
						md.append(" | ")
							.append(num(this.results.spread("handshake", cell, config, Sample::clientCpuMicrosPerOp)
								.median()));
						md.append(" | ")
							.append(who.equals("starter") ? ratioShort(this.results.ratio("handshake", cell, config,
									"raw-" + provider + " " + kind, Sample::clientCpuMicrosPerOp)) : "");
						md.append(" | ")
							.append(kind.equals("resumed") ? ratioShort(this.results.ratio("handshake", cell, config,
									who + "-" + provider + " full", Sample::rate)) : "");
						md.append(" | ")
							.append(kind.equals("resumed") ? ratioShort(this.results.ratio("handshake", cell,
									who + "-" + provider + " full", config, Sample::clientCpuMicrosPerOp)) : "");
						md.append(" | ").append(resumedText("handshake", cell, config)).append(" |\n");
					}
				}
			}
		}
		md.append('\n');
		List<String> sTimeCells = this.results.cells("s_time");
		if (sTimeCells.isEmpty()) {
			md.append("`openssl` was not available: no native reference.\n\n");
			return;
		}
		md.append(
				"Native reference, same machine: `openssl s_time -new` / `-reuse -www /` against `openssl s_server -www` "
						+ "(OpenSSL CLI; the client is one process, its CPU from s_time's connections per user-CPU second).\n\n");
		md.append(
				"| certificate | TLS | s_time -new conn/s | -reuse conn/s | reuse ÷ new | client CPU µs/conn new → reuse |\n|---|---|---|---|---|---|\n");
		for (String cell : sTimeCells) {
			String[] parts = cell.split("/");
			md.append("| ").append(parts[1]).append(" | ").append(parts[2]);
			md.append(" | ").append(rate(this.results.spread("s_time", cell, "s_time -new", Sample::rate)));
			md.append(" | ").append(rate(this.results.spread("s_time", cell, "s_time -reuse", Sample::rate)));
			md.append(" | ")
				.append(ratioShort(this.results.ratio("s_time", cell, "s_time -reuse", "s_time -new", Sample::rate)));
			md.append(" | ")
				.append(num(this.results.spread("s_time", cell, "s_time -new", Sample::clientCpuMicrosPerOp).median()))
				.append(" → ")
				.append(num(
						this.results.spread("s_time", cell, "s_time -reuse", Sample::clientCpuMicrosPerOp).median()));
			md.append(" |\n");
		}
		md.append('\n');
	}

	private void keepAlive(StringBuilder md) {
		md.append("## 3. Keep-alive steady state\n\n");
		md.append(
				"The same requests over pooled keep-alive connections (the server keeps them open); no handshakes after "
						+ "warm-up, so this shows the starter's per-request cost.\n\n");
		md.append(
				"| cell | configuration | req/s | × (f) | p50 ms | p99 ms | client CPU µs/req | × (f) CPU | other % |\n|---|---|---|---|---|---|---|---|---|\n");
		for (String cell : this.results.cells("keepalive")) {
			for (String config : this.results.configs("keepalive", cell)) {
				md.append("| ")
					.append(cellTitle(cell))
					.append(" | ")
					.append(LETTERS.getOrDefault(config, ""))
					.append(' ')
					.append(config);
				md.append(" | ").append(rate(this.results.spread("keepalive", cell, config, Sample::rate)));
				md.append(" | ")
					.append(ratioShort(this.results.ratio("keepalive", cell, config, "raw-netty", Sample::rate)));
				md.append(" | ").append(ms(this.results.pooledLatencyMicros("keepalive", cell, config, 50)));
				md.append(" | ").append(ms(this.results.pooledLatencyMicros("keepalive", cell, config, 99)));
				md.append(" | ")
					.append(num(this.results.spread("keepalive", cell, config, Sample::clientCpuMicrosPerOp).median()));
				md.append(" | ")
					.append(ratioShort(
							this.results.ratio("keepalive", cell, config, "raw-netty", Sample::clientCpuMicrosPerOp)));
				md.append(" | ")
					.append(num(this.results.spread("keepalive", cell, config, Sample::otherPercent).median()));
				md.append(" |\n");
			}
		}
		md.append('\n');
	}

	private void gateway(StringBuilder md) {
		List<String> cells = this.results.cells("gateway");
		if (cells.isEmpty()) {
			return;
		}
		md.append("## 6. Spring Cloud Gateway\n\n");
		md.append(
				"Spring Cloud Gateway 5.0.4 (WebFlux) proxying one route to a Netty/BoringSSL upstream that closes every "
						+ "connection (TLS 1.3, ECDSA P-256), so every proxied request makes a TLS handshake from the gateway. The "
						+ "same gateway application, its SSL bundle `bench` in `spring.cloud.gateway.server.webflux.httpclient.ssl."
						+ "ssl-bundle`: (g) without the starter (the context the gateway builds from its bundle, with Netty's own "
						+ "client session cache), (g+) with the starter (default cache on bundle `bench`, "
						+ "`max-sessions-per-host=8`), (g0) with the starter and `reuse=false` (no resumption). The driver sends "
						+ "plain HTTP over pooled connections from an event loop of its own; *gateway client CPU* is the CPU of "
						+ "the gateway's proxy client event loops (two threads per gateway), per proxied request. Latency is the "
						+ "driver's, through the gateway. Ratios are medians of per-round ratios (min–max).\n\n");
		md.append(
				"| cell | configuration | req/s | req/s × (g) | p50 ms | p99 ms | gateway client CPU µs/req | CPU × (g) | "
						+ "resumed (server) | errors | other % |\n|---|---|---|---|---|---|---|---|---|---|---|\n");
		for (String cell : cells) {
			for (String config : this.results.configs("gateway", cell)) {
				md.append("| ")
					.append(label(cell))
					.append(" | ")
					.append(LETTERS.getOrDefault(config, ""))
					.append(' ')
					.append(config);
				md.append(" | ").append(rate(this.results.spread("gateway", cell, config, Sample::rate)));
				md.append(" | ")
					.append(ratioShort(
							this.results.ratio("gateway", cell, config, GatewayWorkload.WITHOUT, Sample::rate)));
				md.append(" | ").append(ms(this.results.pooledLatencyMicros("gateway", cell, config, 50)));
				md.append(" | ").append(ms(this.results.pooledLatencyMicros("gateway", cell, config, 99)));
				md.append(" | ")
					.append(num(this.results.spread("gateway", cell, config, Sample::clientCpuMicrosPerOp).median()));
				md.append(" | ")
					.append(ratioShort(this.results.ratio("gateway", cell, config, GatewayWorkload.WITHOUT,
							Sample::clientCpuMicrosPerOp)));
				md.append(" | ").append(resumedText("gateway", cell, config));
				md.append(" | ").append(this.results.errors("gateway", cell, config));
				md.append(" | ")
					.append(num(this.results.spread("gateway", cell, config, Sample::otherPercent).median()));
				md.append(" |\n");
			}
		}
		md.append('\n');
		for (String cell : cells) {
			Spread rate = this.results.ratio("gateway", cell, GatewayWorkload.WITH, GatewayWorkload.WITHOUT,
					Sample::rate);
			Spread cpu = this.results.ratio("gateway", cell, GatewayWorkload.WITH, GatewayWorkload.WITHOUT,
					Sample::clientCpuMicrosPerOp);
			Spread floor = this.results.ratio("gateway", cell, GatewayWorkload.WITH, GatewayWorkload.FLOOR,
					Sample::rate);
			md.append("- ")
				.append(label(cell))
				.append(": with the starter the gateway serves ")
				.append(ratio(rate))
				.append(" the requests per second it serves without it, at ")
				.append(ratio(cpu))
				.append(" the gateway client CPU per request; resumption itself (g+ against g0) is worth ")
				.append(ratio(floor))
				.append(" in requests per second. Resumed, as the upstream counted: (g) ")
				.append(resumedText("gateway", cell, GatewayWorkload.WITHOUT))
				.append(", (g+) ")
				.append(resumedText("gateway", cell, GatewayWorkload.WITH))
				.append(".\n");
		}
		boolean gatewayResumesAlone = cells.stream().allMatch((cell) -> {
			long[] r = this.results.resumed("gateway", cell, GatewayWorkload.WITHOUT);
			return r[1] > 0 && r[0] >= 0.9 * r[1];
		});
		if (gatewayResumesAlone) {
			md.append(
					"\nWithout the starter the gateway already resumes through Netty's own, unbounded and unobserved, "
							+ "client session cache of its one context; what the starter adds for a gateway is the named, bounded, "
							+ "observed caches (meters, `/actuator/tlssessions`, control), per upstream host rule, at the cost shown "
							+ "above.\n\n");
		}
	}

	private void cacheSection(StringBuilder md) {
		md.append("## 4. Cache at scale\n\n");
		md.append(
				"JMH 1.37 (`CacheBenchmark.lookupAndStore`, 1 fork, 2 threads on one store, sample mode): one operation "
						+ "looks up the newest session of a random host among 10,000 (a single-use TLS 1.3 ticket, which leaves the "
						+ "store) and stores a new one for it, so the total and per-host bounds evict as they must. Heap: the "
						+ "starter's own `NativeSession` objects (package-private constructor, one real BoringSSL session shared by "
						+ "reference so only the Java side counts) in its `SessionIndex`, heap used after full GCs before and after "
						+ "filling. Then twice the capacity more is stored to check the bounds.\n\n");
		md.append(
				"| sessions | per-host bound | lookup+store p50 | p90 | p99 | mean | heap per session | size after 3× fill | max per host |\n|---|---|---|---|---|---|---|---|---|\n");
		for (CacheWorkload.Result c : this.cache) {
			md.append(String.format(Locale.ROOT,
					"| %,d | %d | %.2f µs | %.2f µs | %.2f µs | %.2f µs | %.0f B | %,d (bound %,d) | %d |%n",
					c.sessions(), c.perHostBound(), c.p50Nanos() / 1000, c.p90Nanos() / 1000, c.p99Nanos() / 1000,
					c.meanNanos() / 1000, c.heapBytesPerSession(), c.sizeAfterOverfill(), c.sessions(),
					c.maxPerHostAfterOverfill()));
		}
		md.append(
				"\nThe native `SSL_SESSION` (BoringSSL's memory, outside the Java heap) is not included; it holds the "
						+ "ticket and secrets, typically a few hundred bytes to ~1–2 KiB per session.\n\n");
	}

	private void startup(StringBuilder md) {
		md.append("## 5. Start-up\n\n");
		md.append("Wall time of `SpringApplication.run` for the same application (full auto-configuration, SSL bundle "
				+ "`bench`), alternating, median [min–max] over rounds, and the difference to the starter-off start in the "
				+ "same round. Whole start-ups of ~0.2 s vary by more than the starter adds, so the last columns use "
				+ "Spring's own start-up steps (`BufferingApplicationStartup`): the time spent creating the starter's beans "
				+ "(`tlsSession*`, `webClientTlsSessions`, each less the beans it created in turn, such as Boot's "
				+ "`SslBundles`), which includes building each cache's `SslContext`.\n\n");
		md.append(
				"| configuration | start-up ms | added vs starter off, ms | starter beans ms | per cache, ms |\n|---|---|---|---|---|\n");
		for (StartupWorkload.Config config : StartupWorkload.configs()) {
			if (!this.results.has("startup", "startup", config.id())) {
				continue;
			}
			Spread time = this.results.spread("startup", "startup", config.id(), (s) -> s.seconds() * 1000);
			md.append("| ").append(config.id()).append(" | ").append(spreadText(time, "%.0f"));
			if (config.caches() > 0) {
				Spread added = difference("startup", "startup", config.id(), "boot (starter off)",
						(s) -> s.seconds() * 1000);
				Spread beans = this.results.spread("startup", "startup", config.id(), (s) -> s.p50Micros() / 1000);
				md.append(" | ")
					.append(spreadText(added, "%.0f"))
					.append(" | ")
					.append(spreadText(beans, "%.1f"))
					.append(" | ")
					.append(String.format(Locale.ROOT, "%.1f", beans.median() / config.caches()));
			}
			else {
				md.append(" | | | ");
			}
			md.append(" |\n");
		}
		md.append('\n');
	}

	private Spread difference(String workload, String cell, String a, String b, ToDoubleFunction<Sample> metric) {
		Map<Integer, Sample> byRound = new LinkedHashMap<>();
		for (Sample s : this.results.measured(workload, cell, b)) {
			byRound.put(s.round(), s);
		}
		List<Double> values = new ArrayList<>();
		for (Sample s : this.results.measured(workload, cell, a)) {
			Sample other = byRound.get(s.round());
			if (other != null) {
				values.add(metric.applyAsDouble(s) - metric.applyAsDouble(other));
			}
		}
		return Spread.of(values);
	}

	private void profile(StringBuilder md) {
		if (this.profiles.isEmpty()) {
			return;
		}
		md.append("## Profile (JFR)\n\n");
		md.append(
				"JFR execution and native-method samples (every 5 ms; threads waiting for I/O left out) of the client "
						+ "threads while one configuration ran alone for " + this.plan.profileSeconds()
						+ " s: the sequential "
						+ "TLS 1.3 churn cell for (d) and (f), and the TLS 1.3 handshake workload (client thread only) for the "
						+ "starter and raw Netty. *Starter share* = samples with a frame of the starter (`dev.tlssession`, the "
						+ "benchmark's own classes excluded) anywhere on the stack. Recordings are in `results/raw/`.\n\n");
		md.append(
				"| configuration | client samples | starter share | hottest methods (self) | starter frames |\n|---|---|---|---|---|\n");
		for (Profiler.Profile p : this.profiles) {
			md.append("| ")
				.append((LETTERS.getOrDefault(p.config(), "") + ' ' + p.config()).trim())
				.append(" | ")
				.append(p.samples())
				.append(" | ")
				.append(String.format(Locale.ROOT, "%.1f %%", p.starterShare()))
				.append(" | ")
				.append(entries(p.topSelf(), p.samples()))
				.append(" | ")
				.append(entries(p.topStarter(), p.samples()))
				.append(" |\n");
		}
		md.append('\n');
	}

	private static String entries(List<Map.Entry<String, Long>> entries, long total) {
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, Long> e : entries) {
			parts.add(String.format(Locale.ROOT, "`%s` %.1f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)));
		}
		return String.join("<br>", parts);
	}

	private void closing(StringBuilder md) {
		md.append("## Closing note\n\n");
		long met = this.targets.stream().filter(Target::met).count();
		md.append(String.format(Locale.ROOT, "%d of %d targets met in this run (`other` load median %.0f %%).%n%n", met,
				this.targets.size(), this.results.other().median()));
		md.append("Headline (sequential churn, ECDSA P-256, Netty/BoringSSL server):\n\n");
		md.append(headlineTable());
		md.append(Analysis.closing(this.results, this.targets, this.profiles, this.cache));
	}

	// ---------------------------------------------------------------- formatting

	private String resumedText(String workload, String cell, String config) {
		long[] r = this.results.resumed(workload, cell, config);
		if (r[1] == 0) {
			return "–";
		}
		return String.format(Locale.ROOT, "%.1f %%", 100.0 * r[0] / r[1]);
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

	static String duration(java.time.Duration duration) {
		return (duration.toMillis() % 60_000 == 0) ? (duration.toMinutes() + " min") : (duration.toMillis() + " ms");
	}

	static String pct(double fraction) {
		return Double.isNaN(fraction) ? "–" : String.format(Locale.ROOT, "%.1f %%", 100 * fraction);
	}

	/** A target and how it went. */
	record Target(String name, String goal, String measured, boolean met, String why) {
	}

}
