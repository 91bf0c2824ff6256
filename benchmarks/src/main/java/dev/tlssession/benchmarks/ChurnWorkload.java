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

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Workloads 1 and 3: WebClient requests against the HTTPS servers, every request on a new
 * connection (the server closes after each response) or over pooled keep-alive
 * connections.
 */
final class ChurnWorkload {

	private final Pki pki;

	private final Clients clients;

	private final Plan plan;

	private final Budget budget;

	private final Path workDirectory;

	private final Consumer<String> log;

	ChurnWorkload(Pki pki, Clients clients, Plan plan, Budget budget, Path workDirectory, Consumer<String> log) {
		this.pki = pki;
		this.clients = clients;
		this.plan = plan;
		this.budget = budget;
		this.workDirectory = workDirectory;
		this.log = log;
	}

	static String cell(String server, Pki.Cert cert, Protocol protocol, int concurrency) {
		return server + "/" + cert.name().toLowerCase() + "/" + protocol.jsse + "/" + concurrency;
	}

	/**
	 * Warms every configuration up (JIT, native library, contexts) before anything is
	 * measured.
	 * @return the warm-up samples (round 0)
	 */
	List<Sample> warmUp() {
		List<Sample> samples = new ArrayList<>();
		try (HttpsServer server = new HttpsServer(this.pki, Pki.Cert.EC, Protocol.TLS13, false)) {
			for (Clients.Config config : all()) {
				samples.add(HttpLoad.round("warmup", "netty/ec/TLSv1.3/1", config, server, 1, this.plan.warmup(),
						Plan.MAX_REQUESTS, 0));
			}
		}
		return samples;
	}

	List<Sample> churn() {
		List<Sample> samples = new ArrayList<>();
		for (Pki.Cert cert : Pki.Cert.values()) {
			for (Protocol protocol : List.of(Protocol.TLS12, Protocol.TLS13)) {
				try (HttpsServer server = new HttpsServer(this.pki, cert, protocol, false)) {
					samples.addAll(cell(server, cert, protocol, 1, all()));
					if (cert == Pki.Cert.EC) {
						// 8-way: (b+) is (b)'s code with the starter; (d16) shows the
						// per-host depth TLS 1.3 bursts need
						List<Clients.Config> configs = new ArrayList<>(withoutPerRequestBuilds());
						if (protocol == Protocol.TLS13) {
							configs.add(this.clients.starterOpenSslDeep);
						}
						samples.addAll(cell(server, cert, protocol, 8, configs));
					}
				}
			}
		}
		if (!NginxBenchServer.installed()) {
			this.log.accept("nginx is not installed: the nginx rows are skipped");
			return samples;
		}
		for (Protocol protocol : List.of(Protocol.TLS12, Protocol.TLS13)) {
			try (NginxBenchServer server = new NginxBenchServer(this.workDirectory.resolve("nginx-" + protocol.jsse),
					this.pki, Pki.Cert.EC, protocol)) {
				samples
					.addAll(cell(server, Pki.Cert.EC, protocol, 1, List.of(this.clients.boot, this.clients.noResumption,
							this.clients.starterOpenSsl, this.clients.starterJdk, this.clients.rawNetty)));
			}
			catch (Exception ex) {
				this.log.accept("nginx " + protocol.label + " skipped: " + ex.getMessage());
			}
		}
		return samples;
	}

	private List<Sample> cell(BenchServer server, Pki.Cert cert, Protocol protocol, int concurrency,
			List<Clients.Config> configs) {
		String cell = cell(server.label(), cert, protocol, concurrency);
		this.log.accept("churn " + cell);
		List<Sample> samples = Alternation.run(configs, this.plan.rounds(), this.plan.slices(concurrency), this.budget,
				(config, round) -> HttpLoad.round("churn", cell, config, server, concurrency,
						this.plan.slice(concurrency, round), Plan.maxOperations(this.plan.slice(concurrency, round)),
						round));
		if (server instanceof NginxBenchServer nginx) {
			// nginx writes its log line after the response: count per request tag once
			// the cell is over
			Map<String, BenchServer.Handshakes> byTag = nginx.handshakesByTag();
			List<Sample> counted = new ArrayList<>();
			for (Sample sample : samples) {
				BenchServer.Handshakes h = byTag.getOrDefault(sample.config() + "/" + sample.round(),
						new BenchServer.Handshakes(0, 0, 0));
				counted.add(sample.withHandshakes(h.resumed(), h.full()));
			}
			return counted;
		}
		return samples;
	}

	List<Sample> keepAlive() {
		List<Sample> samples = new ArrayList<>();
		List<Clients.Config> configs = List.of(this.clients.rawNetty, this.clients.starterOpenSsl, this.clients.boot);
		try (HttpsServer server = new HttpsServer(this.pki, Pki.Cert.EC, Protocol.TLS13, true)) {
			for (int concurrency : List.of(1, 8)) {
				String cell = cell(server.label(), Pki.Cert.EC, Protocol.TLS13, concurrency);
				this.log.accept("keepalive " + cell);
				samples.addAll(Alternation.run(configs, this.plan.keepAliveRounds(), this.plan.slices(concurrency),
						this.budget,
						(config, round) -> HttpLoad.round("keepalive", cell, config, server, concurrency,
								this.plan.slice(concurrency, round),
								Plan.maxOperations(this.plan.slice(concurrency, round)), round)));
			}
		}
		return samples;
	}

	private List<Clients.Config> all() {
		return List.of(this.clients.boot, this.clients.bootBundle, this.clients.bootBundleStarter,
				this.clients.noResumption, this.clients.starterOpenSsl, this.clients.starterJdk, this.clients.rawNetty);
	}

	private List<Clients.Config> withoutPerRequestBuilds() {
		return List.of(this.clients.boot, this.clients.bootBundle, this.clients.noResumption,
				this.clients.starterOpenSsl, this.clients.starterJdk, this.clients.rawNetty);
	}

}
