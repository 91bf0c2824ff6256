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

package dev.tlssession.actuate.endpoint;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.TlsSessionStats;
import dev.tlssession.TlsSessionStore;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpoint.CacheDescriptor;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpoint.CacheDetailsDescriptor;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpoint.CachesDescriptor;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpoint.RemovalDescriptor;
import dev.tlssession.actuate.endpoint.TlsSessionsEndpoint.SessionDescriptor;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.routing.HostRule;
import dev.tlssession.test.OpenSslServer;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.TestClient;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import dev.tlssession.testsupport.Waits;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Tests for {@link TlsSessionsEndpoint} alone, over real caches and handshakes, without
 * HTTP.
 */
class TlsSessionsEndpointTests {

	private TlsUpstream upstream;

	private TlsSessionCaches caches;

	private TlsSessionsEndpoint endpoint;

	private TestClient client;

	@BeforeEach
	void start() throws Exception {
		this.upstream = TestServers.start(ResumptionMode.TLS12_SESSION_IDS);
		this.caches = new TlsSessionCaches(
				List.of(new OpenSslTlsSessionCache("default", TlsSessionCacheSettings.DEFAULTS, TestPki.trust()),
						new OpenSslTlsSessionCache("payments", TlsSessionCacheSettings.DEFAULTS, TestPki.trust())),
				Map.of("payments", List.of(HostRule.parse("payments.test"))), "default");
		this.endpoint = new TlsSessionsEndpoint(this.caches);
		this.client = new TestClient(this.caches);
	}

	@AfterEach
	void stop() {
		this.caches.close();
		this.upstream.close();
	}

	@Test
	void describesEveryCacheWithItsSettingsAndCounts() {
		call("localhost", 3);
		call("payments.test", 1);
		CachesDescriptor descriptor = this.endpoint.caches();
		assertThat(descriptor.defaultCache()).isEqualTo("default");
		assertThat(descriptor.caches()).containsOnlyKeys("default", "payments");
		CacheDescriptor fallback = descriptor.caches().get("default");
		TlsSessionStats stats = this.caches.get("default").stats();
		assertThat(fallback.provider()).isEqualTo("openssl");
		assertThat(fallback.settings().hosts()).isEmpty();
		assertThat(fallback.settings().maxSessions()).isEqualTo(TlsSessionCacheSettings.DEFAULTS.maxSessions());
		assertThat(fallback.settings().timeout()).isEqualTo(TlsSessionCacheSettings.DEFAULTS.timeout());
		assertThat(fallback.handshakes().full()).isEqualTo(1).isEqualTo(stats.fullHandshakes());
		assertThat(fallback.handshakes().resumed()).isEqualTo(2).isEqualTo(stats.resumedHandshakes());
		assertThat(fallback.handshakes().failed()).isZero();
		assertThat(fallback.reuseRatio()).isEqualTo(2.0 / 3);
		assertThat(fallback.offers().accepted()).isEqualTo(2);
		assertThat(fallback.offers().rejected()).isZero();
		assertThat(fallback.size()).isEqualTo(1);
		assertThat(fallback.stored()).isEqualTo(stats.stored());
		assertThat(fallback.evictions())
			.containsOnlyKeys(Stream.of(EvictionCause.values()).map(EvictionCause::tag).toList());
		CacheDescriptor payments = descriptor.caches().get("payments");
		assertThat(payments.settings().hosts()).containsExactly("payments.test");
		assertThat(payments.handshakes().full()).isEqualTo(1);
		assertThat(payments.size()).isEqualTo(1);
	}

	@Test
	void describesOneCacheWithItsSessionsAndTheirTotal() {
		call("localhost", 1);
		call("api.test", 1);
		call("other.test", 1);
		Instant now = Instant.now();
		CacheDetailsDescriptor details = this.endpoint.cache("default", null);
		assertThat(details.total()).isEqualTo(3);
		assertThat(details.cache().size()).isEqualTo(3);
		assertThat(details.sessions()).extracting(SessionDescriptor::host)
			.containsExactlyInAnyOrder("localhost", "api.test", "other.test");
		SessionDescriptor session = details.sessions().get(0);
		assertThat(session.port()).isEqualTo(this.upstream.port());
		assertThat(session.protocol()).isEqualTo("TLSv1.2");
		assertThat(session.cipherSuite()).isNotEmpty();
		assertThat(session.singleUse()).isFalse();
		assertThat(session.idHash()).hasSize(16);
		assertThat(session.created()).isBeforeOrEqualTo(now);
		assertThat(session.expires()).isAfter(now);
		assertThat(session.age().isNegative()).isFalse();
		assertThat(session.timeLeft()).isPositive().isLessThanOrEqualTo(TlsSessionCacheSettings.DEFAULTS.timeout());
	}

