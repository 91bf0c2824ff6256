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

package dev.tlssession;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.routing.HostRule;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TestCertificateAuthority;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.test.UpstreamHandshake;
import dev.tlssession.testsupport.TestClient;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Upstreams that change under the client: new ticket keys under load, a restart with a
 * certificate the client does not trust, a downgrade from TLS 1.3 to 1.2, and one
 * upstream seen with two client identities. No request fails because of the cache, and no
 * session outlives the security configuration that made it.
 */
class UpstreamChangeTests {

	static final TlsMaterial TRUST = TestPki.trust();

	@ParameterizedTest
	@ValueSource(strings = { "TLS12_SESSION_IDS", "TLS12_TICKETS", "TLS13" })
	void newTicketKeysUnderConcurrencyCostFullHandshakesAndNoFailures(ResumptionMode mode) throws Exception {
		try (TlsUpstream server = TestServers.start(mode)) {
			OpenSslTlsSessionCache cache = new OpenSslTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS, TRUST);
			TestClient client = new TestClient(cache);
			AtomicInteger failures = new AtomicInteger();
			AtomicInteger done = new AtomicInteger();
			Flux.range(0, 400).flatMap((i) -> Mono.fromCallable(() -> {
				if (done.incrementAndGet() == 200) {
					server.forgetSessions();
				}
				return client.get(server.url("localhost"));
			}).subscribeOn(Schedulers.boundedElastic()).onErrorResume((ex) -> {
				failures.incrementAndGet();
				return Mono.empty();
			}), 8).blockLast(Duration.ofMinutes(2));
			TlsSessionStats stats = cache.stats();
			assertThat(failures).hasValue(0);
			assertThat(stats.offersRejected()).as("offers the server declined after it forgot").isPositive();
			assertThat(server.resumed()).isEqualTo(stats.offersAccepted());
			if (mode != ResumptionMode.TLS13) {
				// a declined TLS 1.2 session is still in the cache until evicted; TLS 1.3
				// tickets left on use concurrent connections may all have offered the
				// same session: it leaves once
				assertThat(stats.evictions(EvictionCause.REJECTED)).isPositive()
					.isLessThanOrEqualTo(stats.offersRejected());
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "openssl", "jdk" })
	void aRestartWithAnUntrustedCertificateAndNewTicketKeysFailsEveryLaterRequest(String provider) throws Exception {
		TlsSessionCache cache = provider.equals("openssl")
				? new OpenSslTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS, TRUST)
				: new JdkTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS, TRUST);
		TestClient client = new TestClient(cache);
		int port;
		try (TlsUpstream trusted = TestServers.start(ResumptionMode.TLS13)) {
			port = trusted.port();
			for (int i = 0; i < 3; i++) {
				client.get(trusted.url("localhost"));
			}
			assertThat(trusted.resumed()).isEqualTo(2);
		}
		try (TlsUpstream impostor = TestServers.restart(ResumptionMode.TLS13, TestPki.create("Impostor CA").server(),
				port)) {
			for (int i = 0; i < 5; i++) {
				assertThatExceptionOfType(RuntimeException.class)
					.isThrownBy(() -> client.get(impostor.url("localhost")));
			}
			assertThat(impostor.handshakes()).as("no handshake completed, resumed or not").isEmpty();
			Waits.until("the server saw five failed handshakes", () -> impostor.failedHandshakes() == 5);
			// the failure reaches the caller before the handshake listener has run
			Waits.until("five failed handshakes counted", () -> cache.stats().failedHandshakes() == 5);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "openssl", "jdk" })
	void aDowngradeFromTls13ToTls12CostsOneFullHandshake(String provider) throws Exception {
		TlsSessionCache cache = provider.equals("openssl")
				? new OpenSslTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS, TRUST)
				: new JdkTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS, TRUST);
		TestClient client = new TestClient(cache);
		int port;
		try (TlsUpstream tls13 = TestServers.start(ResumptionMode.TLS13)) {
			port = tls13.port();
			client.get(tls13.url("localhost"));
			client.get(tls13.url("localhost"));
		}
		try (TlsUpstream tls12 = TestServers.restart(ResumptionMode.TLS12_SESSION_IDS, TestPki.get().server(), port)) {
			for (int i = 0; i < 3; i++) {
				assertThat(client.get(tls12.url("localhost"))).isEqualTo("ok");
			}
			assertThat(tls12.handshakes()).extracting(UpstreamHandshake::resumed).containsExactly(false, true, true);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "openssl", "jdk" })
	void twoClientIdentitiesToOneUpstreamNeverShareASession(String provider) throws Exception {
		TestCertificateAuthority pki = TestPki.get();
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13, pki.server(), pki.root(), false)) {
			TlsSessionCache first = cache(provider, "first", identity(pki, "first"));
			TlsSessionCache second = cache(provider, "second", identity(pki, "second"));
			TestClient client = new TestClient(new TlsSessionCaches(List.of(first, second), Map.of("first",
					List.of(HostRule.parse("api.test")), "second", List.of(HostRule.parse("other.test"))), "first"));
			for (int i = 0; i < 3; i++) {
				client.get(server.url("api.test"));
				client.get(server.url("other.test"));
			}
			assertThat(server.handshakes()).filteredOn((handshake) -> "api.test".equals(handshake.serverName()))
				.extracting(UpstreamHandshake::clientSubject)
				.containsOnly("CN=first");
			assertThat(server.handshakes()).filteredOn((handshake) -> "other.test".equals(handshake.serverName()))
				.extracting(UpstreamHandshake::clientSubject)
				.containsOnly("CN=second");
			assertThat(server.full()).as("each identity's first connection is full").isEqualTo(2);
		}
	}

	private static TlsMaterial identity(TestCertificateAuthority pki, String name) throws Exception {
		return new TlsMaterial(pki.client(name).toKeyManagerFactory(), pki.root().toTrustManagerFactory(), null, null);
	}

	private static TlsSessionCache cache(String provider, String name, TlsMaterial material) throws Exception {
		return provider.equals("openssl") ? new OpenSslTlsSessionCache(name, TlsSessionCacheSettings.DEFAULTS, material)
				: new JdkTlsSessionCache(name, TlsSessionCacheSettings.DEFAULTS, material);
	}

}
