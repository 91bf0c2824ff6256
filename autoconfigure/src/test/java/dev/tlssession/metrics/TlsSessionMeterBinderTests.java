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

package dev.tlssession.metrics;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import dev.tlssession.EvictionCause;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionStats;
import dev.tlssession.jdk.JdkTlsSessionCache;
import dev.tlssession.openssl.OpenSslTlsSessionCache;
import dev.tlssession.test.ResumptionMode;
import dev.tlssession.test.TlsUpstream;
import dev.tlssession.testsupport.TestClient;
import dev.tlssession.testsupport.TestPki;
import dev.tlssession.testsupport.TestServers;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static dev.tlssession.test.TlsUpstreamAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

/**
 * Tests for {@link TlsSessionMeterBinder} over a {@link SimpleMeterRegistry}, with real
 * handshakes against the test kit's upstream: names, tags and counts, which must equal
 * the cache's statistics and what the server saw.
 */
class TlsSessionMeterBinderTests {

	private final MeterRegistry registry = new SimpleMeterRegistry();

	private TlsSessionCaches caches;

	@AfterEach
	void close() {
		if (this.caches != null) {
			this.caches.close();
		}
	}

	@Test
	void handshakeTimersCountWhatTheCacheAndTheServerCounted() throws Exception {
		TlsSessionCache cache = bind(openSsl("payments", TestPki.trust()), false);
		try (TlsUpstream upstream = TestServers.start(ResumptionMode.TLS13)) {
			get(upstream, 5);
			TlsSessionStats stats = cache.stats();
			assertThat(count("tls.session.handshakes", "outcome", "resumed")).isEqualTo(4)
				.isEqualTo(stats.resumedHandshakes());
			assertThat(count("tls.session.handshakes", "outcome", "full")).isEqualTo(1)
				.isEqualTo(stats.fullHandshakes());
			assertThat(count("tls.session.offers", "result", "accepted")).isEqualTo(4)
				.isEqualTo(stats.offersAccepted());
			assertThat(upstream).agreesWithHandshakeMeters(this.registry, "payments");
		}
	}

	@Test
	void handshakeAndOfferMetersAreTaggedWithCacheProviderProtocolAndOutcome() throws Exception {
		bind(openSsl("payments", TestPki.trust()), false);
		try (TlsUpstream upstream = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			get(upstream, 2);
		}
		assertThat(this.registry.find("tls.session.handshakes").timers()).hasSize(2)
			.allSatisfy(
					(timer) -> assertThat(tagKeys(timer)).containsExactly("cache", "outcome", "protocol", "provider"));
		assertThat(this.registry.get("tls.session.handshakes")
			.tags("cache", "payments", "provider", "openssl", "protocol", "TLSv1.2", "outcome", "full")
			.timer()
			.count()).isEqualTo(1);
		assertThat(this.registry.get("tls.session.offers")
			.tags("cache", "payments", "provider", "openssl", "protocol", "TLSv1.2", "result", "accepted")
			.counter()
			.count()).isEqualTo(1);
	}

	@Test
	void jdkMetersAreTaggedWithTheJdkProvider() throws Exception {
		bind(new JdkTlsSessionCache("catalog", TlsSessionCacheSettings.DEFAULTS, TestPki.trust()), false);
		try (TlsUpstream upstream = TestServers.start(ResumptionMode.TLS13)) {
			get(upstream, 2);
			assertThat(this.registry.get("tls.session.handshakes")
				.tags("cache", "catalog", "provider", "jdk", "protocol", "TLSv1.3", "outcome", "resumed")
				.timer()
				.count()).isEqualTo(1);
			assertThat(upstream).agreesWithHandshakeMeters(this.registry, "catalog");
		}
	}

	@Test
	void aFailedHandshakeHasTheUnknownProtocol() throws Exception {
		TlsSessionCache cache = bind(openSsl("payments", TestPki.trust(TestPki.create("Other CA"))), false);
		try (TlsUpstream upstream = TestServers.start(ResumptionMode.TLS13)) {
			assertThatException().isThrownBy(() -> new TestClient(this.caches).get(upstream.url("localhost")));
		}
		assertThat(this.registry.get("tls.session.handshakes")
			.tags("cache", "payments", "provider", "openssl", "protocol", "unknown", "outcome", "failed")
			.timer()
			.count()).isEqualTo(1).isEqualTo(cache.stats().failedHandshakes());
	}

	@Test
	void aRejectedOfferIsCountedAndItsSessionEvicted() throws Exception {
		TlsSessionCache cache = bind(openSsl("payments", TestPki.trust()), false);
		try (TlsUpstream upstream = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			get(upstream, 1);
			upstream.forgetSessions();
			get(upstream, 1);
		}
		assertThat(count("tls.session.offers", "result", "rejected")).isEqualTo(1)
			.isEqualTo(cache.stats().offersRejected());
		assertThat(evictions(EvictionCause.REJECTED)).isEqualTo(1)
			.isEqualTo(cache.stats().evictions(EvictionCause.REJECTED));
	}

