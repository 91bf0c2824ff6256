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

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Runs every workload in one JVM and writes {@code report.md}, {@code results.csv} and
 * {@code headline.svg}.
 * <p>
 * {@code java -jar benchmarks/target/tls-session-benchmarks.jar [--smoke] [--out=DIR] [--runs=N]
 * [--also-java=JAVA_HOME]}: the standard plan runs the churn, handshake and keep-alive
 * workloads three times back to back (the report pools their per-round ratios), the
 * others once; {@code --also-java} runs the jdk provider's cells again on another Java (a
 * child JVM, one after the other, never alongside); {@code --smoke} runs every workload
 * for a few seconds and writes under {@code DIR/raw/smoke} so that the committed results
 * stay as they are.
 */
public final class BenchmarkMain {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

	/** The longest a child JVM on another Java may run. */
	private static final Duration CHILD_TIMEOUT = Duration.ofMinutes(40);

	private final List<String> only;

	private BenchmarkMain(List<String> only) {
		this.only = only;
	}

	private boolean runs(String workload) {
		return this.only.isEmpty() || this.only.contains(workload);
	}

	public static void main(String[] args) throws Exception {
		Plan plan = Plan.standard();
		List<String> only = List.of();
		Integer runs = null;
		Path otherJava = null;
		boolean jdkCells = false;
		Path out = Files.isDirectory(Path.of("benchmarks")) ? Path.of("benchmarks", "results") : Path.of("results");
		for (String arg : args) {
			if (arg.equals("--smoke")) {
				plan = Plan.smoke();
			}
			else if (arg.startsWith("--out=")) {
				out = Path.of(arg.substring(6));
			}
			else if (arg.equals("--redraw")) {
				Headline.redraw(out.toAbsolutePath());
				return;
			}
			else if (arg.startsWith("--only=")) {
				only = List.of(arg.substring(7).split(","));
			}
			else if (arg.startsWith("--runs=")) {
				runs = Integer.valueOf(arg.substring(7));
			}
			else if (arg.startsWith("--also-java=")) {
				otherJava = Path.of(arg.substring(12));
			}
			else if (arg.equals("--jdk-cells")) {
				jdkCells = true;
			}
			else {
				System.err.println("usage: java -jar tls-session-benchmarks.jar [--smoke] [--out=DIR] [--runs=N] "
						+ "[--also-java=JAVA_HOME] [--only=churn,handshake,stime,keepalive,profile,gateway,cache,startup] "
						+ "[--redraw]");
				System.exit(2);
			}
		}
		int runCount = (runs != null) ? runs : plan.runs();
		out = out.toAbsolutePath();
		Path results = (!jdkCells && (plan.smokeOnly() || !only.isEmpty()))
				? out.resolve("raw").resolve(only.isEmpty() ? "smoke" : "partial") : out;
		Path raw = Files.createDirectories(out.resolve("raw"));
		Files.createDirectories(results);
		// before anything touches name resolution or TLS: names resolve to 127.0.0.1
		// only, leak detection off
		Path hosts = raw.resolve("hosts");
		Files.writeString(hosts, "127.0.0.1 localhost\n");
		System.setProperty("jdk.net.hosts.file", hosts.toAbsolutePath().toString());
		System.setProperty("io.netty.leakDetection.level", "disabled");
		Pki pki = new Pki(raw.resolve("pki"));
		// configuration (a) has no SSL bundle: the JVM's default trust store must know
		// the benchmark authorities
		System.setProperty("javax.net.ssl.trustStore", pki.trustStore().toAbsolutePath().toString());
		System.setProperty("javax.net.ssl.trustStorePassword", "changeit");
		System.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
		if (jdkCells) {
			jdkCells(plan, runCount, pki, results);
		}
		else {
			new BenchmarkMain(only).run(plan, runCount, otherJava, pki, results, raw);
		}
		System.exit(0);
	}

