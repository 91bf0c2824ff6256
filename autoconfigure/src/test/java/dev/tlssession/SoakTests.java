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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.ssl.SSLException;

import dev.tlssession.openssl.NativeReferences;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.routing.HostRule;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.Memory;
import dev.tlssession.testsupport.TestClient;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests with connection churn across three upstreams at 8-way concurrency while
 * another thread flushes, removes and lists sessions and rebuilds a cache with its TLS
 * material (a bundle reload), and an application store chooses the sessions of the other
 * cache: no request fails, the caches stay within their bounds, the heap after GC stays
 * flat and the native session references are what the caches hold.
 * {@code -Dtls.session.soak.requests} sets the number of requests (50,000 by default).
 */
class SoakTests {

	private static final int REQUESTS = Integer.getInteger("tls.session.soak.requests", 50_000);

	private static final int MAX_SESSIONS = 64;

	private static final int MAX_PER_HOST = 4;

	@Test
	void churnFlushesAndListingsUnderLoadLoseNoRequestAndStayBounded() throws Exception {
		try (TlsUpstream tls13 = TestServers.start(ResumptionMode.TLS13);
				TlsUpstream sessionIds = TestServers.start(ResumptionMode.TLS12_SESSION_IDS);
				TlsUpstream stateless = TestServers.start(ResumptionMode.TLS12_TICKETS)) {
			TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
			TlsSessionCacheSettings settings = new TlsSessionCacheSettings(MAX_SESSIONS, MAX_PER_HOST, d.timeout(),
					true, true, true, false, false, d.handshakeTimeout());
			OpenSslTlsSessionCache main = new OpenSslTlsSessionCache("main", settings, TestPki.trust(),
					new LatestSessionStore(), Duration.ofMillis(50));
			OpenSslTlsSessionCache catalog = new OpenSslTlsSessionCache("catalog", settings, TestPki.trust());
			TlsSessionCaches caches = new TlsSessionCaches(List.of(main, catalog),
					Map.of("catalog", List.of(HostRule.parse("*.catalog.test"))), "main");
			TestClient client = new TestClient(caches);
			List<String> urls = List.of(tls13.url("localhost"), sessionIds.url("api.test"),
					stateless.url("a.catalog.test"), tls13.url("b.catalog.test"), stateless.url("other.test"));
			AtomicInteger failures = new AtomicInteger();
			AtomicLong maxSize = new AtomicLong();
			ScheduledExecutorService control = Executors.newSingleThreadScheduledExecutor();
			try {
				control.scheduleAtFixedRate(() -> {
					for (TlsSessionCache cache : caches.caches()) {
						maxSize.accumulateAndGet(cache.size(), Math::max);
						cache.sessions();
						cache.stats();
					}
				}, 10, 10, TimeUnit.MILLISECONDS);
				control.scheduleAtFixedRate(main::flush, 2, 2, TimeUnit.SECONDS);
				control.scheduleAtFixedRate(() -> catalog.remove("a.catalog.test", stateless.port()), 1, 1,
						TimeUnit.SECONDS);
				control.scheduleAtFixedRate(() -> rebuild(catalog), 500, 500, TimeUnit.MILLISECONDS);
				long heapBefore = 0;
				long start = System.nanoTime();
				for (int batch = 0; batch < 5; batch++) {
					run(client, urls, REQUESTS / 5, failures);
					if (batch == 0) {
						heapBefore = Memory.usedHeapAfterGc();
					}
				}
				long heapAfter = Memory.usedHeapAfterGc();
				Duration took = Duration.ofNanos(System.nanoTime() - start);
				TlsSessionStats stats = main.stats();
				System.out.printf(
						"Soak: %d requests in %ds, %d failures, max cache size %d, heap after GC %d KiB "
								+ "then %d KiB, main cache %s%n",
						REQUESTS, took.toSeconds(), failures.get(), maxSize.get(), heapBefore >> 10, heapAfter >> 10,
						stats);
				assertThat(failures).hasValue(0);
				assertThat(maxSize.get()).isLessThanOrEqualTo(MAX_SESSIONS);
				assertThat(stats.resumedHandshakes()).as("resumption keeps working between flushes")
					.isGreaterThan(stats.fullHandshakes());
				assertThat(heapAfter - heapBefore).as("heap growth after GC, bytes").isLessThan(32L << 20);
				assertThat(stats.storeFailures()).isZero();
				control.shutdownNow();
				for (OpenSslTlsSessionCache cache : List.of(main, catalog)) {
					Waits.until("the cache holds what it counts", () -> NativeReferences.held(cache) == cache.size());
				}
			}
			finally {
				control.shutdownNow();
			}
		}
	}

	private static void rebuild(OpenSslTlsSessionCache cache) {
		try {
			cache.rebuild(TestPki.trust());
		}
		catch (SSLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void run(TestClient client, List<String> urls, int requests, AtomicInteger failures) {
		Flux.range(0, requests)
			.flatMap((i) -> Mono.fromCallable(() -> client.get(urls.get(i % urls.size())))
				.subscribeOn(Schedulers.boundedElastic())
				.onErrorResume((ex) -> {
					failures.incrementAndGet();
					return Mono.empty();
				}), 8)
			.blockLast(Duration.ofMinutes(5));
	}

	/**
	 * Keeps the newest session per upstream and offers it when the cache has none, the
	 * store most applications would write.
	 */
	static final class LatestSessionStore implements TlsSessionStore {

		private final Map<TlsSessionKey, TlsSession> latest = new ConcurrentHashMap<>();

		@Override
		public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
			this.latest.put(key, session);
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			TlsSession session = this.latest.get(key);
			return (session != null && session.resumable()) ? session : null;
		}

		@Override
		public void onRemoved(String cache, TlsSessionKey key, TlsSession session, EvictionCause cause) {
			this.latest.remove(key, session);
		}

	}

}
