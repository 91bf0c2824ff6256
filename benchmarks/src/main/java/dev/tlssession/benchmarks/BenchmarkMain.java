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

/**
 * Runs every workload in one JVM and writes {@code report.md}, {@code results.csv} and
 * {@code headline.svg}.
 * <p>
 * {@code java -jar benchmarks/target/tls-session-benchmarks.jar [--smoke] [--out=DIR]}:
 * the default plan takes under ten minutes on two cores; {@code --smoke} runs every
 * workload for a few seconds and writes under {@code DIR/raw/smoke} so that the committed
 * results stay as they are.
 */
public final class BenchmarkMain {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

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
			else {
				System.err.println("usage: java -jar tls-session-benchmarks.jar [--smoke] [--out=DIR] "
						+ "[--only=churn,handshake,stime,keepalive,profile,gateway,cache,startup] [--redraw]");
				System.exit(2);
			}
		}
		out = out.toAbsolutePath();
		Path results = (plan.smokeOnly() || !only.isEmpty())
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
		new BenchmarkMain(only).run(plan, pki, results, raw);
		System.exit(0);
	}

	private void run(Plan plan, Pki pki, Path results, Path raw) throws Exception {
		Budget budget = new Budget(plan.budget());
		Machine machine = new Machine();
		List<String> notes = new ArrayList<>();
		List<Sample> samples = new ArrayList<>();
		List<Profiler.Profile> profiles = new ArrayList<>();
		log("plan " + plan.name() + ", writing to " + results.toAbsolutePath());
		try (Clients clients = new Clients(pki)) {
			ChurnWorkload churn = new ChurnWorkload(pki, clients, plan, budget, raw, (m) -> note(m, notes));
			log("warm-up");
			samples.addAll(churn.warmUp());
			if (runs("churn")) {
				samples.addAll(churn.churn());
			}
			if (runs("handshake")) {
				try (HandshakeWorkload handshakes = new HandshakeWorkload(pki, plan, budget, raw, BenchmarkMain::log)) {
					samples.addAll(handshakes.run());
					profiles.addAll(handshakes.profiles());
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
			if (runs("keepalive")) {
				samples.addAll(churn.keepAlive());
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
			try (GatewayWorkload gateway = new GatewayWorkload(pki, plan, budget, BenchmarkMain::log)) {
				samples.addAll(gateway.run());
			}
		}
		List<CacheWorkload.Result> cache = runs("cache") ? new CacheWorkload(plan, raw, BenchmarkMain::log).run(pki)
				: List.of();
		if (runs("startup")) {
			samples.addAll(new StartupWorkload(pki, plan, budget, BenchmarkMain::log).run());
		}
		machine.finish();
		if (budget.spent()) {
			note("The time budget (" + plan.budget() + ") was spent before the end: later workloads ran their minimum "
					+ "rounds.", notes);
		}
		Duration elapsed = budget.elapsed();
		String wall = String.format(Locale.ROOT, "%d min %02d s", elapsed.toMinutes(), elapsed.toSecondsPart());
		Results all = new Results(samples);
		Report report = new Report(all, cache, profiles, machine, plan, wall, notes);
		writeCsv(results.resolve("results.csv"), samples, cache);
		Files.writeString(results.resolve("report.md"), report.markdown());
		Files.writeString(results.resolve("headline.svg"), Headline.svg(all));
		log("done in " + wall + ": " + results.resolve("report.md"));
		for (Report.Target t : report.targets()) {
			log((t.met() ? "met     " : "NOT MET ") + t.name() + ": " + t.measured());
		}
	}

	private static List<Profiler.Profile> profile(Pki pki, Plan plan, Clients clients, Path raw) throws IOException {
		log("profile (JFR)");
		try (HttpsServer server = new HttpsServer(pki, Pki.Cert.EC, Protocol.TLS13, false)) {
			Duration each = Duration.ofSeconds(plan.profileSeconds());
			return List.of(Profiler.profile(clients.starterOpenSsl, server, each, raw.resolve("profile-d.jfr")),
					Profiler.profile(clients.rawNetty, server, each, raw.resolve("profile-f.jfr")));
		}
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
		notes.add(message);
	}

	static void log(String message) {
		System.out.println(LocalTime.now().format(TIME) + " " + message + "  (load " + Machine.loadAverage() + ")");
	}

}