	private void run(Plan plan, int runCount, Path otherJava, Pki pki, Path results, Path raw) throws Exception {
		Machine machine = new Machine();
		List<String> notes = new ArrayList<>();
		List<Sample> samples = new ArrayList<>();
		List<Profiler.Profile> profiles = new ArrayList<>();
		Budget whole = new Budget(plan.budget().multipliedBy(runCount + 1));
		log("plan " + plan.name() + ", " + runCount + " runs, writing to " + results.toAbsolutePath());
		try (Clients clients = new Clients(pki)) {
			for (int run = 0; run < runCount; run++) {
				Alternation.startRun(run);
				Budget budget = new Budget(plan.budget());
				ChurnWorkload churn = new ChurnWorkload(pki, clients, plan, budget, raw, (m) -> note(m, notes));
				log("run " + (run + 1) + " of " + runCount + ": warm-up");
				samples.addAll(churn.warmUp());
				if (runs("churn")) {
					samples.addAll(churn.churn());
				}
				if (runs("handshake")) {
					try (HandshakeWorkload handshakes = new HandshakeWorkload(pki, plan, budget, raw,
							BenchmarkMain::log)) {
						samples.addAll(handshakes.run(run == 0 && runs("profile")));
						profiles.addAll(handshakes.profiles());
					}
				}
				if (runs("keepalive")) {
					samples.addAll(churn.keepAlive());
				}
			}
			if (runs("stime")) {
				if (STime.available()) {
					samples.addAll(STime.run(pki, plan, raw.resolve("s_server"), BenchmarkMain::log));
				}
				else {
					note("openssl is not installed: no s_time reference", notes);
				}
			}
			if (runs("profile")) {
				profiles.addAll(profile(pki, plan, clients, raw));
			}
			long starterHandshakes = clients.openSslMeters()
				.find("tls.session.handshakes")
				.timers()
				.stream()
				.mapToLong((t) -> t.count())
				.sum();
			notes.add("The starter's own meter `tls.session.handshakes` in application (d) counted " + starterHandshakes
					+ " handshakes over the run (its view, next to the servers' counts in the tables).");
		}
		if (runs("gateway")) {
			try (GatewayWorkload gateway = new GatewayWorkload(pki, plan, new Budget(plan.budget()),
					BenchmarkMain::log)) {
				samples.addAll(gateway.run());
			}
		}
		List<CacheWorkload.Result> cache = runs("cache") ? new CacheWorkload(plan, raw, BenchmarkMain::log).run(pki)
				: List.of();
		if (runs("startup")) {
			samples.addAll(new StartupWorkload(pki, plan, new Budget(plan.budget()), BenchmarkMain::log).run());
		}
		if (otherJava != null && (runs("churn") || runs("handshake"))) {
			samples.addAll(otherJava(otherJava, runCount, plan, raw.resolve("other-java"), notes));
		}
		machine.finish();
		if (whole.spent()) {
			note("The time budget (" + plan.budget() + " per run) was spent before the end: later workloads ran their "
					+ "minimum rounds.", notes);
		}
		Duration elapsed = whole.elapsed();
		String wall = String.format(Locale.ROOT, "%d min %02d s", elapsed.toMinutes(), elapsed.toSecondsPart());
		Results all = new Results(samples);
		Report report = new Report(all, cache, profiles, machine, plan, runCount, wall, notes);
		writeCsv(results.resolve("results.csv"), samples, cache);
		Files.writeString(results.resolve("report.md"), report.markdown());
		Files.writeString(results.resolve("headline.svg"), Headline.svg(all));
		log("done in " + wall + ": " + results.resolve("report.md"));
		for (Target t : report.targets()) {
			log((t.met() ? "met     " : "NOT MET ") + t.name() + ": " + t.measured());
		}
	}

	/**
	 * The child JVM's part: the jdk provider's cells, {@code runCount} times, into
	 * {@code results.csv}.
	 */
	private static void jdkCells(Plan plan, int runCount, Pki pki, Path results) throws Exception {
		List<Sample> samples = new ArrayList<>();
		log("jdk provider cells on Java " + Runtime.version() + ", " + runCount + " runs");
		try (Clients clients = new Clients(pki)) {
			for (int run = 0; run < runCount; run++) {
				Alternation.startRun(run);
				Budget budget = new Budget(plan.budget());
				ChurnWorkload churn = new ChurnWorkload(pki, clients, plan, budget, results, BenchmarkMain::log);
				samples.addAll(churn.warmUp());
				samples.addAll(churn.jdkCells());
				try (HandshakeWorkload handshakes = new HandshakeWorkload(pki, plan, budget, results,
						BenchmarkMain::log)) {
					samples.addAll(handshakes.jdkOnly());
				}
			}
		}
		writeCsv(results.resolve("results.csv"), samples, List.of());
		Files.writeString(results.resolve("java.txt"), Runtime.version().feature() + "\n"
				+ System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + "\n");
	}

