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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStore;
import dev.tlssession.reactor.TlsSessionHttpClients;
import dev.tlssession.routing.HostRule;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.LoopbackResolver;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;
import reactor.netty.resources.LoopResources;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An application's {@link TlsSessionStore} can be slow, hung, wrong or broken: it costs
 * the connections that asked it a full handshake at most, never an event loop (BlockHound
 * watches every test), never a request, and a single-use session it hands out twice is
 * offered once.
 */
class StoreSafetyTests {

	static final TlsMaterial TRUST = TestPki.trust();

	private final LoopResources loops = LoopResources.create("store-safety", 2, true);

	private final List<OpenSslTlsSessionCache> caches = new ArrayList<>();

	@AfterEach
	void close() {
		for (OpenSslTlsSessionCache cache : this.caches) {
			cache.close();
			assertThat(cache.nativeSessionReferences()).as("native references after close").isZero();
		}
		this.loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	@Test
	void aHungStoreHoldsOnlyTheHandshakesThatAskedItWhileOtherConnectionsOnTheSameEventLoopsComplete() {
		HeldStore store = new HeldStore();
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			HttpClient client = client(cache("plain", TlsSessionCacheSettings.DEFAULTS, null, Duration.ZERO),
					cache("stored", onlyTheStoreLooksUp(), store, Duration.ofSeconds(5)));
			List<CompletableFuture<String>> held = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				held.add(get(client, server.url("api.test")).toFuture());
			}
			Waits.until("both lookup threads are held by the store", () -> store.asked.get() >= 2);
			List<String> others = Flux.range(0, 8)
				.flatMap((i) -> get(client, server.url("localhost")), 8)
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(others).hasSize(8).containsOnly("ok");
			assertThat(held).as("requests waiting for the store").noneMatch(CompletableFuture::isDone);
			assertThat(server.handshakes()).as("handshakes the server saw while the store was held").hasSize(8);
			store.release();
			for (CompletableFuture<String> request : held) {
				assertThat(request).succeedsWithin(Duration.ofSeconds(10)).isEqualTo("ok");
			}
			assertThat(server.handshakes()).hasSize(16);
			assertThat(server.failedHandshakes()).isZero();
			assertThat(this.caches.get(1).stats().storeFailures()).isZero();
		}
	}

	@Test
	void aStoreThatSleepsPastTheTimeoutCostsFullHandshakesAndIsInterrupted() {
		SleepingStore store = new SleepingStore(Duration.ofMillis(300));
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			OpenSslTlsSessionCache cache = cache("stored", onlyTheStoreLooksUp(), store, Duration.ofMillis(100));
			HttpClient client = client(cache);
			List<String> bodies = Flux.range(0, 8)
				.flatMap((i) -> get(client, server.url("localhost")), 8)
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(bodies).hasSize(8).containsOnly("ok");
			assertThat(server.full()).isEqualTo(8);
			assertThat(cache.stats().storeFailures()).as("lookups that timed out").isEqualTo(8);
			// lookups still queued when abandoned never run; the ones running are
			// interrupted
			Waits.until("the abandoned lookups are interrupted",
					() -> store.started.get() > 0 && store.interrupted.get() == store.started.get());
		}
	}

	@Test
	void aSingleUseSessionTheStoreHandsOutAgainAndAgainIsOfferedOnce() {
		FirstSessionStore store = new FirstSessionStore();
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			OpenSslTlsSessionCache cache = cache("stored", onlyTheStoreLooksUp(), store, Duration.ofSeconds(5));
			HttpClient client = client(cache);
			assertThat(get(client, server.url("localhost")).block(Duration.ofSeconds(10))).isEqualTo("ok");
			Waits.until("the store has a session", () -> store.first.get() != null);
			assertThat(store.first.get().singleUse()).isTrue();
			List<String> bodies = Flux.range(0, 8)
				.flatMap((i) -> get(client, server.url("localhost")), 8)
				.collectList()
				.block(Duration.ofSeconds(10));
			assertThat(bodies).hasSize(8).containsOnly("ok");
			assertThat(server.resumed()).as("resumed handshakes the server saw").isEqualTo(1);
			assertThat(server.full()).isEqualTo(8);
			assertThat(cache.stats().offersAccepted()).isEqualTo(1);
			assertThat(cache.stats().storeFailures()).as("offers of the spent ticket refused").isEqualTo(7);
			assertThat(store.first.get().resumable()).isFalse();
		}
	}

	@Test
	void aSessionThatLeftTheCacheBeforeTheStoreHeardOfItIsAMissThenAFailureOnceItHas() throws Exception {
		SlowRemovalStore store = new SlowRemovalStore();
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			OpenSslTlsSessionCache cache = cache("stored", onlyTheStoreLooksUp(), store, Duration.ofSeconds(5));
			HttpClient client = client(cache);
			assertThat(get(client, server.url("localhost")).block(Duration.ofSeconds(10))).isEqualTo("ok");
			Waits.until("the store has a session", () -> store.first.get() != null);
			cache.flush();
			Waits.until("the store's onRemoved has started", () -> store.removing.getCount() == 0);
			assertThat(get(client, server.url("localhost")).block(Duration.ofSeconds(10))).isEqualTo("ok");
			assertThat(cache.stats().storeFailures()).as("the store could not know yet").isZero();
			store.release.countDown();
			Waits.until("the store heard of the removal", () -> store.removed.get() == 1);
			assertThat(get(client, server.url("localhost")).block(Duration.ofSeconds(10))).isEqualTo("ok");
			assertThat(cache.stats().storeFailures()).as("the store was told").isEqualTo(1);
			assertThat(server.resumed()).isZero();
			assertThat(server.full()).isEqualTo(3);
		}
	}

	@Test
	void theStoreHearsOfEverySessionBeforeItsRemoval() {
		RecordingStore store = new RecordingStore();
		TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
		TlsSessionCacheSettings small = new TlsSessionCacheSettings(4, 2, d.timeout(), true, true, true, false, false,
				d.handshakeTimeout());
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			OpenSslTlsSessionCache cache = cache("stored", small, store, Duration.ofSeconds(5));
			HttpClient client = client(cache);
			for (String host : TestPki.HOSTS) {
				for (int i = 0; i < 4; i++) {
					assertThat(get(client, server.url(host)).block(Duration.ofSeconds(10))).isEqualTo("ok");
				}
			}
			long removals = cache.stats().evictions().values().stream().mapToLong(Long::longValue).sum();
			assertThat(removals).isGreaterThan(20);
			Waits.until("every removal is told", () -> store.removals() == removals);
			Map<String, Integer> firstSeen = new HashMap<>();
			List<String> events = store.events();
			for (int i = 0; i < events.size(); i++) {
				String[] event = events.get(i).split(" ");
				if (event[0].equals("new")) {
					assertThat(firstSeen.put(event[1], i)).as("a session announced twice").isNull();
				}
				else {
					assertThat(firstSeen).as("removal of a session never announced: " + event[1]).containsKey(event[1]);
				}
			}
			assertThat(store.failures.get()).isZero();
			assertThat(cache.stats().storeFailures()).isZero();
		}
	}

	@Test
	void aStoreThatThrowsErrorsAndExceptionsEverywhereCostsFullHandshakesOnly() {
		ThrowingStore store = new ThrowingStore();
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS13)) {
			OpenSslTlsSessionCache cache = cache("stored", onlyTheStoreLooksUp(), store, Duration.ofSeconds(5));
			HttpClient client = client(cache);
			for (int i = 0; i < 10; i++) {
				assertThat(get(client, server.url("localhost")).block(Duration.ofSeconds(10))).isEqualTo("ok");
			}
			assertThat(server.full()).isEqualTo(10);
			Waits.until("every call failed and was counted",
					() -> cache.stats().storeFailures() == store.calls.get() && store.calls.get() >= 20);
			Waits.until("the cache holds what it counts", () -> cache.nativeSessionReferences() == cache.size());
		}
	}

	@Test
	void aStoreSessionOfAnotherUpstreamOrCacheIsRefused() {
		AtomicReference<TlsSession> foreign = new AtomicReference<>();
		TlsSessionStore store = new TlsSessionStore() {

			@Override
			public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
				foreign.compareAndSet(null, session);
			}

			@Override
			public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
				return foreign.get();
			}

		};
		try (TlsUpstream server = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			OpenSslTlsSessionCache cache = cache("stored", onlyTheStoreLooksUp(), store, Duration.ofSeconds(5));
			HttpClient client = client(cache);
			assertThat(get(client, server.url("api.test")).block(Duration.ofSeconds(10))).isEqualTo("ok");
			Waits.until("the store has a session", () -> foreign.get() != null);
			for (int i = 0; i < 3; i++) {
				assertThat(get(client, server.url("other.test")).block(Duration.ofSeconds(10))).isEqualTo("ok");
			}
			assertThat(server.resumed()).isZero();
			assertThat(cache.stats().storeFailures()).isEqualTo(3);
		}
	}

	private OpenSslTlsSessionCache cache(String name, TlsSessionCacheSettings settings, @Nullable TlsSessionStore store,
			Duration timeout) {
		try {
			OpenSslTlsSessionCache cache = new OpenSslTlsSessionCache(name, settings, TRUST, store, timeout);
			this.caches.add(cache);
			return cache;
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * A client on two event loops: with a second cache, "api.test" goes to it and
	 * everything else to the first.
	 */
	private HttpClient client(OpenSslTlsSessionCache... caches) {
		Map<String, List<HostRule>> rules = (caches.length > 1)
				? Map.of(caches[1].name(), List.of(HostRule.parse("api.test"))) : Map.of();
		TlsSessionCaches registry = new TlsSessionCaches(List.of(caches), rules, caches[0].name());
		return new TlsSessionHttpClients(registry)
			.routed(LoopbackResolver.apply(HttpClient.create(ConnectionProvider.newConnection()).runOn(this.loops)));
	}

	static Mono<String> get(HttpClient client, String url) {
		return client.get().uri(url).responseContent().aggregate().asString();
	}

	static TlsSessionCacheSettings onlyTheStoreLooksUp() {
		TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
		return new TlsSessionCacheSettings(d.maxSessions(), d.maxSessionsPerHost(), d.timeout(), true, true, true,
				false, true, d.handshakeTimeout());
	}

	/**
	 * Holds every lookup until released (at most ten seconds), then answers that it has
	 * nothing.
	 */
	static final class HeldStore implements TlsSessionStore {

		final AtomicInteger asked = new AtomicInteger();

		private final CountDownLatch released = new CountDownLatch(1);

		@Override
		public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			this.asked.incrementAndGet();
			try {
				this.released.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			return null;
		}

		void release() {
			this.released.countDown();
		}

	}

	/**
	 * Sleeps through every lookup.
	 */
	static final class SleepingStore implements TlsSessionStore {

		final AtomicInteger started = new AtomicInteger();

		final AtomicInteger interrupted = new AtomicInteger();

		private final Duration sleep;

		SleepingStore(Duration sleep) {
			this.sleep = sleep;
		}

		@Override
		public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			this.started.incrementAndGet();
			try {
				Thread.sleep(this.sleep.toMillis());
			}
			catch (InterruptedException ex) {
				this.interrupted.incrementAndGet();
			}
			return null;
		}

	}

	/**
	 * Keeps the first session it is told about and hands it out for every lookup: "the
	 * newest session for this upstream", never updated.
	 */
	static class FirstSessionStore implements TlsSessionStore {

		final AtomicReference<TlsSession> first = new AtomicReference<>();

		@Override
		public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
			this.first.compareAndSet(null, session);
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			return this.first.get();
		}

	}

	/**
	 * Hands out the first session it heard of, forever, and takes its time (at most ten
	 * seconds) to hear of its removal.
	 */
	static final class SlowRemovalStore extends FirstSessionStore {

		final CountDownLatch removing = new CountDownLatch(1);

		final CountDownLatch release = new CountDownLatch(1);

		final AtomicInteger removed = new AtomicInteger();

		@Override
		public void onRemoved(String cache, TlsSessionKey key, TlsSession session, EvictionCause cause) {
			this.removing.countDown();
			try {
				this.release.await(10, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			this.removed.incrementAndGet();
		}

	}

	/**
	 * Records every notification in the order it arrives.
	 */
	static final class RecordingStore implements TlsSessionStore {

		final AtomicInteger failures = new AtomicInteger();

		private final List<String> events = new ArrayList<>();

		@Override
		public synchronized void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
			this.events.add("new " + session.idHash());
		}

		@Override
		public synchronized void onRemoved(String cache, TlsSessionKey key, TlsSession session, EvictionCause cause) {
			this.events.add("removed " + session.idHash() + " " + cause.tag());
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			return null;
		}

		synchronized List<String> events() {
			return List.copyOf(this.events);
		}

		synchronized long removals() {
			return this.events.stream().filter((event) -> event.startsWith("removed")).count();
		}

	}

	/**
	 * Throws from every call: errors and exceptions in turn.
	 */
	static final class ThrowingStore implements TlsSessionStore {

		final AtomicInteger calls = new AtomicInteger();

		@Override
		public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
			fail();
		}

		@Override
		public void onRemoved(String cache, TlsSessionKey key, TlsSession session, EvictionCause cause) {
			fail();
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			fail();
			return null;
		}

		private void fail() {
			if (this.calls.incrementAndGet() % 2 == 0) {
				throw new AssertionError("store error");
			}
			throw new IllegalStateException("store down");
		}

	}

}
