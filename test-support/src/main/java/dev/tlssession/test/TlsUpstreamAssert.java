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

package dev.tlssession.test;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a {@link TlsUpstream} saw, and on whether a client's meters agree
 * with it.
 *
 * @since 0.1.0
 */
public final class TlsUpstreamAssert extends AbstractAssert<TlsUpstreamAssert, TlsUpstream> {

	/**
	 * The starter's handshake timer.
	 */
	static final String HANDSHAKES_METER = "tls.session.handshakes";

	private static final Duration SETTLE_TIMEOUT = Duration.ofSeconds(2);

	TlsUpstreamAssert(TlsUpstream upstream) {
		super(upstream, TlsUpstreamAssert.class);
	}

	/**
	 * Assertions on the handshakes of the most recent connections.
	 * @param connections how many connections; the upstream must have seen at least that
	 * many handshakes
	 * @return assertions on their handshakes, oldest first
	 */
	public HandshakesAssert lastConnections(int connections) {
		isNotNull();
		List<UpstreamHandshake> last = this.actual.lastHandshakes(connections);
		if (last.size() < connections) {
			failWithMessage("Expected at least %d connections to %s but it saw %d handshakes", connections, this.actual,
					last.size());
		}
		return new HandshakesAssert(last);
	}

	/**
	 * Assertions on the handshakes of every connection so far.
	 * @return assertions on the handshakes, oldest first
	 */
	public HandshakesAssert connections() {
		isNotNull();
		return new HandshakesAssert(this.actual.handshakes());
	}

	/**
	 * Checks that no handshake failed on the upstream's side.
	 * @return this
	 */
	public TlsUpstreamAssert hasNoFailedHandshakes() {
		isNotNull();
		if (this.actual.failedHandshakes() != 0) {
			failWithMessage("Expected no failed handshakes on %s but %d failed", this.actual,
					this.actual.failedHandshakes());
		}
		return this;
	}

	/**
	 * Checks that the client's {@code tls.session.handshakes} timer of a cache counted
	 * the resumed and full handshakes this upstream saw since it started (or its counts
	 * were reset). When the timers have a {@code host} tag
	 * ({@code tls.session.metrics.host-tag=true}) only those of this upstream's port
	 * count; otherwise the cache must have talked to this upstream only. Meters and
	 * server are given up to two seconds to settle.
	 * @param registry the client application's meter registry
	 * @param cache the cache's name
	 * @return this
	 */
	public TlsUpstreamAssert agreesWithHandshakeMeters(MeterRegistry registry, String cache) {
		isNotNull();
		long deadline = System.nanoTime() + SETTLE_TIMEOUT.toNanos();
		while (true) {
			long resumed = this.actual.resumed();
			long full = this.actual.full();
			long metersResumed = count(registry, cache, "resumed");
			long metersFull = count(registry, cache, "full");
			if (resumed == metersResumed && full == metersFull) {
				return this;
			}
			if (System.nanoTime() - deadline > 0) {
				failWithMessage(
						"Expected the %s{cache=%s} meters to agree with %s, which saw %d resumed and %d full "
								+ "handshakes, but they counted %d resumed and %d full",
						HANDSHAKES_METER, cache, this.actual, resumed, full, metersResumed, metersFull);
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
	}

	private long count(MeterRegistry registry, String cache, String outcome) {
		Collection<Timer> timers = registry.find(HANDSHAKES_METER).tag("cache", cache).tag("outcome", outcome).timers();
		boolean hostTagged = timers.stream().anyMatch((timer) -> timer.getId().getTag("host") != null);
		String port = ":" + this.actual.port();
		return timers.stream()
			.filter((timer) -> !hostTagged || String.valueOf(timer.getId().getTag("host")).endsWith(port))
			.mapToLong(Timer::count)
			.sum();
	}

}