	/**
	 * Runs the jdk provider's cells on another Java in a child JVM, after everything else
	 * (never alongside), and files its samples under {@code churn-java<N>} and
	 * {@code handshake-java<N>}.
	 */
	private static List<Sample> otherJava(Path javaHome, int runCount, Plan plan, Path directory, List<String> notes)
			throws Exception {
		Path java = javaHome.resolve("bin").resolve("java");
		Path jar = Path.of(BenchmarkMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		Files.createDirectories(directory);
		List<String> command = new ArrayList<>(List.of(java.toString(), "-jar", jar.toString(), "--jdk-cells",
				"--runs=" + runCount, "--out=" + directory));
		if (plan.smokeOnly()) {
			command.add("--smoke");
		}
		log("jdk provider cells on " + javaHome);
		Process child = new ProcessBuilder(command).inheritIO().start();
		if (!child.waitFor(CHILD_TIMEOUT.toMinutes(), TimeUnit.MINUTES)) {
			child.destroyForcibly();
			note("The run on " + javaHome + " did not end within " + CHILD_TIMEOUT.toMinutes() + " min: no rows.",
					notes);
			return List.of();
		}
		Path csv = directory.resolve("results.csv");
		if (child.exitValue() != 0 || !Files.isReadable(csv)) {
			note("The run on " + javaHome + " failed (exit " + child.exitValue() + "): no rows.", notes);
			return List.of();
		}
		List<String> childJava = Files.readAllLines(directory.resolve("java.txt"));
		String feature = childJava.get(0).trim();
		String version = childJava.get(1).trim();
		notes.add("The jdk provider's cells were run again in a child JVM on " + version + " (sections marked Java "
				+ feature + ").");
		List<Sample> samples = new ArrayList<>();
		List<String> lines = Files.readAllLines(csv);
		for (String line : lines.subList(1, lines.size())) {
			String workload = line.substring(0, line.indexOf(','));
			if (workload.equals("churn") || workload.equals("handshake") || workload.equals("held")) {
				samples.add(Sample.parse(line, workload + "-java" + feature));
			}
		}
		return samples;
	}

	private static List<Profiler.Profile> profile(Pki pki, Plan plan, Clients clients, Path raw) throws IOException {
		log("profile (JFR)");
		Duration each = Duration.ofSeconds(plan.profileSeconds());
		List<Profiler.Profile> profiles = new ArrayList<>();
		try (HttpsServer server = new HttpsServer(pki, Pki.Cert.EC, Protocol.TLS13, false)) {
			for (Clients.Config config : List.of(clients.starterOpenSsl, clients.rawNetty, clients.starterJdk,
					clients.bootJdk)) {
				profiles
					.add(Profiler.profile(config, server, 1, each, raw.resolve("profile-" + config.letter() + ".jfr")));
			}
			for (Clients.Config config : List.of(clients.starterOpenSsl, clients.rawNetty)) {
				profiles.add(Profiler.profile(config, server, 8, each,
						raw.resolve("profile-" + config.letter() + "-8.jfr")));
			}
		}
		return profiles;
	}

	private static void writeCsv(Path file, List<Sample> samples, List<CacheWorkload.Result> cache) throws IOException {
		StringBuilder csv = new StringBuilder(Sample.CSV_HEADER).append('\n');
		for (Sample sample : samples) {
			csv.append(sample.csv()).append('\n');
		}
		for (CacheWorkload.Result c : cache) {
			csv.append(String.format(Locale.ROOT, "cache,sessions=%d,lookupAndStore,1,,,,,%.3f,%.3f,,,,,,,,%n",
					c.sessions(), c.p50Nanos() / 1000, c.p99Nanos() / 1000));
			csv.append(String.format(Locale.ROOT, "heap,sessions=%d,bytes_per_session,1,%d,,,%.1f,,,,,,,,,,%n",
					c.sessions(), c.sizeAfterOverfill(), c.heapBytesPerSession()));
		}
		Files.writeString(file, csv);
	}

	private static void note(String message, List<String> notes) {
		log(message);
		// each run says it again
		if (!notes.contains(message)) {
			notes.add(message);
		}
	}

	static void log(String message) {
		System.out.println(LocalTime.now().format(TIME) + " " + message + "  (load " + Machine.loadAverage() + ")");
	}

}
