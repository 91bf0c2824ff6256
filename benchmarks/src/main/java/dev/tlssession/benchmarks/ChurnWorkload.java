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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSessionContext;

import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionKey;

/**
 * Workloads 1 and 3: WebClient requests against the HTTPS servers, every request on a new
 * connection (the server closes after each response) or over pooled keep-alive
 * connections.
 */
final class ChurnWorkload {

	/** The concurrencies of the TLS 1.3 cells that measure resumption under bursts. */
	static final List<Integer> CONCURRENT = List.of(8, 32);

	private final Pki pki;

	private final Clients clients;

	private final Plan plan;

	private final Budget budget;

	private final Path workDirectory;

	private final Consumer<String> notes;

	ChurnWorkload(Pki pki, Clients clients, Plan plan, Budget budget, Path workDirectory, Consumer<String> notes) {
		this.pki = pki;
		this.clients = clients;
		this.plan = plan;
		this.budget = budget;
		this.workDirectory = workDirectory;
		this.notes = notes;
	}

	static String cell(String server, Pki.Cert cert, Protocol protocol, int concurrency) {
		return server + "/" + cert.name().toLowerCase() + "/" + protocol.jsse + "/" + concurrency;
	}

	/**
	 * Warms every configuration up (JIT, native library, contexts) before anything is
	 * measured.
	 * @param configs the configurations
	 * @return the warm-up samples
	 */
	List<Sample> warmUp(List<Clients.Config> configs) {
		List<Sample> samples = new ArrayList<>();
		try (HttpsServer server = new HttpsServer(this.pki, Pki.Cert.EC, Protocol.TLS13, false)) {
			for (Clients.Config config : configs) {
				samples.add(HttpLoad.round("warmup", "netty/ec/TLSv1.3/1", config, server, 1, this.plan.warmup(),
						Plan.MAX_REQUESTS, Alternation.warmUpRound()));
			}
		}
		return samples;
	}

	List<Sample> warmUp() {
		return warmUp(this.clients.all());
	}

	List<Sample> churn() {
		List<Sample> samples = new ArrayList<>();
		Clients c = this.clients;
		for (Pki.Cert cert : Pki.Cert.values()) {
			for (Protocol protocol : List.of(Protocol.TLS12, Protocol.TLS13)) {
				try (HttpsServer server = new HttpsServer(this.pki, cert, protocol, false)) {
					List<Clients.Config> sequential = new ArrayList<>(all());
					if (cert == Pki.Cert.EC) {
						sequential.add(c.starterOpenSslX25519);
						sequential.add(c.bootJdk);
						if (protocol == Protocol.TLS13) {
							sequential.add(c.starterJdk1);
						}
					}
					samples.addAll(cell(server, cert, protocol, 1, sequential));
					if (cert != Pki.Cert.EC) {
						continue;
					}
					if (protocol == Protocol.TLS12) {
						samples.addAll(cell(server, cert, protocol, 8, List.of(c.boot, c.bootBundle, c.noResumption,
								c.starterOpenSsl, c.starterJdk, c.rawNetty, c.bootJdk)));
						continue;
					}
					for (int concurrency : CONCURRENT) {
						List<Clients.Config> configs = new ArrayList<>(List.of(c.boot, c.noResumption, c.starterOpenSsl,
								c.starterOpenSsl4, c.starterJdk, c.starterJdk1, c.rawNetty, c.bootJdk));
						if (concurrency == 8) {
							configs.add(c.starterOpenSslX25519);
						}
						samples.addAll(cell(server, cert, protocol, concurrency, configs));
					}
				}
			}
		}
		if (!NginxBenchServer.installed()) {
			this.notes.accept("nginx is not installed: the nginx rows are skipped");
			return samples;
		}
		for (Protocol protocol : List.of(Protocol.TLS12, Protocol.TLS13)) {
			try (NginxBenchServer server = new NginxBenchServer(this.workDirectory.resolve("nginx-" + protocol.jsse),
					this.pki, Pki.Cert.EC, protocol)) {
				samples.addAll(cell(server, Pki.Cert.EC, protocol, 1,
						List.of(c.boot, c.noResumption, c.starterOpenSsl, c.starterJdk, c.rawNetty)));
			}
			catch (Exception ex) {
				this.notes.accept("nginx " + protocol.label + " skipped: " + ex.getMessage());
			}
		}
		return samples;
	}

	/**
	 * The jdk provider's TLS 1.3 cells alone, for a run on another Java version: the
	 * starter with lanes, with one lane, with {@code key-exchange-groups=x25519} where
	 * this Java can, and plain Boot on the JDK.
	 * @return the samples
	 */
	List<Sample> jdkCells() {
		Clients c = this.clients;
		List<Clients.Config> configs = new ArrayList<>(List.of(c.starterJdk, c.starterJdk1, c.bootJdk));
		if (c.starterJdkX25519 != null) {
			configs.add(c.starterJdkX25519);
		}
		List<Sample> samples = new ArrayList<>();
		try (HttpsServer server = new HttpsServer(this.pki, Pki.Cert.EC, Protocol.TLS13, false)) {
			for (int concurrency : List.of(1, 8, 32)) {
				samples.addAll(cell(server, Pki.Cert.EC, Protocol.TLS13, concurrency, configs));
			}
		}
		return samples;
	}

	private List<Sample> cell(BenchServer server, Pki.Cert cert, Protocol protocol, int concurrency,
			List<Clients.Config> configs) {
		String cell = cell(server.label(), cert, protocol, concurrency);
		BenchmarkMain.log("churn " + cell);
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
			samples = counted;
		}
		if (server instanceof HttpsServer https) {
			samples.addAll(held(cell, https.port(), configs));
		}
		return samples;
	}

	/**
	 * What each starter configuration keeps for the upstream at the end of a cell: the
	 * openssl provider's sessions of the upstream, and the ports (lanes) the JDK keeps
	 * sessions of the upstream under. A sample of workload {@code held} whose operations
	 * are the count.
	 */
	private List<Sample> held(String cell, int port, List<Clients.Config> configs) {
		TlsSessionKey upstream = new TlsSessionKey("localhost", port);
		List<Sample> held = new ArrayList<>();
		for (Clients.Config config : configs) {
			TlsSessionCache cache = this.clients.cache(config);
			if (cache == null || !cache.settings().reuse()) {
				continue;
			}
			long count;
			if (cache.provider() == TlsProvider.OPENSSL) {
				count = cache.sessions().stream().map(TlsSession::key).filter(upstream::equals).count();
			}
			else {
				SSLSessionContext sessions = cache.sslContext().sessionContext();
				count = Collections.list(sessions.getIds())
					.stream()
					.map(sessions::getSession)
					.filter(Objects::nonNull)
					.filter((session) -> "localhost".equals(session.getPeerHost())
							&& (session.getPeerPort() & 0xFFFF) == port)
					.mapToInt(SSLSession::getPeerPort)
					.distinct()
					.count();
			}
			held.add(Sample.count("held", cell, config.id(), Alternation.warmUpRound() + 1, count));
		}
		return held;
	}

	List<Sample> keepAlive() {
		List<Sample> samples = new ArrayList<>();
		List<Clients.Config> configs = List.of(this.clients.rawNetty, this.clients.starterOpenSsl, this.clients.boot);
		try (HttpsServer server = new HttpsServer(this.pki, Pki.Cert.EC, Protocol.TLS13, true)) {
			for (int concurrency : List.of(1, 8)) {
				String cell = cell(server.label(), Pki.Cert.EC, Protocol.TLS13, concurrency);
				BenchmarkMain.log("keepalive " + cell);
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

}
