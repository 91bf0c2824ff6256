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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.tlssession.TlsSessionCache;
import dev.tlssession.TlsSessionCaches;
import dev.tlssession.TlsSessionStats;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Reports, per cache, how well upstream connections resumed over a recent window. It is
 * always {@code UP}: resumption saves cost, it is not liveness. The details are for
 * dashboards and alerts: a reuse ratio that drops to zero usually means an upstream
 * rotated its ticket keys, a load balancer spreads connections, or a client builds a new
 * context per request.
 *
 * @since 0.1.0
 */
public class TlsSessionsHealthIndicator extends AbstractHealthIndicator {

	private static final Duration MIN_SAMPLE_INTERVAL = Duration.ofSeconds(1);

	private final TlsSessionCaches caches;

	private final Duration window;

	private final Clock clock;

	private final Map<String, Deque<Sample>> samples = new ConcurrentHashMap<>();

	/**
	 * Creates an indicator.
	 * @param caches the caches
	 * @param window how far back the reported ratios look
	 */
	public TlsSessionsHealthIndicator(TlsSessionCaches caches, Duration window) {
		this(caches, window, Clock.systemUTC());
	}

	TlsSessionsHealthIndicator(TlsSessionCaches caches, Duration window, Clock clock) {
		super("TLS session health check failed");
		this.caches = caches;
		this.window = window;
		this.clock = clock;
		// the counts start at zero with the caches: the first check's baseline, so that
		// handshakes made before it
		// stay in later reports while the window reaches back to them
		Instant created = clock.instant();
		for (TlsSessionCache cache : caches.caches()) {
			this.samples.put(cache.name(), new ArrayDeque<>(List.of(Sample.zeroAt(created))));
		}
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("window", this.window.toString());
		for (TlsSessionCache cache : this.caches.caches()) {
			builder.withDetail(cache.name(), describe(cache));
		}
	}

	private Map<String, Object> describe(TlsSessionCache cache) {
		TlsSessionStats stats = cache.stats();
		Sample now = new Sample(this.clock.instant(), stats);
		Sample since = oldestInWindow(cache.name(), now);
		long resumed = now.resumed - since.resumed;
		long full = now.full - since.full;
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("provider", cache.provider().tag());
		details.put("reuseRatio", (resumed + full != 0) ? (double) resumed / (resumed + full) : 0.0);
		details.put("resumed", resumed);
		details.put("full", full);
		details.put("failed", now.failed - since.failed);
		details.put("offersRejected", now.offersRejected - since.offersRejected);
		details.put("size", stats.size());
		return details;
	}

	/**
	 * Records a sample (at most one a second) and returns the baseline: the newest sample
	 * at or before the window's start, or the first one (the zero counts the indicator
	 * started from) when the window reaches back further.
	 */
	private Sample oldestInWindow(String cache, Sample now) {
		Deque<Sample> history = this.samples.computeIfAbsent(cache,
				(name) -> new ArrayDeque<>(List.of(Sample.zeroAt(now.time))));
		synchronized (history) {
			Sample newest = history.peekLast();
			if (newest == null || Duration.between(newest.time, now.time).compareTo(MIN_SAMPLE_INTERVAL) >= 0) {
				history.addLast(now);
			}
			// keep one sample at or before the window's start, the baseline; drop the
			// older ones
			Instant start = now.time.minus(this.window);
			while (history.size() > 1 && !second(history).time.isAfter(start)) {
				history.removeFirst();
			}
			return history.peekFirst();
		}
	}

	private static Sample second(Deque<Sample> history) {
		Iterator<Sample> samples = history.iterator();
		samples.next();
		return samples.next();
	}

	private record Sample(Instant time, long resumed, long full, long failed, long offersRejected) {

		static Sample zeroAt(Instant time) {
			return new Sample(time, 0, 0, 0, 0);
		}

		Sample(Instant time, TlsSessionStats stats) {
			this(time, stats.resumedHandshakes(), stats.fullHandshakes(), stats.failedHandshakes(),
					stats.offersRejected());
		}

	}

}
