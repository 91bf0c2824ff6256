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

package dev.tlssession.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.tlssession.HandshakeOutcome;
import dev.tlssession.TlsMaterial;
import dev.tlssession.TlsProvider;
import dev.tlssession.TlsSession;
import dev.tlssession.TlsSessionCacheSettings;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionKey;
import dev.tlssession.cache.AbstractTlsSessionCache;
import io.netty.handler.ssl.SslContext;
import org.junit.jupiter.api.Test;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link TlsSessionsHealthIndicator}: the window arithmetic on a clock the test
 * moves. A sample of each cache's counters is taken at most once a second; the counts
 * reported are those since the newest sample at or before the window's start, or since
 * the first sample when the window reaches back further.
 */
class TlsSessionsHealthIndicatorTests {

	private static final TlsSessionKey UPSTREAM = new TlsSessionKey("api.test", 443);

	private final MutableClock clock = new MutableClock();

	private final CountingCache payments = new CountingCache("payments", TlsProvider.OPENSSL);

	private final CountingCache catalog = new CountingCache("catalog", TlsProvider.JDK);

	private final TlsSessionsHealthIndicator indicator = new TlsSessionsHealthIndicator(
			new TlsSessionCaches(List.of(this.payments, this.catalog), Map.of(), "payments"), Duration.ofMinutes(5),
			this.clock);

	@Test
	void isUpWithTheWindowAndDetailsPerCache() {
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsOnlyKeys("window", "payments", "catalog")
			.containsEntry("window", "PT5M");
		assertThat(details(health, "payments")).containsExactly(Map.entry("provider", "openssl"),
				Map.entry("reuseRatio", 0.0), Map.entry("resumed", 0L), Map.entry("full", 0L), Map.entry("failed", 0L),
				Map.entry("offersRejected", 0L), Map.entry("size", 0));
		assertThat(details(health, "catalog")).containsEntry("provider", "jdk");
	}

	@Test
	void staysUpWhenNothingResumes() {
		this.payments.handshakes(HandshakeOutcome.FULL, 10);
		this.payments.handshakes(HandshakeOutcome.FAILED, 3);
		this.payments.rejectedOffers(2);
		Health health = this.indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(details(health, "payments")).containsEntry("reuseRatio", 0.0)
			.containsEntry("full", 10L)
			.containsEntry("failed", 3L)
			.containsEntry("offersRejected", 2L);
	}

	@Test
	void firstCheckCountsEverythingSinceTheCachesStarted() {
		this.payments.handshakes(HandshakeOutcome.RESUMED, 3);
		this.payments.handshakes(HandshakeOutcome.FULL, 1);
		assertThat(details(this.indicator.health(), "payments")).containsEntry("resumed", 3L)
			.containsEntry("full", 1L)
			.containsEntry("reuseRatio", 0.75);
	}

	@Test
	void handshakesBeforeTheFirstCheckStayInLaterChecksWhileTheWindowReachesBackToThem() {
		this.payments.handshakes(HandshakeOutcome.RESUMED, 3);
		this.indicator.health();
		this.clock.advance(Duration.ofMinutes(3));
		this.payments.handshakes(HandshakeOutcome.RESUMED, 2);
		assertThat(details(this.indicator.health(), "payments")).containsEntry("resumed", 5L)
			.containsEntry("reuseRatio", 1.0);
	}

	@Test
	void theBaselineIsTheNewestSampleAtOrBeforeTheWindowStart() {
		this.payments.handshakes(HandshakeOutcome.FULL, 1);
		this.indicator.health();
		this.clock.advance(Duration.ofMinutes(3));
		this.payments.handshakes(HandshakeOutcome.RESUMED, 2);
		this.indicator.health();
		this.clock.advance(Duration.ofMinutes(3));
		this.payments.handshakes(HandshakeOutcome.FULL, 1);
		// the window starts at 1 minute: the counts the indicator started from, at 0, are
		// still the newest at or before it
		assertThat(details(this.indicator.health(), "payments")).containsEntry("resumed", 2L).containsEntry("full", 2L);
		this.clock.advance(Duration.ofMinutes(3));
		// the window starts at 4 minutes: the baseline moves to the sample at 3
		assertThat(details(this.indicator.health(), "payments")).containsEntry("resumed", 0L).containsEntry("full", 1L);
	}