	@Test
	void listsAtMostTheLimitWithTheTotal() {
		call("localhost", 1);
		call("api.test", 1);
		call("other.test", 1);
		CacheDetailsDescriptor details = this.endpoint.cache("default", 2);
		assertThat(details.total()).isEqualTo(3);
		assertThat(details.sessions()).hasSize(2);
		assertThat(this.endpoint.cache("default", 1).sessions()).hasSize(1);
	}

	@Test
	void listsAHundredSessionsByDefaultAndUpToTenThousand(@TempDir Path directory) throws Exception {
		TlsSessionCacheSettings d = TlsSessionCacheSettings.DEFAULTS;
		// the cache keeps as many of an upstream's tickets as its demand calls for (one
		// connection: 4), while the sessions an application adds keep the per-host bound:
		// a store that adds every new session fills the cache with all 150
		TlsSessionCacheSettings deep = new TlsSessionCacheSettings(1024, 200, d.timeout(), true, true, true, true,
				false, d.handshakeTimeout());
		AtomicReference<TlsSessionCache> added = new AtomicReference<>();
		TlsSessionStore adding = new TlsSessionStore() {

			@Override
			public void onNewSession(String cache, TlsSessionKey key, TlsSession session) {
				added.get().add(session);
			}

			@Override
			public @Nullable TlsSession lookup(String cache, TlsSessionKey key) {
				return null;
			}

		};
		OpenSslTlsSessionCache deepCache = new OpenSslTlsSessionCache("deep", deep, TestPki.trust(), adding,
				Duration.ofSeconds(1));
		added.set(deepCache);
		try (TlsSessionCaches caches = new TlsSessionCaches(List.of(deepCache), Map.of(), "deep");
				OpenSslServer server = TestServers.sServerTls13(150, directory)) {
			new TestClient(caches).get(server.url("localhost"));
			TlsSessionCache cache = caches.get("deep");
			Waits.until("150 tickets stored", () -> cache.size() == 150);
			TlsSessionsEndpoint endpoint = new TlsSessionsEndpoint(caches);
			assertThat(endpoint.cache("deep", null).sessions()).hasSize(TlsSessionsEndpoint.DEFAULT_LIMIT);
			assertThat(endpoint.cache("deep", null).total()).isEqualTo(150);
			assertThat(endpoint.cache("deep", TlsSessionsEndpoint.MAX_LIMIT).sessions()).hasSize(150);
		}
	}

	@Test
	void refusesALimitOutOfRange() {
		for (int limit : new int[] { 0, -1, TlsSessionsEndpoint.MAX_LIMIT + 1 }) {
			assertThatIllegalArgumentException().isThrownBy(() -> this.endpoint.cache("default", limit))
				.withMessage("limit must be from 1 to 10000, was " + limit);
		}
		assertThat(this.endpoint.cache("default", 1)).isNotNull();
		assertThat(this.endpoint.cache("default", 10_000)).isNotNull();
	}

	@Test
	void unknownCacheIsNull() {
		assertThat(this.endpoint.cache("nope", null)).isNull();
		assertThat(this.endpoint.removeSessions("nope", null, null)).isNull();
		assertThat(this.endpoint.removeSessions("nope", "localhost", 443)).isNull();
	}

	@Test
	void refusesAHostWithoutAPortAndAPortWithoutAHost() {
		call("localhost", 1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> this.endpoint.removeSessions("default", "localhost", null))
			.withMessageContaining("both host and port");
		assertThatIllegalArgumentException().isThrownBy(() -> this.endpoint.removeSessions("default", null, 443))
			.withMessageContaining("both host and port");
		assertThat(this.caches.get("default").size()).isEqualTo(1);
	}

	@Test
	void flushRemovesEverySessionAndSaysHowMany() {
		call("localhost", 1);
		call("api.test", 1);
		assertThat(this.endpoint.removeSessions("default", null, null))
			.isEqualTo(new RemovalDescriptor("default", null, 2));
		assertThat(this.caches.get("default").size()).isZero();
		assertThat(this.caches.get("default").stats().evictions(EvictionCause.FLUSHED)).isEqualTo(2);
		assertThat(this.endpoint.removeSessions("default", null, null).removed()).isZero();
	}

	@Test
	void removingOneUpstreamKeepsTheOthers() {
		call("localhost", 1);
		call("api.test", 1);
		int port = this.upstream.port();
		assertThat(this.endpoint.removeSessions("default", "api.test", port))
			.isEqualTo(new RemovalDescriptor("default", "api.test:" + port, 1));
		assertThat(this.endpoint.cache("default", null).sessions()).extracting(SessionDescriptor::host)
			.containsExactly("localhost");
		assertThat(this.caches.get("default").stats().evictions(EvictionCause.REMOVED)).isEqualTo(1);
		assertThat(this.endpoint.removeSessions("default", "api.test", port).removed()).isZero();
	}

	private void call(String host, int times) {
		for (int i = 0; i < times; i++) {
			assertThat(this.client.get(this.upstream.url(host))).isEqualTo("ok");
		}
	}

}