	@Test
	void cacheSizeAndEvictionsFollowTheCache() throws Exception {
		TlsSessionCache cache = bind(openSsl("payments", TestPki.trust()), false);
		try (TlsUpstream upstream = TestServers.start(ResumptionMode.TLS12_SESSION_IDS)) {
			get(upstream, 1);
			assertThat(this.registry.get("tls.session.cache.size")
				.tags("cache", "payments", "provider", "openssl")
				.gauge()
				.value()).isEqualTo(1).isEqualTo(cache.size());
			cache.flush();
		}
		assertThat(this.registry.get("tls.session.cache.size").gauge().value()).isZero();
		assertThat(evictions(EvictionCause.FLUSHED)).isEqualTo(1);
		assertThat(this.registry.find("tls.session.cache.evictions").functionCounters())
			.extracting((counter) -> counter.getId().getTag("cause"))
			.containsExactlyInAnyOrder(
					Stream.of(EvictionCause.values()).map(EvictionCause::tag).toArray(String[]::new));
	}

	@Test
	void noMeterHasAHostTagByDefault() throws Exception {
		bind(openSsl("payments", TestPki.trust()), false);
		try (TlsUpstream upstream = TestServers.start(ResumptionMode.TLS13)) {
			get(upstream, 2);
		}
		assertThat(this.registry.getMeters()).isNotEmpty()
			.allSatisfy((meter) -> assertThat(meter.getId().getTag("host")).isNull());
	}

	@Test
	void handshakesAndOffersHaveAHostTagWhenEnabled() throws Exception {
		bind(openSsl("payments", TestPki.trust()), true);
		try (TlsUpstream upstream = TestServers.start(ResumptionMode.TLS13)) {
			get(upstream, 2);
			String host = "localhost:" + upstream.port();
			assertThat(this.registry.find("tls.session.handshakes").timers())
				.allSatisfy((timer) -> assertThat(timer.getId().getTag("host")).isEqualTo(host));
			assertThat(this.registry.find("tls.session.offers").counters())
				.allSatisfy((counter) -> assertThat(counter.getId().getTag("host")).isEqualTo(host));
			assertThat(this.registry.find("tls.session.cache.size").gauge().getId().getTag("host")).isNull();
			assertThat(upstream).agreesWithHandshakeMeters(this.registry, "payments");
		}
	}

	@Test
	void everyRegistryItIsBoundToCounts() throws Exception {
		TlsSessionCache cache = bind(openSsl("payments", TestPki.trust()), false);
		MeterRegistry second = new SimpleMeterRegistry();
		new TlsSessionMeterBinder(this.caches, false).bindTo(second);
		try (TlsUpstream upstream = TestServers.start(ResumptionMode.TLS13)) {
			get(upstream, 3);
		}
		assertThat(second.get("tls.session.handshakes").tag("outcome", "resumed").timer().count())
			.isEqualTo(cache.stats().resumedHandshakes())
			.isEqualTo(count("tls.session.handshakes", "outcome", "resumed"));
	}

	private TlsSessionCache bind(TlsSessionCache cache, boolean hostTag) {
		this.caches = new TlsSessionCaches(List.of(cache), Map.of(), cache.name());
		new TlsSessionMeterBinder(this.caches, hostTag).bindTo(this.registry);
		return cache;
	}

	private static OpenSslTlsSessionCache openSsl(String name, TlsMaterial material) throws Exception {
		return new OpenSslTlsSessionCache(name, TlsSessionCacheSettings.DEFAULTS, material);
	}

	private void get(TlsUpstream upstream, int times) {
		TestClient client = new TestClient(this.caches);
		for (int i = 0; i < times; i++) {
			assertThat(client.get(upstream.url("localhost"))).isEqualTo("ok");
		}
	}

	private long count(String name, String key, String value) {
		return this.registry.find(name)
			.tag(key, value)
			.meters()
			.stream()
			.mapToLong(TlsSessionMeterBinderTests::count)
			.sum();
	}

	private static long count(Meter meter) {
		if (meter instanceof Timer timer) {
			return timer.count();
		}
		return (long) ((Counter) meter).count();
	}

	private double evictions(EvictionCause cause) {
		return this.registry.get("tls.session.cache.evictions").tag("cause", cause.tag()).functionCounter().count();
	}

	private static List<String> tagKeys(Meter meter) {
		return meter.getId().getTags().stream().map(Tag::getKey).sorted().toList();
	}

}