	@Test
	void aSampleExactlyAtTheWindowStartIsTheBaseline() {
		this.indicator.health();
		this.clock.advance(Duration.ofMinutes(1));
		this.payments.handshakes(HandshakeOutcome.RESUMED, 4);
		this.indicator.health();
		this.clock.advance(Duration.ofMinutes(5));
		this.payments.handshakes(HandshakeOutcome.FULL, 1);
		assertThat(details(this.indicator.health(), "payments")).containsEntry("resumed", 0L).containsEntry("full", 1L);
	}

	@Test
	void samplesAtMostOnceASecond() {
		this.indicator.health();
		this.clock.advance(Duration.ofMillis(999));
		this.payments.handshakes(HandshakeOutcome.RESUMED, 1);
		this.indicator.health();
		this.clock.advance(Duration.ofMinutes(5));
		this.payments.handshakes(HandshakeOutcome.FULL, 1);
		// no sample was taken at 999 ms: the baseline is still the one at 0, and the
		// resumption counts
		assertThat(details(this.indicator.health(), "payments")).containsEntry("resumed", 1L).containsEntry("full", 1L);
	}

	@Test
	void aSampleASecondLaterIsTaken() {
		this.indicator.health();
		this.clock.advance(Duration.ofSeconds(1));
		this.payments.handshakes(HandshakeOutcome.RESUMED, 1);
		this.indicator.health();
		this.clock.advance(Duration.ofMinutes(5));
		this.payments.handshakes(HandshakeOutcome.FULL, 1);
		// the sample at 1 s is at the window's start: the resumption before it no longer
		// counts
		assertThat(details(this.indicator.health(), "payments")).containsEntry("resumed", 0L).containsEntry("full", 1L);
	}

	@Test
	void eachCacheHasItsOwnWindow() {
		this.payments.handshakes(HandshakeOutcome.RESUMED, 5);
		this.catalog.handshakes(HandshakeOutcome.FULL, 2);
		Health health = this.indicator.health();
		assertThat(details(health, "payments")).containsEntry("resumed", 5L).containsEntry("full", 0L);
		assertThat(details(health, "catalog")).containsEntry("resumed", 0L).containsEntry("full", 2L);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> details(Health health, String cache) {
		return (Map<String, Object>) health.getDetails().get(cache);
	}

	/**
	 * A clock that moves when the test says.
	 */
	private static final class MutableClock extends Clock {

		private Instant now = Instant.parse("2026-01-01T00:00:00Z");

		void advance(Duration duration) {
			this.now = this.now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

		@Override
		public Instant instant() {
			return this.now;
		}

	}

	/**
	 * A cache whose counters the test sets, through the accounting every cache shares.
	 */
	private static final class CountingCache extends AbstractTlsSessionCache {

		CountingCache(String name, TlsProvider provider) {
			super(name, provider, TlsSessionCacheSettings.DEFAULTS);
		}

		void handshakes(HandshakeOutcome outcome, int count) {
			for (int i = 0; i < count; i++) {
				recordHandshake(UPSTREAM, outcome, "TLSv1.3", System.nanoTime());
			}
		}

		void rejectedOffers(int count) {
			for (int i = 0; i < count; i++) {
				recordOffer(UPSTREAM, false, "TLSv1.3");
			}
		}

		@Override
		public SslContext sslContext() {
			throw new UnsupportedOperationException();
		}

		@Override
		public int size() {
			return 0;
		}

		@Override
		public List<TlsSession> sessions() {
			return List.of();
		}

		@Override
		public boolean add(TlsSession session) {
			return false;
		}

		@Override
		public boolean remove(TlsSession session) {
			return false;
		}

		@Override
		public int remove(String host, int port) {
			return 0;
		}

		@Override
		public int flush() {
			return 0;
		}

		@Override
		public void rebuild(TlsMaterial material) {
		}

		@Override
		public void close() {
		}

	}

}
