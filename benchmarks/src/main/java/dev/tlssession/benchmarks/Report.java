package dev.tlssession.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.ToDoubleFunction;

import dev.tlssession.benchmarks.Results.Spread;

/**
 * Writes {@code report.md}: machine, method, the headline table, every target met or not with its measured ratio
 * and the rounds it rests on, the tables of each workload, the profile, and a closing note.
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
		LETTERS.put("starter-openssl-4", "(d4)");
		LETTERS.put("starter-openssl-x25519", "(dx)");
		LETTERS.put("starter-jdk", "(e)");
		LETTERS.put("starter-jdk-1", "(e1)");
		LETTERS.put("starter-jdk-x25519", "(ex)");
		LETTERS.put("raw-netty", "(f)");
		LETTERS.put("boot-jdk", "(g)");
	}

	/** The configurations of the headline table and chart. */
	static final List<String> HEADLINE = List.of("boot", "boot-bundle", "boot-bundle+starter", "no-resumption",
			"starter-openssl", "starter-jdk", "raw-netty", "boot-jdk");

	private static final Map<String, String> DESCRIPTIONS = new LinkedHashMap<>();

	static {
		DESCRIPTIONS.put("boot", "plain Boot WebClient, no SSL bundle (Reactor Netty's default context)");
		DESCRIPTIONS.put("boot-bundle", "plain Boot, `fromBundle` WebClient built per request");
		DESCRIPTIONS.put("boot-bundle+starter", "the same per-request `fromBundle` code with the starter");
		DESCRIPTIONS.put("no-resumption", "starter, `reuse=false` (floor)");
		DESCRIPTIONS.put("starter-openssl", "starter, provider openssl, default settings");
		DESCRIPTIONS.put("starter-openssl-4", "(d) with `max-sessions-per-host=4`: the per-host depth of the "
				+ "previous default (4, fixed) in the same run");
		DESCRIPTIONS.put("starter-openssl-x25519", "(d) with `key-exchange-groups=x25519,secp256r1`");
		DESCRIPTIONS.put("starter-jdk", "starter, provider jdk, default settings (ticket lanes)");
		DESCRIPTIONS.put("starter-jdk-1", "(e) with `max-sessions-per-host=1`: one lane per upstream, the JDK's own "
				+ "cache as the starter used it before lanes, in the same run");
		DESCRIPTIONS.put("starter-jdk-x25519", "(e) with `key-exchange-groups=x25519` (Java 20+)");
		DESCRIPTIONS.put("raw-netty", "raw Reactor Netty, one shared BoringSSL context (the ceiling)");
		DESCRIPTIONS.put("boot-jdk", "plain Boot where netty-tcnative is absent: Reactor Netty's default HTTP/1.1 "
				+ "client context on the JDK, shared (the jdk provider's ceiling, and what the starter replaces "
				+ "there)");
	}

	/** A target, how it went, and how many rounds the measurement rests on. */
	record Target(String name, String goal, String measured, int rounds, boolean met, String why) {
	}

	private final Results results;

	private final List<CacheWorkload.Result> cache;

	private final List<Profiler.Profile> profiles;

	private final Machine machine;

	private final Plan plan;

	private final int runs;

	private final String wallTime;

	private final List<String> notes;

	private final List<Target> targets = new ArrayList<>();

	Report(Results results, List<CacheWorkload.Result> cache, List<Profiler.Profile> profiles, Machine machine,
			Plan plan, int runs, String wallTime, List<String> notes) {
		this.results = results;
		this.cache = cache;
		this.profiles = profiles;
		this.machine = machine;
		this.plan = plan;
		this.runs = runs;
		this.wallTime = wallTime;
		this.notes = notes;
		evaluateTargets();
	}

	List<Target> targets() {
		return this.targets;
	}

	/** The Java version of the child run's sections, or {@code null} when there was none. */
	String otherJava() {
		for (Sample sample : this.results.all()) {
			if (sample.workload().startsWith("churn-java")) {
				return sample.workload().substring("churn-java".length());
			}
		}
		return null;
	}

	// ---------------------------------------------------------------- targets

	private void evaluateTargets() {
		for (String cell : this.results.cells("churn")) {
			if (!this.results.has("churn", cell, "starter-openssl") || !this.results.has("churn", cell, "raw-netty")) {
				continue;
			}
			Spread rate = this.results.ratio("churn", cell, "starter-openssl", "raw-netty", Sample::rate);
			add("Churn " + cellTitle(cell) + ": (d) ÷ (f) req/s", "≥ 0.98×", rate, rate.median() >= 0.98,
					Analysis.rateVsCeilingMissed(this.results, this.profiles, cell));
			Spread cpu = this.results.ratio("churn", cell, "starter-openssl", "raw-netty",
					Sample::clientCpuMicrosPerOp);
			add("Churn " + cellTitle(cell) + ": (d) ÷ (f) client CPU per request", "≤ 1.02×", cpu, cpu.median() <= 1.02,
					Analysis.cpuVsCeilingMissed(this.results, this.profiles, cell));
		}
		resumedTarget("(d) sequential, worst cell", "churn", "starter-openssl", (cell) -> cell.endsWith("/1"), 0.99);
		for (int concurrency : ChurnWorkload.CONCURRENT) {
			resumedTarget("(d) " + concurrency + "-way TLS 1.3, defaults", "churn", "starter-openssl",
					(cell) -> cell.endsWith("TLSv1.3/" + concurrency), 0.995);
		}
		List<String> churnWorkloads = new ArrayList<>(List.of("churn"));
		if (otherJava() != null) {
			churnWorkloads.add("churn-java" + otherJava());
		}
		for (String workload : churnWorkloads) {
			String java = workload.equals("churn") ? javaFeature() : otherJava();
			resumedTarget("(e) sequential TLS 1.3, Java " + java, workload, "starter-jdk",
					(cell) -> cell.endsWith("TLSv1.3/1"), 0.99);
			resumedTarget("(e) 8-way TLS 1.3, Java " + java, workload, "starter-jdk", (cell) -> cell.endsWith("TLSv1.3/8"),
					0.95);
			for (String cell : this.results.cells(workload)) {
				if (cell.contains("TLSv1.3") && this.results.has(workload, cell, "boot-jdk")
						&& this.results.has(workload, cell, "starter-jdk")) {
					long[] e = this.results.resumed(workload, cell, "starter-jdk");
					long[] g = this.results.resumed(workload, cell, "boot-jdk");
					double fe = fraction(e);
					double fg = fraction(g);
					boolean met = fe >= fg - 0.005;
					this.targets.add(new Target("(e) resumes at least what plain Boot on the JDK (g) does, "
							+ label(cell) + ", Java " + java, "(e) ≥ (g)", pct(fe) + " vs " + pct(fg),
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
				add("Handshake " + protocol.label + " " + kind + ": starter ÷ raw client CPU per handshake", "≤ 1.05×", r,
						r.median() <= 1.05, Analysis.handshakeCpuMissed(this.results, this.profiles, cell, kind));
			}
		}
		for (String cell : this.results.cells("keepalive")) {
			Spread r = this.results.ratio("keepalive", cell, "starter-openssl", "raw-netty", Sample::rate);
			add("Keep-alive " + label(cell) + ": (d) ÷ (f) req/s", "≥ 0.99×", r, r.median() >= 0.99,
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
				this.targets.add(new Target("Cache lookup+store median, " + c.sessions() + " sessions, 2 threads",
						"≤ 2 µs", String.format(Locale.ROOT, "%.2f µs (p99 %.2f µs)", c.p50Nanos() / 1000,
								c.p99Nanos() / 1000),
						0, latencyMet, latencyMet ? "" : "see the cache section"));
				boolean heapMet = c.heapBytesPerSession() <= 1024;
				this.targets.add(new Target("Heap per session (Java side), " + c.sessions() + " sessions", "≤ 1 KiB",
						String.format(Locale.ROOT, "%.0f B", c.heapBytesPerSession()), 0, heapMet,
						heapMet ? "" : Analysis.heapMissed(c)));
			}
		}
	}

	private void resumedTarget(String what, String workload, String config, java.util.function.Predicate<String> cells,
			double goal) {
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
				String.format(Locale.ROOT, "≥ %s %%", trim(goal * 100)), pct(worst) + " " + worstCell, rounds, met,
				met ? "" : Analysis.resumedMissed(this.results, workload, worstCell.split(" ")[0], config)));
	}

	private void add(String name, String goal, Spread r, boolean met, String why) {
		this.targets.add(new Target(name, goal, r.present() ? ratio(r) : "not measured", r.n(), r.present() && met,
				(r.present() && !met) ? why : (r.present() ? "" : "not measured in this run")));
	}

	private static double fraction(long[] resumedAndTotal) {
		return (resumedAndTotal[1] == 0) ? Double.NaN : (double) resumedAndTotal[0] / resumedAndTotal[1];
	}

	static String javaFeature() {
		return Integer.toString(Runtime.version().feature());
	}

	// ---------------------------------------------------------------- markdown

	String markdown() {
		StringBuilder md = new StringBuilder();
		md.append("# TLS session benchmarks: what resumption buys, what the starter costs\n\n");
		md.append("Generated by `java -jar benchmarks/target/tls-session-benchmarks.jar");
		if (otherJava() != null) {
			md.append(" --also-java=…");
		}
		md.append("` (plan `").append(this.plan.name()).append("`, ").append(this.runs)
			.append((this.runs == 1) ? " run" : " runs back to back, pooled").append(") on ").append(this.machine.date())
			.append("; the whole run took **").append(this.wallTime)
			.append("**. Raw per-round rows: [`results.csv`](results.csv); chart: [`headline.svg`](headline.svg).\n\n");
		machine(md);
		headline(md);
		md.append("![headline](headline.svg)\n\n");
		targetsTable(md);
		ceiling(md);
		concurrency(md);
		keyExchange(md);
		method(md);
		churn(md);
		otherJavaChurn(md);
		handshake(md);
		keepAlive(md);
		cacheSection(md);
		startup(md);
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
				"| `other` load during rounds (CPU of other processes, share of all cores, from /proc/stat) | median %.0f %%, 90th percentile %.0f %%, max %.0f %% over %d rounds |%n",
				other.median(), this.results.otherPercentile(90), other.max(), other.n()));
		for (int run = 0; run < this.runs; run++) {
			Spread perRun = this.results.other(run);
			if (perRun.present()) {
				md.append(String.format(Locale.ROOT, "| `other` load, run %d | median %.0f %%, max %.0f %% over %d rounds |%n",
						run + 1, perRun.median(), perRun.max(), perRun.n()));
			}
		}
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
				+ "(c); resumed = server-confirmed; CPU = client threads' CPU per request; every figure rests on the "
				+ "rounds in the last column, pooled over the runs.\n\n");
		md.append("| configuration | TLS 1.2 req/s | × floor | resumed | CPU µs/req | TLS 1.3 req/s | × floor | resumed | CPU µs/req | rounds |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|\n");
		for (String config : HEADLINE) {
			if (!this.results.has("churn", SEQ_12, config) && !this.results.has("churn", SEQ_13, config)) {
				continue;
			}
			md.append("| ").append(LETTERS.get(config)).append(' ').append(config);
			int rounds = 0;
			for (String cell : List.of(SEQ_12, SEQ_13)) {
				md.append(" | ").append(rate(this.results.spread("churn", cell, config, Sample::rate)));
				md.append(" | ").append(ratioShort(this.results.ratio("churn", cell, config, "no-resumption", Sample::rate)));
				md.append(" | ").append(resumedText("churn", cell, config));
				md.append(" | ").append(num(this.results.spread("churn", cell, config, Sample::clientCpuMicrosPerOp).median()));
				rounds = Math.max(rounds, this.results.measured("churn", cell, config).size());
			}
			md.append(" | ").append(rounds).append(" |\n");
		}
		md.append('\n');
		return md.toString();
	}

	private void targetsTable(StringBuilder md) {
		md.append("## Targets\n\n");
		md.append("Ratios are per round (the configurations ran milliseconds apart), summarized as the median "
				+ "[min–max] over the rounds of every run; *rounds* is how many the figure rests on (0: not a "
				+ "per-round figure).\n\n");
		md.append("| target | goal | measured | rounds | met |\n|---|---|---|---|---|\n");
		for (Target t : this.targets) {
			md.append("| ").append(t.name()).append(" | ").append(t.goal()).append(" | ").append(t.measured())
				.append(" | ").append(t.rounds()).append(" | ").append(t.met() ? "**met**" : "**not met**").append(" |\n");
		}
		md.append('\n');
		List<Target> missed = this.targets.stream().filter((t) -> !t.met()).toList();
		if (!missed.isEmpty()) {
			md.append("### Why the missed targets were missed\n\n");
			for (Target t : missed) {
				md.append("- **").append(t.name()).append("** (").append(t.measured()).append("): ").append(t.why())
					.append("\n");
			}
			md.append('\n');
		}
	}

	/**
	 * What resumption can buy on this stack at all: the ceiling over the floor, per churn cell. Context for the
	 * targets, which hold the starter to the ceiling.
	 */
	private void ceiling(StringBuilder md) {
		md.append("## What resumption can buy here: the ceiling (f) over the floor (c)\n\n");
		md.append("Raw Reactor Netty with one shared BoringSSL context (f) against the starter with `reuse=false` (c), "
				+ "per round; the starter's targets are set against (f), this is the room there is.\n\n");
		md.append("| cell | (f) ÷ (c) req/s | (c) ÷ (f) client CPU per request | rounds |\n|---|---|---|---|\n");
		for (String cell : this.results.cells("churn")) {
			if (!this.results.has("churn", cell, "raw-netty") || !this.results.has("churn", cell, "no-resumption")) {
				continue;
			}
			Spread rate = this.results.ratio("churn", cell, "raw-netty", "no-resumption", Sample::rate);
			Spread cpu = this.results.ratio("churn", cell, "no-resumption", "raw-netty", Sample::clientCpuMicrosPerOp);
			md.append("| ").append(cellTitle(cell)).append(" | ").append(ratioShort(rate)).append(" | ")
				.append(ratioShort(cpu)).append(" | ").append(rate.n()).append(" |\n");
		}
		md.append('\n');
	}

	/**
	 * Resumption when connections open together: the server-confirmed fraction per configuration and what each
	 * starter configuration keeps for the upstream.
	 */
	private void concurrency(StringBuilder md) {
		md.append("## Resumption under concurrency (TLS 1.3, single-use tickets)\n\n");
		md.append("Server-confirmed resumed handshakes over all measured rounds, and what the starter kept for the "
				+ "upstream at the end of the cell in the last run (openssl: sessions; jdk: lanes, the ports the JDK "
				+ "keeps the upstream's sessions under). Client CPU per request is the median of rounds.\n\n");
		md.append("| Java | cell | configuration | resumed | kept for the upstream | client CPU µs/req | rounds |\n"
				+ "|---|---|---|---|---|---|---|\n");
		List<String> workloads = new ArrayList<>(List.of("churn"));
		if (otherJava() != null) {
			workloads.add("churn-java" + otherJava());
		}
		for (String workload : workloads) {
			String java = workload.equals("churn") ? javaFeature() : otherJava();
			String held = workload.replace("churn", "held");
			for (String cell : this.results.cells(workload)) {
				if (!cell.contains("TLSv1.3")) {
					continue;
				}
				for (String config : this.results.configs(workload, cell)) {
					long[] r = this.results.resumed(workload, cell, config);
					List<Sample> kept = this.results.samples(held, cell, config);
					md.append("| ").append(java).append(" | ").append(label(cell)).append(" | ")
						.append(LETTERS.getOrDefault(config, "")).append(' ').append(config).append(" | ")
						.append(resumedText(workload, cell, config)).append(" (").append(r[0]).append('/').append(r[1])
						.append(") | ")
						.append(kept.isEmpty() ? "" : Long.toString(kept.get(kept.size() - 1).operations()))
						.append(" | ")
						.append(num(this.results.spread(workload, cell, config, Sample::clientCpuMicrosPerOp).median()))
						.append(" | ").append(this.results.measured(workload, cell, config).size()).append(" |\n");
				}
			}
		}
		md.append('\n');
	}

	/**
	 * The key-exchange setting: client CPU per handshake with and without it, and in the churn cells.
	 */
	private void keyExchange(StringBuilder md) {
		md.append("## Key-exchange groups (`key-exchange-groups`)\n\n");
		md.append("TLS 1.3 handshakes alone (no HTTP), the starter's cache with its default groups and with X25519 "
				+ "first (openssl: `x25519,secp256r1`, so that BoringSSL sends one X25519 key share instead of "
				+ "X25519MLKEM768 and X25519; jdk: `x25519`, one key share instead of x25519 and secp256r1). Ratios "
				+ "per round, client CPU per handshake.\n\n");
		md.append("| Java | provider | handshake | default µs/hs | x25519 µs/hs | x25519 ÷ default CPU | x25519 ÷ default rate | rounds |\n"
				+ "|---|---|---|---|---|---|---|---|\n");
		List<String> workloads = new ArrayList<>(List.of("handshake"));
		if (otherJava() != null) {
			workloads.add("handshake-java" + otherJava());
		}
		String cell = "netty/ec/TLSv1.3/1";
		for (String workload : workloads) {
			String java = workload.equals("handshake") ? javaFeature() : otherJava();
			for (String provider : List.of("openssl", "jdk")) {
				for (String kind : List.of("full", "resumed")) {
					String plain = "starter-" + provider + " " + kind;
					String x25519 = "starter-" + provider + "-x25519 " + kind;
					if (!this.results.has(workload, cell, x25519)) {
						continue;
					}
					Spread cpu = this.results.ratio(workload, cell, x25519, plain, Sample::clientCpuMicrosPerOp);
					md.append("| ").append(java).append(" | ").append(provider).append(" | ").append(kind).append(" | ")
						.append(num(this.results.spread(workload, cell, plain, Sample::clientCpuMicrosPerOp).median()))
						.append(" | ")
						.append(num(this.results.spread(workload, cell, x25519, Sample::clientCpuMicrosPerOp).median()))
						.append(" | ").append(ratioShort(cpu)).append(" | ")
						.append(ratioShort(this.results.ratio(workload, cell, x25519, plain, Sample::rate))).append(" | ")
						.append(cpu.n()).append(" |\n");
				}
			}
		}
		md.append('\n');
		md.append("In the churn cells (HTTP, a new connection per request), (dx) against (d) and the ceiling (f):\n\n");
		md.append("| cell | (dx) ÷ (d) req/s | (dx) ÷ (d) client CPU | (dx) ÷ (f) req/s | (dx) ÷ (f) client CPU | rounds |\n"
				+ "|---|---|---|---|---|---|\n");
		for (String churnCell : this.results.cells("churn")) {
			if (!this.results.has("churn", churnCell, "starter-openssl-x25519")) {
				continue;
			}
			Spread rate = this.results.ratio("churn", churnCell, "starter-openssl-x25519", "starter-openssl", Sample::rate);
			md.append("| ").append(cellTitle(churnCell)).append(" | ").append(ratioShort(rate)).append(" | ")
				.append(ratioShort(this.results.ratio("churn", churnCell, "starter-openssl-x25519", "starter-openssl",
						Sample::clientCpuMicrosPerOp)))
				.append(" | ")
				.append(ratioShort(this.results.ratio("churn", churnCell, "starter-openssl-x25519", "raw-netty",
						Sample::rate)))
				.append(" | ")
				.append(ratioShort(this.results.ratio("churn", churnCell, "starter-openssl-x25519", "raw-netty",
						Sample::clientCpuMicrosPerOp)))
				.append(" | ").append(rate.n()).append(" |\n");
		}
		md.append('\n');
	}

	private void method(StringBuilder md) {
		md.append("## Method\n\n");
		md.append("""
				- One JVM runs everything: the TLS servers on 127.0.0.1 (Reactor Netty on BoringSSL, one event-loop thread of \
				their own; nginx and `openssl s_server` as separate processes), the clients, and the report. Certificates are \
				made at start-up with netty-pkitesting: an ECDSA P-256 and an RSA-2048 authority, each issuing a `localhost` \
				server certificate. Host names resolve through a hosts file to 127.0.0.1; nothing leaves the machine.
				- **Runs.** The churn, handshake and keep-alive workloads run %8$d times back to back in the same JVM; \
				their per-round ratios are pooled over the runs, so one noisy run does not decide a row, and every row \
				says how many rounds it rests on. s_time, the profile, the cache benchmark and start-up run once. With \
				`--also-java`, a child JVM on another Java runs the jdk provider's cells as many times after everything \
				else (sections marked with that Java version; their ratios pair rounds of that JVM only).
				- **Alternation.** A global warm-up of %2$s per configuration precedes the first run. In each cell (server, \
				certificate, protocol, concurrency) every configuration then runs a warm-up slice of %3$s (the run's round \
				0: in the CSV, not in the report), then %1$d measured rounds. A round is %4$d slices of %5$s per configuration \
				(8-way and 32-way cells: half as many, twice as long), interleaved A B C … A B C … in an order rotated every \
				round, and a configuration's slices are summed into its sample for the round. Configurations are thus \
				measured milliseconds apart, so bursts of foreign load or hypervisor steal hit all of them alike. Ratios are \
				taken round by round and reported as the median with the min–max over rounds.
				- Latency percentiles are over all measured requests of a configuration in a cell (every round pooled).
				- **Everything is bounded** by time (each slice) and by count (%6$d operations per slice); every request \
				has a 10 s timeout. A time budget of %7$s per run cuts later workloads to their minimum rounds if a busy \
				machine slows the run.
				- **CPU.** *Client CPU* is the thread CPU time (ThreadMXBean) of Reactor Netty's event loops, the handshake \
				client's loop and the driver thread, per operation. *Process CPU* is the whole JVM minus the server threads \
				(adds GC, JIT, and the JVM's other threads). Server CPU is the server threads', or the nginx process's (10 ms \
				ticks). `other` is the CPU used by all other processes on the machine during the round, from /proc/stat, as \
				a share of all cores; rounds with high `other` have unreliable wall-clock rates, while CPU per operation and \
				same-round ratios hold up better.
				- **Resumed fraction** is counted by the server: `SSL_session_reused` on the BoringSSL server engine, \
				`$ssl_session_reused` in nginx's access log.
				- **Churn** = the server closes the connection after each response (`Connection: close`), so every request \
				opens a new connection and does a TLS handshake; 1 (sequential), 8 and 32 requests in flight (Reactor \
				Netty's default pool opens at most 16 connections at once on two cores). **Keep-alive** = the same \
				requests over pooled connections.
				- The configurations:
				""".formatted(this.plan.rounds(), duration(this.plan.warmup()), duration(this.plan.warmupSlice()),
				this.plan.slices(), duration(this.plan.slice()), Plan.MAX_REQUESTS, duration(this.plan.budget()),
				this.runs));
		for (String config : LETTERS.keySet()) {
			md.append("  - ").append(LETTERS.get(config)).append(" `").append(config).append("`: ")
				.append(DESCRIPTIONS.get(config)).append('\n');
		}
		md.append("""
				  - (a), (b), (c), (d…), (e…) are real Spring Boot applications (`SpringApplicationBuilder`, full \
				auto-configuration, SSL bundle `bench` trusting both authorities); (a)/(b) run with \
				`tls.session.enabled=false`; (c) is the starter with `tls.session.caches.default.reuse=false` (nothing stored \
				or offered, every handshake full), so it pays the starter's bookkeeping too; (f) and (g) use the same Boot \
				`WebClient.Builder` with a connector on `HttpClient.create().secure(...)` over one shared context. Every \
				client but (b)/(b+) is built once; the starter's meters are bound to the Boot meter registry.

				""");
	}

	private void churn(StringBuilder md) {
		md.append("## 1. Connection churn\n\n");
		churnTables(md, "churn");
	}

	private void otherJavaChurn(StringBuilder md) {
		String java = otherJava();
		if (java == null) {
			return;
		}
		md.append("## 1b. Connection churn, jdk provider, Java ").append(java).append("\n\n");
		md.append("The same TLS 1.3 cells in the child JVM on Java ").append(java).append(": the ratios pair rounds of "
				+ "that JVM; × (g) is against plain Boot on the JDK in the same rounds.\n\n");
		churnTables(md, "churn-java" + java);
	}

	private void churnTables(StringBuilder md, String workload) {
		for (String cell : this.results.cells(workload)) {
			String reference = this.results.has(workload, cell, "raw-netty") ? "raw-netty" : "boot-jdk";
			String letter = LETTERS.get(reference);
			md.append("### ").append(cellTitle(cell)).append("\n\n");
			md.append("| configuration | req/s | × (c) | × " + letter + " | p50 ms | p99 ms | client CPU µs/req | CPU × "
					+ letter + " | process CPU µs/req | server CPU µs/req | resumed (server) | errors | other % | rounds |\n");
			md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
			for (String config : this.results.configs(workload, cell)) {
				md.append("| ").append(LETTERS.getOrDefault(config, "")).append(' ').append(config);
				md.append(" | ").append(rate(this.results.spread(workload, cell, config, Sample::rate)));
				md.append(" | ").append(this.results.has(workload, cell, "no-resumption")
						? ratioShort(this.results.ratio(workload, cell, config, "no-resumption", Sample::rate)) : "");
				md.append(" | ").append(ratioShort(this.results.ratio(workload, cell, config, reference, Sample::rate)));
				md.append(" | ").append(ms(this.results.pooledLatencyMicros(workload, cell, config, 50)));
				md.append(" | ").append(ms(this.results.pooledLatencyMicros(workload, cell, config, 99)));
				md.append(" | ").append(num(this.results.spread(workload, cell, config, Sample::clientCpuMicrosPerOp).median()));
				md.append(" | ").append(ratioShort(
						this.results.ratio(workload, cell, config, reference, Sample::clientCpuMicrosPerOp)));
				md.append(" | ").append(num(this.results.spread(workload, cell, config, Sample::processCpuMicrosPerOp).median()));
				md.append(" | ").append(num(this.results.spread(workload, cell, config, Sample::serverCpuMicrosPerOp).median()));
				md.append(" | ").append(resumedText(workload, cell, config));
				md.append(" | ").append(this.results.errors(workload, cell, config));
				md.append(" | ").append(num(this.results.spread(workload, cell, config, Sample::otherPercent).median()));
				md.append(" | ").append(this.results.measured(workload, cell, config).size());
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
				+ "`JdkTlsSessionCache` with default settings (and `-x25519`: with `key-exchange-groups`) and the meter "
				+ "binder; raw = one shared Netty `SslContext`.\n\n");
		md.append("| Java | TLS | provider | configuration | handshakes/s | hs p50 ms | client CPU µs/hs | × raw CPU | resumed ÷ full rate | resumed ÷ full CPU | resumed (server) | rounds |\n");
		md.append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
		List<String> workloads = new ArrayList<>(List.of("handshake"));
		if (otherJava() != null) {
			workloads.add("handshake-java" + otherJava());
		}
		for (String workload : workloads) {
			String java = workload.equals("handshake") ? javaFeature() : otherJava();
			for (String cell : this.results.cells(workload)) {
				for (String provider : List.of("openssl", "openssl-x25519", "jdk", "jdk-x25519")) {
					for (String who : List.of("starter", "raw")) {
						for (String kind : List.of("full", "resumed")) {
							String config = who + "-" + provider + " " + kind;
							if (!this.results.has(workload, cell, config)) {
								continue;
							}
							String base = provider.replace("-x25519", "");
							md.append("| ").append(java).append(" | ").append(cell.split("/")[2]).append(" | ")
								.append(base).append(" | ").append(config);
							md.append(" | ").append(rate(this.results.spread(workload, cell, config, Sample::rate)));
							md.append(" | ").append(ms(this.results.pooledLatencyMicros(workload, cell, config, 50)));
							md.append(" | ").append(num(
									this.results.spread(workload, cell, config, Sample::clientCpuMicrosPerOp).median()));
							md.append(" | ").append(who.equals("starter") ? ratioShort(this.results.ratio(workload, cell,
									config, "raw-" + base + " " + kind, Sample::clientCpuMicrosPerOp)) : "");
							md.append(" | ").append(kind.equals("resumed") ? ratioShort(this.results.ratio(workload, cell,
									config, who + "-" + provider + " full", Sample::rate)) : "");
							md.append(" | ").append(kind.equals("resumed") ? ratioShort(this.results.ratio(workload, cell,
									who + "-" + provider + " full", config, Sample::clientCpuMicrosPerOp)) : "");
							md.append(" | ").append(resumedText(workload, cell, config));
							md.append(" | ").append(this.results.measured(workload, cell, config).size()).append(" |\n");
						}
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
		md.append("Native reference, same machine: `openssl s_time -new` / `-reuse -www /` against `openssl s_server -www` "
				+ "(OpenSSL CLI; the client is one process, its CPU from s_time's connections per user-CPU second).\n\n");
		md.append("| certificate | TLS | s_time -new conn/s | -reuse conn/s | reuse ÷ new | client CPU µs/conn new → reuse |\n|---|---|---|---|---|---|\n");
		for (String cell : sTimeCells) {
			String[] parts = cell.split("/");
			md.append("| ").append(parts[1]).append(" | ").append(parts[2]);
			md.append(" | ").append(rate(this.results.spread("s_time", cell, "s_time -new", Sample::rate)));
			md.append(" | ").append(rate(this.results.spread("s_time", cell, "s_time -reuse", Sample::rate)));
			md.append(" | ").append(ratioShort(this.results.ratio("s_time", cell, "s_time -reuse", "s_time -new", Sample::rate)));
			md.append(" | ").append(num(this.results.spread("s_time", cell, "s_time -new", Sample::clientCpuMicrosPerOp).median()))
				.append(" → ").append(num(this.results.spread("s_time", cell, "s_time -reuse", Sample::clientCpuMicrosPerOp).median()));
			md.append(" |\n");
		}
		md.append('\n');
	}

	private void keepAlive(StringBuilder md) {
		md.append("## 3. Keep-alive steady state\n\n");
		md.append("The same requests over pooled keep-alive connections (the server keeps them open); no handshakes after "
				+ "warm-up, so this shows the starter's per-request cost.\n\n");
		md.append("| cell | configuration | req/s | × (f) | p50 ms | p99 ms | client CPU µs/req | × (f) CPU | other % | rounds |\n|---|---|---|---|---|---|---|---|---|---|\n");
		for (String cell : this.results.cells("keepalive")) {
			for (String config : this.results.configs("keepalive", cell)) {
				md.append("| ").append(cellTitle(cell)).append(" | ").append(LETTERS.getOrDefault(config, "")).append(' ')
					.append(config);
				md.append(" | ").append(rate(this.results.spread("keepalive", cell, config, Sample::rate)));
				md.append(" | ").append(ratioShort(this.results.ratio("keepalive", cell, config, "raw-netty", Sample::rate)));
				md.append(" | ").append(ms(this.results.pooledLatencyMicros("keepalive", cell, config, 50)));
				md.append(" | ").append(ms(this.results.pooledLatencyMicros("keepalive", cell, config, 99)));
				md.append(" | ").append(num(this.results.spread("keepalive", cell, config, Sample::clientCpuMicrosPerOp).median()));
				md.append(" | ").append(ratioShort(this.results.ratio("keepalive", cell, config, "raw-netty",
						Sample::clientCpuMicrosPerOp)));
				md.append(" | ").append(num(this.results.spread("keepalive", cell, config, Sample::otherPercent).median()));
				md.append(" | ").append(this.results.measured("keepalive", cell, config).size());
				md.append(" |\n");
			}
		}
		md.append('\n');
	}

	private void cacheSection(StringBuilder md) {
		md.append("## 4. Cache at scale\n\n");
		md.append("JMH 1.37 (`CacheBenchmark.lookupAndStore`, 1 fork, 2 threads on one store, sample mode): one operation "
				+ "looks up the newest session of a random host among 10,000 (a single-use TLS 1.3 ticket, which leaves the "
				+ "store) and stores a new one for it, so the total and per-host bounds evict as they must. Heap: the "
				+ "starter's own `NativeSession` objects (package-private constructor, one real BoringSSL session shared by "
				+ "reference so only the Java side counts) in its `SessionIndex`, heap used after full GCs before and after "
				+ "filling. Then twice the capacity more is stored to check the bounds. Run once.\n\n");
		md.append("| sessions | per-host bound | lookup+store p50 | p90 | p99 | mean | heap per session | size after 3× fill | max per host |\n|---|---|---|---|---|---|---|---|---|\n");
		for (CacheWorkload.Result c : this.cache) {
			md.append(String.format(Locale.ROOT, "| %,d | %d | %.2f µs | %.2f µs | %.2f µs | %.2f µs | %.0f B | %,d (bound %,d) | %d |%n",
					c.sessions(), c.perHostBound(), c.p50Nanos() / 1000, c.p90Nanos() / 1000, c.p99Nanos() / 1000,
					c.meanNanos() / 1000, c.heapBytesPerSession(), c.sizeAfterOverfill(), c.sessions(),
					c.maxPerHostAfterOverfill()));
		}
		md.append("\nThe native `SSL_SESSION` (BoringSSL's memory, outside the Java heap) is not included; it holds the "
				+ "ticket and secrets, typically a few hundred bytes to ~1–2 KiB per session.\n\n");
	}

	private void startup(StringBuilder md) {
		md.append("## 5. Start-up\n\n");
		md.append("Wall time of `SpringApplication.run` for the same application (full auto-configuration, SSL bundle "
				+ "`bench`), alternating, median [min–max] over rounds, and the difference to the starter-off start in the "
				+ "same round. Whole start-ups of ~0.2 s vary by more than the starter adds, so the last columns use "
				+ "Spring's own start-up steps (`BufferingApplicationStartup`): the time spent creating the starter's beans "
				+ "(`tlsSession*`, `webClientTlsSessions`, each less the beans it created in turn, such as Boot's "
				+ "`SslBundles`), which includes building each cache's `SslContext`. Run once.\n\n");
		md.append("| configuration | start-up ms | added vs starter off, ms | starter beans ms | per cache, ms | rounds |\n|---|---|---|---|---|---|\n");
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
				md.append(" | ").append(spreadText(added, "%.0f")).append(" | ").append(spreadText(beans, "%.1f"))
					.append(" | ").append(String.format(Locale.ROOT, "%.1f", beans.median() / config.caches()));
			}
			else {
				md.append(" | | | ");
			}
			md.append(" | ").append(time.n()).append(" |\n");
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
		md.append(String.format(Locale.ROOT, "JFR execution and native-method samples (every %d ms; threads waiting for "
				+ "I/O left out) of the client threads while one configuration ran alone for %d s: the TLS 1.3 churn cell "
				+ "(sequential and 8-way) for (d), (e) and their ceilings (f), (g), and the TLS 1.3 handshake workload "
				+ "(client thread only) for the starter and raw Netty. *Starter share* = samples in the starter's own "
				+ "code: from the leaf up, a starter frame (`dev.tlssession`, the benchmark's own classes excluded) "
				+ "reached before any Netty or Reactor frame, so that the JDK and tcnative calls the starter makes count "
				+ "as its own and Netty's work it merely passes on does not. Recordings are in `results/raw/`.%n%n",
				Profiler.PERIOD.toMillis(), this.plan.profileSeconds()));
		md.append("| workload | client samples | starter share | hottest methods (self) | starter frames |\n|---|---|---|---|---|\n");
		for (Profiler.Profile p : this.profiles) {
			md.append("| ").append(profileLabel(p.config())).append(" | ").append(String.format(Locale.ROOT, "%,d", p.samples()))
				.append(" | ").append(String.format(Locale.ROOT, "%.2f %%", p.starterShare())).append(" | ")
				.append(entries(p.topSelf(), p.samples())).append(" | ").append(entries(p.topStarter(), p.samples()))
				.append(" |\n");
		}
		md.append('\n');
	}

	static String profileLabel(String config) {
		String id = config.split(" ")[0];
		String letter = LETTERS.get(id);
		return (letter != null) ? "churn " + letter + " " + config : config;
	}

	private static String entries(List<Map.Entry<String, Long>> entries, long total) {
		List<String> parts = new ArrayList<>();
		for (Map.Entry<String, Long> e : entries) {
			parts.add(String.format(Locale.ROOT, "`%s` %.2f%%", e.getKey(), 100.0 * e.getValue() / Math.max(1, total)));
		}
		return String.join("<br>", parts);
	}

	private void closing(StringBuilder md) {
		md.append("## Closing note\n\n");
		long met = this.targets.stream().filter(Target::met).count();
		md.append(String.format(Locale.ROOT, "%d of %d targets met (`other` load median %.0f %%, %d runs pooled).%n%n",
				met, this.targets.size(), this.results.other().median(), this.runs));
		md.append(Analysis.closing(this.results, this.targets, this.profiles, otherJava()));
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

	private static String trim(double value) {
		return (value == Math.rint(value)) ? String.format(Locale.ROOT, "%.0f", value)
				: String.format(Locale.ROOT, "%.1f", value);
	}

}
