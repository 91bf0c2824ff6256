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

package dev.tlssession.openssl;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStats;
import dev.tlssession.TlsSessionStore;
import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.TestClient;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The flags, the store SPI and the reuse policy, each checked against what the server
 * resumed.
 */
class SessionControlTests {

	@Test
	void noInternalStoreWithoutAStoreDropsEverySessionAndCountsIt() {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", flags(true, false), null);
			requests(new TestClient(cache), server, 3);
			assertThat(server.full()).isEqualTo(3);
			assertThat(cache.size()).isZero();
			assertThat(cache.stats().dropped()).isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void noInternalLookupStillFillsTheCacheButOffersNothing() {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", flags(false, true), new KeepingStore(false));
			requests(new TestClient(cache), server, 3);
			assertThat(server.full()).isEqualTo(3);
			assertThat(cache.size()).isPositive();
			TlsSessionStats stats = cache.stats();
			assertThat(stats.offersAccepted() + stats.offersRejected()).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(ResumptionMode.class)
	void withBothFlagsOnlyTheStoreDecidesAndItsSessionsResume(ResumptionMode mode) {
		try (TlsUpstream server = TestServers.start(mode)) {
			KeepingStore store = new KeepingStore(true);
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", flags(true, true), store);
			TestClient client = new TestClient(cache);
			for (int i = 0; i < 10; i++) {
				client.get(server.url("localhost"));
				Waits.until("the store got a session", () -> store.size() > 0);
			}
			assertThat(cache.size()).isZero();
			assertThat(server.full()).isEqualTo(1);
			assertThat(server.resumed()).isEqualTo(9);
			assertThat(cache.stats().offersAccepted()).isEqualTo(9);
		}
	}

	@Test
	void aStoreThatThrowsCostsFullHandshakesAndIsCounted() {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", flags(false, true),
					new FailingStore(Duration.ZERO));
			requests(new TestClient(cache), server, 3);
			assertThat(server.full()).isEqualTo(3);
			assertThat(cache.stats().storeFailures()).isGreaterThanOrEqualTo(3);
		}
	}

