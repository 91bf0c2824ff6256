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

package dev.tlssession.jdk;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import javax.net.ssl.ManagerFactoryParameters;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.TrustManagerFactorySpi;

import dev.tlssession.EvictionCause;
import dev.tlssession.HandshakeOutcome;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStats;
import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.routing.HostRule;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestClient;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import io.netty.channel.Channel;
import io.netty.handler.ssl.SslHandshakeTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * The JDK cache against a real server on 127.0.0.1: a flush keeps the trust manager it
 * was built with (only a rebuild loads the material again) and resumption works after
 * every flush; {@code remove(session)}, {@code remove(host, port)} and a connection that
 * breaks take out and count exactly the listed sessions of the upstream; and a
 * {@code reuse=false} cache that is not the default keeps its handshakes, failures and
 * handshake timeout to itself.
 */
class JdkTlsSessionCacheTests {

	private static final TlsMaterial TRUST = TestPki.trust();

	private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(10);

	@Test
	void flushKeepsTheTrustManagerAndEveryFlushIsFollowedByAResumption() throws Exception {
		CountingTrustManagerFactory trust = new CountingTrustManagerFactory();
		TlsMaterial material = new TlsMaterial(null, trust, null, null);
		JdkTlsSessionCache cache = new JdkTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS, material);
		assertThat(trust.calls()).as("trust managers asked for by the constructor").isEqualTo(1);
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13); TlsSessionCaches caches = caches(cache)) {
			TestClient client = new TestClient(caches);
			long flushed = 0;
			for (int i = 1; i <= 10; i++) {
				assertThat(client.get(server.url("localhost"))).isEqualTo("ok");
				assertThat(client.get(server.url("localhost"))).isEqualTo("ok");
				assertThat(server.full()).as("full handshakes after %d flushes", i - 1).isEqualTo(i);
				assertThat(server.resumed()).as("resumed handshakes after %d flushes", i - 1).isEqualTo(i);
				int removed = cache.flush();
				assertThat(removed).as("sessions flushed").isPositive();
				assertThat(cache.size()).isZero();
				flushed += removed;
			}
			assertThat(trust.calls()).as("trust managers asked for after 10 flushes").isEqualTo(1);
			TlsSessionStats stats = cache.stats();
			assertThat(stats.evictions(EvictionCause.FLUSHED)).isEqualTo(flushed);
			assertThat(stats.fullHandshakes()).isEqualTo(10);
			assertThat(stats.resumedHandshakes()).isEqualTo(10);
			cache.rebuild(material);
			assertThat(trust.calls()).as("trust managers asked for after a rebuild").isEqualTo(2);
			client.get(server.url("localhost"));
			client.get(server.url("localhost"));
			assertThat(server.full()).as("after the rebuild").isEqualTo(11);
			assertThat(server.resumed()).as("after the rebuild").isEqualTo(11);
			assertThat(trust.calls()).isEqualTo(2);
		}
	}

	@ParameterizedTest
	@EnumSource(value = ResumptionMode.class, names = { "TLS12_SESSION_IDS", "TLS12_TICKETS" })
	void flushCountsEveryListedSession(ResumptionMode mode) throws Exception {
		assertFlushCountsEveryListedSession(mode);
	}

	@Test
	void flushCountsEveryListedTls13Ticket() throws Exception {
		assertFlushCountsEveryListedSession(ResumptionMode.TLS13);
	}

	@ParameterizedTest
	@EnumSource(value = ResumptionMode.class, names = { "TLS12_SESSION_IDS", "TLS12_TICKETS" })
	void removeHostAndPortTakesOutAndCountsExactlyTheListedSessionsOfTheUpstream(ResumptionMode mode) throws Exception {
		assertRemoveHostAndPortCountsTheListedSessions(mode);
	}

	@Test
	void removeHostAndPortTakesOutAndCountsExactlyTheListedTicketsOfATls13Upstream() throws Exception {
		assertRemoveHostAndPortCountsTheListedSessions(ResumptionMode.TLS13);
	}

	@ParameterizedTest
	@EnumSource(value = ResumptionMode.class, names = { "TLS12_SESSION_IDS", "TLS12_TICKETS" })
	void removeSessionTakesOutAndCountsEveryListedSessionOfItsUpstream(ResumptionMode mode) throws Exception {
		assertRemoveSessionCountsTheListedSessions(mode);
	}

	@Test
	void removeSessionTakesOutAndCountsEveryListedTicketOfItsTls13Upstream() throws Exception {
		assertRemoveSessionCountsTheListedSessions(ResumptionMode.TLS13);
	}

	@ParameterizedTest
	@EnumSource(value = ResumptionMode.class, names = { "TLS12_SESSION_IDS", "TLS12_TICKETS" })
	void aConnectionThatBreaksInvalidatesAndCountsTheListedSessionsOfItsUpstream(ResumptionMode mode) throws Exception {
		assertBrokenConnectionCountsTheListedSessions(mode);
	}

	@Test
	void aConnectionThatBreaksInvalidatesAndCountsTheListedTicketsOfItsTls13Upstream() throws Exception {
		assertBrokenConnectionCountsTheListedSessions(ResumptionMode.TLS13);
	}

	private static void assertFlushCountsEveryListedSession(ResumptionMode mode) throws Exception {
		JdkTlsSessionCache cache = new JdkTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS, TRUST);
		try (TlsUpstream server = TestServers.start(mode); TlsSessionCaches caches = caches(cache)) {
			fill(new TestClient(caches), server);
			int listed = cache.sessions().size();
			int flushed = cache.flush();
			assertThat(cache.sessions()).isEmpty();
			assertThat(flushed).as("flushed, against %d sessions listed", listed).isEqualTo(listed);
			assertThat(cache.stats().evictions(EvictionCause.FLUSHED)).isEqualTo(listed);
		}
	}

	private static void assertRemoveHostAndPortCountsTheListedSessions(ResumptionMode mode) throws Exception {
		JdkTlsSessionCache cache = new JdkTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS, TRUST);
		try (TlsUpstream server = TestServers.start(mode); TlsSessionCaches caches = caches(cache)) {
			TestClient client = new TestClient(caches);
			TlsSessionKey upstream = new TlsSessionKey("localhost", server.port());
			TlsSessionKey other = new TlsSessionKey("api.test", server.port());
			fill(client, server);
			List<String> listed = idHashes(cache, upstream);
			List<String> otherListed = idHashes(cache, other);
			assertThat(listed).isNotEmpty();
			if (mode == ResumptionMode.TLS13) {
				assertThat(listed).as("a TLS 1.3 upstream has several tickets").hasSizeGreaterThan(1);
			}
			int removed = cache.remove("localhost", server.port());
			assertThat(idHashes(cache, upstream)).isEmpty();
			assertThat(idHashes(cache, other)).as("the other upstream's sessions").isEqualTo(otherListed);
			assertThat(cache.remove("localhost", server.port())).as("nothing left to remove").isZero();
			assertThat(removed).as("removed, against %d sessions listed", listed.size()).isEqualTo(listed.size());
			assertThat(cache.stats().evictions(EvictionCause.REMOVED)).isEqualTo(listed.size());
			assertNextHandshakes(client, server, upstream, other);
		}
	}

	private static void assertRemoveSessionCountsTheListedSessions(ResumptionMode mode) throws Exception {
		JdkTlsSessionCache cache = new JdkTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS, TRUST);
		try (TlsUpstream server = TestServers.start(mode); TlsSessionCaches caches = caches(cache)) {
			TestClient client = new TestClient(caches);
			TlsSessionKey upstream = new TlsSessionKey("localhost", server.port());
			TlsSessionKey other = new TlsSessionKey("api.test", server.port());
			fill(client, server);
			List<TlsSession> sessions = sessions(cache, upstream);
			List<String> otherListed = idHashes(cache, other);
			if (mode == ResumptionMode.TLS13) {
				assertThat(sessions).as("a TLS 1.3 upstream has several tickets").hasSizeGreaterThan(1);
			}
			TlsSession session = sessions.get(sessions.size() - 1);
			assertThat(cache.remove(session)).isTrue();
			assertThat(session.resumable()).isFalse();
			assertThat(cache.remove(session)).as("already removed").isFalse();
			assertThat(idHashes(cache, upstream)).isEmpty();
			assertThat(idHashes(cache, other)).as("the other upstream's sessions").isEqualTo(otherListed);
			assertThat(cache.stats().evictions(EvictionCause.REMOVED))
				.as("removed, against %d sessions listed", sessions.size())
				.isEqualTo(sessions.size());
			assertNextHandshakes(client, server, upstream, other);
		}
	}

	private static void assertBrokenConnectionCountsTheListedSessions(ResumptionMode mode) throws Exception {
		JdkTlsSessionCache cache = new JdkTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS, TRUST);
		ConnectionProvider pool = ConnectionProvider.create("jdk-broken", 1);
		// keep-alive, so that the connection stays open for the reset instead of closing
		// with close_notify
		try (TlsUpstream server = TestServers.start(mode, TestPki.get().server(), null, true);
				TlsSessionCaches caches = caches(cache)) {
			TestClient client = new TestClient(caches);
			TlsSessionKey upstream = new TlsSessionKey("localhost", server.port());
			TlsSessionKey other = new TlsSessionKey("api.test", server.port());
			fill(client, server);
			List<String> otherListed = idHashes(cache, other);
			server.resetConnectionsAfterResponse(true);
			AtomicReference<Channel> channel = new AtomicReference<>();
			AtomicInteger listedAtResponse = new AtomicInteger(-1);
			AtomicBoolean onEventLoop = new AtomicBoolean();
			HttpClient pooled = new TlsSessionHttpClients(caches)
				.routed(LoopbackResolver.apply(HttpClient.create(pool)))
				.doOnConnected((connection) -> channel.set(connection.channel()));
			String body = pooled.get()
				.uri(server.url("localhost"))
				.responseContent()
				.aggregate()
				.asString()
				.doOnNext((content) -> {
					// on the connection's event loop, so before the server's reset can be
					// read: the tickets of this connection have arrived (they come before
					// the response) and nothing has been invalidated yet
					onEventLoop.set(channel.get().eventLoop().inEventLoop());
					listedAtResponse.set(idHashes(cache, upstream).size());
				})
				.block(REQUEST_TIMEOUT);
			assertThat(body).isEqualTo("ok");
			assertThat(onEventLoop).as("the listing was taken on the connection's event loop").isTrue();
			assertThat(listedAtResponse.get()).as("sessions listed for the upstream before it broke").isPositive();
			assertThat(channel.get().closeFuture().await(5, TimeUnit.SECONDS)).as("the server reset the connection")
				.isTrue();
			Waits.until("the broken connection's upstream was invalidated",
					() -> cache.stats().evictions(EvictionCause.INVALIDATED) > 0);
			assertThat(idHashes(cache, upstream)).isEmpty();
			assertThat(idHashes(cache, other)).as("the other upstream's sessions").isEqualTo(otherListed);
			server.resetConnectionsAfterResponse(false);
			assertNextHandshakes(client, server, upstream, other);
			assertThat(cache.stats().evictions(EvictionCause.INVALIDATED))
				.as("invalidated, against the %d sessions listed for the upstream", listedAtResponse.get())
				.isEqualTo(listedAtResponse.get());
		}
		finally {
			pool.disposeLater().block(REQUEST_TIMEOUT);
		}
	}

	@Test
	void aNoReuseCacheThatIsNotTheDefaultCountsItsOwnHandshakes() throws Exception {
		JdkTlsSessionCache defaultCache = new JdkTlsSessionCache("default", TlsSessionCacheSettings.DEFAULTS, TRUST);
		JdkTlsSessionCache noReuse = new JdkTlsSessionCache("noreuse", noReuse(Duration.ofSeconds(10)), TRUST);
		List<String> handshakes = new CopyOnWriteArrayList<>();
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13);
				TlsSessionCaches caches = noReuseRoutedForApiTest(defaultCache, noReuse)) {
			caches.addHandshakeListener(
					(cache, key, outcome, protocol, nanos) -> handshakes.add(cache.name() + " " + key + " " + outcome));
			TestClient client = new TestClient(caches);
			for (int i = 0; i < 3; i++) {
				assertThat(client.get(server.url("api.test"))).isEqualTo("ok");
			}
			assertThat(server.full()).isEqualTo(3);
			assertThat(server.resumed()).isZero();
			assertThat(noReuse.stats().fullHandshakes()).as("full handshakes of the no-reuse cache").isEqualTo(3);
			assertThat(noReuse.stats().resumedHandshakes()).isZero();
			assertThat(noReuse.size()).isZero();
			assertThat(handshakes).containsExactly("noreuse api.test:" + server.port() + " " + HandshakeOutcome.FULL,
					"noreuse api.test:" + server.port() + " " + HandshakeOutcome.FULL,
					"noreuse api.test:" + server.port() + " " + HandshakeOutcome.FULL);
			assertNoHandshakes(defaultCache);
			client.get(server.url("localhost"));
			client.get(server.url("localhost"));
			assertThat(defaultCache.stats().fullHandshakes()).isEqualTo(1);
			assertThat(defaultCache.stats().resumedHandshakes()).isEqualTo(1);
			assertThat(noReuse.stats().fullHandshakes()).isEqualTo(3);
		}
	}

	@Test
	void theHandshakeTimeoutOfANoReuseCacheThatIsNotTheDefaultApplies() throws Exception {
		JdkTlsSessionCache defaultCache = new JdkTlsSessionCache("default", TlsSessionCacheSettings.DEFAULTS, TRUST);
		JdkTlsSessionCache noReuse = new JdkTlsSessionCache("noreuse", noReuse(Duration.ofMillis(200)), TRUST);
		// listens and never answers: the kernel completes the TCP connect from the
		// backlog, the ClientHello is never read
		try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
				TlsSessionCaches caches = noReuseRoutedForApiTest(defaultCache, noReuse)) {
			TestClient client = new TestClient(caches);
			long start = System.nanoTime();
			assertThatException().isThrownBy(() -> client.get("https://api.test:" + silent.getLocalPort() + "/"))
				.withRootCauseInstanceOf(SslHandshakeTimeoutException.class);
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(elapsed).as("the no-reuse cache's 200ms, not the default's 10s")
				.isLessThan(Duration.ofSeconds(3));
			Waits.until("the failed handshake was counted", () -> noReuse.stats().failedHandshakes() == 1);
			assertThat(noReuse.stats().fullHandshakes() + noReuse.stats().resumedHandshakes()).isZero();
			assertNoHandshakes(defaultCache);
		}
	}

	private static void fill(TestClient client, TlsUpstream server) {
		for (int i = 0; i < 3; i++) {
			assertThat(client.get(server.url("localhost"))).isEqualTo("ok");
		}
		for (int i = 0; i < 2; i++) {
			assertThat(client.get(server.url("api.test"))).isEqualTo("ok");
		}
		assertThat(server.resumed()).as("resumed while filling the cache").isEqualTo(3);
		server.resetCounts();
	}

	/**
	 * The upstream's sessions were not offered again, the other upstream's still are.
	 */
	private static void assertNextHandshakes(TestClient client, TlsUpstream server, TlsSessionKey upstream,
			TlsSessionKey other) {
		server.resetCounts();
		client.get(server.url(upstream.host()));
		assertThat(server.full()).as("a full handshake to %s", upstream).isEqualTo(1);
		client.get(server.url(other.host()));
		assertThat(server.resumed()).as("a resumed handshake to %s", other).isEqualTo(1);
	}

	private static void assertNoHandshakes(TlsSessionCache cache) {
		TlsSessionStats stats = cache.stats();
		assertThat(stats.fullHandshakes() + stats.resumedHandshakes() + stats.failedHandshakes())
			.as("handshakes counted by the default cache")
			.isZero();
	}

	private static List<TlsSession> sessions(TlsSessionCache cache, TlsSessionKey key) {
		return cache.sessions().stream().filter((session) -> session.key().equals(key)).toList();
	}

	private static List<String> idHashes(TlsSessionCache cache, TlsSessionKey key) {
		return sessions(cache, key).stream().map(TlsSession::idHash).sorted().toList();
	}

	private static TlsSessionCaches caches(TlsSessionCache cache) {
		return new TlsSessionCaches(List.of(cache), Map.of(), cache.name());
	}

	private static TlsSessionCaches noReuseRoutedForApiTest(TlsSessionCache defaultCache, TlsSessionCache noReuse) {
		return new TlsSessionCaches(List.of(defaultCache, noReuse),
				Map.of("noreuse", List.of(HostRule.parse("api.test"))), "default");
	}

	private static TlsSessionCacheSettings noReuse(Duration handshakeTimeout) {
		TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
		return new TlsSessionCacheSettings(d.maxSessions(), d.maxSessionsPerHost(), d.timeout(), false, true, true,
				false, false, handshakeTimeout);
	}

	/**
	 * A factory over the test authority's trust managers that counts how often it is
	 * asked for them: the stand-in for loading the JVM's trust store.
	 */
	static final class CountingTrustManagerFactory extends TrustManagerFactory {

		private final CountingSpi spi;

		CountingTrustManagerFactory() {
			this(new CountingSpi());
		}

		private CountingTrustManagerFactory(CountingSpi spi) {
			super(spi, null, "counting");
			this.spi = spi;
		}

		int calls() {
			return this.spi.calls.get();
		}

	}

	private static final class CountingSpi extends TrustManagerFactorySpi {

		private final TrustManagerFactory delegate = TestPki.get().root().toTrustManagerFactory();

		private final AtomicInteger calls = new AtomicInteger();

		@Override
		protected void engineInit(KeyStore keyStore) {
		}

		@Override
		protected void engineInit(ManagerFactoryParameters parameters) {
		}

		@Override
		protected TrustManager[] engineGetTrustManagers() {
			this.calls.incrementAndGet();
			return this.delegate.getTrustManagers();
		}

	}

}
