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

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStore;
import dev.tlssession.test.OpenSslServer;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.TestClient;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The native session references a cache holds are exactly what it keeps: after churn,
 * flushes, removals, rebuilds and failed handshakes the count equals the cache's size
 * once its connections have closed, it returns to zero when the cache closes, and it
 * stays at the cache's bound without the garbage collector's help however many views of
 * evicted sessions the application keeps.
 */
class NativeReferenceTests {

	@TempDir
	Path directory;

	@ParameterizedTest
	@EnumSource(ResumptionMode.class)
	void theCountIsWhatTheCacheHoldsThroughChurnFlushesRemovalsRebuildsAndFailures(ResumptionMode mode)
			throws Exception {
		OpenSslTlsSessionCache cache = new OpenSslTlsSessionCache("counted", TlsSessionCacheSettings.DEFAULTS,
				TestPki.trust());
		TestClient client = new TestClient(cache);
		try (TlsUpstream server = TestServers.start(mode);
				TlsUpstream untrusted = TestServers.start(mode, TestPki.create("Other Root CA").server(), null,
						false)) {
			for (String host : TestPki.HOSTS) {
				client.get(server.url(host));
			}
			assertHeld(cache);
			assertThat(cache.size()).isPositive();
			cache.remove("api.test", server.port());
			cache.remove(cache.sessions().get(0));
			assertHeld(cache);
			assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> client.get(untrusted.url("localhost")));
			server.resetConnectionsAfterResponse(true);
			client.getPooled(server.url("localhost"));
			server.resetConnectionsAfterResponse(false);
			assertHeld(cache);
			cache.flush();
			assertHeld(cache);
			assertThat(cache.size()).isZero();
			client.get(server.url("localhost"));
			client.get(server.url("localhost"));
			cache.rebuild(TestPki.trust());
			assertHeld(cache);
			client.get(server.url("localhost"));
			assertHeld(cache);
			assertThat(cache.size()).isPositive();
		}
		finally {
			cache.close();
		}
		assertThat(cache.nativeSessionReferences()).isZero();
	}

	/**
	 * Two hundred full handshakes with a server that sends a thousand TLS 1.3 tickets
	 * after each, through a cache of 1,024 sessions whose store keeps every view it is
	 * told about and offers none: the views outlive their sessions, the native references
	 * do not. No collection is asked for.
	 */
	@Test
	void twoHundredThousandSessionsThroughACacheOf1024StayAtItsBoundWithoutTheGarbageCollector() throws Exception {
		TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
		TlsSessionCacheSettings bounded = new TlsSessionCacheSettings(1024, 1024, d.timeout(), true, true, true, false,
				true, d.handshakeTimeout());
		HoardingStore store = new HoardingStore();
		OpenSslTlsSessionCache cache = new OpenSslTlsSessionCache("bounded", bounded, TestPki.trust(), store,
				Duration.ofSeconds(1));
		TestClient client = new TestClient(new TlsSessionCaches(List.of(cache), Map.of(), "bounded"));
		AtomicLong peak = new AtomicLong();
		ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
		long residentBefore = NativeReferences.residentKib();
		long heapBefore = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 10;
		try (OpenSslServer server = TestServers.sServerTls13(1000, this.directory)) {
			sampler.scheduleAtFixedRate(() -> peak.accumulateAndGet(cache.nativeSessionReferences(), Math::max), 1, 1,
					TimeUnit.MILLISECONDS);
			for (int i = 0; i < 200; i++) {
				client.get("https://localhost:" + server.port() + "/");
				assertThat(cache.nativeSessionReferences()).isLessThanOrEqualTo(1025);
			}
			Waits.until("the last connection has closed", () -> cache.nativeSessionReferences() == cache.size());
			long residentAfter = NativeReferences.residentKib();
			long heapAfter = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getCommitted() >> 10;
			System.out.printf("200,000 sessions: %d received, %d views kept by the store, native references %d "
					+ "(peak %d), cache size %d, RSS %d KiB before, %d KiB after, committed heap %d KiB before, "
					+ "%d KiB after%n", cache.stats().stored(), store.views.size(), cache.nativeSessionReferences(),
					peak.get(), cache.size(), residentBefore, residentAfter, heapBefore, heapAfter);
			assertThat(cache.stats().stored()).isGreaterThanOrEqualTo(200_000);
			assertThat(store.views).hasSizeGreaterThan(10_000);
			// one connection at a time: the cache keeps what the upstream's demand calls
			// for, within the bound
			assertThat(cache.size()).isBetween(1, 1024);
			assertThat(peak.get()).as("native references at any time").isLessThanOrEqualTo(1025);
			assertThat(store.views).filteredOn(TlsSession::resumable).hasSizeLessThanOrEqualTo(1024);
		}
		finally {
			sampler.shutdownNow();
			cache.close();
		}
		assertThat(cache.nativeSessionReferences()).isZero();
	}

	private static void assertHeld(OpenSslTlsSessionCache cache) {
		Waits.until("the cache holds what it counts", () -> cache.nativeSessionReferences() == cache.size());
	}

	/**
	 * Keeps every session it is told about, and offers none.
	 */
	static final class HoardingStore implements TlsSessionStore {

		final Queue<TlsSession> views = new ConcurrentLinkedQueue<>();

		@Override
		public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
			this.views.add(session);
		}

		@Override
		public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
			return null;
		}

	}

}
