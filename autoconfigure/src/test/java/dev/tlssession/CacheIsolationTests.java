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

import javax.net.ssl.SSLHandshakeException;

import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.routing.HostRule;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TestCertificateAuthority;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.test.UpstreamHandshake;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Caches never share sessions: a session made under one cache's trust is never offered by
 * another, so a cache that does not trust a server cannot reach it through someone else's
 * session (security catalogue A.4), as the server confirms.
 */
class CacheIsolationTests {

	private static final int ROUNDS = 4;

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	/** An authority that did not issue the servers' certificate. */
	private static final TestCertificateAuthority OTHER = TestPki.create("Other CA");

	@ParameterizedTest
	@MethodSource("dev.tlssession.CacheProvider#withEveryMode")
	void hostRoutedToACacheThatDoesNotTrustTheServerFailsEveryTime(CacheProvider provider, ResumptionMode mode)
			throws Exception {
		TlsSessionCaches caches = looseAndStrict(provider);
		HttpClient client = new TlsSessionHttpClients(caches)
			.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection())));
		try (TlsUpstream server = TestServers.start(mode)) {
			for (int i = 0; i < ROUNDS; i++) {
				assertThat(get(client, server.url("api.test"))).isEqualTo("ok");
				assertVerificationFails(client, server.url("other.test"));
			}
			assertThat(server.handshakes()).as("handshakes the server completed")
				.extracting(UpstreamHandshake::serverName)
				.containsOnly("api.test");
			assertThat(server.handshakes()).extracting(UpstreamHandshake::resumed)
				.containsExactly(false, true, true, true);
			assertThat(failedHandshakes(server)).as("handshakes the server saw fail").isEqualTo(ROUNDS);
			assertStrictCacheNeverHandshook(caches.get("strict"));
			assertThat(caches.get("loose").stats().fullHandshakes()).isEqualTo(1);
			assertThat(caches.get("loose").stats().resumedHandshakes()).isEqualTo(ROUNDS - 1);
		}
	}

	@ParameterizedTest
	@MethodSource("dev.tlssession.CacheProvider#withEveryMode")
	void cacheThatDoesNotTrustTheServerFailsOnTheUpstreamAnotherCacheResumes(CacheProvider provider,
			ResumptionMode mode) throws Exception {
		TlsSessionCaches caches = looseAndStrict(provider);
		HttpClients clients = new HttpClients(caches);
		try (TlsUpstream server = TestServers.start(mode)) {
			for (int i = 0; i < ROUNDS; i++) {
				assertThat(get(clients.of("loose"), server.url("api.test"))).isEqualTo("ok");
				assertVerificationFails(clients.of("strict"), server.url("api.test"));
			}
			assertThat(server.handshakes()).extracting(UpstreamHandshake::resumed)
				.as("the loose cache's handshakes, as the server saw them")
				.containsExactly(false, true, true, true);
			assertThat(failedHandshakes(server)).as("the strict cache's handshakes").isEqualTo(ROUNDS);
			assertStrictCacheNeverHandshook(caches.get("strict"));
		}
	}

	@ParameterizedTest
	@MethodSource("dev.tlssession.CacheProvider#withEveryMode")
	void cachesWithTheSameTrustStillDoNotShareSessions(CacheProvider provider, ResumptionMode mode) throws Exception {
		TlsMaterial trust = trusting(TestPki.get());
		TlsSessionCaches caches = new TlsSessionCaches(
				List.of(provider.create("a", TlsSessionCacheSettings.DEFAULTS, trust),
						provider.create("b", TlsSessionCacheSettings.DEFAULTS, trust)),
				Map.of(), "a");
		HttpClients clients = new HttpClients(caches);
		try (TlsUpstream server = TestServers.start(mode)) {
			for (int i = 0; i < 3; i++) {
				assertThat(get(clients.of("a"), server.url("api.test"))).isEqualTo("ok");
				assertThat(get(clients.of("b"), server.url("api.test"))).isEqualTo("ok");
			}
			assertThat(server.handshakes()).extracting(UpstreamHandshake::resumed)
				.as("a, b, a, b, a, b as the server saw them: the first of each cache is full")
				.containsExactly(false, false, true, true, true, true);
			for (String name : List.of("a", "b")) {
				assertThat(caches.get(name).stats().fullHandshakes()).as("full handshakes of %s", name).isEqualTo(1);
				assertThat(caches.get(name).stats().resumedHandshakes()).isEqualTo(2);
			}
		}
	}

	/**
	 * "loose" trusts the servers' authority and serves api.test (and every unmatched
	 * host); "strict" trusts only another authority and serves other.test.
	 */
	private static TlsSessionCaches looseAndStrict(CacheProvider provider) throws Exception {
		TlsSessionCache loose = provider.create("loose", TlsSessionCacheSettings.DEFAULTS, trusting(TestPki.get()));
		TlsSessionCache strict = provider.create("strict", TlsSessionCacheSettings.DEFAULTS, trusting(OTHER));
		return new TlsSessionCaches(List.of(loose, strict),
				Map.of("loose", List.of(HostRule.parse("api.test")), "strict", List.of(HostRule.parse("other.test"))),
				"loose");
	}

	private static void assertStrictCacheNeverHandshook(TlsSessionCache strict) {
		TlsSessionStats stats = strict.stats();
		assertThat(stats.resumedHandshakes()).as("resumed handshakes of the strict cache").isZero();
		assertThat(stats.fullHandshakes()).as("full handshakes of the strict cache").isZero();
		assertThat(stats.failedHandshakes()).as("failed handshakes of the strict cache").isEqualTo(ROUNDS);
		assertThat(stats.stored()).isZero();
		assertThat(strict.size()).isZero();
		assertThat(strict.sessions()).isEmpty();
	}

	/**
	 * The server's count of failed handshakes once it has seen all of them: the client
	 * may report its failure before the server has read the alert.
	 */
	private static long failedHandshakes(TlsUpstream server) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
		while (server.failedHandshakes() < ROUNDS && System.nanoTime() - deadline < 0) {
			Thread.sleep(10);
		}
		return server.failedHandshakes();
	}

	private static void assertVerificationFails(HttpClient client, String url) {
		assertThatException().as("request to %s", url).isThrownBy(() -> get(client, url)).satisfies((ex) -> {
			Throwable cause = ex;
			while (cause != null && !(cause instanceof SSLHandshakeException)) {
				cause = cause.getCause();
			}
			assertThat(cause).as("an SSLHandshakeException in the causes of %s", ex.toString()).isNotNull();
		});
	}

	private static TlsMaterial trusting(TestCertificateAuthority pki) {
		return new TlsMaterial(null, pki.root().toTrustManagerFactory(), null, null);
	}

	private static String get(HttpClient client, String url) {
		return client.get().uri(url).responseContent().aggregate().asString().block(REQUEST_TIMEOUT);
	}

	/**
	 * One client per cache, bound to it whatever the host.
	 */
	private static final class HttpClients {

		private final TlsSessionHttpClients binder;

		private final HttpClient base = LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection()));

		HttpClients(TlsSessionCaches caches) {
			this.binder = new TlsSessionHttpClients(caches);
		}

		HttpClient of(String cache) {
			return this.binder.fromCache(this.base, cache);
		}

	}

}