	@Test
	void aStoreThatBlocksCostsFullHandshakesWithinTheStoreTimeout() {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", flags(false, true),
					new FailingStore(Duration.ofSeconds(10)));
			long start = System.nanoTime();
			requests(new TestClient(cache), server, 5);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).as("five requests, each waiting 200ms at most")
				.isLessThan(Duration.ofSeconds(5));
			assertThat(server.full()).isEqualTo(5);
			assertThat(cache.stats().storeFailures()).isGreaterThanOrEqualTo(5);
		}
	}

	@Test
	void aStoreThatReturnsASessionOfAnotherCacheIsRefused() {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			OpenSslTlsSessionCache other = SeedSemanticsTests.cache("other", TlsSessionCacheSettings.DEFAULTS, null);
			new TestClient(other).get(server.url("localhost"));
			TlsSession foreign = other.sessions().get(0);
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", flags(false, true), new KeepingStore(false) {
				@Override
				public TlsSession lookup(String cacheName, TlsSessionKey key) {
					return foreign;
				}
			});
			requests(new TestClient(cache), server, 2);
			assertThat(server.resumed()).isZero();
			assertThat(cache.stats().storeFailures()).isEqualTo(2);
		}
	}

	@ParameterizedTest
	@EnumSource(ResumptionMode.class)
	void reuseOffStoresAndOffersNothingOnOpenSsl(ResumptionMode mode) {
		try (TlsUpstream server = TestServers.start(mode)) {
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", reuseOff(), null);
			requests(new TestClient(cache), server, 4);
			assertThat(server.resumed()).isZero();
			assertThat(cache.size()).isZero();
			assertThat(cache.stats().stored()).isZero();
		}
	}

	@ParameterizedTest
	@EnumSource(ResumptionMode.class)
	void reuseOffStoresAndOffersNothingOnTheJdk(ResumptionMode mode) throws Exception {
		try (TlsUpstream server = TestServers.start(mode)) {
			JdkTlsSessionCache cache = new JdkTlsSessionCache("a", reuseOff(), SeedSemanticsTests.TRUST);
			requests(new TestClient(cache), server, 4);
			assertThat(server.resumed()).isZero();
			assertThat(cache.size()).isZero();
			assertThat(cache.stats().fullHandshakes()).isEqualTo(4);
		}
	}

	@Test
	void singleUseTicketsAreNeverOfferedTwiceUnderConcurrency() {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", TlsSessionCacheSettings.DEFAULTS, null);
			TestClient client = new TestClient(cache);
			client.get(server.url("localhost"));
			Waits.until("tickets arrived", () -> cache.size() > 0);
			int tickets = cache.size();
			Flux.range(0, 8)
				.flatMap((i) -> Mono.fromCallable(() -> client.get(server.url("localhost")))
					.subscribeOn(Schedulers.boundedElastic()), 8)
				.blockLast(Duration.ofSeconds(20));
			TlsSessionStats stats = cache.stats();
			long offers = stats.offersAccepted() + stats.offersRejected();
			assertThat(stats.evictions(EvictionCause.SINGLE_USE)).as("every offered ticket left the cache")
				.isEqualTo(offers);
			assertThat(offers).as("no more offers than tickets received").isLessThanOrEqualTo(stats.stored());
			assertThat(server.resumed()).isEqualTo(stats.offersAccepted()).isPositive();
			assertThat(tickets).isPositive();
		}
	}

	@Test
	void theServersShorterTicketLifetimeWins() throws Exception {
		try (TlsUpstream server = TestServers.startJdk(ResumptionMode.TLS13)) {
			server.sessionTimeout(1);
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", TlsSessionCacheSettings.DEFAULTS, null);
			TestClient client = new TestClient(cache);
			client.get(server.url("localhost"));
			Waits.until("tickets arrived", () -> cache.size() > 0);
			assertThat(cache.sessions().get(0).expires()).isBefore(cache.sessions().get(0).created().plusSeconds(2));
			client.get(server.url("localhost"));
			assertThat(server.resumed()).as("within the lifetime").isEqualTo(1);
			Thread.sleep(1100);
			client.get(server.url("localhost"));
			assertThat(server.resumed()).as("after the server's lifetime").isEqualTo(1);
			assertThat(cache.stats().evictions(EvictionCause.EXPIRED)).isPositive();
		}
	}

	@Test
	void aRejectedOfferIsEvictedAndTheNextConnectionResumesTheNewSession() {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", TlsSessionCacheSettings.DEFAULTS, null);
			TestClient client = new TestClient(cache);
			client.get(server.url("localhost"));
			server.forgetSessions();
			assertThat(client.get(server.url("localhost"))).isEqualTo("ok");
			client.get(server.url("localhost"));
			TlsSessionStats stats = cache.stats();
			assertThat(stats.offersRejected()).isEqualTo(1);
			assertThat(stats.evictions(EvictionCause.REJECTED)).isEqualTo(1);
			assertThat(stats.offersAccepted()).isEqualTo(1);
			assertThat(server.full()).isEqualTo(2);
			assertThat(server.resumed()).isEqualTo(1);
		}
	}

	@Test
	void withoutEvictOnRejectionARejectedSessionStays() {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
			OpenSslTlsSessionCache cache = SeedSemanticsTests.cache("a", new TlsSessionCacheSettings(d.maxSessions(),
					d.maxSessionsPerHost(), d.timeout(), true, true, false, false, false, d.handshakeTimeout()), null);
			TestClient client = new TestClient(cache);
			client.get(server.url("localhost"));
			server.forgetSessions();
			client.get(server.url("localhost"));
			assertThat(cache.stats().offersRejected()).isEqualTo(1);
			assertThat(cache.stats().evictions(EvictionCause.REJECTED)).isZero();
			assertThat(cache.size()).isEqualTo(2);
		}
	}

	@Test
	void nothingIsStoredFromAHandshakeThatFailedVerification() throws Exception {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			TlsMaterial otherTrust = new TlsMaterial(null, TestPki.create("Other CA").root().toTrustManagerFactory(),
					null, null);
			OpenSslTlsSessionCache cache = new OpenSslTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS,
					otherTrust);
			TestClient client = new TestClient(cache);
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> client.get(server.url("localhost")));
			assertThat(cache.size()).isZero();
			assertThat(cache.stats().stored()).isZero();
			assertThat(cache.stats().failedHandshakes()).isEqualTo(1);
		}
	}

	@Test
	void theJdkProviderRefusesToAddNamingTheCacheAndTheProviderThatCan() throws Exception {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			JdkTlsSessionCache cache = new JdkTlsSessionCache("payments", TlsSessionCacheSettings.DEFAULTS,
					SeedSemanticsTests.TRUST);
			TestClient client = new TestClient(cache);
			client.get(server.url("localhost"));
			TlsSession session = cache.sessions().get(0);
			assertThatExceptionOfType(UnsupportedOperationException.class).isThrownBy(() -> cache.add(session))
				.withMessageContaining("'payments'")
				.withMessageContaining("jdk")
				.withMessageContaining("openssl");
		}
	}

	@Test
	void theJdkProviderListsRemovesAndFlushes() throws Exception {
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			JdkTlsSessionCache cache = new JdkTlsSessionCache("a", TlsSessionCacheSettings.DEFAULTS,
					SeedSemanticsTests.TRUST);
			TestClient client = new TestClient(cache);
			client.get(server.url("localhost"));
			assertThat(cache.sessions()).extracting(TlsSession::key)
				.containsOnly(new TlsSessionKey("localhost", server.port()));
			assertThat(cache.remove("localhost", server.port())).isPositive();
			client.get(server.url("localhost"));
			assertThat(server.resumed()).isZero();
			assertThat(cache.flush()).isPositive();
			client.get(server.url("localhost"));
			assertThat(server.resumed()).isZero();
			assertThat(cache.stats().evictions(EvictionCause.FLUSHED)).isPositive();
		}
	}

	private static void requests(TestClient client, TlsUpstream server, int count) {
		for (int i = 0; i < count; i++) {
			assertThat(client.get(server.url("localhost"))).isEqualTo("ok");
		}
	}

	private static TlsSessionCacheSettings flags(boolean noInternalStore, boolean noInternalLookup) {
		return SeedSemanticsTests.settings(noInternalStore, noInternalLookup);
	}

	private static TlsSessionCacheSettings reuseOff() {
		TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
		return new TlsSessionCacheSettings(d.maxSessions(), d.maxSessionsPerHost(), d.timeout(), false, true, true,
				false, false, d.handshakeTimeout());
	}

	/**
	 * Keeps sessions in its own map and, if asked to, hands the newest back.
	 */
	static class KeepingStore implements TlsSessionStore {

		private final Map<TlsSessionKey, Deque<TlsSession>> sessions = new ConcurrentHashMap<>();

		private final boolean handBack;

		KeepingStore(boolean handBack) {
			this.handBack = handBack;
		}

		@Override
		public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
			Deque<TlsSession> deque = this.sessions.computeIfAbsent(key, (k) -> new ArrayDeque<>());
			synchronized (deque) {
				deque.addLast(session);
			}
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			Deque<TlsSession> deque = this.sessions.get(key);
			if (!this.handBack || deque == null) {
				return null;
			}
			synchronized (deque) {
				TlsSession newest = deque.peekLast();
				if (newest != null && newest.singleUse()) {
					deque.removeLast();
				}
				return newest;
			}
		}

		int size() {
			return this.sessions.values().stream().mapToInt(Deque::size).sum();
		}

	}

	/**
	 * Fails every call, after a delay.
	 */
	static final class FailingStore implements TlsSessionStore {

		private final Duration delay;

		FailingStore(Duration delay) {
			this.delay = delay;
		}

		@Override
		public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
			throw new IllegalStateException("store down");
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			try {
				Thread.sleep(this.delay.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			throw new IllegalStateException("store down");
		}

	}

}
